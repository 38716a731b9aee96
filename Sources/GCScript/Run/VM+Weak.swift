// weak.Make and weak.Pointer.Value (weak/pointer.go; the runtime's half is GoHeap's
// WeakHandles.swift).
//
// Make(p) returns p's weak handle, making it the first time: `new(weakHandleBox)`, a 16-byte
// pointer-free object (mheap.go pads the handle to maxTinySize so that it never shares a tiny
// block, go.dev/issue/76007) — Make's one allocation, 16 B (Tests/Recordings/runs/weakpointer);
// a second Make of the same pointer allocates nothing. A pointer outside the heap (a global, a
// string's bytes, zerobase) can never be freed: Go gives it an immortal handle from
// persistentalloc'd memory, off the heap and allocating nothing; gcsh lets the pointer be its
// own immortal handle (still one per address, so equal Pointers stay equal), which Value tells
// apart from a heap handle by its address.

import GoHeap

extension VM {
  /// weakHandleBox: the handle's uintptr word and padding to 16 bytes.
  private static let weakHandleBox = GoType.structure(
    [("h", .uintptr), ("_", .array(of: .uint8, count: 8))], name: "runtime.weakHandleBox")

  /// weak.Make(p): the handle's address (0 for nil).
  func weakMake(_ pointer: UInt64) throws -> UInt64 {
    guard pointer != 0 else { return 0 }
    guard pointer >= AddressSpace.heapBase, pointer < AddressSpace.stackBase else { return pointer }
    if let handle = heap.weakHandle(for: pointer) { return handle }
    let handle = try heap.allocate(Self.weakHandleBox, count: 1)
    guard heap.addWeakHandle(handle, for: pointer) else { return pointer }
    return handle
  }

  /// Pointer.Value(): the object, or nil once a cycle found it unreachable.
  func weakValue(_ handle: UInt64) -> UInt64 {
    guard handle != 0 else { return 0 }
    guard handle >= AddressSpace.heapBase, handle < AddressSpace.stackBase else { return handle }
    return heap.strongPointer(fromWeakHandle: handle)
  }
}
