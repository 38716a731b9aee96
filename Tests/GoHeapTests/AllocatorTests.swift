// Size classes, span layout, heap growth and the tiny allocator, against the runtime's tables
// (sizeclasses.go) and the reference sheets' worked examples.

@testable import GoHeap
import Testing

struct ClassCase: CustomTestStringConvertible, Sendable {
  let size: Int
  let classSize: Int
  let pages: Int
  var testDescription: String { "\(size) B -> class \(classSize) (\(pages) pages)" }
}

@Test(arguments: [
  ClassCase(size: 1, classSize: 8, pages: 1), ClassCase(size: 8, classSize: 8, pages: 1),
  ClassCase(size: 9, classSize: 16, pages: 1), ClassCase(size: 17, classSize: 24, pages: 1),
  ClassCase(size: 33, classSize: 48, pages: 1), ClassCase(size: 56, classSize: 64, pages: 1),
  ClassCase(size: 513, classSize: 576, pages: 1), ClassCase(size: 1025, classSize: 1152, pages: 1),
  ClassCase(size: 1153, classSize: 1280, pages: 1), ClassCase(size: 1400, classSize: 1408, pages: 2),
  ClassCase(size: 1409, classSize: 1536, pages: 1),
  ClassCase(size: 9000, classSize: 9472, pages: 7), ClassCase(size: 32768, classSize: 32768, pages: 4),
])
func sizeClassRounding(_ c: ClassCase) {
  let sc = SizeClassTable.modern.sizeClass(for: c.size)
  #expect(sc.size == c.classSize)
  #expect(sc.pages == c.pages)
}

@Test func sixtySevenClasses() {
  #expect(SizeClassTable.modern.classes.count == 67)
  #expect(SizeClassTable.modern.classes.last == SizeClass(index: 67, size: 32768, pages: 4))
  #expect(SizeClassTable.modern.classes.filter { $0.pages == 1 }.count == 34 + 5)
}

@Test(arguments: ["go1.27", "go1.19"])
func fourHundredMegabyteSlice(_ name: String) throws {
  // Reference B.2 / 1.27 §2.1: 48,829 pages = 400,007,168 B; the heap grows by 96 chunks.
  let rt = GoRuntime(profile: RuntimeProfile.named(name)!)
  let before = rt.memStats()
  let s = try rt.allocateSlice(of: .uint32, len: 100_000_000, cap: 100_000_000)
  let after = rt.memStats()
  #expect(after.heapSys - before.heapSys == 402_653_184)
  #expect(try span(rt, s).npages == 48_829)
  // The slice, and the objects the cycle it starts makes for its mark workers (gcBgMarkStartWorkers:
  // Tests/Recordings/runs/startup, 2,240 B in Go 1.27.3, 896 B in 1.19.8); the cycle has not
  // swept yet, so the start-up garbage is still counted.
  #expect(after.heapAlloc - before.heapAlloc == 400_007_168 + (name == "go1.27" ? 2_240 : 896))
  // Fresh memory is not resident until written.
  #expect(after.rss - before.rss < 14 * MiB)
  try rt.clearMemory(s, bytes: 400_000_000)
  #expect(rt.memStats().rss - before.rss > 399_000_000)
  try rt.checkInvariants()
}

struct LayoutCase: CustomTestStringConvertible, Sendable {
  let profile: String
  let size: Int
  let pointers: Bool
  let slot: Int
  let perSpan: Int
  var testDescription: String { "\(profile) \(size) B \(pointers ? "scan" : "noscan")" }
}

/// Objects per span and slot sizes (reference go-runtime-1.27.md §1.3-1.4, MEASURED tables).
@Test(arguments: [
  LayoutCase(profile: "go1.19", size: 16, pointers: false, slot: 16, perSpan: 512),
  LayoutCase(profile: "go1.27", size: 16, pointers: false, slot: 16, perSpan: 504),
  LayoutCase(profile: "go1.27", size: 16, pointers: true, slot: 16, perSpan: 496),
  LayoutCase(profile: "go1.27", size: 64, pointers: true, slot: 64, perSpan: 124),
  LayoutCase(profile: "go1.19", size: 1024, pointers: true, slot: 1024, perSpan: 8),
  LayoutCase(profile: "go1.27", size: 1024, pointers: true, slot: 1152, perSpan: 7),
  LayoutCase(profile: "go1.27", size: 4096, pointers: true, slot: 4864, perSpan: 5),
  // 1.27: 32761-32768 B objects are large (own 4-page span); 1.19: class 67, one per span.
  LayoutCase(profile: "go1.27", size: 32761, pointers: false, slot: 32768, perSpan: 1),
  LayoutCase(profile: "go1.19", size: 32761, pointers: false, slot: 32768, perSpan: 1),
  LayoutCase(profile: "go1.27", size: 32769, pointers: true, slot: 40960, perSpan: 1),
])
func spanLayout(_ c: LayoutCase) throws {
  let rt = GoRuntime(profile: RuntimeProfile.named(c.profile)!)
  let t: GoType = c.pointers
    ? .structure([("p", .pointer(to: .int)), ("pad", .array(of: .uint8, count: c.size - 8))])
    : .array(of: .uint8, count: c.size)
  let before = rt.memStats().heapAlloc
  let p = try rt.allocate(t, count: 1)
  #expect(rt.memStats().heapAlloc - before == c.slot)
  #expect(try span(rt, p).nelems == c.perSpan)
  #expect(try span(rt, p).isLarge == (c.size > RuntimeProfile.named(c.profile)!.maxSmallSize))
  try rt.checkInvariants()
}

@Test func tinyAllocatorPacksSmallNoscanObjects() throws {
  // Reference B.2: noscan objects under 16 B share 16-byte blocks; each counts in Mallocs, the
  // blocks count as objects; sub-allocations that fit count in both Mallocs and Frees.
  let (rt, roots) = runtime(.go127)
  let before = rt.memStats()
  var ptrs: [Address] = []
  for i in 0..<1000 {
    ptrs.append(try rt.allocate(.uint64, count: 1))
    roots["\(i)"] = ptrs[i]
  }
  let after = rt.memStats()
  #expect(after.mallocs - before.mallocs == 1000)
  #expect(after.heapObjects - before.heapObjects == 500)
  #expect(after.heapAlloc - before.heapAlloc == 500 * 16)
  // Two objects per block: the block's base, then 8 bytes into it.
  #expect(Set(ptrs.compactMap { rt.object(containing: $0)?.base }).count == 500)
  #expect(rt.object(containing: ptrs[1])?.base == ptrs[0] && ptrs[1] == ptrs[0] + 8)
  // A 16-byte object is not tiny.
  let a = try rt.allocate(.array(of: .uint64, count: 2), count: 1)
  let b = try rt.allocate(.array(of: .uint64, count: 2), count: 1)
  #expect(rt.object(containing: a)?.base != rt.object(containing: b)?.base)
  try rt.checkInvariants()
}

@Test func zeroSizedAllocationsShareZerobase() throws {
  let rt = GoRuntime()
  let s = try rt.allocateSlice(of: .uint8, len: 0, cap: 0)
  #expect(s == GoRuntime.zeroBaseAddress)
  #expect(rt.memStats().mallocs == RuntimeProfile.go127.startup.objects + 4)
}

/// The allocation fast path (`allocateFast`, malloc.go's nextFreeFast, inlined into the caller)
/// is only a shortcut: a mixed workload — tiny, small scan and noscan, headed and large objects,
/// slices, some kept, most garbage, objects written so that reused slots must be zeroed, over
/// many cycles — must return the same addresses, read the same bytes, at the same virtual times,
/// with the same statistics and events, whether the fast path serves what it can or the full
/// path serves everything.
@Test(arguments: ["go1.27", "go1.19"])
func fastPathChangesNothing(_ name: String) throws {
  struct Run: Equatable {
    var addresses: [Address] = []
    /// The first word of each new object (must read 0) and the clock after each allocation.
    var firstWords: [UInt64] = []
    var times: [Int] = []
    var stats: MemStats? = nil
    var events: [String] = []
  }
  func run(fastPath: Bool) throws -> Run {
    let rt = GoRuntime(profile: try #require(RuntimeProfile.named(name)))
    if !fastPath { rt.fastPathMaxSize = 0 }
    var out = Run()
    rt.subscribe { out.events.append("\($0)") }
    let roots = AddressRoots()
    rt.addRoots(roots)
    let types: [(GoType, Int)] = [
      (.int64, 1), (.array(of: .int64, count: 2), 1), (nodeType(), 1), (.int64, 70),
      (.pointer(to: .int64), 70), (.uint8, 1000), (.int64, 5000), (.uint8, 3), (.string, 2),
    ]
    for k in 0..<60_000 {
      try rt.elapse(7)
      let (t, n) = types[(k * 7 + k / 5) % types.count]
      let a = k % 11 == 0 ? try rt.allocateSlice(of: t, len: n, cap: n) : try rt.allocate(t, count: n)
      out.addresses.append(a)
      out.times.append(rt.virtualTime)
      let width = [8, 4, 2, 1].first { $0 <= t.size * n } ?? 1
      out.firstWords.append(try rt.load(a, size: width))
      // Written, so that the slot, freed and handed out again, must be zeroed.
      try rt.store(a, UInt64(k) | 1, size: width)
      if k % 9 == 0 { roots["r\(k % 45)"] = a }
      if k == 30_000 { try rt.collect() }
    }
    try rt.checkInvariants()
    out.stats = rt.memStats()
    return out
  }
  let fast = try run(fastPath: true)
  let full = try run(fastPath: false)
  #expect((fast.stats?.numGC ?? 0) >= 5, "the workload should run through several cycles")
  #expect(fast.firstWords.allSatisfy { $0 == 0 }, "a new object reads zero")
  // First differences, not whole sequences: a failure names the allocation or event.
  #expect(fast.addresses.count == full.addresses.count)
  #expect(zip(fast.addresses, full.addresses).enumerated().first { $0.element.0 != $0.element.1 }?.offset == nil, "first address that differs")
  #expect(zip(fast.times, full.times).enumerated().first { $0.element.0 != $0.element.1 }?.offset == nil, "first clock that differs")
  #expect(fast.firstWords == full.firstWords)
  #expect(fast.stats == full.stats)
  #expect(fast.events.count == full.events.count)
  #expect(zip(fast.events, full.events).first { $0 != $1 }.map { "\($0.0)\n  vs \($0.1)" } == nil)
}
