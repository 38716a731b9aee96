// Lowering `defer`: open-coded defers (ssagen/ssa.go openDeferRecord, openDeferExit).
//
// The frame holds the defer bits (one per defer statement of the function) and each deferred
// call's evaluated arguments, in slots of their own from entry to exit: they are live, and so
// roots, from the statement that stores them until the exit reads them. The statement stores
// the arguments and sets its bit. Every return puts its results in the frame's first slots and
// jumps to the exit, which, for each defer from the last to the first whose bit is set, clears
// the bit and makes the call; then returns. A panic resumes the frame at the exit too
// (VM+Defer.swift), so the calls run once whichever way the function ends.

import GoHeap

extension Lowerer {
  /// The defer bits' slot and the slots of the deferred calls' arguments (zero until set: the
  /// frame starts zeroed).
  func deferPrologue() {
    guard !function.defers.isEmpty else { return }
    deferBits = allocate(.int)
    for d in function.defers {
      for v in d.temps { slots[ObjectIdentifier(v)] = allocate(v.type) }
    }
  }

  /// `defer f(args)`: the arguments into their slots, then the statement's bit.
  func deferStatement(_ d: DeferredCall) {
    guard let bits = deferBits else { return }
    for st in d.setup { statement(st, charged: false) }
    withTemporaries {
      let bit = allocate(.int)
      loadBit(d.index, into: bit)
      emit(Instruction(op: .or, a: Int32(bits), b: Int32(bits), c: Int32(bit)))
    }
  }

  /// The exit: every deferred call whose bit is set, last first, each bit cleared before its
  /// call; then the return (the results are in place).
  func deferredCallsExit() {
    guard let bits = deferBits else { return }
    let exit = label()
    for j in deferExitJumps { patch(j, to: exit) }
    code.deferExit = exit
    for d in function.defers.reversed() {
      span = d.call.span
      withTemporaries {
        let bit = allocate(.int)
        loadBit(d.index, into: bit)
        let set = allocate(.bool)
        emit(Instruction(op: .and, a: Int32(set), b: Int32(bits), c: Int32(bit)))
        let skip = emit(Instruction(op: .jumpIfNot, a: Int32(set)))
        emit(Instruction(op: .andNot, a: Int32(bits), b: Int32(bits), c: Int32(bit)))
        evaluateForEffect(d.call)
        patch(skip, to: label())
      }
    }
    emit(Instruction(op: .ret, a: 0, b: Int32(code.resultWords)))
  }

  /// 1 << k into a slot.
  private func loadBit(_ k: Int, into slot: Int) {
    if k < 31 {
      emit(Instruction(op: .immediate, a: Int32(slot), b: Int32(1 << k)))
    } else {
      emit(Instruction(op: .constant, a: Int32(slot), b: constant(UInt64(1) << UInt64(k))))
    }
  }
}
