// runtime.SetFinalizer and the finalizer goroutine (runtime/mfinal.go).
//
// SetFinalizer checks its operands as mfinal.go does (at run time: its parameters are `any`),
// then GoHeap records the finalizer (Finalizers.swift: the collector resurrects an unreachable
// finalized object for one more cycle and queues its finalizer). The first SetFinalizer starts
// the finalizer goroutine (createfing: a g of its own on the heap). Queued finalizers run on it
// when the scheduler next runs something else (wakefing readies fing at the end of the cycle):
// after runtime.GC returns, at a sleep, a block or a preemption — each finalizer a call
// fn(obj), the block's finalizers last queued first, as runfinq walks them. While one runs,
// runtime.NumGoroutine counts it (isSystemGoroutine: fing is a user goroutine while it runs a
// finalizer).

import GoHeap

extension VM {
  /// runtime.SetFinalizer(obj, fn).
  func setFinalizer(_ args: [(GoType, UnsafeMutablePointer<UInt64>)]) throws {
    let (objType, objSlots) = args[0]
    let (fnType, fnSlots) = args[1]
    // mfinal.go throws: fatal errors, not panics a recover could stop.
    func fail(_ m: String) -> VMTrap { VMTrap(kind: .fatalError("runtime.SetFinalizer: \(m)")) }
    guard objType.isPointer else { throw fail("first argument is \(goTypeString(objType)), not pointer") }
    let object = objSlots[0]
    if object == 0 { throw fail("first argument is nil") }
    guard case .function(let params, _, _) = fnType.kind else {
      throw fail("second argument is \(goTypeString(fnType)), not a function")
    }
    let fn = fnSlots[0]
    if fn != 0 {
      guard params.count == 1, objType.assignable(to: params[0]) else {
        throw fail("cannot pass \(goTypeString(objType)) to finalizer \(goTypeString(fnType))")
      }
      if heap.hasFinalizer(object) { throw fail("finalizer already set") }
    }
    if !finalizerGoroutineMade {
      // createfing: `go runfinq()`, a g that lives as long as the program.
      finalizerGoroutineMade = true
      scheduler.allgs.append(try heap.allocate(Self.gType(heap.profile), count: 1))
    }
    guard heap.setFinalizer(object, fn) else { throw fail("pointer not at beginning of allocated block") }
  }

  /// runtime.AddCleanup(ptr, fn, arg) (mcleanup.go, Go 1.24+; as Go 1.27.3 runs it): checked as
  /// AddCleanup checks it, arg copied into a box — a 16-byte noscan one for a small
  /// pointer-free S, else a new(S) — then callCleanup[S]'s closure (16 B: the generic
  /// dictionary it closes over), then the special. The first starts the cleanup goroutine.
  /// Returns the Cleanup's id and ptr (id 0: a pointer outside the heap, a no-op as in Go).
  func addCleanup(_ args: [(GoType, UnsafeMutablePointer<UInt64>)]) throws -> (UInt64, UInt64) {
    let ptr = args[0].1[0]
    let (fn, (sType, argSlots)) = (args[1].1[0], args[2])
    if ptr == 0 { throw VMTrap(kind: .goPanic("runtime.AddCleanup: ptr is nil")) }
    if sType.isPointer, argSlots[0] == ptr {
      throw VMTrap(kind: .goPanic("runtime.AddCleanup: ptr is equal to arg, cleanup will never run"))
    }
    let small = sType.size < 16 && !sType.hasPointers
    let argv = try heap.allocate(small ? .array(of: .uintptr, count: 2) : sType, count: 1)
    inFlight.append(argv)
    defer { inFlight.removeLast() }
    try storeValue(sType, from: argSlots, to: argv)
    guard let (base, size) = heap.objectBase(containing: ptr) else { return (0, ptr) }
    if sType.isPointer, argSlots[0] >= base, argSlots[0] < base + UInt64(size) {
      throw VMTrap(kind: .goPanic("runtime.AddCleanup: ptr is within arg, cleanup will never run"))
    }
    // A cleanup whose closure holds a pointer into the object would keep it reachable for ever
    // (the cycle marks the cleanup's function): Go checks the funcval's pointer words.
    if let (closure, _) = heap.objectBase(containing: fn),
      heap.pointers(inObjectAt: closure).contains(where: { $0 >= base && $0 < base + UInt64(size) })
    {
      throw VMTrap(kind: .goPanic("runtime.AddCleanup: cleanup function closes over ptr, cleanup will never run"))
    }
    if !cleanupGoroutineMade {
      cleanupGoroutineMade = true
      scheduler.allgs.append(try heap.allocate(Self.gType(heap.profile), count: 1))
    }
    let call = try heap.allocate(Self.cleanupCallClosure, count: 1)
    guard let id = heap.addCleanup(ptr, fn: fn, arg: argv, argType: sType, call: call) else { return (0, ptr) }
    return (id, ptr)
  }

  /// callCleanup[S]'s funcval with its dictionary.
  private static let cleanupCallClosure = GoType.structure([("F", .uintptr), ("dict", .pointer(to: .uint8))], name: "runtime.callCleanup.closure")

  /// The cleanup goroutine: each queued cleanup becomes a call fn(*arg) on a goroutine of its
  /// own, run in the order they were queued (an object's most recently added first).
  func runCleanups() throws {
    let queued = heap.takeQueuedCleanups()
    let held = queued.flatMap { [$0.fn, $0.arg, $0.call] }
    inFlight += held
    defer { inFlight.removeLast(held.count) }
    for c in queued {
      let operand = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, c.argType.words))
      defer { operand.deallocate() }
      operand.initialize(repeating: 0, count: max(1, c.argType.words))
      try loadValue(c.argType, from: c.arg, into: operand)
      let g = try spawn(funcval: c.fn, [(c.argType, operand)])
      scheduler.local.append(g)
    }
  }

  /// What the collector queued for the finalizer and cleanup goroutines, started where the
  /// finalizer goroutine would be readied (wakefing: after a forced GC, at a sleep, a block or
  /// a preemption).
  func runQueuedFinalizersAndCleanups() throws {
    if heap.hasQueuedFinalizers { try runFinalizers() }
    if heap.hasQueuedCleanups { try runCleanups() }
  }

  /// runfinq: each queued finalizer becomes a call fn(obj) on a goroutine of its own, queued
  /// to run after what is ready now, last queued first.
  func runFinalizers() throws {
    let queued = heap.takeQueuedFinalizers()
    // Taken off finq, the objects and funcvals are this function's until each goroutine holds
    // its own: making a goroutine allocates (its g, its closure), and a cycle that runs then
    // (under a memory limit, at any allocation) must still find them.
    let held = queued.flatMap { [$0.object, $0.fn] }
    inFlight += held
    defer { inFlight.removeLast(held.count) }
    for (object, fn) in queued.reversed() {
      let operand = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
      defer { operand.deallocate() }
      operand.initialize(to: object)
      let g = try spawn(funcval: fn, [(.pointer(to: .uint8), operand)])
      g.finalizedObject = object
      scheduler.local.append(g)
    }
  }
}
