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

// Cleanups (runtime/mcleanup.go, Go 1.24+; mheap.go addCleanup, mgcmark.go gcScanCleanup,
// mgcsweep.go). runtime.AddCleanup(ptr, fn, arg) records a cleanup special on ptr's object.
// Unlike a finalizer it does not keep the object: a cycle marks the cleanup's function and
// argument (they must not reach the object, or it never becomes unreachable), and the sweep
// that finds the object unmarked frees it as any other and queues its cleanups — most recently
// added first, as they sit on the span's specials list — for the cleanup goroutine, which calls
// fn(arg).

/// One cleanup: its id (Cleanup.Stop names it by that), the function, the box its argument was
/// copied into and the argument's type, and callCleanup's closure (the allocation the generic
/// dictionary costs, mcleanup.go: "This allocates because the generic dictionary argument gets
/// closed over").
public struct Cleanup: Sendable {
  public let id: UInt64
  public let fn: UInt64
  public let arg: Address
  public let argType: GoType
  public let call: Address
}

extension GoRuntime {
  /// runtime.AddCleanup's special: on the heap object containing `object` (0 when there is
  /// none: the caller decides between Go's no-op and its panic). Returns the new id.
  public func addCleanup(_ object: Address, fn: UInt64, arg: Address, argType: GoType, call: Address) -> UInt64? {
    guard object >= Self.heapBase, let (base, _) = self.object(containing: object) else { return nil }
    nextCleanupID += 1
    cleanups[base, default: []].append(Cleanup(id: nextCleanupID, fn: fn, arg: arg, argType: argType, call: call))
    return nextCleanupID
  }

  /// Cleanup.Stop: the cleanup leaves its object, if it is still there (not yet queued).
  public func stopCleanup(_ object: Address, id: UInt64) {
    guard let (base, _) = self.object(containing: object), var list = cleanups[base] else { return }
    list.removeAll { $0.id == id }
    cleanups[base] = list.isEmpty ? nil : list
  }

  /// The pointers a heap object holds (the values of its pointer words, as a cycle scans them):
  /// AddCleanup's check that its function does not close over the object.
  public func pointers(inObjectAt base: Address) -> [Address] {
    guard let ref = objectRef(at: base), let span = unretainedSpan(ref) else { return [] }
    var found: [Address] = []
    span._withUnsafeGuaranteedRef { s in forEachPointer(in: s, slot: Int(ref.slot)) { found.append($0) } }
    return found
  }

  /// The base of the heap object containing an address (AddCleanup's findObject), or nil.
  public func objectBase(containing address: Address) -> (base: Address, size: Int)? {
    guard address >= Self.heapBase else { return nil }
    return self.object(containing: address)
  }

  /// The cleanups cycles queued, taken by the cleanup goroutine; the caller holds their
  /// functions and arguments as roots from now on.
  public func takeQueuedCleanups() -> [Cleanup] {
    defer { cleanupQueue = [] }
    return cleanupQueue
  }

  public var hasQueuedCleanups: Bool { !cleanupQueue.isEmpty }

  /// Marking: each cleanup's function, argument box and closure, pending or queued — never
  /// the object it is attached to.
  func forEachCleanupRoot(_ visit: (Address) -> Void) {
    for list in cleanups.values {
      for c in list { visit(c.fn); visit(c.arg); visit(c.call) }
    }
    for c in cleanupQueue { visit(c.fn); visit(c.arg); visit(c.call) }
  }

  /// Sweep: the cleanups of each object nothing reached are queued, the object's last added
  /// first, objects in address order; the object is freed with the others.
  func queueUnreachableCleanups() {
    guard !cleanups.isEmpty else { return }
    for object in cleanups.keys.sorted() {
      guard let ref = objectRef(at: object), let span = unretainedSpan(ref) else {
        cleanups[object] = nil
        continue
      }
      if span._withUnsafeGuaranteedRef({ s in s.isMarked(Int(ref.slot)) }) { continue }
      cleanupQueue += (cleanups.removeValue(forKey: object) ?? []).reversed()
    }
  }
}
