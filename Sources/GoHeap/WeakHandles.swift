// Weak handles (weak.Pointer, Go 1.24+: mheap.go getOrAddWeakHandle and
// internal_weak_runtime_makeStrongFromWeak, mgcmark.go markrootSpans, mgcsweep.go).
//
// weak.Make(p) gives p a weak handle: a small pointer-free heap object holding p's address,
// recorded in a special on p's span — one handle per byte offset, so every Make of the same
// pointer returns the same handle and weak pointers compare equal. A cycle treats it in three
// places:
//   1. Mark: the special is a root for the handle object (a weak.Pointer may be the only other
//      thing that keeps it), never for p's object: the handle's word is a uintptr.
//   2. Sweep: a handle whose object nothing reached is zeroed and its special freed — before any
//      finalizer of the object is queued and the object resurrected, so a weak pointer to a
//      finalized object is nil from the cycle that queues the finalizer on.
//   3. Value: makeStrongFromWeak reads the handle. During a cycle's mark it shades the object
//      it returns (the only pointer to it may now be one the mark has already scanned), as the
//      Yuasa half of the write barrier does. gcsh marks at the cycle's start, so shading marks
//      the object and what it reaches.
// The handle's word is kept here (weakTargets) rather than in the object's bytes: only Value
// reads it, and the sweep zeroes it without touching the simulated memory.

extension GoRuntime {
  /// The handle of a pointer into a heap object, if one was made and its object is alive.
  public func weakHandle(for pointer: Address) -> Address? { weakHandles[pointer] }

  /// Records `handle` (a fresh heap object) as the weak handle of `pointer`. False when the
  /// pointer is not into a heap object (the caller uses an immortal handle instead).
  public func addWeakHandle(_ handle: Address, for pointer: Address) -> Bool {
    guard pointer >= Self.heapBase, self.object(containing: pointer) != nil else { return false }
    weakHandles[pointer] = handle
    weakTargets[handle] = pointer
    return true
  }

  /// makeStrongFromWeak: the pointer a handle holds, 0 once its object was found unreachable.
  /// During a cycle's mark the object is shaded.
  public func strongPointer(fromWeakHandle handle: Address) -> Address {
    guard let pointer = weakTargets[handle] else { return 0 }
    if isMarking { shade(pointer) }
    return pointer
  }

  /// Marking: each live special's handle.
  func forEachWeakHandleRoot(_ visit: (Address) -> Void) {
    for handle in weakHandles.values { visit(handle) }
  }

  /// Sweep: zeroes the handles of objects nothing reached (before finalizers resurrect any).
  func clearUnreachableWeakHandles() {
    guard !weakHandles.isEmpty else { return }
    for (pointer, handle) in weakHandles {
      if let ref = objectRef(at: pointer), let span = unretainedSpan(ref),
        span._withUnsafeGuaranteedRef({ s in s.isMarked(Int(ref.slot)) })
      {
        continue
      }
      weakHandles[pointer] = nil
      weakTargets[handle] = nil
    }
  }

  /// Greys an object during a cycle's mark and marks what it reaches (mgcmark.go shade, then
  /// the mark workers drain it): the cycle keeps it and its referents.
  func shade(_ a: Address) {
    guard isMarking, let first = objectRef(at: a) else { return }
    var work = [first]
    while let r = work.popLast() {
      guard let span = unretainedSpan(r) else { continue }
      let scan = span._withUnsafeGuaranteedRef { s -> Bool in
        let slot = Int(r.slot)
        guard s.setMark(slot) else { return false }
        cycle!.markedBytes += s.elemSize
        cycle!.markedObjects += 1
        return !s.noscan && s.hasFlatType(slot)
      }
      guard scan else { continue }
      span._withUnsafeGuaranteedRef { s in
        forEachPointer(in: s, slot: Int(r.slot)) { p in if let ref = objectRef(at: p) { work.append(ref) } }
      }
    }
  }
}
