// The go1.0 profile against reference Part A (Go 1.0.x runtime sources).

@testable import GoHeap
import Testing

/// All 60 classes with pages per span, as reference A.2 lists them (msize.c InitSizes, 4 KiB pages).
let go10Table: [(Int, Int)] = [
  (8, 1), (16, 1), (32, 1), (48, 1), (64, 1), (80, 1), (96, 1), (112, 1), (128, 1), (144, 1),
  (160, 1), (176, 1), (192, 1), (208, 1), (224, 1), (240, 1), (256, 1), (288, 1), (320, 1),
  (352, 1), (384, 1), (448, 1), (512, 1), (576, 1), (640, 1), (704, 2), (768, 1), (832, 2),
  (1024, 1), (1152, 2), (1280, 1), (1408, 3), (1536, 2), (1664, 3), (2048, 1), (2304, 3),
  (2560, 2), (3072, 3), (3328, 5), (4096, 1), (4352, 6), (4608, 5), (5120, 4), (6144, 3),
  (6656, 5), (6912, 7), (8192, 2), (8704, 7), (10240, 5), (10496, 8), (12288, 3), (14080, 7),
  (16384, 4), (17664, 9), (20480, 5), (21248, 11), (24576, 6), (24832, 13), (28672, 7), (32768, 8),
]

@Test func go10SizeClassTableIsAllSixtyClasses() {
  let t = RuntimeProfile.go10.sizeClasses
  #expect(t.classes.count == go10Table.count)
  for (c, (size, pages)) in zip(t.classes, go10Table) {
    #expect(c.size == size && c.pages == pages, "class \(c.index)")
    // Rounding: the class serves every size above the previous class.
    #expect(t.sizeClass(for: size).size == size)
  }
}

@Test func go10SizeClasses() {
  let t = RuntimeProfile.go10.sizeClasses
  #expect(t.classes.count == 60)
  let onePage: Int = t.classes.filter { $0.pages == 1 }.count
  #expect(onePage == 30)
  #expect(t.sizeClass(for: 17).size == 32)  // no 24-byte class in Go 1.0
  #expect(t.sizeClass(for: 833).size == 1024)
  #expect(t.sizeClass(for: 1665) == SizeClass(index: 35, size: 2048, pages: 1))
  #expect(t.classes.last == SizeClass(index: 60, size: 32768, pages: 8))
  #expect(t.sizeClass(for: 24833).pages == 7)
}

@Test func go10HeapGrowthRounding() throws {
  // A.2 worked example: 400,000,000 B = 97,657 pages; growth rounds to 97,664 pages.
  let rt = GoRuntime(profile: .go10)
  let before = rt.memStats()
  let s = try rt.allocateSlice(of: .uint32, len: 100_000_000, cap: 100_000_000)
  let after = rt.memStats()
  #expect(try span(rt, s).npages == 97_657)
  #expect(after.heapSys - before.heapSys == 400_031_744)
  #expect(after.heapReleased == 0)  // Go 1.0 counts fresh memory as idle, never released
  // Small growth: at least HeapAllocChunk (1 MiB).
  #expect(GoRuntime.growthAsk(.go10, pages: 3) == 256)
  #expect(GoRuntime.growthAsk(.go10, pages: 300) == 304)
  try rt.checkInvariants()
}

@Test func go10TriggerIsTwiceTheLiveHeapTestedAfterEveryAllocation() throws {
  let (rt, roots) = runtime(.go10)
  #expect(rt.memStats().numGC == 1)  // gc1 ran before main
  #expect(rt.memStats().nextGC == 2 * RuntimeProfile.go10.startup.heapAllocBytes)
  // A 100 KiB small-object workload crosses next_gc (~384 KiB) during a run of small mallocs.
  for _ in 0..<2000 {
    roots["x"] = try rt.allocate(.array(of: .uint64, count: 32), count: 1)
  }
  #expect(rt.memStats().numGC >= 2)
  let m = rt.memStats()
  #expect(m.nextGC >= m.heapAlloc)
  try rt.checkInvariants()
}

@Test func go10ScavengerTimeline() throws {
  // A.4: allocate at ~0, drop, wait. Forced GCs at the 180, 360, 540 and 720 s ticks; the span
  // freed at 180 s is stamped at 360 s and released at 720 s.
  let (rt, roots) = runtime(.go10)
  var ticks: [ScavengerTick] = []
  rt.subscribe { if case .scavengerTick(let t, _) = $0 { ticks.append(t) } }
  try bigSlice(rt, roots)
  roots["tmp"] = nil
  try rt.advance(by: 15 * Duration.minute)
  let all: [Int] = ticks.map { $0.k }
  let forced: [Int] = ticks.filter { $0.forcedGC }.map { $0.k }
  let releasing: [Int] = ticks.filter { $0.released > 0 }.map { $0.k }
  #expect(all == Array(0..<15))
  #expect(forced == [2, 5, 8, 11, 14])
  #expect(releasing == [11])
  let releasedMB: Int = ticks[11].released >> 20
  #expect(releasedMB == 0x17d)
  #expect(rt.rss < 5 * MiB)
  try rt.checkInvariants()
}

@Test func go10GOGCOffDisablesRuntimeGC() throws {
  let rt = GoRuntime(profile: .go10, gcPercent: -1)
  _ = try rt.allocateSlice(of: .uint8, len: 64 * MiB, cap: 64 * MiB)
  try rt.collect()
  try rt.advance(by: 10 * Duration.minute)
  #expect(rt.memStats().numGC == 1)
}

@Test func go10ArenaLimitIsSixteenGiBWhateverTheRAM() {
  let (rt, roots) = runtime(.go10, machine: MachineConfig(ramBytes: 64 * GiB))
  var died: ProcessDeath? = nil
  do {
    for i in 0..<20 {
      roots["s\(i)"] = try rt.allocateSlice(of: .uint8, len: 1 * GiB, cap: 1 * GiB)
    }
  } catch let d as ProcessDeath {
    died = d
  } catch {}
  guard case .runtimeOutOfMemory? = died else {
    Issue.record("expected the 16 GiB arena to run out")
    return
  }
  #expect(rt.memStats().heapSys < 16 * GiB)
}

struct ReleaseCase: CustomTestStringConvertible, Sendable {
  let profile: String
  let os: OperatingSystem
  let rssDrops: Bool
  let footprintDrops: Bool
  var testDescription: String { "\(profile) on \(os.rawValue)" }
}

/// What the OS sees after FreeOSMemory-style release (reference A.5, B.10).
@Test(arguments: [
  ReleaseCase(profile: "go1.27", os: .linux, rssDrops: true, footprintDrops: true),
  ReleaseCase(profile: "go1.27", os: .darwin, rssDrops: false, footprintDrops: true),
  ReleaseCase(profile: "go1.27", os: .windows, rssDrops: true, footprintDrops: true),
  ReleaseCase(profile: "go1.0", os: .darwin, rssDrops: false, footprintDrops: false),
  ReleaseCase(profile: "go1.0", os: .windows, rssDrops: false, footprintDrops: false),
  ReleaseCase(profile: "go1.0", os: .plan9, rssDrops: false, footprintDrops: false),
])
func releaseByOperatingSystem(_ c: ReleaseCase) throws {
  let (rt, roots) = runtime(RuntimeProfile.named(c.profile)!, machine: MachineConfig(os: c.os))
  try bigSlice(rt, roots)
  roots["tmp"] = nil
  try rt.collect()
  _ = rt.releasePages(Int.max, gated: false)
  let m = rt.memStats()
  #expect(m.heapReleased > 380 * MiB)
  #expect((m.rss < 50 * MiB) == c.rssDrops)
  #expect((m.footprint < 50 * MiB) == c.footprintDrops)
  try rt.checkInvariants()
}
