// Checking statements: declarations, assignments, control flow, and gcsh's runtime statements.

import GoHeap

extension Checker {
  /// Checks a block's statements in a new scope; a statement with an error is reported and
  /// left out (the run will not happen anyway).
  func block(_ stmts: [Stmt], _ scope: LexicalScope) -> [TypedStmt] {
    var out: [TypedStmt] = []
    for s in stmts {
      if stopIfInterrupted(at: s.span) { break }
      do {
        if let t = try statement(s, scope, topLevel: false) { out.append(t) }
      } catch {
        poisonDeclarations(of: s, in: scope)
      }
    }
    return out
  }

  /// Ctrl-C or --timeout: checking stops at the statement or function it reached (reported
  /// once), and nothing of the run runs.
  func stopIfInterrupted(at span: Span) -> Bool {
    guard Interrupt.requested else { return false }
    if !errors.contains(where: { $0.kind == .interrupted }) { errors.append(ScriptError(.interrupted, at: span)) }
    return true
  }

  /// `a, b := x` with the counts unequal, in types2's words (assignments.go assignError): a
  /// single call on the right is named with what it returns. The right side is checked first,
  /// so that a call of a function whose declaration failed adds nothing.
  func assignmentMismatch(_ variables: Int, _ values: [Expr], _ scope: LexicalScope, at span: Span) throws -> CheckFailure {
    if values.count == 1, isCall(values[0]) {
      let op = try expression(values[0], scope, allowMultiValue: true)
      return assignError(variables, values[0], returns: op.expr.resultTypes.count)
    }
    return fail(.typeError("assignment mismatch: \(measure(variables, "variable")) but \(measure(values.count, "value"))"), at: span)
  }

  /// After a declaration failed to check, its new names are declared as poisoned, so that their
  /// uses further on are not reported as undefined: one mistake, one message. A variable whose
  /// type is written keeps that type, as in types2 (`var x int = "a"` is an error, and then
  /// `var s string = x` is another).
  func poisonDeclarations(of s: Stmt, in scope: LexicalScope) {
    var names: [String] = []
    switch s.kind {
    case .varDecl(let ns, let te?, _):
      let declared = errors.count
      if let t = try? resolveType(te, scope) {
        for (n, at) in ns where n != "_" && scope.symbols[n] == nil {
          if let v = try? declare(n, t, at, scope) { v.used = true }
        }
      }
      // (A type that fails to resolve was reported with the declaration.)
      errors.removeSubrange(declared...)
      names = ns.map(\.0)
    case .varDecl(let ns, _, _), .constDecl(let ns, _, _, _): names = ns.map(\.0)
    case .assign(let lhs, ":=", _):
      for e in lhs { if case .identifier(let n) = e.kind { names.append(n) } }
    case .typeDecl(let n, _), .typeAlias(let n, _): names = [n]
    case .declGroup(let specs):
      for spec in specs { poisonDeclarations(of: spec, in: scope) }
    case .labeled(_, let inner): poisonDeclarations(of: inner, in: scope)
    default: break
    }
    for n in names where n != "_" && scope.symbols[n] == nil { scope.symbols[n] = .poisoned }
  }

  /// Checks one statement; nil for a declaration that leaves no code (a constant, a type).
  /// `label` is the statement's label (`L: for ...`): a loop or switch is then `break L`'s (and a
  /// loop `continue L`'s) target.
  func statement(_ s: Stmt, _ scope: LexicalScope, topLevel: Bool, label: String? = nil) throws -> TypedStmt? {
    let span = s.span
    switch s.kind {
    case .empty, .package: return nil
    case .imports: return nil  // bound before anything is checked: collectImports
    case .expression(let e):
      return try expressionStatement(e, scope, topLevel: topLevel, span)
    case .assign(let lhs, let op, let rhs):
      return try assignment(lhs, op, rhs, scope, span)
    case .incDec(let target, let inc):
      let place = try assignablePlace(target, scope)
      guard place.type.isNumeric else {
        throw fail(.typeError("invalid operation: \(syntaxText(target.span))\(inc ? "++" : "--") (non-numeric type \(place.type))"), at: span)
      }
      let one = TypedExpr(.constant(place.type.isFloat ? .float(1) : .int(1)), place.type, span)
      return TypedStmt(.opAssign(inc ? "+" : "-", place, one), span)
    case .varDecl(let names, let te, let values):
      return try varDeclaration(names, te, values, scope, span)
    case .constDecl(let names, let te, let values, let index):
      iota = Int128(index)
      defer { iota = nil }
      try constDeclaration(names, te, values, scope, span)
      return nil
    case .typeAlias(let name, let te):
      // A local alias (top-level ones were bound in phase 1): the same type by another name.
      if scope === top { return nil }
      if scope.symbols[name] != nil { throw fail(.typeError("\(name) redeclared in this block"), at: span) }
      scope.symbols[name] = .type(try resolveType(te, scope, byValue: false))
      return nil
    case .typeDecl(let name, let te):
      // A local type (top-level ones were declared in phase 1).
      if scope.symbols[name] != nil { throw fail(.typeError("\(name) redeclared in this block"), at: span) }
      let t = GoType.named(name)
      scope.symbols[name] = .type(t)
      let under = try resolveType(te, scope)
      if under === t { throw fail(.typeError("invalid recursive type \(name)"), at: span) }
      t.define(under.kind)
      return nil
    case .genericTypeDecl(let name, let params, let te):
      // A local generic type (top-level ones were declared in phase 1).
      if topLevel { return nil }
      if !profile.has(.generics) { throw featureMissing(.generics, span) }
      if scope.symbols[name] != nil { throw fail(.typeError("\(name) redeclared in this block"), at: span) }
      scope.symbols[name] = .genericType(GenericType(name: name, params: params, body: te, scope: scope, source: source, span: span))
      return nil
    case .funcDecl(let d):
      throw fail(.typeError("function declaration \(d.name) inside a function (use a function literal)"), at: span)
    case .declGroup(let specs):
      var out: [TypedStmt] = []
      for spec in specs { if let t = try statement(spec, scope, topLevel: topLevel) { out.append(t) } }
      if out.isEmpty { return nil }
      let group = TypedStmt(.block(out), span)
      group.isGroup = true
      return group
    case .block(let stmts):
      return TypedStmt(.block(block(stmts, LexicalScope(parent: scope, function: function))), span)
    case .ifStmt(let initStmt, let cond, let then, let els):
      let inner = LexicalScope(parent: scope, function: function)
      let i = try initStmt.flatMap { try statement($0, inner, topLevel: false) }
      let c = try condition(cond, inner, "if statement")
      let t = block(then, LexicalScope(parent: inner, function: function))
      let e = try els.flatMap { try statement($0, inner, topLevel: false) }
      return TypedStmt(.ifStmt(i, c, t, e), span)
    case .forStmt(let initStmt, let cond, let post, let body):
      let inner = LexicalScope(parent: scope, function: function)
      let i = try initStmt.flatMap { try statement($0, inner, topLevel: false) }
      let c = try cond.map { try condition($0, inner, "for statement") }
      if let post, case .assign(_, ":=", _) = post.kind {
        throw fail(.typeError("cannot declare in post statement of for loop"), at: post.span)
      }
      let p = try post.flatMap { try statement($0, inner, topLevel: false) }
      let target = LoopTarget(label: label)
      loops.append(target)
      defer { loops.removeLast() }
      let b = block(body, LexicalScope(parent: inner, function: function))
      return TypedStmt(.loop(target, i, c, p, b), span)
    case .rangeStmt(let key, let value, let define, let over, let body):
      return try rangeLoop(key, value, define, over, body, scope, span, label: label)
    case .returnStmt(let e):
      return try returnStatement(e.map { [$0] } ?? [], scope, span)
    case .returnValues(let values):
      return try returnStatement(values, scope, span)
    case .breakStmt, .continueStmt, .labeledBranch, .fallthroughStmt:
      return try branch(s)
    case .labeled(let name, let inner):
      // The label names the statement (a loop's or switch's target takes it); Go's IR keeps an
      // OLABEL before it. A blank label names nothing.
      let typed = try statement(inner, scope, topLevel: topLevel, label: name == "_" ? nil : name)
        ?? TypedStmt(.block([]), span)
      typed.labels.insert(name, at: 0)
      return typed
    case .gotoStmt:
      // A goto Go rejects was reported by the branch check, in Go's words.
      if badBranches.contains(ObjectIdentifier(s)) { throw CheckFailure() }
      throw fail(.notSupported("goto", plural: false), at: span)
    case .switchStmt(let initStmt, let tag, let binding, let clauses):
      if let tag, case .typeAssert(_, nil) = tag.kind {
        return try typeSwitch(initStmt, tag, binding: binding, clauses, scope, span, label: label)
      }
      return try switchStatement(initStmt, tag, clauses, scope, span, label: label)
    case .selectStmt(let clauses): return try selectStatement(clauses, scope, span, label: label)
    case .goStmt(let e): return try goStatement(e, scope, span)
    case .deferStmt(let e): return try deferStatement(e, scope, span)
    case .send(let c, let v): return try send(c, v, scope, span)
    case .sleep(let e):
      return TypedStmt(.sleep(try assign(try expression(e, scope), to: durationType, "sleep")), span)
    case .gc: return TypedStmt(.gc, span)
    case .free:
      try requireFeature(.freeOSMemory, span)
      return TypedStmt(.free, span)
    case .stats(let label, let view):
      if let view, !["memstats", "gctrace", "metrics", "os", "all"].contains(view) {
        throw fail(.typeError("unknown stats view \(view) (memstats, gctrace, metrics, os, all)"), at: span)
      }
      let parts = try label.map { try defaultTyped(try expression($0, scope), "stats label") }
      return TypedStmt(.stats(label: parts, view: view), span)
    case .expect(let e): return TypedStmt(.expect(try expectation(e, scope)), span)
    case .why(let what):
      if let w = what, !["rss", "heapsys"].contains(w.lowercased()) {
        throw fail(.typeError("why explains rss or HeapSys, not \(w)"), at: span)
      }
      return TypedStmt(.why(what), span)
    case .roots: return TypedStmt(.roots(visibleVariables(scope)), span)
    case .explain(let on): return TypedStmt(.explain(on), span)
    case .heapMap: return TypedStmt(.heapMap, span)
    case .set(let name, let value): return try setting(name, value, scope, span)
    case .print(let args, _):
      let call = try builtinCall(.fmtPrintln, args, spread: false, scope, span)
      return TypedStmt(.expression(printStatement(call)), span)
    case .builtinPrint(let args, let newline):
      let call = try builtinCall(newline ? .println : .print, args, spread: false, scope, span)
      return TypedStmt(.expression(call), span)
    case .printf(let f, let args):
      let call = try builtinCall(.fmtPrintf, [f] + args, spread: false, scope, span)
      return TypedStmt(.expression(call), span)
    }
  }

  /// Marks a print statement's (or the REPL echo's) fmt.Println call: it prints without
  /// converting its operands to interfaces, so it allocates nothing (TypedExpr.isPrintStatement).
  func printStatement(_ call: TypedExpr) -> TypedExpr {
    if case .initialized(_, let inner) = call.kind { inner.isPrintStatement = true }
    call.isPrintStatement = true
    return call
  }

  /// An expression used as a statement: a call (Go allows nothing else), or at the REPL's top
  /// level any value, which is printed.
  func expressionStatement(_ e: Expr, _ scope: LexicalScope, topLevel: Bool, _ span: Span) throws -> TypedStmt {
    var inner = e
    while case .paren(let x) = inner.kind { inner = x }
    let op = try expression(e, scope, allowNoValue: true, allowMultiValue: true)
    if echoExpressions && topLevel && op.expr.isMultiValue {
      // The REPL shows every value of a call with several results, as fmt.Println(f()) would.
      let (spill, values) = spillResults(op, e)
      let echo = printStatement(TypedExpr(.builtin(.fmtPrintln, values.map(\.expr), spread: false), noValueType, span))
      return TypedStmt(.expression(TypedExpr(.initialized([spill], echo), noValueType, span)), span)
    }
    if echoExpressions && topLevel && op.expr.type !== noValueType {
      let shown = try defaultTyped(op, "REPL echo")
      return TypedStmt(.expression(printStatement(TypedExpr(.builtin(.fmtPrintln, [shown], spread: false), noValueType, span))), span)
    }
    if case .call = inner.kind, op.isCallResult { return TypedStmt(.expression(op.expr), span) }
    if case .unary("<-", _) = inner.kind { return TypedStmt(.expression(op.expr), span) }
    throw fail(.typeError("\(syntaxText(e.span)) (\(describe(op))) is not used"), at: e.span)
  }

  /// `var a, b T = x, y` (type or values optional).
  func varDeclaration(
    _ names: [(String, Span)], _ te: TypeExpr?, _ values: [Expr], _ scope: LexicalScope, _ span: Span
  ) throws -> TypedStmt {
    let declared = try te.map { try resolveType($0, scope) }
    if te == nil, names.count == 2, values.count == 1,
      let s = try commaOk(names.map { Expr(.identifier($0.0), $0.1) }, values[0], define: true, scope, span)
        ?? commaOkReceive(names.map { Expr(.identifier($0.0), $0.1) }, values[0], define: true, scope, span)
    {
      return s
    }
    if names.count > 1, values.count == 1, isCall(values[0]) {
      return try varDeclarationFromCall(names, declared, values[0], scope, span)
    }
    if !values.isEmpty && values.count != names.count {
      throw try assignmentMismatch(names.count, values, scope, at: values[0].span)
    }
    // The values are checked before the names are declared: `var x = x` refers to an outer x.
    var typed: [TypedExpr] = []
    for v in values {
      let op = try expression(v, scope)
      typed.append(try declared.map { try assign(op, to: $0, "variable declaration") } ?? defaultTyped(op, "variable declaration"))
      // Go 1.19.8 places a declaration's conversion of a composite literal where typechecking
      // last was: the literal's last element (Tests/Recordings/escape, escape_interfaces.go).
      if case .conversion(let x) = typed[typed.count - 1].kind, let site = typed[typed.count - 1].site,
        site.kind == .interfaceBox, case .composite(let elems, _) = x.kind, let last = elems.last
      {
        site.statementStart = last.value.span.start
      }
    }
    if isGoPackage && function.isScript {
      for v in typed where Self.isStaticInitializer(v) || Self.isStaticErrorsNew(v, profile) { Self.markStatic(v) }
    }
    var vars: [Variable] = []
    for (k, (name, nspan)) in names.enumerated() {
      let t = declared ?? typed[k].type
      vars.append(try declare(name, t, nspan, scope))
    }
    let stmt: TypedStmt
    if typed.isEmpty {
      stmt = TypedStmt(.zero(vars.filter { $0.name != "_" }), span)
    } else {
      let targets: [AssignTarget] = vars.map { $0.name == "_" ? .discard : .place(TypedExpr(.variable($0), $0.type, $0.span)) }
      stmt = TypedStmt(.assign(targets, typed), span)
    }
    stmt.declares = vars.filter { $0.name != "_" }
    stmt.declaresPackageLevel = isGoPackage && function.isScript
    return stmt
  }

  /// `const a, b T = x, y`: each value must be a constant; a typed one must fit its type.
  func constDeclaration(
    _ names: [(String, Span)], _ te: TypeExpr?, _ values: [Expr], _ scope: LexicalScope, _ span: Span
  ) throws {
    guard names.count == values.count else {
      throw fail(.typeError(names.count > values.count ? "missing init expr for const declaration" : "extra init expr"), at: span)
    }
    let declared = try te.map { try resolveType($0, scope) }
    // A spec that repeats the previous one's expressions (its values lie before it) reports
    // their errors at its own names, as types2 does for inherited constant initialisers.
    let inherited = values.first.map { $0.span.start < span.start } ?? false
    for ((name, nspan), v) in zip(names, values) {
      let reported = errors.count
      do {
        var op = try expression(v, scope)
        guard op.constant != nil else {
          throw fail(.typeError("\(syntaxText(v.span)) (\(describe(op))) is not constant"), at: v.span)
        }
        if let declared {
          let typed = try assign(op, to: declared, "constant declaration")
          op = Operand(expr: typed, untyped: nil, addressable: false, text: op.text)
        }
        if scope.symbols[name] != nil { throw fail(.typeError("\(name) redeclared in this block"), at: nspan) }
        if name != "_", let c = op.constant { scope.symbols[name] = .constant(c, op.expr.type, untyped: op.untyped) }
      } catch {
        if inherited { for i in reported..<errors.count { errors[i] = ScriptError(errors[i].kind, at: nspan) } }
        throw error
      }
    }
  }

  /// An assignment statement: `=`, `:=` or `op=`.
  func assignment(_ lhs: [Expr], _ op: String, _ rhs: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedStmt {
    if op != "=" && op != ":=" {
      guard lhs.count == 1, rhs.count == 1 else {
        throw fail(.typeError("assignment operation \(op) requires single-valued expressions"), at: span)
      }
      let binop = String(op.dropLast())
      let place = try assignablePlace(lhs[0], scope)
      let value = try binary(binop, Operand(expr: place, untyped: nil, addressable: true, text: text(lhs[0].span)), try expression(rhs[0], scope), Span(lhs[0].span.start, rhs[0].span.end))
      let converted = try assign(value, to: place.type, "assignment")
      guard case .binary(_, _, let r) = converted.kind else {
        if case .shift(_, _, let r) = converted.kind { return TypedStmt(.opAssign(binop, place, r), span) }
        return TypedStmt(.assign([.place(place)], [converted]), span)
      }
      return TypedStmt(.opAssign(binop, place, r), span)
    }
    // `v, ok := m[k]` (the comma-ok form of a map index).
    if rhs.count == 1, let s = try commaOk(lhs, rhs[0], define: op == ":=", scope, span)
      ?? commaOkReceive(lhs, rhs[0], define: op == ":=", scope, span)
    {
      return s
    }
    // Right sides first: they are evaluated before any variable is declared. A single call may
    // yield every value (types2 assignVars, initVars).
    let values: [Operand]
    if rhs.count == 1, isCall(rhs[0]) {
      let call = try expression(rhs[0], scope, allowMultiValue: true)
      let count = call.expr.resultTypes.count
      guard count == lhs.count else { throw assignError(lhs.count, rhs[0], returns: count) }
      if call.expr.isMultiValue { return try assignmentFromCall(lhs, call, rhs[0], define: op == ":=", scope, span) }
      values = [call]
    } else {
      guard lhs.count == rhs.count else {
        throw try assignmentMismatch(lhs.count, rhs, scope, at: rhs[0].span)
      }
      values = try rhs.map { try expression($0, scope) }
    }
    let context = lhs.count > 1 ? "multiple assignment" : "assignment"
    var typed: [TypedExpr] = []
    let (targets, declared) = try assignTargets(
      lhs, define: op == ":=", scope,
      discard: { typed.append(try defaultTyped(values[$0], "assignment")) },
      newType: { k in
        let value = try defaultTyped(values[k], "assignment")
        typed.append(value)
        return value.type
      },
      existing: { k, place in typed.append(try assign(values[k], to: place.type, context)) })
    // Go 1.19.8 places an implicit conversion to an interface at its assignment statement.
    for value in typed {
      if case .conversion = value.kind, let site = value.site, site.kind == .interfaceBox { site.statementStart = span.start }
    }
    let stmt = TypedStmt(.assign(targets, typed), span)
    stmt.declares = declared
    return stmt
  }

  /// The left side of `a, b = ...` or `a, b := ...`, target by target in order (types2
  /// assignVars, shortVarDecl): `_` discards (`discard(k)`); a name new to the block under `:=`
  /// — or, gcsh's convenience in scripts and the REPL, a name not declared at all under `=`
  /// (a Go file gets Go's `undefined: x`) — is declared with the type
  /// `newType(k)` returns; anything else must be an assignable place, which `existing(k, place)`
  /// checks against its value. Go's errors for a non-name, or no new name, left of `:=`.
  func assignTargets(
    _ lhs: [Expr], define: Bool, _ scope: LexicalScope,
    discard: (Int) throws -> Void = { _ in },
    newType: (Int) throws -> GoType, existing: (Int, TypedExpr) throws -> Void
  ) throws -> (targets: [AssignTarget], declared: [Variable]) {
    var targets: [AssignTarget] = []
    var declared: [Variable] = []
    for (k, target) in lhs.enumerated() {
      if case .identifier(let name) = target.kind {
        if name == "_" {
          targets.append(.discard)
          try discard(k)
          continue
        }
        let isNew = define ? scope.symbols[name] == nil : !isGoPackage && scope.lookup(name) == nil
        if isNew {
          let v = try declare(name, try newType(k), target.span, scope)
          declared.append(v)
          targets.append(.place(TypedExpr(.variable(v), v.type, target.span)))
          continue
        }
      } else if define {
        throw fail(.typeError("non-name \(syntaxText(target.span)) on left side of :="), at: target.span)
      }
      let place = try assignablePlace(target, scope, plain: true)
      try existing(k, place)
      targets.append(.place(place))
    }
    if define && declared.isEmpty {
      throw fail(.typeError("no new variables on left side of :="), at: operatorSpan(":=", after: lhs.last!.span))
    }
    return (targets, declared)
  }

  /// Where an operator written after `span` is (Go points at the `:=` of a bad declaration).
  func operatorSpan(_ op: String, after span: Span) -> Span {
    let bytes = source.bytes
    var i = span.end
    while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: ",") { i += 1 }
    return Span(i, min(bytes.count, i + op.utf8.count))
  }

  /// A place an assignment stores to: a variable, a dereference, a slice element, an element of
  /// an addressable array, a field of an addressable struct.
  ///
  /// The whole left side of a plain `=` (`plain`) is not a use of its variable (types2's
  /// assignVar): the variable's `used` is as it was before.
  func assignablePlace(_ e: Expr, _ scope: LexicalScope, plain: Bool = false) throws -> TypedExpr {
    var name = e
    while case .paren(let x) = name.kind { name = x }
    var assigned: (Variable, Bool)? = nil
    if plain, case .identifier(let n) = name.kind, case .variable(let v)? = scope.lookup(n) { assigned = (v, v.used) }
    defer { if let (v, used) = assigned { v.used = used } }
    let op = try expression(e, scope)
    // fmt and log write os.Stdout's and os.Stderr's text to the host's streams by name: a
    // program that points them elsewhere is named, not silently ignored.
    if case .variable(let v) = op.expr.kind, loadingLibrary == nil, v.storage == .global,
      ["Stdout", "Stderr", "Stdin"].contains(v.name), v.type.pointee?.name == "os.File",
      case .libraryVariable(let os)? = try? packageMember("os", v.name, at: e.span), os.variable === v
    {
      throw fail(.notSupported("assigning to os.\(v.name)", plural: false), at: e.span)
    }
    if op.addressable || op.isMapIndex { return op.expr }
    var base = e
    while case .paren(let x) = base.kind { base = x }
    if case .selector(let x, let name) = base.kind, case .index(let m, _) = x.kind, let mt = try? expression(m, scope), mt.expr.type.isMap {
      throw fail(.typeError("cannot assign to struct field \(syntaxText(x.span)).\(name) in map"), at: e.span)
    }
    if case .identifier(let n) = e.kind, case .constant? = scope.lookup(n) {
      throw fail(.typeError("cannot assign to \(n) (neither addressable nor a map index expression)"), at: e.span)
    }
    if case .index(let base, _) = e.kind, let bt = try? expression(base, scope), bt.expr.type.isString {
      throw fail(.typeError("cannot assign to \(syntaxText(e.span)) (neither addressable nor a map index expression)"), at: e.span)
    }
    throw fail(.typeError("cannot assign to \(syntaxText(e.span)) (neither addressable nor a map index expression)"), at: e.span)
  }

  /// A condition: a boolean expression.
  func condition(_ e: Expr, _ scope: LexicalScope, _ context: String) throws -> TypedExpr {
    let op = try expression(e, scope)
    guard op.expr.type.isBool || op.untyped == .bool else {
      throw fail(.typeError("non-boolean condition in \(context)"), at: e.span)
    }
    return try assign(op, to: op.untyped == .bool ? .bool : op.expr.type, context)
  }

  /// `for key, value := range over { body }`.
  func rangeLoop(
    _ key: Expr?, _ value: Expr?, _ define: Bool, _ over: Expr, _ body: [Stmt], _ scope: LexicalScope, _ span: Span,
    label: String? = nil
  ) throws -> TypedStmt {
    let inner = LexicalScope(parent: scope, function: function)
    var operand = try expression(over, scope)
    let t = operand.expr.type
    let kind: RangeLoop.Over
    var keyType: GoType = .int
    var valueType: GoType? = nil
    // Range over an integer arrived in Go 1.22: a Go file for an older Go gets that Go's
    // "cannot range over 3 (untyped int constant)" (go vet 1.19.8). A script may use it with
    // any runtime profile: the profile is the runtime's era, not the script's language.
    if isGoPackage, profile.version < GoVersion(1, 22),
      operand.untyped == .int || operand.untyped == .rune || operand.untyped == .float || t.isInteger
    {
      throw fail(.typeError("cannot range over \(syntaxText(over.span)) (\(describe(operand)))"), at: over.span)
    }
    if operand.untyped == .int || operand.untyped == .rune || (operand.untyped == .float && operand.constant?.exactInteger != nil) {
      operand = Operand(expr: try assign(operand, to: .int, "range"), untyped: nil, addressable: false, text: operand.text)
      kind = .integer
    } else if t.isInteger {
      kind = .integer
      keyType = t
    } else if let e = t.sliceElement {
      kind = .slice
      valueType = e
    } else if let (e, _) = t.arrayInfo {
      kind = .array
      valueType = e
    } else if let p = t.pointee, let (e, _) = p.arrayInfo {
      kind = .arrayPointer
      valueType = e
    } else if t.isString {
      kind = .string
      valueType = .int32
    } else if let (k, v) = t.mapTypes {
      kind = .map
      keyType = k
      valueType = v
    } else if operand.untyped == .string {
      operand = Operand(expr: try assign(operand, to: .string, "range"), untyped: nil, addressable: false, text: operand.text)
      kind = .string
      valueType = .int32
    } else if let (elem, dir) = t.chanInfo, operand.untyped == nil {
      if dir == .send {
        throw fail(.typeError("range over \(syntaxText(over.span)) (\(describe(operand))): receive from send-only channel"), at: over.span)
      }
      return try rangeOverChannel(key, value, define, operand, elem, body, scope, span, label: label)
    } else if case .function(let ps, let rs, _) = t.kind, operand.untyped == nil {
      // Go 1.23's iterators: `for v := range seq` over a `func(yield func(V) bool)` (types2
      // range.go rangeKeyVal). A Go file for an older Go gets that Go's "cannot range over"; a
      // script may use them with any runtime profile (the rewrite is the compiler's).
      if isGoPackage, profile.version < GoVersion(1, 23) {
        throw fail(.typeError("cannot range over \(syntaxText(over.span)) (\(describe(operand)))"), at: over.span)
      }
      func bad(_ cause: String) -> CheckFailure {
        fail(.typeError("cannot range over \(syntaxText(over.span)) (\(describe(operand))): \(cause)"), at: over.span)
      }
      let shape = "func must be func(yield func(...) bool)"
      guard ps.count == 1 else { throw bad("\(shape): wrong argument count") }
      guard rs.isEmpty else { throw bad("\(shape): unexpected results") }
      guard case .function(let yps, let yrs, let yvariadic) = ps[0].kind else { throw bad("\(shape): argument is not func") }
      guard yps.count <= 2 else { throw bad("\(shape): yield func has too many parameters") }
      guard yrs.count == 1, yrs[0] === GoType.bool else {
        throw bad(yrs.count == 1 && yrs[0].isBool ? "\(shape): yield func returns user-defined boolean, not bool" : "\(shape): yield func does not return bool")
      }
      if yvariadic { throw bad("yield func of type \(ps[0]) cannot be variadic") }
      return try rangeOverFunction(key, value, define, operand, yield: yps, body, scope, span, label: label)
    } else {
      throw fail(.typeError("cannot range over \(syntaxText(over.span)) (\(describe(operand)))"), at: over.span)
    }
    if kind == .integer && value != nil {
      throw fail(.typeError("range over \(syntaxText(over.span)) (\(describe(operand))) permits only one iteration variable"), at: value!.span)
    }
    func target(_ e: Expr?, _ t: GoType) throws -> AssignTarget? {
      guard let e else { return nil }
      if case .identifier("_") = e.kind { return .discard }
      if define {
        guard case .identifier(let n) = e.kind else {
          throw fail(.typeError("non-name \(syntaxText(e.span)) on left side of :="), at: e.span)
        }
        let v = try declare(n, t, e.span, inner)
        return .place(TypedExpr(.variable(v), t, e.span))
      }
      let place = try assignablePlace(e, scope, plain: true)
      guard t.assignable(to: place.type) else {
        throw fail(.typeError("cannot use \(syntaxText(e.span)) (value of type \(t)) as \(place.type) value in range"), at: e.span)
      }
      return .place(place)
    }
    let loop = RangeLoop(
      over: kind, operand: operand.expr, key: try target(key, keyType),
      value: try valueType.flatMap { try target(value, $0) }, defines: define, target: LoopTarget(label: label))
    loops.append(loop.target)
    defer { loops.removeLast() }
    loop.body = block(body, LexicalScope(parent: inner, function: function))
    return TypedStmt(.range(loop), span)
  }

  /// The variables visible at a statement, innermost first, then the globals (for `roots`).
  func visibleVariables(_ scope: LexicalScope) -> [Variable] {
    var out: [Variable] = []
    var seen = Set<String>()
    var s: LexicalScope? = scope
    while let cur = s {
      // Each scope's variables by name, innermost scope first.
      for v in cur.variables.sorted(by: { $0.name < $1.name }) where v.name != "_" && !seen.contains(v.name) {
        if case .variable(let current)? = cur.symbols[v.name], current === v {
          out.append(v)
          seen.insert(v.name)
        }
      }
      s = cur.parent
    }
    return out
  }

  /// `set GOGC=50|off`, `set GOMEMLIMIT=200MiB|off`.
  func setting(_ name: String, _ value: Expr, _ scope: LexicalScope, _ span: Span) throws -> TypedStmt {
    let op = try expression(value, scope)
    let off = op.constant == .string("off")
    switch name.uppercased() {
    case "GOGC":
      if off { return TypedStmt(.setGCPercent(nil), span) }
      return TypedStmt(.setGCPercent(try assign(op, to: .int, "set GOGC")), span)
    case "GOMEMLIMIT":
      try requireFeature(.memoryLimit, span)
      if off { return TypedStmt(.setMemoryLimit(nil), span) }
      if case .string(let s)? = op.constant {
        guard let n = parseSize(s) else {
          throw fail(.typeError("invalid GOMEMLIMIT value \"\(s)\" (use a size such as 200MiB, or off)"), at: value.span)
        }
        return TypedStmt(.setMemoryLimit(TypedExpr(.constant(.int(Int128(n))), .int64, value.span)), span)
      }
      return TypedStmt(.setMemoryLimit(try assign(op, to: .int64, "set GOMEMLIMIT")), span)
    default:
      throw fail(.typeError("unknown setting \(name) (set GOGC=N|off or GOMEMLIMIT=SIZE|off)"), at: span)
    }
  }

  /// A runtime function the profile's era lacks is a compile error naming the version.
  func requireFeature(_ f: RuntimeFeature, _ span: Span) throws {
    if !profile.has(f) { throw featureMissing(f, span) }
  }

  /// Records that the profile's Go lacks `f`; returns the failure to throw.
  @discardableResult
  func featureMissing(_ f: RuntimeFeature, _ span: Span) -> CheckFailure {
    fail(.featureMissing(feature: f.rawValue, since: "Go \(f.since.major).\(f.since.minor)", profile: profile.name), at: span)
  }

  /// The type of an expression as text (for `have (...)` in return messages).
  func typeText(_ e: Expr, _ scope: LexicalScope) throws -> String {
    let op = try expression(e, scope)
    switch op.untyped {
    case .int?, .rune?, .float?: return "number"
    case .string?: return "string"
    case .bool?: return "bool"
    case .nilValue?: return "nil"
    case nil: return "\(op.expr.type)"
    }
  }
}

// MARK: expect

extension Checker {
  /// The quantities `expect` can name.
  static let expectQuantities: Set<String> = [
    "Alloc", "TotalAlloc", "Sys", "Mallocs", "Frees", "HeapAlloc", "HeapSys", "HeapIdle",
    "HeapInuse", "HeapReleased", "HeapObjects", "StackInuse", "StackSys", "GCSys", "OtherSys",
    "NextGC", "LastGC", "PauseTotalNs", "NumGC", "NumForcedGC", "RSS", "Footprint", "Time",
  ]

  /// `expect RSS < 20MiB`: one side names a runtime quantity, the other is a numeric value.
  func expectation(_ e: Expr, _ scope: LexicalScope) throws -> Expectation {
    guard case .binary(let op, let l, let r) = e.kind, Self.comparisons.contains(op) else {
      throw fail(.typeError("expect needs a comparison such as `expect RSS < 20MiB`"), at: e.span)
    }
    func quantity(_ x: Expr) -> String? {
      if case .identifier(let n) = x.kind, Self.expectQuantities.contains(n), scope.lookup(n) == nil { return n }
      return nil
    }
    let mirrored = ["<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="]
    let (name, other, cmp): (String, Expr, String)
    if let q = quantity(l) {
      (name, other, cmp) = (q, r, op)
    } else if let q = quantity(r) {
      (name, other, cmp) = (q, l, mirrored[op] ?? op)
    } else {
      throw fail(.typeError("expect compares a runtime quantity (RSS, NumGC, HeapReleased, Time, ...) with a value"), at: e.span)
    }
    let v = try expression(other, scope)
    guard v.type.isNumeric else {
      throw fail(.typeError("cannot compare \(name) with \(v.goText) (\(describe(v)))"), at: other.span)
    }
    let typed: TypedExpr
    if v.untyped != nil, let c = v.constant {
      // A float constant is rounded; one past Int128's range (`1e50`) overflows as any past
      // int64's does, without a trap on the conversion.
      guard let n = c.exactInteger ?? c.asDouble.flatMap({ Int128(exactly: $0.rounded()) }),
        n >= Int128(Int64.min), n <= Int128(Int64.max)
      else {
        throw fail(.typeError("cannot use \(v.goText) (\(describe(v))) as int64 value in expect (overflows)"), at: other.span)
      }
      typed = TypedExpr(.constant(.int(n)), .int64, other.span)
    } else {
      typed = v.expr
    }
    return Expectation(quantity: name, op: cmp, value: typed, text: text(e.span))
  }
}
