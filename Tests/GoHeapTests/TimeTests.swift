// sysmon's forced GC, the background scavenger and FreeOSMemory on the virtual clock
// (reference B.5, B.6; go-runtime-1.27.md §3).

@testable import GoHeap
import Testing

let second = Duration.second

/// Allocates and fills the 400 MB slice into `roots["tmp"]`.
func bigSlice(_ rt: GoRuntime, _ roots: AddressRoots) throws {
  let s = try rt.allocateSlice(of: .uint32, len: 100_000_000, cap: 100_000_000)
  roots["tmp"] = s
  try rt.clearMemory(s, bytes: 400_000_000)
}

/// A runtime of `profile` whose 400 MB slice was filled and then dropped (`tmp = nil`):
/// the common start of the scavenger scenarios (reference B.6, 1.27 §2).
func runtimeWithDroppedSlice(_ profile: RuntimeProfile) throws -> (GoRuntime, AddressRoots) {
  let (rt, roots) = runtime(profile)
  try bigSlice(rt, roots)
  roots["tmp"] = nil
  return (rt, roots)
}

/// Sleeps in 100 ms steps until HeapReleased reaches `bytes` or `limit` steps have passed;
/// returns the number of steps taken.
func sleepsUntilReleased(_ rt: GoRuntime, _ bytes: Int, limit: Int) throws -> Int {
  var t = 0
  while rt.memStats().heapReleased < bytes && t < limit {
    try rt.sleep(100 * Duration.millisecond)
    t += 1
  }
  return t
}

struct SysmonCase: CustomTestStringConvertible, Sendable {
  let name: String
  let sleepStep: Int
  /// Expected start of the sysmon GC, seconds after the previous GC ended, within 10 ms.
  let expectedAfter: Double
  var testDescription: String { name }
}

@Test(arguments: [
  // 5 s timers: the GC lands at the first timer past 120 s (MEASURED 121.16 s after 0.01 s).
  SysmonCase(name: "5 s sleeps", sleepStep: 5 * second, expectedAfter: 120.0),
  // One long sleep: deep sleep in 60 s steps, each followed by a 10 ms re-check: ~120.02 s.
  SysmonCase(name: "one long sleep", sleepStep: 600 * second, expectedAfter: 120.02),
])
func sysmonForcedGC(_ c: SysmonCase) throws {
  let (rt, roots) = runtime(.go127)
  var forcedAt: [Int] = []
  rt.subscribe { if case .sysmonForcedGC(let t) = $0 { forcedAt.append(t) } }
  try bigSlice(rt, roots)
  roots["tmp"] = nil
  let gcEnd = try #require(rt.lastGCEndNs)
  let sleepStart = rt.virtualTime
  var slept = 0
  while slept < 300 * second {
    try rt.sleep(c.sleepStep)
    slept += c.sleepStep
    try rt.checkInvariants()
  }
  let first = try #require(forcedAt.first)
  let after = Double(first - gcEnd) / Double(second)
  #expect(after > 120)
  // The wake-up grid starts when the program went to sleep (after the fill).
  let lead = Double(sleepStart - gcEnd) / Double(second)
  #expect(after <= c.expectedAfter + lead + (c.sleepStep < 60 * second ? 5.0 : 0.01))
  // Not counted in NumForcedGC.
  #expect(rt.memStats().numForcedGC == 0)
  #expect(rt.memStats().numGC >= 2)
}

@Test func noForcedGCBeforeTheFirstGC() throws {
  let rt = GoRuntime(profile: .go127)
  try rt.sleep(30 * Duration.minute)
  #expect(rt.memStats().numGC == 0)
}

@Test func go119ReleasesWithinSecondsOfRuntimeGC() throws {
  // diag/scavenge_rate: everything released 1.1-1.6 s after runtime.GC() with 100 ms sleeps.
  let (rt, _) = try runtimeWithDroppedSlice(.go119)
  try rt.collect()
  #expect(rt.memStats().heapReleased < 10 * MiB)
  let t = try sleepsUntilReleased(rt, 380 * MiB, limit: 30)
  #expect((10...16).contains(t), "released after \(t) x 100 ms")
  #expect(rt.rss < 20 * MiB)
  try rt.checkInvariants()
}

@Test func go127KeepsDenseChunksUntilTheNextGC() throws {
  // The density rule: nothing of the slice is released until another cycle starts a new
  // generation; then it goes within a few seconds (diag/scavenge_second_gc: all by +2.7-2.8 s).
  let (rt, _) = try runtimeWithDroppedSlice(.go127)
  try rt.collect()
  for _ in 0..<50 { try rt.sleep(100 * Duration.millisecond) }
  #expect(rt.memStats().heapReleased < 12 * MiB)
  #expect(rt.rss > 375 * MiB)
  try rt.collect()
  let t = try sleepsUntilReleased(rt, 380 * MiB, limit: 100)
  #expect(t <= 30, "released after \(t) x 100 ms")
  #expect(rt.rss < 5 * MiB)
  try rt.checkInvariants()
}

@Test(arguments: ["go1.27", "go1.19"])
func freeOSMemoryReleasesEveryFreePage(_ name: String) throws {
  let (rt, _) = try runtimeWithDroppedSlice(RuntimeProfile.named(name)!)
  try rt.freeOSMemory()
  let m = rt.memStats()
  #expect(m.heapReleased == m.heapIdle)
  #expect(m.numForcedGC == 1)
  #expect(m.heapSys > 380 * MiB)  // HeapSys never shrinks
  try rt.checkInvariants()
}

@Test func scavengerGoalKeepsIdleMemoryWhenTheGoalStaysHigh() throws {
  // seed_5s round 2: after GC 2 the goal is still 763 MiB, so the freed slice is kept.
  let (rt, roots) = try runtimeWithDroppedSlice(.go119)
  try bigSlice(rt, roots)
  try rt.sleep(10 * second)
  let m = rt.memStats()
  #expect(m.numGC == 2)
  #expect(m.heapIdle > 380 * MiB && m.heapReleased < 12 * MiB)
}

@Test func reusedMemoryIsRezeroedIn119ButNotAfterReleaseIn127() throws {
  // go-runtime-1.27.md §2.2: allocate 300 MB after FreeOSMemory without touching it:
  // 1.19 RSS 15 -> 316 MB at the allocation, 1.27 3.0 -> 3.1 MB.
  for (name, grows) in [("go1.19", true), ("go1.27", false)] {
    let (rt, roots) = try runtimeWithDroppedSlice(RuntimeProfile.named(name)!)
    try rt.freeOSMemory()
    let before = rt.rss
    roots["tmp"] = try rt.allocateSlice(of: .uint8, len: 300_000_000, cap: 300_000_000)
    #expect((rt.rss - before > 250 * MiB) == grows, "\(name)")
    try rt.checkInvariants()
  }
}

@Test func memoryLimitReleasesEagerly() throws {
  // GOMEMLIMIT=100MiB, 400 MB slice dropped and runtime.GC(): the next allocation's check
  // releases the excess at once, ignoring density (reference 1.27 §2.4).
  let (rt, _) = try runtimeWithDroppedSlice(.go127)
  try rt.setMemoryLimit(100 * MiB)
  try rt.collect()
  _ = try rt.allocate(.array(of: .uint8, count: 64 * KiB), count: 1)
  // Released down to the limit at once (mappedReady <= 100 MiB), the rest waits for the
  // background scavenger.
  let m = rt.memStats()
  #expect(m.sys - m.heapReleased <= 100 * MiB)
  #expect(rt.releasedTotals.eager > 280 * MiB)
  #expect(rt.rss < 100 * MiB)
  try rt.checkInvariants()
}
