// Weak handles (mheap.go getOrAddWeakHandle, mgcsweep.go, makeStrongFromWeak): the handle is
// zeroed by the sweep that finds its object unmarked — before a finalizer resurrects the object
// — the special keeps the handle object alive but never the object, and reading the handle
// during a cycle's mark shades the object, so the cycle cannot free what the program now holds.

@testable import GoHeap
import Testing

/// weakHandleBox: 16 bytes, pointer-free.
private let handleBox = GoType.structure([("h", .uintptr), ("_", .array(of: .uint8, count: 8))])

@Test func aWeakHandleDoesNotKeepItsObject() throws {
  let (rt, roots) = runtime(.go127)
  let object = try rt.allocateSlice(of: .uint8, len: 1 * MiB, cap: 1 * MiB)
  let handle = try rt.allocate(handleBox, count: 1)
  #expect(rt.addWeakHandle(handle, for: object + 10))
  #expect(rt.weakHandle(for: object + 10) == handle)
  #expect(rt.weakHandle(for: object) == nil)  // one handle per byte offset
  roots["object"] = object
  try rt.collect()
  #expect(rt.strongPointer(fromWeakHandle: handle) == object + 10)
  // The special keeps the handle object: nothing else refers to it here.
  #expect(isLive(rt, handle))
  roots["object"] = nil
  try rt.collect()
  try rt.checkInvariants()
  #expect(!isLive(rt, object))
  #expect(rt.strongPointer(fromWeakHandle: handle) == 0)
  #expect(rt.weakHandle(for: object + 10) == nil)
  // The special is gone: the handle object lives only while something else holds it.
  try rt.collect()
  #expect(!isLive(rt, handle))
  #expect(!rt.addWeakHandle(handle, for: 0x1000))  // not a heap pointer
}

@Test func aFinalizedObjectsWeakHandleIsClearedBeforeItIsResurrected() throws {
  let (rt, _) = runtime(.go127)
  let object = try rt.allocate(nodeType(), count: 1)
  let handle = try rt.allocate(handleBox, count: 1)
  #expect(rt.addWeakHandle(handle, for: object))
  #expect(rt.setFinalizer(object, 0x40_1000))
  try rt.collect()
  // Resurrected for its finalizer, yet the weak pointer is already nil (weak/pointer.go).
  #expect(isLive(rt, object))
  #expect(rt.strongPointer(fromWeakHandle: handle) == 0)
  #expect(rt.takeQueuedFinalizers().map(\.object) == [object])
}

@Test func readingAHandleDuringTheMarkShadesItsObject() throws {
  let (rt, roots) = runtime(.go127)
  let list = nodeType()
  let object = try rt.allocate(list, count: 1)
  let next = try rt.allocate(list, count: 1)
  try rt.store(object, next, size: 8)
  let handle = try rt.allocate(handleBox, count: 1)
  roots["handle"] = handle
  #expect(rt.addWeakHandle(handle, for: object))
  // The cycle's snapshot finds the object unreachable; then the program reads the handle and
  // holds the object: makeStrongFromWeak shades it, and what it points to with it.
  try rt.startCycle(.user)
  #expect(rt.isMarking)
  let strong = rt.strongPointer(fromWeakHandle: handle)
  #expect(strong == object)
  roots["strong"] = strong
  try rt.waitForCycle()
  try rt.checkInvariants()
  #expect(isLive(rt, object) && isLive(rt, next))
  #expect(rt.strongPointer(fromWeakHandle: handle) == object)
  roots["strong"] = nil
  try rt.collect()
  #expect(rt.strongPointer(fromWeakHandle: handle) == 0)
  #expect(!isLive(rt, object) && !isLive(rt, next))
}
