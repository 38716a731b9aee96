// Marking, sweeping and retention: roots, pointer graphs with cycles, sub-slices.

@testable import GoHeap
import Testing

/// `type Node struct { next *Node; v [6]uint64 }` (56 B, class 64, with pointers).
func nodeType() -> GoType {
  let node = GoType.named("Node")
  node.define(.structure(GoType.layoutFields([("next", .pointer(to: node)),
                                              ("v", .array(of: .uint64, count: 6))])))
  return node
}

@Test func cyclesAreGarbageOnceUnreachable() throws {
  let rt = GoRuntime(profile: .go127)
  let roots = RootTable()
  rt.addRoots(roots)
  let node = nodeType()
  #expect(node.size == 56 && node.hasPointers)
  // a -> b -> c -> a
  rt.beginStatement()
  let a = try rt.allocate(node)
  let b = try rt.allocate(node)
  let c = try rt.allocate(node)
  try rt.store(.pointer(b), a.object, at: 0, size: 8)
  try rt.store(.pointer(c), b.object, at: 0, size: 8)
  try rt.store(.pointer(a), c.object, at: 0, size: 8)
  roots["a"] = .pointer(a)
  rt.beginStatement()
  let live = rt.memStats().heapObjects
  try rt.collect()
  try rt.checkInvariants()
  #expect(rt.memStats().heapObjects == RuntimeProfile.go127.startup.objects + 3)
  #expect(rt.isAllocated(c.object))
  roots["a"] = nil
  try rt.collect()
  try rt.checkInvariants()
  #expect(rt.memStats().heapObjects == live - 3)
  #expect(!rt.isAllocated(a.object) && !rt.isAllocated(b.object) && !rt.isAllocated(c.object))
}

@Test func subSliceKeepsWholeBackingArrayAlive() throws {
  let rt = GoRuntime(profile: .go119)
  let roots = RootTable()
  rt.addRoots(roots)
  let big = try rt.makeSlice(of: .uint8, len: 64 * MiB, cap: 64 * MiB)
  // small := big[10:20] — same object, other offset and length.
  roots["small"] = .slice(SliceHeader(object: big.object, offset: 10, len: 10, cap: big.cap - 10))
  rt.beginStatement()
  try rt.collect()
  #expect(rt.memStats().heapAlloc > 64 * MiB)
  roots["small"] = nil
  try rt.collect()
  #expect(rt.memStats().heapAlloc < 1 * MiB)
  try rt.checkInvariants()
}

@Test func pointerStoredInHeapObjectKeepsTargetAlive() throws {
  let rt = GoRuntime()
  let roots = RootTable()
  rt.addRoots(roots)
  let holder = try rt.makeSlice(of: .pointer(to: .int), len: 100, cap: 100)
  let target = try rt.makeSlice(of: .uint64, len: 1 << 20, cap: 1 << 20)
  try rt.store(.slice(target), holder.object!, at: 8 * 42, size: 24)
  roots["holder"] = .slice(holder)
  rt.beginStatement()
  try rt.collect()
  #expect(rt.isAllocated(target.object!))
  try rt.store(nil, holder.object!, at: 8 * 42, size: 24)
  try rt.collect()
  #expect(!rt.isAllocated(target.object!))
  #expect(rt.isAllocated(holder.object!))
}

@Test func tenThousandLivePointersAcrossCycles() throws {
  // A slice of pointers written densely, objects kept alive through it across several cycles.
  let rt = GoRuntime(profile: .go127)
  let roots = RootTable()
  rt.addRoots(roots)
  let n = 10_000
  let ptrs = try rt.makeSlice(of: .pointer(to: .int), len: n, cap: n)
  roots["ptrs"] = .slice(ptrs)
  for i in 0..<n {
    rt.beginStatement()
    let p = try rt.allocate(.array(of: .int, count: 2))
    try rt.store(.pointer(p), ptrs.object!, at: 8 * i, size: 8)
    if i % 1000 == 0 { try rt.checkInvariants() }
  }
  rt.beginStatement()
  try rt.collect()
  let m = rt.memStats()
  #expect(m.heapObjects == RuntimeProfile.go127.startup.objects + n + 1)
  if case .pointer(let p)? = rt.load(ptrs.object!, at: 8 * 1234) {
    #expect(rt.isAllocated(p.object))
  } else {
    Issue.record("pointer 1234 lost")
  }
  try rt.checkInvariants()
}

@Test func garbageLoopRunsAboutFortyGCs() throws {
  // 10M 16-byte objects in Go 1.27 run ~44 GCs (reference 1.27 §7); a 1M-object slice of that
  // loop allocates 16 MB of garbage: ~4 cycles at the 4 MiB minimum heap (trigger 3.81 MiB).
  let rt = GoRuntime(profile: .go127)
  let t = GoType.array(of: .int64, count: 2)
  for _ in 0..<1_000_000 {
    rt.beginStatement()
    _ = try rt.allocate(t)
  }
  let m = rt.memStats()
  #expect((3...5).contains(m.numGC))
  #expect(m.heapAlloc < 4 * MiB)
  #expect(m.nextGC == 4 * MiB)
  try rt.checkInvariants()
}

@Test func objectAllocatedByTheRefillThatTriggersAGCSurvivesIt() throws {
  // The allocation that crosses the trigger is on the mutator's stack: the cycle it starts must
  // keep it, even before it is stored in a variable.
  let rt = GoRuntime(profile: .go127)
  var gcs = 0
  rt.subscribe { if case .gcStart = $0 { gcs += 1 } }
  var last: HeapPointer? = nil
  while gcs == 0 {
    rt.beginStatement()
    last = try rt.allocate(.array(of: .int64, count: 4))
  }
  try rt.work(10 * Double(Duration.millisecond))
  #expect(rt.memStats().numGC == 1)
  #expect(rt.isAllocated(last!.object))
  try rt.checkInvariants()
}
