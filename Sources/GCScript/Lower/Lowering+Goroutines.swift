// Lowering `go` statements and channel operations.
//
// `go f(args)` evaluates its arguments into the statement's variables (the checker's setup),
// then one instruction starts the goroutine: the callee (a function of the session, or a func
// value in a slot) and the argument values, in the order the callee's frame takes them. What
// the instruction does is runtime work (Run/VM+Goroutines.swift): Go's wrapper closure
// capturing the arguments on the heap (walk/order.go + typecheck normalizeGoDeferCall), then
// newproc with it.
//
// The channel operations are builtins (Run/VM+Channels.swift): their operands in slots, the
// received value (and comma-ok's bool right after it) written to the result's slots — by the
// receiver itself, or by the goroutine that sends to a receiver blocked there.

import GoHeap

/// What a go statement starts.
struct GoLaunch {
  enum Target {
    /// A function of the session, by index.
    case function(Int)
    /// A func value: the first operand.
    case value
  }
  let target: Target
  /// The closure Go wraps a call with arguments in (fn, then each captured value), made on
  /// the heap per statement; nil when the call has no arguments (Go starts the funcval
  /// itself: a declared function's static one, or the value).
  let wrapper: GoType?
}

extension Lowerer {
  /// `go f(args)`: the arguments into the statement's variables, then the launch.
  func goStatement(_ d: DeferredCall) {
    for v in d.temps { slots[ObjectIdentifier(v)] = allocate(v.type) }
    for st in d.setup { statement(st, charged: false) }
    withTemporaries {
      var operands: [(slot: Int, type: GoType)] = []
      let target: GoLaunch.Target
      let args: [TypedExpr]
      let params: [GoType]
      switch d.call.kind {
      case .call(let f, let a):
        target = .function(session.index(of: f))
        args = a
        params = f.params.map(\.type)
      case .callValue(let fv, let a):
        guard case .function(let ps, _, _) = fv.type.kind else { return }
        let slot = allocate(fv.type)
        value(fv, into: slot)
        operands.append((slot, fv.type))
        target = .value
        args = a
        params = ps
      default:
        return
      }
      for (a, p) in zip(args, params) {
        let slot = allocate(p)
        withTemporaries { value(a, into: slot) }
        operands.append((slot, p))
      }
      // The wrapper captures what the call needs: a func value's funcval, then the arguments
      // (closure layout: the code pointer first, each capture at its alignment).
      var wrapper: GoType? = nil
      if !args.isEmpty {
        var fields: [(String, GoType)] = [("F", .uintptr)]
        for (k, o) in operands.enumerated() { fields.append(("X\(k)", o.type)) }
        wrapper = GoType.structure(fields)
      }
      code.builtins.append(BuiltinDesc(kind: .goStatement(GoLaunch(target: target, wrapper: wrapper)), args: operands, result: nil))
      emit(Instruction(op: .builtin, a: Int32(code.builtins.count - 1)))
    }
  }

  /// selectgo: the operands into slots, then the call; its results (the chosen case, then each
  /// receive's value and ok) in consecutive slots.
  func selectCall(_ args: [TypedExpr], _ use: ([Int]) -> Void) {
    withTemporaries {
      var operands: [(slot: Int, type: GoType)] = []
      var elems: [GoType] = []
      var k = 1
      for (j, a) in args.enumerated() {
        let slot = allocate(a.type)
        value(a, into: slot)
        operands.append((slot, a.type))
        if j == k + 1 {
          if args[k].constant == .int(0), let (e, _) = a.type.chanInfo { elems.append(e) }
          k += args[k].constant == .int(1) ? 3 : 2
        }
      }
      let index = allocate(.int)
      var results = [index]
      for e in elems {
        results.append(allocate(e))
        results.append(allocate(.bool))
      }
      precondition(results.last.map { $0 + 1 - index } ?? 1 == top - index, "select's results are consecutive")
      var desc = BuiltinDesc(kind: .call(.select), args: operands, result: index)
      desc.resultWords = top - index
      code.builtins.append(desc)
      emit(Instruction(op: .builtin, a: Int32(code.builtins.count - 1)))
      use(results)
    }
  }

  /// `v, ok = <-ch`: the element's slots and the bool's right after them, filled by the
  /// receive.
  func receiveWithOk(_ ch: TypedExpr, _ use: ([Int]) -> Void) {
    guard let (elem, _) = ch.type.chanInfo else { return }
    withTemporaries {
      let c = allocate(ch.type)
      value(ch, into: c)
      let v = allocate(elem)
      let ok = allocate(.bool)
      precondition(ok == v + elem.words, "comma-ok's bool follows the element")
      var desc = BuiltinDesc(kind: .call(.chanRecv2), args: [(c, ch.type)], result: v)
      desc.resultWords = elem.words + 1
      code.builtins.append(desc)
      emit(Instruction(op: .builtin, a: Int32(code.builtins.count - 1)))
      use([v, ok])
    }
  }
}
