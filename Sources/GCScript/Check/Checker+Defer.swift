// Checking `defer` statements (types2 stmt.go's ODEFER case and typecheck's
// normalizeGoDeferCall, which makes every deferred call a wrapper closure with the arguments
// evaluated at the statement).
//
// A function's defers are open-coded when none is in a loop (ssagen/ssa.go; the frame keeps
// their bits and arguments: nothing is allocated). A defer inside a loop makes the function's
// defers a chain the runtime keeps (runtime/panic.go deferproc): each execution of such a
// statement takes a _defer record from the P's pool (newdefer; a new heap object when the pools
// are empty) and puts its wrapper closure on the heap with the arguments it captured
// (Lowering+Defer.swift, Run/VM+Defer.swift; Tests/Recordings/runs/deferloop).

extension Checker {
  /// `defer f(args)`: the call checked as a call statement; every argument that is not a
  /// constant is evaluated into a variable of the function at the statement (DeferredCall).
  func deferStatement(_ e: Expr, _ scope: LexicalScope, _ span: Span) throws -> TypedStmt {
    if case .paren = e.kind {
      throw fail(.typeError("expression in defer must not be parenthesized"), at: e.span)
    }
    guard case .call = e.kind else {
      throw fail(.typeError("expression in defer must be function call"), at: e.span)
    }
    if function.isRangeFuncBody {
      // Go attaches it to the function the loop is in (runtime.deferrangefunc, deferprocat).
      throw fail(.notSupported("defer in the body of a range-over-func loop", plural: false), at: span)
    }
    if function.isScript {
      throw fail(.notSupported("defer outside a function (the top level of a script is not a function body)", plural: false), at: span)
    }
    guard function.defers.count < 64 else {
      throw fail(.notSupported("more than 64 defer statements in one function", plural: false), at: span)
    }
    let (setup, temps, exitCall) = try wrappedCall(e, scope, statement: "defer")
    let d = DeferredCall(index: function.defers.count, temps: temps, setup: setup, call: exitCall, span: span)
    d.inLoop = loops.contains { !$0.isSwitch }
    function.defers.append(d)
    return TypedStmt(.deferStmt(d), span)
  }

  /// The call of a `defer` or `go` statement, made a call over variables (typecheck's
  /// normalizeGoDeferCall): every argument that is not a constant — and a function value's
  /// callee — is evaluated into a variable at the statement (`setup`); the call uses them.
  func wrappedCall(_ e: Expr, _ scope: LexicalScope, statement: String) throws -> ([TypedStmt], [Variable], TypedExpr) {
    guard case .call(let callee, _, _) = e.kind else { throw CheckFailure() }
    let op = try expression(e, scope, allowNoValue: true, allowMultiValue: true)
    if isConversion(callee, scope) {
      throw fail(.typeError("\(statement) requires function call, not conversion \(op.goText) (\(describe(op)))"), at: e.span)
    }
    // Statements that run before the call (`defer f(g())` takes g's results first).
    var setup: [TypedStmt] = []
    var call = op.expr
    while case .initialized(let stmts, let x) = call.kind {
      setup += stmts
      call = x
    }
    let args: [TypedExpr]
    switch call.kind {
    case .call(_, let a), .callValue(_, let a): args = a
    case .builtin(let b, let a, _):
      switch b {
      case .len, .cap, .append, .min, .max, .fmtSprint, .fmtSprintln, .fmtSprintf, .osGetenv,
        .runtimeNumGoroutine, .runtimeNumCPU, .timeNow, .timeSince:
        throw fail(.typeError("\(statement) discards result of \(op.goText) (\(describe(op)))"), at: e.span)
      default: args = a
      }
    default:
      throw fail(.typeError("\(statement) discards result of \(op.goText) (\(describe(op)))"), at: e.span)
    }
    // The wrapper's captured variables: one per argument that is not a constant.
    var temps: [Variable] = []
    var replaced: [TypedExpr] = []
    // A function value is evaluated at the statement too, before the arguments (a literal's
    // funcval is made there, holding what it captures); a declared function's is static.
    var deferredCallee: TypedExpr? = nil
    if case .callValue(let f, _) = call.kind {
      deferredCallee = f
      if case .functionValue = f.kind {} else {
        let v = Variable(name: ".autotmp_\(function.locals.count)", type: f.type, span: f.span, storage: .local, function: function)
        function.locals.append(v)
        temps.append(v)
        setup.append(TypedStmt(.assign([.place(TypedExpr(.variable(v), v.type, f.span))], [f]), f.span))
        deferredCallee = TypedExpr(.variable(v), v.type, f.span)
      }
    }
    for a in args {
      if a.constant != nil || a.type.isUntypedNil {
        replaced.append(a)
        continue
      }
      let v = Variable(name: ".autotmp_\(function.locals.count)", type: a.type, span: a.span, storage: .local, function: function)
      function.locals.append(v)
      temps.append(v)
      setup.append(TypedStmt(.assign([.place(TypedExpr(.variable(v), v.type, a.span))], [a]), a.span))
      replaced.append(TypedExpr(.variable(v), v.type, a.span))
    }
    let exitCall: TypedExpr
    switch call.kind {
    case .call(let f, _): exitCall = TypedExpr(.call(f, replaced), call.type, call.span)
    case .callValue(let f, _): exitCall = TypedExpr(.callValue(deferredCallee ?? f, replaced), call.type, call.span)
    case .builtin(let b, _, let spread): exitCall = TypedExpr(.builtin(b, replaced, spread: spread), call.type, call.span)
    default: throw CheckFailure()
    }
    return (setup, temps, exitCall)
  }

  /// Whether a call's callee is a type (`int(1)`, `[]byte(s)`, `time.Duration(5)`).
  private func isConversion(_ callee: Expr, _ scope: LexicalScope) -> Bool {
    switch callee.kind {
    case .paren(let x): return isConversion(x, scope)
    case .type: return true
    case .identifier(let n):
      if case .type? = scope.lookup(n) { return true }
      return false
    case .selector(let base, let n):
      guard case .identifier(let pkg) = base.kind, case .package(let p)? = scope.lookup(pkg) else { return false }
      if case .type? = try? packageMember(p, n, at: Span(0, 0)) { return true }
      return false
    default: return false
    }
  }
}
