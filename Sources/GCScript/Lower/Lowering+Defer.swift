// Lowering `defer`: open-coded defers (ssagen/ssa.go openDeferRecord, openDeferExit), and the
// chain of a function with a defer in a loop (runtime/panic.go deferproc, deferreturn).
//
// The frame holds the defer bits (one per defer statement of the function) and each deferred
// call's evaluated arguments, in slots of their own from entry to exit: they are live, and so
// roots, from the statement that stores them until the exit reads them. The statement stores
// the arguments and sets its bit. Every return puts its results in the frame's first slots and
// jumps to the exit, which, for each defer from the last to the first whose bit is set, clears
// the bit and makes the call; then returns. A panic resumes the frame at the exit too
// (VM+Defer.swift), so the calls run once whichever way the function ends.
//
// When a defer is in a loop, a statement may run any number of times: the function's defers are
// a chain the VM keeps per goroutine (VM+Defer.swift). Each statement pushes a record — in a
// loop a _defer from the P's pools and a heap wrapper holding what the call captured, else the
// frame's — and the exit pops them, last first, putting each wrapper's values back in the
// statement's variables before its call.

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

  /// `defer f(args)`: the arguments into their slots, then the statement's bit — or, when the
  /// function's defers are a chain, the statement's record pushed on it.
  func deferStatement(_ d: DeferredCall) {
    guard let bits = deferBits else { return }
    for st in d.setup { statement(st, charged: false) }
    if deferChain {
      let c = chainedDefers[d.index]
      code.builtins.append(BuiltinDesc(kind: .deferPush(c), args: c.heap ? c.captures : [], result: nil))
      emit(Instruction(op: .builtin, a: Int32(code.builtins.count - 1)))
      return
    }
    withTemporaries {
      let bit = allocate(.int)
      loadBit(d.index, into: bit)
      emit(Instruction(op: .or, a: Int32(bits), b: Int32(bits), c: Int32(bit)))
    }
  }

  /// The functions whose defers are a chain: one of them is in a loop (ssagen/ssa.go: such a
  /// function's defers are not open-coded).
  var deferChain: Bool { function.defers.contains { $0.inLoop } }

  /// The function's defer statements as the chain holds them, by statement index (made once
  /// the prologue has given their variables slots).
  var chainedDefers: [ChainedDefer] {
    if let made = chainedDefersMade { return made }
    let made = function.defers.map(chained)
    chainedDefersMade = made
    return made
  }

  /// A defer statement as the chain holds it: the wrapper typecheck's normalizeGoDeferCall makes
  /// (the code pointer and each captured variable — by value up to 128 bytes, else by reference
  /// to a heap copy, as escape.go's capture rule has it; none for a func value without
  /// parameters or results, which is already in normal form and goes in the record itself).
  private func chained(_ d: DeferredCall) -> ChainedDefer {
    let captures = d.temps.map { (slot: slots[ObjectIdentifier($0)] ?? 0, type: $0.type) }
    var wrapper: GoType? = nil
    if !captures.isEmpty && !d.isNormalForm {
      var fields: [(String, GoType)] = [("F", .uintptr)]
      for (k, c) in captures.enumerated() {
        fields.append(("X\(k)", c.type.size > ChainedDefer.byValueLimit ? .pointer(to: c.type) : c.type))
      }
      wrapper = GoType.structure(fields)
    }
    return ChainedDefer(index: d.index, heap: d.inLoop, wrapper: wrapper, captures: captures)
  }

  /// The exit: every deferred call whose bit is set, last first, each bit cleared before its
  /// call; then the return (the results are in place). With a chain: the chain's calls, last
  /// deferred first, each found by its statement's index.
  func deferredCallsExit() {
    guard let bits = deferBits else { return }
    let exit = label()
    for j in deferExitJumps { patch(j, to: exit) }
    code.deferExit = exit
    if deferChain {
      chainedCallsExit(exit)
      return
    }
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

  /// runtime.deferreturn: pop the frame's last record and run its call, until none is left.
  private func chainedCallsExit(_ exit: Int) {
    let records = chainedDefers
    withTemporaries {
      let k = allocate(.int)
      var desc = BuiltinDesc(kind: .deferPop(records), args: [], result: k)
      desc.resultWords = 1
      code.builtins.append(desc)
      emit(Instruction(op: .builtin, a: Int32(code.builtins.count - 1)))
      for d in function.defers {
        span = d.call.span
        let next = emit(Instruction(op: .brNeImm, a: Int32(k), b: Int32(d.index)))
        evaluateForEffect(d.call)
        emit(Instruction(op: .loop, a: Int32(exit)))
        patch(next, to: label())
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
