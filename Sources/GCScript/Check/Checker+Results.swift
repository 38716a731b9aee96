// Checking what several results, named results and variadic parameters add: `return a, b`,
// `x, y := f()`, `f(g())`, a bare `return`, `f(1, 2, 3)` and `f(s...)` — with types2's rules and
// wording (assignments.go initVars, assignVars, assignError, returnError, typesSummary; call.go
// arguments; stmt.go's ReturnStmt).
//
// A call of a function with several results has a tuple type (TypedExpr.isMultiValue) and may
// only stand where its values are taken apart:
//   - `a, b = f()` / `a, b := f()` / `var a, b = f()`: an assignCall (Go's OAS2FUNC);
//   - `f(g())` and `return g()` (and `fmt.Println(g())`): the results go to temporaries first,
//     `tmp0, tmp1 := g()`, which are then the arguments or the returned values — what Go's
//     typecheck.RewriteMultiValueCall (Go 1.19) and the unified IR reader's multiExpr (Go 1.20+)
//     do, so that the inliner counts the same nodes;
//   - an expression statement, which discards them.
// Anywhere else it is "multiple-value f() (value of type (int, int)) in single-value context".
//
// A variadic function's `...T` parameter is a []T. A call without `...` passes the extra
// arguments in a new slice (typecheck.FixVariadicCall / MakeDotArgs): a slice literal the
// compiler made — an allocation site that -m calls "... argument" — or nil when there are none;
// `f(s...)` passes s itself, with no copy.

import GoHeap

extension Checker {
  /// Whether an expression is a call (types2's `syntax.Unparen(e).(*syntax.CallExpr)`), which
  /// may yield several values.
  func isCall(_ e: Expr) -> Bool {
    var x = e
    while case .paren(let inner) = x.kind { x = inner }
    if case .call = x.kind { return true }
    return false
  }

  /// The callee of a call as written (`two` in `two()`), for messages.
  func calleeText(_ e: Expr) -> String {
    var x = e
    while case .paren(let inner) = x.kind { x = inner }
    if case .call(let f, _, _) = x.kind { return text(f.span) }
    return text(e.span)
  }

  /// `2 variables`, `1 value` (types2 measure).
  func measure(_ n: Int, _ unit: String) -> String { "\(n) \(unit)\(n == 1 ? "" : "s")" }

  /// `1st function result` (types2 nth): how a tuple's values are named in messages.
  func nth(_ n: Int, _ what: String) -> String {
    let ext = n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th"
    return "\(n)\(ext) \(what)"
  }

  /// `assignment mismatch: 2 variables but f returns 3 values` (types2 assignError), at the call.
  func assignError(_ variables: Int, _ call: Expr, returns count: Int) -> CheckFailure {
    fail(.typeError("assignment mismatch: \(measure(variables, "variable")) but \(calleeText(call)) returns \(measure(count, "value"))"), at: call.span)
  }

  /// The values of a checked call as operands (types2 multiExpr): a tuple's are named `1st
  /// function result`, ..., located at the call, of the results' types. Their expressions are
  /// placeholders, for checking assignability only.
  func resultOperands(_ call: Operand, _ e: Expr) -> [Operand] {
    guard call.expr.isMultiValue else { return [call] }
    return call.expr.resultTypes.enumerated().map { k, t in
      Operand(expr: TypedExpr(.nilValue, t, e.span), untyped: nil, addressable: false, text: nth(k + 1, "function result"))
    }
  }

  /// `tmp0, tmp1 := g()`: a multi-value call's results in new temporaries (RewriteMultiValueCall);
  /// returns the statement and the temporaries as operands (named as types2 names the values).
  func spillResults(_ call: Operand, _ e: Expr) -> (TypedStmt, [Operand]) {
    var temps: [Variable] = []
    for (k, t) in call.expr.resultTypes.enumerated() {
      let v = Variable(name: ".autotmp_\(k)", type: t, span: e.span, storage: .local, function: function)
      function.locals.append(v)
      temps.append(v)
    }
    let stmt = TypedStmt(.assignCall(temps.map { .place(TypedExpr(.variable($0), $0.type, e.span)) }, call.expr), e.span)
    stmt.declares = temps
    let values = temps.enumerated().map { k, v in
      resultNames[ObjectIdentifier(v)] = nth(k + 1, "function result")
      return Operand(expr: TypedExpr(.variable(v), v.type, e.span), untyped: nil, addressable: false, text: nth(k + 1, "function result"))
    }
    return (stmt, values)
  }

  /// A list of operand types as types2 summarises them in count errors: an untyped number is
  /// `number`, other untyped constants their kind; `dots`: the last one was passed with `...`.
  func typesSummary(_ ops: [Operand], dots: Bool = false) -> String {
    let parts = ops.enumerated().map { k, op -> String in
      var s: String
      switch op.untyped {
      case .int?, .rune?, .float?: s = "number"
      case .string?: s = "string"
      case .bool?: s = "bool"
      case .nilValue?: s = "nil"
      case nil: s = "\(op.type)"
      }
      if dots && k == ops.count - 1 { s += "..." }
      return s
    }
    return "(" + parts.joined(separator: ", ") + ")"
  }

  /// A function's parameter types as types2 prints them: the variadic one as `...T`.
  func parameterSummary(_ params: [GoType], variadic: Bool) -> String {
    let parts = params.enumerated().map { k, p -> String in
      if variadic && k == params.count - 1, let e = p.sliceElement { return "...\(e)" }
      return "\(p)"
    }
    return "(" + parts.joined(separator: ", ") + ")"
  }

  // MARK: Assignments from a call

  /// `a, b = f()` and `a, b := f()`: each result to its target (an assignCall, Go's OAS2FUNC);
  /// the call was checked and yields as many values as there are targets.
  func assignmentFromCall(_ lhs: [Expr], _ call: Operand, _ e: Expr, define: Bool, _ scope: LexicalScope, _ span: Span) throws -> TypedStmt {
    let values = resultOperands(call, e)
    let (targets, declared) = try assignTargets(
      lhs, define: define, scope, newType: { values[$0].type },
      existing: { k, place in _ = try assign(values[k], to: place.type, "multiple assignment") })
    let stmt = TypedStmt(.assignCall(targets, call.expr), span)
    stmt.declares = declared
    return stmt
  }

  /// `var a, b [T] = f()` (types2 initVars with one call on the right).
  func varDeclarationFromCall(
    _ names: [(String, Span)], _ declared: GoType?, _ e: Expr, _ scope: LexicalScope, _ span: Span
  ) throws -> TypedStmt {
    let call = try expression(e, scope, allowMultiValue: true)
    let values = resultOperands(call, e)
    guard values.count == names.count else { throw assignError(names.count, e, returns: values.count) }
    if let declared {
      for v in values { _ = try assign(v, to: declared, "multiple assignment") }
    }
    var vars: [Variable] = []
    for (k, (name, nspan)) in names.enumerated() {
      vars.append(try declare(name, declared ?? values[k].type, nspan, scope))
    }
    let targets: [AssignTarget] = vars.map { $0.name == "_" ? .discard : .place(TypedExpr(.variable($0), $0.type, $0.span)) }
    let stmt = TypedStmt(.assignCall(targets, call.expr), span)
    stmt.declares = vars.filter { $0.name != "_" }
    return stmt
  }

  // MARK: Return

  /// `return`, `return x`, `return a, b`, `return g()` (types2 stmt.go ReturnStmt, initVars).
  func returnStatement(_ values: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedStmt {
    // In a range-over-func body, a return of the function the loop is in (rewritten).
    rangeFuncReturn(try returnOfFunction(values, scope, span))
  }

  private func returnOfFunction(_ values: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedStmt {
    let function = returningFunction
    if function.isScript {
      if !values.isEmpty { throw fail(.typeError("too many return values"), at: span) }
      return TypedStmt(.returnStmt([]), span)
    }
    let results = function.results
    if values.isEmpty {
      if results.isEmpty { return TypedStmt(.returnStmt([]), span) }
      guard function.namedResults else {
        throw fail(.typeError("not enough return values\n\thave ()\n\twant \(resultSummary())"), at: span)
      }
      // A bare return returns the named results, which must be the ones in scope here (the
      // spec's implementation restriction, which gc enforces).
      var failed = false
      for r in results where r.name != "_" && !r.isRangeFuncResult {
        if case .variable(let v)? = scope.lookup(r.name), v === r { continue }
        var message = "result parameter \(r.name) not in scope at return"
        if case .variable(let inner)? = scope.lookup(r.name) {
          let (line, column) = source.location(of: inner.span.start)
          message += "\n\t\(source.name):\(line):\(column): inner declaration of var \(inner.name) \(inner.type)"
        }
        fail(.typeError(message), at: span)
        failed = true
      }
      if failed { throw CheckFailure() }
      return TypedStmt(.returnStmt([]), span)
    }
    // One call: its values are the results (`return g()`), or it is the one result.
    if values.count == 1, isCall(values[0]) {
      let call = try expression(values[0], scope, allowMultiValue: true)
      let ops = resultOperands(call, values[0])
      guard ops.count == results.count else { throw returnError(ops, at: [values[0]]) }
      guard call.expr.isMultiValue else {
        return TypedStmt(.returnStmt([try assign(call, to: results[0].type, "return statement")]), span)
      }
      // tmp0, tmp1 := g(); return tmp0, tmp1
      let (spill, temps) = spillResults(call, values[0])
      let returned = try zip(temps, results).map { try assign($0, to: $1.type, "return statement") }
      return TypedStmt(.block([spill, TypedStmt(.returnStmt(returned), span)]), span)
    }
    let ops = try values.map { try expression($0, scope) }
    guard ops.count == results.count else { throw returnError(ops, at: values) }
    let typed = try zip(ops, results).map { try assign($0, to: $1.type, "return statement") }
    return TypedStmt(.returnStmt(typed), span)
  }

  /// The function's result types, as `want (int, bool)`.
  func resultSummary() -> String {
    "(" + returningFunction.results.map { "\($0.type)" }.joined(separator: ", ") + ")"
  }

  /// `not enough return values` / `too many return values` with what the return has and what
  /// the function wants (types2 returnError): at the first extra value, or the last one.
  func returnError(_ ops: [Operand], at exprs: [Expr]) -> CheckFailure {
    let want = returningFunction.results.count
    let qualifier = ops.count > want ? "too many" : "not enough"
    // A tuple's values all stand at the call.
    let at = exprs.count == 1 ? exprs[0].span : (ops.count > want ? exprs[want].span : exprs[exprs.count - 1].span)
    return fail(.typeError("\(qualifier) return values\n\thave \(typesSummary(ops))\n\twant \(resultSummary())"), at: at)
  }

  // MARK: Calls

  /// A call of a declared function (types2 call.go arguments): a single call argument may
  /// supply every argument; a variadic function's extra arguments are packed into a slice.
  /// A call of a declared function, or of a method with its receiver already converted to the
  /// method's receiver type (Checker+Methods.swift); `name` is what messages call it (`s.Push`).
  func userCall(
    _ fn: Function, _ args: [Expr], _ spread: Bool, _ scope: LexicalScope, _ span: Span,
    receiver: TypedExpr? = nil, name: String? = nil
  ) throws -> Operand {
    var (typed, spill) = try arguments(
      params: fn.explicitParams.map(\.type), variadic: fn.variadic, args, spread, scope, span,
      name: name ?? fn.name)
    if let receiver { typed.insert(receiver, at: 0) }
    var node = TypedExpr(.call(fn, typed), callType(fn), span)
    if let spill { node = TypedExpr(.initialized([spill], node), node.type, span) }
    var op = value(node)
    op.isCallResult = true
    return op
  }

  /// A call's arguments checked against parameters of types `params` (the last one `[]T` of
  /// a variadic `...T`): one call argument may supply them all (spilled to temporaries first:
  /// the statement returned); a variadic function's extra arguments are packed into a slice.
  func arguments(
    params: [GoType], variadic: Bool, _ args: [Expr], _ spread: Bool, _ scope: LexicalScope,
    _ span: Span, name: String
  ) throws -> ([TypedExpr], TypedStmt?) {
    let (ops, exprs, spill) = try argumentOperands(args, spread, scope)
    return try typedArguments(ops, exprs, spill, params: params, variadic: variadic, spread, span, name: name)
  }

  /// A call's arguments checked as operands, before their parameters' types are known (a
  /// generic call infers them from these): one call argument's several results are spilled to
  /// temporaries (the statement returned).
  func argumentOperands(_ args: [Expr], _ spread: Bool, _ scope: LexicalScope) throws -> (ops: [Operand], exprs: [Expr], spill: TypedStmt?) {
    var ops: [Operand]
    var exprs: [Expr]
    var spill: TypedStmt? = nil
    if args.count == 1, !spread, isCall(args[0]) {
      let call = try expression(args[0], scope, allowMultiValue: true)
      if call.expr.isMultiValue {
        let (s, temps) = spillResults(call, args[0])
        spill = s
        ops = temps
      } else {
        ops = [call]
      }
      exprs = Array(repeating: args[0], count: ops.count)
    } else {
      ops = try args.map { try expression($0, scope) }
      exprs = args
    }
    return (ops, exprs, spill)
  }

  /// Checked argument operands against the parameters' types (`[]T` last for `...T`).
  func typedArguments(
    _ ops: [Operand], _ exprs: [Expr], _ spill: TypedStmt?, params: [GoType], variadic: Bool, _ spread: Bool,
    _ span: Span, name: String
  ) throws -> ([TypedExpr], TypedStmt?) {
    if spread && !variadic {
      throw fail(.typeError("cannot use ... in call to non-variadic \(name)"), at: span)
    }
    let fixed = variadic && !spread ? params.count - 1 : params.count
    let countOK = variadic && !spread ? ops.count >= fixed : ops.count == params.count
    if !countOK {
      let tooMany = ops.count > params.count
      let at = tooMany ? exprs[params.count].span : (ops.isEmpty ? span : exprs[ops.count - 1].span)
      throw fail(.typeError("\(tooMany ? "too many" : "not enough") arguments in call to \(name)\n\thave \(typesSummary(ops, dots: spread))\n\twant \(parameterSummary(params, variadic: variadic))"), at: at)
    }
    let context = "argument to \(name)"
    var typed = try zip(ops.prefix(fixed), params).map { try assign($0, to: $1, context) }
    // Each argument converted to an interface is reported where its operand is: the call and
    // the arguments before it place the line (Escape/EscapeInterfaces.swift).
    if spill == nil, let lparen = openParen(span.start) {
      for (k, t) in typed.enumerated() where t.isImplicitInterfaceBox && t.site?.statementStart == nil {
        t.site?.argument = (lparen, ops[..<k].map(\.expr))
      }
    }
    if variadic && !spread {
      typed.append(try variadicPack(params[params.count - 1], Array(ops[fixed...]), context, span))
    }
    return (typed, spill)
  }

  /// The type of a call of `fn`: its result's, a tuple of its results, or no value.
  func callType(_ fn: Function) -> GoType {
    switch fn.results.count {
    case 0: return noValueType
    case 1: return fn.results[0].type
    default: return tupleType(fn.results.map(\.type))
    }
  }

  /// The slice passed for a variadic parameter (typecheck.MakeDotArgs): nil without extra
  /// arguments, else a slice literal of them — an allocation site, "... argument" in -m,
  /// reported at the call's parenthesis.
  private func variadicPack(_ sliceType: GoType, _ extra: [Operand], _ context: String, _ span: Span) throws -> TypedExpr {
    let elem = sliceType.sliceElement!
    let pack: TypedExpr
    if extra.isEmpty {
      pack = TypedExpr(.nilValue, sliceType, span)
    } else {
      let elems = try extra.enumerated().map { k, op in (index: k, value: try assign(op, to: elem, context)) }
      let site = AllocationSite(kind: .sliceLiteral, span: span, type: elem, text: "... argument")
      site.constantCount = extra.count
      site.reportAt = openParen(span.start)
      function.sites.append(site)
      pack = TypedExpr(.composite(elems, site), sliceType, span)
    }
    pack.isVariadicPack = true
    return pack
  }

  /// `fmt.Println(g())`, `println(g())`: a print function's operands may be one call's results.
  /// Returns the operands and the statement that spills them, if any.
  func printOperands(_ args: [Expr], _ scope: LexicalScope) throws -> ([Operand], TypedStmt?) {
    if args.count == 1, isCall(args[0]) {
      let call = try expression(args[0], scope, allowMultiValue: true)
      if call.expr.isMultiValue {
        let (spill, temps) = spillResults(call, args[0])
        return (temps, spill)
      }
      return ([call], nil)
    }
    return (try args.map { try expression($0, scope) }, nil)
  }
}
