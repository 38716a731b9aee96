// Range over a function (Go 1.23's iterators): `for k, v := range seq { body }` where seq is a
// `func(yield func(K, V) bool)`.
//
// Go's compiler does not run such a loop itself: after type checking it rewrites it into a call
// of seq with the body as a function literal (cmd/compile/internal/rangefunc/rewrite.go), and
// everything after — inlining, escape analysis, the code — sees only the rewritten program.
// gcsh rewrites the same way while checking, so the body literal is a closure like any other:
// it captures what it uses (by reference what it assigns), it is "func literal does not
// escape" when the iterator keeps `yield` to itself, and the variables it captures move to the
// heap when the iterator leaks it. The rewrite of
//
//	for x := range seq {
//		if x > 2 { break }
//		sum += x
//	}
//
// is
//
//	{
//		var #state1 = abi.RF_READY
//		seq(func(x int) bool {                       // main-range1
//			#tmpState := #state1
//			#state1 = abi.RF_PANIC
//			if #tmpState != abi.RF_READY { runtime.panicrangestate(#tmpState) }
//			if x > 2 { #state1 = abi.RF_DONE; return false }
//			sum += x
//			#state1 = abi.RF_READY
//			return true
//		})
//		if #state1 == abi.RF_PANIC { panic(runtime.panicrangestate(abi.RF_MISSING_PANIC)) }
//		#state1 = abi.RF_EXHAUSTED
//	}
//
// The state variable catches an iterator that misbehaves (calls yield after it returned false,
// after the loop ended, or swallows the body's panic) with the runtime's panics
// (runtime/panic.go panicrangestate); the compiler inserts it by default (-d=rangefunccheck=1,
// base/flag.go). A `continue` is `return true`; a `break` is `return false`. A statement that
// leaves the body for somewhere else — `return`, or `break`/`continue` of a statement around
// the loop — sets the function's `#next` variable to a code, stops the iterator, and the code
// after the call completes the jump (the result values go to the function's results first, as
// the rewrite names them). Names are Go's: the body of main's second such loop is
// `main-range2` (one inside it `main-range2-range1`), its state `#state2`, counted per declared
// function or literal.
//
// Not rewritten: `defer` in the body (Go attaches it to the enclosing function with
// runtime.deferrangefunc; gcsh names it unsupported) and goto (gcsh has none).

import GoHeap

/// A range-over-func loop whose body is being checked.
final class RangeFuncLoop {
  /// The body as a function literal.
  let body: Function
  /// `#stateN`, a variable of the function the loop is written in.
  let state: Variable
  /// The loop's own target: `break` and `continue` of the loop itself.
  let target: LoopTarget
  /// The target's index in the checker's `loops`: targets below it are outside the body.
  let base: Int
  /// Shared by the loops nested in one outermost loop: `#next`, made when a statement needs it.
  let rewrite: RangeFuncRewrite
  /// The jumps out of the body this loop's call must complete or pass on (their #next codes),
  /// and whether a `return` leaves it.
  var exits: [(code: Int, target: LoopTarget, continues: Bool)] = []
  var returns = false

  init(body: Function, state: Variable, target: LoopTarget, base: Int, rewrite: RangeFuncRewrite) {
    (self.body, self.state, self.target, self.base, self.rewrite) = (body, state, target, base, rewrite)
  }
}

/// What the range-over-func loops nested in one outermost loop share.
final class RangeFuncRewrite {
  /// `#next`: -1 a return, a positive code a jump to a statement outside a body (nil: none yet).
  var next: Variable? = nil
  var codes: [(target: LoopTarget, continues: Bool, code: Int)] = []
}

/// abi.RF_State (internal/abi/rangefuncconsts.go).
enum RangeFuncState: Int128 {
  case done = 0, ready = 1, panicking = 2, exhausted = 3, missingPanic = 4
}

extension Checker {
  /// The function a `return` returns from: the one the outermost range-over-func body being
  /// checked is written in, else the function being checked.
  var returningFunction: Function { rangeFuncs.first?.body.outer ?? function }

  /// `for k, v := range seq` (or `=`, or fewer variables) over a function `seq` of type
  /// `func(yield func(K, V) bool)`, whose yield's parameters are (K, V), (K) or (): the loop
  /// rewritten as the compiler does (see the top of this file).
  func rangeOverFunction(
    _ key: Expr?, _ value: Expr?, _ define: Bool, _ operand: Operand, yield: [GoType], _ body: [Stmt],
    _ scope: LexicalScope, _ span: Span, label: String?
  ) throws -> TypedStmt {
    let over = operand.expr.span
    if yield.isEmpty, let key {
      throw fail(.typeError("range over \(syntaxText(over)) (\(describe(operand))) permits no iteration variables"), at: key.span)
    }
    if yield.count == 1, let value {
      throw fail(.typeError("range over \(syntaxText(over)) (\(describe(operand))) permits only one iteration variable"), at: value.span)
    }
    let outer = function
    let owner = returningFunction
    let at = span.start

    // var #stateN = abi.RF_READY, in the function the loop is written in.
    owner.rangeStateCount += 1
    let state = Variable(name: "#state\(owner.rangeStateCount)", type: .int, span: Span(at, at), storage: .local, function: outer)
    state.used = true
    outer.locals.append(state)
    let declareState = setState(state, .ready, at)
    declareState.declares = [state]

    // The body: a literal named for the function it is in, at the `for`.
    outer.rangeBodyCount += 1
    // (A script's top-level code is `main`, as its literals' names say: main.func1.)
    let f = Function(name: "\(outer.isScript ? "main" : outer.name)-range\(outer.rangeBodyCount)", decl: nil, isScript: false)
    f.outer = outer
    f.literalSpan = span
    f.isRangeFuncBody = true
    f.results = [Variable(name: "#r", type: .bool, span: Span(at, at), storage: .result, function: f)]
    outer.closures.append(f)
    let loop = RangeFuncLoop(
      body: f, state: state, target: LoopTarget(label: label), base: loops.count,
      rewrite: rangeFuncs.last?.rewrite ?? RangeFuncRewrite())
    f.body = try rangeFuncBody(of: loop, key, value, define, yield, body, scope, span)
    let end = max(span.end - 1, span.start)

    // The call, in the enclosing function: seq(body).
    let site = closureSite(f, span, text: "func literal", reportAt: at)
    let closure = TypedExpr(.closure(f, site), .function(params: yield, results: [.bool], variadic: false), span)
    var call: TypedExpr
    if case .functionValue(let g) = operand.expr.kind, g.receiver == nil {
      call = TypedExpr(.call(g, [closure]), noValueType, span)
    } else if let (g, receiver) = directMethod(operand.expr, in: outer) {
      call = TypedExpr(.call(g, [receiver, closure]), noValueType, span)
    } else {
      call = TypedExpr(.callValue(operand.expr, [closure]), noValueType, span)
    }
    call.isRangeFuncCall = true
    var out = [declareState, TypedStmt(.expression(call), span)]
    // if #stateN == abi.RF_PANIC { panic(runtime.panicrangestate(abi.RF_MISSING_PANIC)) }
    // #stateN = abi.RF_EXHAUSTED
    out.append(TypedStmt(
      .ifStmt(
        nil, compare(state, "==", RangeFuncState.panicking.rawValue, end),
        [panicRangeState(integer(RangeFuncState.missingPanic.rawValue, end), end)], nil), Span(end, end)))
    out.append(setState(state, .exhausted, end))
    out += try completeExits(of: loop, end)
    // The outermost loop declares #next, if a statement in it needed one.
    if rangeFuncs.isEmpty, let next = loop.rewrite.next {
      let zero = TypedStmt(.zero([next]), span)
      zero.declares = [next]
      out.insert(zero, at: 0)
    }
    return TypedStmt(.block(out), span)
  }

  /// The body of a range-over-func loop, checked as its literal's: its parameters (the
  /// iteration variables themselves when the loop declares them — each iteration's are new —
  /// else `#p1`, `#p2` assigned to the variables the loop names), the state check, the body
  /// with its jumps rewritten (`branch(to:)`, `rangeFuncReturn`), `return true` at its end.
  private func rangeFuncBody(
    of loop: RangeFuncLoop, _ key: Expr?, _ value: Expr?, _ define: Bool, _ yield: [GoType], _ body: [Stmt],
    _ scope: LexicalScope, _ span: Span
  ) throws -> [TypedStmt] {
    let f = loop.body
    let state = loop.state
    let at = span.start
    let inner = LexicalScope(parent: scope, function: f)
    let saved = function
    function = f
    f.checked = true
    loops.append(loop.target)
    rangeFuncs.append(loop)
    defer {
      function = saved
      loops.removeLast()
      rangeFuncs.removeLast()
    }
    var assigned: [(Expr, Variable)] = []
    for (k, t) in yield.enumerated() {
      let e = k == 0 ? key : value
      var name = "#p\(k + 1)"
      var nameSpan = Span(at, at)
      if define, let e {
        guard case .identifier(let n) = e.kind else {
          throw fail(.typeError("non-name \(syntaxText(e.span)) on left side of :="), at: e.span)
        }
        if n != "_", inner.symbols[n] != nil { throw fail(.typeError("\(n) redeclared in this block"), at: e.span) }
        (name, nameSpan) = (n, e.span)
      } else if e == nil {
        name = "_"
      }
      let p = Variable(name: name, type: t, span: nameSpan, storage: .parameter, function: f)
      f.params.append(p)
      inner.variables.append(p)
      if define, name != "_" {
        inner.symbols[name] = .variable(p)
        if isGoPackage && loadingLibrary == nil { declaredLocals.append(p) }
      } else if !define, let e {
        p.used = true
        assigned.append((e, p))
      }
    }
    // `k, v = #p1, #p2` first (bodyFunc), each variable checked as an assignment's target in
    // the body (a local of the enclosing function is the body's capture of it), then
    // #tmpState := #stateN; #stateN = abi.RF_PANIC; if #tmpState != abi.RF_READY { panicrangestate(#tmpState) }
    var prologue: [TypedStmt] = []
    for (e, p) in assigned {
      if case .identifier("_") = e.kind { continue }
      let place = try assignablePlace(e, scope, plain: true)
      guard p.type.assignable(to: place.type) || place.type.isInterface else {
        throw fail(.typeError("cannot use \(syntaxText(e.span)) (value of type \(p.type)) as \(place.type) value in range"), at: e.span)
      }
      let assigned = try assign(self.value(TypedExpr(.variable(p), p.type, e.span)), to: place.type, "range")
      prologue.append(TypedStmt(.assign([.place(place)], [assigned]), e.span))
    }
    let tmp = Variable(name: "#tmpState", type: .int, span: Span(at, at), storage: .local, function: f)
    tmp.used = true
    f.locals.append(tmp)
    let copyState = TypedStmt(.assign([.place(reference(tmp, at))], [reference(state, at)]), span)
    copyState.declares = [tmp]
    let checkReady = TypedStmt(
      .ifStmt(nil, compare(tmp, "!=", RangeFuncState.ready.rawValue, at), [panicRangeState(reference(tmp, at), at)], nil), span)
    let end = max(span.end - 1, span.start)
    let checked = block(body, LexicalScope(parent: inner, function: f))
    return prologue + [copyState, setState(state, .panicking, at), checkReady] + checked
      + [setState(state, .ready, end), TypedStmt(.returnStmt([boolean(true, end)]), Span(end, end))]
  }

  /// `for v := range t.Walk`: the rewrite calls the method, `t.Walk(body)` (types2 records the
  /// selector as a method, and the rewritten call is an ordinary method call), not a method
  /// value's wrapper — which gcsh made while checking the operand (Checker+MethodValues) and
  /// which is taken back here: the declared method and the receiver the wrapper would bind.
  private func directMethod(_ e: TypedExpr, in outer: Function) -> (Function, TypedExpr)? {
    guard case .initialized(let prelude, let closure) = e.kind, prelude.count == 1,
      case .assign(let targets, let values) = prelude[0].kind, values.count == 1,
      case .place(let boundPlace)? = targets.first, case .variable(let bound) = boundPlace.kind,
      case .closure(let wrapper, let site) = closure.kind, wrapper.isMethodValueWrapper, wrapper.body.count == 1
    else { return nil }
    var call: TypedExpr? = nil
    switch wrapper.body[0].kind {
    case .returnStmt(let vs) where vs.count == 1: call = vs[0]
    case .expression(let x): call = x
    default: break
    }
    guard case .call(let g, let args)? = call?.kind, g.receiver != nil, let first = args.first,
      case .variable(let c) = first.kind, c.capturedFrom === bound
    else { return nil }
    outer.closures.removeAll { $0 === wrapper }
    outer.sites.removeAll { $0 === site }
    outer.locals.removeAll { $0 === bound }
    return (g, values[0])
  }

  /// After a loop's call: each jump out of its body to a statement this level can reach,
  /// completed (`if #next == code { #next = 0; break L }`), then the rest passed on — out of
  /// the enclosing body (`if #next != 0 { #stateM = abi.RF_DONE; return false }`), or at the
  /// outermost loop a return (`if #next == -1 { return results }`).
  private func completeExits(of loop: RangeFuncLoop, _ at: Int) throws -> [TypedStmt] {
    var out: [TypedStmt] = []
    let span = Span(at, at)
    guard let next = loop.rewrite.next else { return out }
    let base = rangeFuncs.last?.base ?? 0
    var passed = loop.returns
    var done = Set<Int>()
    for exit in loop.exits where done.insert(exit.code).inserted {
      guard let i = loops.lastIndex(where: { $0 === exit.target }), i >= base else {
        passed = true
        continue
      }
      let reset = store(next, 0, at)
      let jump = try branch(to: exit.target, continues: exit.continues, span)
      out.append(TypedStmt(.ifStmt(nil, compare(next, "==", Int128(exit.code), at), [reset, jump], nil), span))
    }
    guard passed else { return out }
    if let enclosing = rangeFuncs.last {
      out.append(TypedStmt(
        .ifStmt(nil, compare(next, "!=", 0, at), [setState(enclosing.state, .done, at), TypedStmt(.returnStmt([boolean(false, at)]), span)], nil),
        span))
    } else if loop.returns {
      let owner = function
      let values = owner.isScript ? [] : owner.results.map { TypedExpr(.variable($0), $0.type, span) }
      out.append(TypedStmt(.ifStmt(nil, compare(next, "==", -1, at), [TypedStmt(.returnStmt(values), span)], nil), span))
    }
    return out
  }

  /// `break` or `continue` of `target`, from the statement being checked: itself when the
  /// target is inside the range-over-func body being checked (or there is none); `return
  /// true`/`return false` for the body's own loop; else a jump out of the body through #next.
  func branch(to target: LoopTarget, continues: Bool, _ span: Span) throws -> TypedStmt {
    let plain = TypedStmt(continues ? .continueStmt(target) : .breakStmt(target), span)
    guard let loop = rangeFuncs.last, let i = loops.lastIndex(where: { $0 === target }), i <= loop.base else { return plain }
    if i == loop.base {
      return TypedStmt(.block([
        setState(loop.state, continues ? .ready : .done, span.start),
        TypedStmt(.returnStmt([boolean(continues, span.start)]), span),
      ]), span)
    }
    let rewrite = loop.rewrite
    let code: Int
    if let known = rewrite.codes.first(where: { $0.target === target && $0.continues == continues }) {
      code = known.code
    } else {
      code = rewrite.codes.count + 1
      rewrite.codes.append((target, continues, code))
    }
    for crossed in rangeFuncs where crossed.base > i { crossed.exits.append((code, target, continues)) }
    return leave(with: Int128(code), span)
  }

  /// `return values` in a range-over-func body: the values to the function's results, #next
  /// -1, and the iterator stopped (rewrite.go editReturn). `returned` is the statement as
  /// checked for the function the body is in.
  func rangeFuncReturn(_ returned: TypedStmt) -> TypedStmt {
    guard !rangeFuncs.isEmpty else { return returned }
    for loop in rangeFuncs { loop.returns = true }
    let owner = returningFunction
    var prefix: [TypedStmt] = []
    var values: [TypedExpr] = []
    switch returned.kind {
    case .returnStmt(let vs): values = vs
    case .block(let stmts):
      // `return g()` of several results: the spill, then the return of its temporaries.
      prefix = Array(stmts.dropLast())
      if case .returnStmt(let vs)? = stmts.last?.kind { values = vs }
    default: break
    }
    let span = returned.span
    if !values.isEmpty {
      // The function's results get names if they have none (rewrite.go editReturn,
      // generateParamName): `moved to heap: #rv1` where Go would say `~r0`.
      for (k, r) in owner.results.enumerated() where r.name.hasPrefix("~r") || r.name == "_" {
        r.name = "#rv\(k + 1)"
        r.isRangeFuncResult = true
      }
      let places = owner.results.map { AssignTarget.place(reference($0, span.start)) }
      prefix.append(TypedStmt(.assign(places, values), span))
    }
    return TypedStmt(.block(prefix + [leave(with: -1, span)]), span)
  }

  /// `#next = code; #stateN = abi.RF_DONE; return false`.
  private func leave(with code: Int128, _ span: Span) -> TypedStmt {
    let loop = rangeFuncs[rangeFuncs.count - 1]
    let next: Variable
    if let v = loop.rewrite.next {
      next = v
    } else {
      let owner = returningFunction
      next = Variable(name: "#next", type: .int, span: Span(span.start, span.start), storage: .local, function: owner)
      next.used = true
      // Declared by the rewrite with no position: go build -m prints `moved to heap: #next`
      // alone on its line.
      next.reportAt = -1
      owner.locals.append(next)
      loop.rewrite.next = next
    }
    return TypedStmt(.block([
      store(next, code, span.start),
      setState(loop.state, .done, span.start),
      TypedStmt(.returnStmt([boolean(false, span.start)]), span),
    ]), span)
  }

  /// A variable as the function being checked sees it (a body's capture of its enclosing
  /// function's variable).
  private func reference(_ v: Variable, _ at: Int) -> TypedExpr {
    TypedExpr(.variable(captured(v)), v.type, Span(at, at))
  }

  private func integer(_ n: Int128, _ at: Int) -> TypedExpr { TypedExpr(.constant(.int(n)), .int, Span(at, at)) }

  /// `v = n`.
  private func store(_ v: Variable, _ n: Int128, _ at: Int) -> TypedStmt {
    TypedStmt(.assign([.place(reference(v, at))], [integer(n, at)]), Span(at, at))
  }

  private func setState(_ state: Variable, _ value: RangeFuncState, _ at: Int) -> TypedStmt { store(state, value.rawValue, at) }

  private func compare(_ v: Variable, _ op: String, _ n: Int128, _ at: Int) -> TypedExpr {
    TypedExpr(.binary(op, reference(v, at), integer(n, at)), .bool, Span(at, at))
  }

  private func boolean(_ b: Bool, _ at: Int) -> TypedExpr { TypedExpr(.constant(.bool(b)), .bool, Span(at, at)) }

  /// runtime.panicrangestate(state): the runtime error of an iterator that misbehaved.
  private func panicRangeState(_ state: TypedExpr, _ at: Int) -> TypedStmt {
    TypedStmt(.expression(TypedExpr(.builtin(.panicRangeState, [state], spread: false), noValueType, Span(at, at))), Span(at, at))
  }
}
