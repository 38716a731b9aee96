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
      let function = try funcvalTarget(fn)
      let operand = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
      defer { operand.deallocate() }
      operand.initialize(to: object)
      let g = try spawn(function, context: fn, [(.pointer(to: .uint8), operand)], startFuncval: fn)
      g.finalizedObject = object
      scheduler.local.append(g)
    }
  }
}
