// Marking, sweeping and retention: roots, pointer graphs with cycles, sub-slices.

@testable import GoHeap
import Testing

@Test func cyclesAreGarbageOnceUnreachable() throws {
  let (rt, roots) = runtime(.go127)
  let node = nodeType()
  #expect(node.size == 56 && node.hasPointers)
  // a -> b -> c -> a
  let a = try rt.allocate(node, count: 1)
  let b = try rt.allocate(node, count: 1)
  let c = try rt.allocate(node, count: 1)
  try rt.store(a, b, size: 8)
  try rt.store(b, c, size: 8)
  try rt.store(c, a, size: 8)
  roots["a"] = a
  let live = rt.memStats().heapObjects
  try rt.collect()
  try rt.checkInvariants()
  // The runtime's own objects: the start-up ones less the garbage the first cycle freed, plus
  // its mark workers' (GoRuntime+RuntimeObjects.swift).
  #expect(rt.memStats().heapObjects == rt.runtimeLiveObjects + 3)
  #expect(isLive(rt, a) && isLive(rt, b) && isLive(rt, c))
  #expect(rt.reachable(fromAddresses: [b]) == (objects: 3, bytes: 3 * 64))
  roots["a"] = nil
  try rt.collect()
  try rt.checkInvariants()
  #expect(rt.memStats().heapObjects == rt.runtimeLiveObjects)
  #expect(live == RuntimeProfile.go127.startup.objects + 3)  // before the first cycle
  #expect(!isLive(rt, a) && !isLive(rt, b) && !isLive(rt, c))
}

@Test func subSliceKeepsWholeBackingArrayAlive() throws {
  let (rt, roots) = runtime(.go119)
  let big = try rt.allocateSlice(of: .uint8, len: 64 * MiB, cap: 64 * MiB)
  // small := big[10:20] — the same object, an interior address.
  roots["small"] = big + 10
  try rt.collect()
  #expect(rt.memStats().heapAlloc > 64 * MiB)
  roots["small"] = nil
  try rt.collect()
  #expect(rt.memStats().heapAlloc < 1 * MiB)
  try rt.checkInvariants()
}

@Test func pointerStoredInHeapObjectKeepsTargetAlive() throws {
  let (rt, roots) = runtime()
  let holder = try rt.allocateSlice(of: .pointer(to: .int), len: 100, cap: 100)
  roots["holder"] = holder
  let target = try rt.allocateSlice(of: .uint64, len: 1 << 20, cap: 1 << 20)
  // A slice header (pointer, length, capacity) written at byte 8 * 42: its pointer word keeps
  // the target; the length and capacity are not heap addresses.
  let header = holder + 8 * 42
  try rt.store(header, target, size: 8)
  try rt.store(header + 8, 1 << 20, size: 8)
  try rt.store(header + 16, 1 << 20, size: 8)
  try rt.collect()
  #expect(isLive(rt, target))
  try rt.clearMemory(header, bytes: 24)
  try rt.collect()
  #expect(!isLive(rt, target))
  #expect(isLive(rt, holder))
}

@Test func tenThousandLivePointersAcrossCycles() throws {
  // A slice of pointers written densely, objects kept alive through it across several cycles.
  let (rt, roots) = runtime(.go127)
  let n = 10_000
  let ptrs = try rt.allocateSlice(of: .pointer(to: .int), len: n, cap: n)
  roots["ptrs"] = ptrs
  for i in 0..<n {
    let p = try rt.allocate(.array(of: .int, count: 2), count: 1)
    try rt.store(ptrs + Address(8 * i), p, size: 8)
    if i % 1000 == 0 { try rt.checkInvariants() }
  }
  try rt.collect()
  let m = rt.memStats()
  #expect(m.heapObjects == rt.runtimeLiveObjects + n + 1)
  let p = try rt.load(ptrs + 8 * 1234, size: 8)
  #expect(p != 0 && isLive(rt, p), "pointer 1234 lost")
  try rt.checkInvariants()
}

@Test func garbageLoopRunsAboutFortyGCs() throws {
  // 10M 16-byte objects in Go 1.27 run ~44 GCs (reference 1.27 §7); a 1M-object slice of that
  // loop allocates 16 MB of garbage: ~4 cycles at the 4 MiB minimum heap (trigger 3.81 MiB).
  let rt = GoRuntime(profile: .go127)
  let t = GoType.array(of: .int64, count: 2)
  for _ in 0..<1_000_000 {
    _ = try rt.allocate(t, count: 1)
  }
  let m = rt.memStats()
  #expect((3...5).contains(m.numGC))
  #expect(m.heapAlloc < 4 * MiB)
  #expect(m.nextGC == 4 * MiB)
  try rt.checkInvariants()
}

@Test func objectAllocatedByTheRefillThatTriggersAGCSurvivesIt() throws {
  // The allocation that crosses the trigger is in a register of the real program: the cycle it
  // starts must keep it, even before it is stored in a variable (heldObject).
  let rt = GoRuntime(profile: .go127)
  var gcs = 0
  rt.subscribe { if case .gcStart = $0 { gcs += 1 } }
  var last: Address = 0
  while gcs == 0 {
    last = try rt.allocate(.array(of: .int64, count: 4), count: 1)
  }
  try rt.work(10 * Double(Duration.millisecond))
  #expect(rt.memStats().numGC == 1)
  #expect(isLive(rt, last))
  try rt.checkInvariants()
}
