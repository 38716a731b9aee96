// Finalizers (runtime/mfinal.go, mheap.go's specials, mgcmark.go markrootSpans, mgcsweep.go).
//
// runtime.SetFinalizer(obj, fn) records a finalizer special on obj's span. A cycle then treats
// the object in three steps:
//   1. Mark (markrootSpans): everything the object points to is marked, and the funcval — but
//      not the object itself. Its referents survive whatever happens to it.
//   2. Sweep: an object with a finalizer that nothing else reached is not freed: its special is
//      removed, the object is marked (resurrected for this cycle), and (obj, fn) is queued on
//      finq for the finalizer goroutine, which the VM runs (queueing readies it).
//   3. The finalizer runs fn(obj) on that goroutine. The object is an ordinary object now: the
//      next cycle that finds it unreachable frees it. So a finalizer delays freeing by one cycle
//      (at least), and whatever fn does with obj (storing it somewhere) can keep it alive for
//      good.
// A queued finalizer's object and funcval are roots until the finalizer goroutine takes them.

extension GoRuntime {
  /// runtime.SetFinalizer: `fn` (a funcval address) runs when `object` becomes unreachable; fn
  /// 0 removes the finalizer. Returns false when `object` is not the start of a heap object
  /// (the caller reports Go's panic), true otherwise — also for an address outside the heap,
  /// which Go accepts and never finalizes (linker-allocated data, zero-size objects).
  public func setFinalizer(_ object: Address, _ fn: UInt64) -> Bool {
    guard object >= Self.heapBase, let (base, _) = self.object(containing: object) else { return true }
    guard base == object else { return false }
    if fn == 0 {
      finalizers[object] = nil
    } else {
      finalizers[object] = fn
    }
    return true
  }

  /// Whether an object has a finalizer already (SetFinalizer's `finalizer already set`).
  public func hasFinalizer(_ object: Address) -> Bool { finalizers[object] != nil }

  /// The finalizers cycles queued, taken by the finalizer goroutine (runfinq); the caller holds
  /// them as roots from now on.
  public func takeQueuedFinalizers() -> [(object: Address, fn: UInt64)] {
    defer { finalizerQueue = [] }
    finalizersExecuted += finalizerQueue.count
    return finalizerQueue
  }

  public var hasQueuedFinalizers: Bool { !finalizerQueue.isEmpty }

  /// Marking: each finalized object's referents and its funcval, and what finq holds.
  func forEachFinalizerRoot(_ visit: (Address) -> Void) {
    for (object, fn) in finalizers {
      visit(fn)
      guard let ref = objectRef(at: object), let span = unretainedSpan(ref) else { continue }
      span._withUnsafeGuaranteedRef { s in forEachPointer(in: s, slot: Int(ref.slot), visit) }
    }
    for (object, fn) in finalizerQueue {
      visit(object)
      visit(fn)
    }
  }

  /// Sweep: a finalized object nothing reached is resurrected and its finalizer queued, in the
  /// order of the objects' addresses (the order the sweeper meets their spans). Returns the
  /// objects and bytes kept so.
  func queueUnreachableFinalizers() -> (Int, Int) {
    guard !finalizers.isEmpty else { return (0, 0) }
    var kept = (0, 0)
    for object in finalizers.keys.sorted() {
      guard let ref = objectRef(at: object), let span = unretainedSpan(ref) else {
        finalizers[object] = nil
        continue
      }
      let reached = span._withUnsafeGuaranteedRef { s in s.isMarked(Int(ref.slot)) }
      if reached { continue }
      let size = span._withUnsafeGuaranteedRef { s in
        _ = s.setMark(Int(ref.slot))
        return s.elemSize
      }
      if let fn = finalizers.removeValue(forKey: object) {
        finalizerQueue.append((object, fn))
        finalizersQueued += 1
      }
      kept.0 += 1
      kept.1 += size
    }
    return kept
  }
}
