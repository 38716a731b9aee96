// Interfaces: interface types, which types implement them, the implicit and explicit
// conversions of values to them, type assertions, type switches and calls of their methods —
// types2's rules (typexpr.go interfaceType, lookup.go missingMethod and assertableTo,
// stmt.go typeSwitchStmt) in go build's words (Tests/Recordings/checker).
//
// What the checker makes of them, for the later stages:
//
//   - a conversion to an interface (OCONVIFACE) is a `.conversion` whose type is the interface;
//     a value that is not pointer-shaped gets an `.interfaceBox` allocation site, the storage
//     its data word points to, which escape analysis decides as Go's does (escape.go spills
//     the operand: "x escapes to heap" / "x does not escape");
//   - `x.(T)` is a `.typeAssert`, `v, ok := x.(T)` the same in comma-ok mode taken apart like a
//     call's two results;
//   - `x.M(args)` of an interface is a call through a function value whose callee is
//     `.interfaceMethod(x, k)`: escape analysis sees a call of an unknown function (receiver
//     and arguments leak to the heap, as Go's do), lowering an itab dispatch;
//   - a type switch is an expression switch over `true` whose cases test x's dynamic type,
//     each clause declaring its own `v` (types2 gives each clause its own object).

import GoHeap

extension Checker {
  /// `interface { M(...) ...; Embedded }`: the methods, embedded interfaces' included, sorted
  /// by name (types2 computes the type set; an element that is not a method or an interface
  /// is a generic constraint).
  func interfaceType(_ elements: [InterfaceElement], _ scope: LexicalScope) throws -> GoType {
    var methods: [String: GoType.InterfaceMethod] = [:]
    var declaredAt: [String: Span] = [:]
    var set = TypeSet()
    var constraintAt: Span? = nil
    for element in elements {
      switch element {
      case .method(let name, let params, let results, let variadic, let at):
        if let other = declaredAt[name] {
          throw fail(.typeError("duplicate method \(name)\n\t\(position(other.start)): other declaration of method \(name)"), at: at)
        }
        declaredAt[name] = at
        let signature = try resolveFunctionType(params, results, variadic: variadic, scope)
        methods[name] = GoType.InterfaceMethod(name: name, signature: signature)
      case .embedded(let te):
        // An embedded constraint makes this interface one too.
        let saved = inConstraint
        inConstraint = true
        let t: GoType
        do {
          defer { inConstraint = saved }
          t = try resolveType(te, scope)
        }
        guard let embedded = t.interfaceMethods else {
          // `interface{ int }`: a union of one term.
          set.unions.append([(false, t)])
          constraintAt = constraintAt ?? te.span
          continue
        }
        let inner = typeSet(of: t)
        if !inner.unions.isEmpty || inner.comparable {
          set.unions += inner.unions
          set.comparable = set.comparable || inner.comparable
          constraintAt = constraintAt ?? te.span
        }
        for m in embedded {
          if let old = methods[m.name], !old.signature.identical(m.signature) {
            throw fail(.typeError("duplicate method \(m.name)"), at: te.span ?? Span(0, 0))
          }
          methods[m.name] = m
        }
      case .union(let terms, let at):
        let saved = inConstraint
        inConstraint = true
        defer { inConstraint = saved }
        var union: [(tilde: Bool, type: GoType)] = []
        for term in terms {
          let t = try resolveType(term.type, scope, byValue: false)
          // types2 union.go: `~T` needs T to be its own underlying type, and no term may be an
          // interface with methods.
          if term.tilde, t.name != nil, !Universe.isPredeclaredType(t) {
            throw fail(.typeError("invalid use of ~ (underlying type of \(t) is \(GoType(t.kind)))"), at: term.span)
          }
          if let ms = t.interfaceMethods, !ms.isEmpty {
            throw fail(.typeError("cannot use \(t) in union (\(t) contains methods)"), at: term.span)
          }
          union.append((term.tilde, t))
        }
        set.unions.append(union)
        constraintAt = constraintAt ?? at
      }
    }
    let t = GoType(.interface(methods: methods.values.sorted { $0.name < $1.name }))
    if let at = constraintAt {
      if !inConstraint {
        throw fail(.typeError("cannot use type \(syntaxText(at)) outside a type constraint: interface contains type constraints"), at: at)
      }
      record(set, of: t)
    }
    return t
  }

  /// A method's signature without its receiver, as an interface method would have it.
  func methodSignature(_ f: Function) -> GoType {
    .function(params: f.explicitParams.map(\.type), results: f.results.map(\.type), variadic: f.variadic)
  }

  /// Why `t` does not implement the interface `iface` (types2 lookup.go missingMethod, in its
  /// words), or nil when it does. Method sets are Go's: a T has T's value-receiver methods, a
  /// *T all of T's.
  func missingMethod(_ t: GoType, _ iface: GoType) -> String? {
    guard let want = iface.interfaceMethods else { return nil }
    for m in want {
      let have: GoType
      if let own = t.interfaceMethods {
        guard let h = own.first(where: { $0.name == m.name }) else { return "(missing method \(m.name))" }
        have = h.signature
      } else if let p = t.pointee, t.name == nil, p === numErrorType || p === errorStringType, m.name == "Error" {
        // The library's error types: `func (e *NumError) Error() string` (and errorString's).
        have = GoType.error.interfaceMethods![0].signature
      } else if t === bytesBufferType || t === stringsBuilderType, nativeMethodNames(of: t).contains(m.name) {
        return "(method \(m.name) has pointer receiver)"
      } else if let p = t.pointee, t.name == nil, p === bytesBufferType || p === stringsBuilderType {
        // gcsh's own Buffer and Builder: the methods it runs through an interface
        // (RuntimeTypes.nativeMethods); Go's others are named.
        if let native = RuntimeTypes.nativeMethods(of: p)[m.name], native.builtin != nil {
          have = native.signature
        } else if nativeMethodNames(of: p).contains(m.name) {
          return "(gcsh does not call its \(m.name) through an interface yet)"
        } else {
          return "(missing method \(m.name))"
        }
      } else if let f = method(ofType: t, m.name) {
        if let (_, pointer) = f.receiver, pointer, !t.isPointer {
          return "(method \(m.name) has pointer receiver)"
        }
        have = methodSignature(f)
      } else {
        // A method promoted from an embedded field (Checker+Embedding.swift).
        guard let (signature, inMethodSet) = promotedMethod(ofType: t, m.name) else { return "(missing method \(m.name))" }
        if !inMethodSet { return "(method \(m.name) has pointer receiver)" }
        have = signature
      }
      if !have.identical(m.signature) {
        let h = String(have.description.dropFirst(4))
        let w = String(m.signature.description.dropFirst(4))
        return "(wrong type for method \(m.name))\n\t\thave \(m.name)\(h)\n\t\twant \(m.name)\(w)"
      }
    }
    return nil
  }

  /// The methods Go declares on bytes.Buffer and strings.Builder (all with pointer
  /// receivers): RuntimeTypes.nativeMethods', and Buffer's two that name io's types.
  func nativeMethodNames(of t: GoType) -> Set<String> {
    Set(RuntimeTypes.nativeMethods(of: t).keys).union(t === bytesBufferType ? ["ReadFrom", "WriteTo"] : [])
  }

  /// A value converted to the interface type `t` (OCONVIFACE): the box site when the value is
  /// not pointer-shaped and not already an interface.
  func boxed(_ x: TypedExpr, _ t: GoType) -> TypedExpr {
    let e = TypedExpr(.conversion(x), t, x.span)
    if !x.type.isInterface && !InterfaceConversion.isDirectIface(x.type, profile.directInterfaceRule) {
      var written = irExpressionText(x.explicitSelectorText(source.bytes) ?? goText(x.span, literal: false))
      // A call of a package function Go inlines is its result variable (InterfaceConversion
      // operandText: `~r0`, Go 1.19's `~R0`).
      if case .builtin(let b, _, _) = x.kind, b != .fmtErrorf,
        b.packageInlining(go127: profile.version >= GoVersion(1, 20)) != nil || b.genericInlining != nil
      {
        written = profile.version >= GoVersion(1, 20) ? "~r0" : "~R0"
      } else if case .builtin(let b, let args, _) = x.kind,
        let call = b.genericCallText(args, { irExpressionText(self.goText($0.span, literal: false)) })
      {
        written = call
      }
      let site = AllocationSite(kind: .interfaceBox, span: x.span, type: x.type, text: written)
      site.constantCount = 1
      if case .composite(let elements, _) = x.kind, let brace = openBrace(x.span.start) {
        // A composite literal as -m names it, at its `{` (Go 1.27.3: `square{...} does not
        // escape`; one without elements `T{}`: context.Background's `backgroundCtx{}`).
        site.text = String(site.text.prefix { $0 != "{" }) + (elements.isEmpty ? "{}" : "{...}")
        site.reportAt = brace
      }
      function.sites.append(site)
      e.site = site
    }
    return e
  }

  /// `op` assigned to the interface type `t` (an assignment, an argument, a return, an
  /// element): an untyped constant takes its default type first; the type must implement t.
  func assignToInterface(_ op: Operand, _ t: GoType, _ context: String) throws -> TypedExpr {
    var op = op
    if op.untyped != nil { op.expr = try defaultTyped(op, context); op.untyped = nil }
    if op.type.identical(t) { return op.expr }
    if let why = missingMethod(op.type, t) {
      throw fail(.typeError("cannot use \(operandText(op)) as \(t) value in \(context): \(op.type) does not implement \(t) \(why)"), at: op.expr.span)
    }
    return boxed(op.expr, t)
  }

  /// `I(x)`: an explicit conversion to an interface.
  func convertToInterface(_ op: Operand, _ t: GoType, _ span: Span) throws -> TypedExpr {
    var op = op
    if op.untyped == .nilValue { return TypedExpr(.nilValue, t, span) }
    if op.untyped != nil { op.expr = try defaultTyped(op, "conversion"); op.untyped = nil }
    if let why = missingMethod(op.type, t) {
      throw fail(.typeError("cannot convert \(operandText(op)) to type \(t): \(op.type) does not implement \(t) \(why)"), at: op.expr.span)
    }
    let e = op.type.identical(t) ? op.expr : boxed(op.expr, t)
    return TypedExpr(e.kind, t, span).withSite(e.site)
  }

  /// `x.(T)` (types2 expr.go typeAssertion): x must be an interface, and T, when it is not
  /// one, must implement it.
  func typeAssertion(_ x: Expr, _ te: TypeExpr, _ scope: LexicalScope, _ span: Span, commaOk: Bool = false) throws -> TypedExpr {
    let op = try expression(x, scope)
    guard op.untyped == nil, op.type.isInterface else {
      throw fail(.typeError("invalid operation: \(operandText(op)) is not an interface"), at: x.span)
    }
    let t = try resolveType(te, scope)
    if !t.isInterface, let why = missingMethod(t, op.type) {
      throw fail(.typeError("impossible type assertion: \(syntaxText(span))\n\t\(t) does not implement \(op.type) \(why)"), at: span)
    }
    if commaOk { return TypedExpr(.typeAssert(op.expr, t, .commaOk), tupleType([t, .bool]), span) }
    return TypedExpr(.typeAssert(op.expr, t, .value), t, span)
  }

  /// `v, ok := x.(T)`, `v, ok = x.(T)`, `var v, ok = x.(T)`: the assertion's two results taken
  /// apart (OAS2DOTTYPE), or nil when the right side is not a type assertion.
  func typeAssertCommaOk(_ lhs: [Expr], _ rhs: Expr, define: Bool, _ scope: LexicalScope, _ span: Span) throws -> TypedStmt? {
    var inner = rhs
    while case .paren(let x) = inner.kind { inner = x }
    guard lhs.count == 2, case .typeAssert(let x, let te?) = inner.kind else { return nil }
    let e = try typeAssertion(x, te, scope, inner.span, commaOk: true)
    guard case .typeAssert(_, let t?, _) = e.kind else { return nil }
    let types = [t, GoType.bool]
    let (targets, declared) = try assignTargets(
      lhs, define: define, scope, newType: { types[$0] },
      existing: { k, place in
        guard types[k].assignable(to: place.type) || (k == 1 && place.type.isBool) else {
          throw fail(.typeError("cannot use \(syntaxText(rhs.span)) (\(k == 1 ? "untyped bool value" : "value of type \(types[k])")) as \(place.type) value in assignment"), at: rhs.span)
        }
      })
    let stmt = TypedStmt(.assignCall(targets, e), span)
    stmt.declares = declared
    return stmt
  }

  /// `x.M` of an interface value: the method's index in the interface's sorted methods and
  /// its signature (nil: no such method).
  func interfaceMethod(_ x: TypedExpr, _ name: String, _ span: Span) -> TypedExpr? {
    guard let ms = x.type.interfaceMethods, let k = ms.firstIndex(where: { $0.name == name }) else { return nil }
    return TypedExpr(.interfaceMethod(x, k), ms[k].signature, span)
  }

  // MARK: Type switches

  /// `switch [init;] [v :=] x.(type) { case T1, T2: ... case nil: ... default: ... }` (types2
  /// stmt.go typeSwitchStmt) as
  ///
  ///     { init; tmp := x; switch { case tmp is T1, tmp is T2: v := tmp ...; case tmp is T: v := tmp.(T) ... } }
  ///
  /// A clause with one type (not nil) declares v of that type; any other clause v of x's type.
  func typeSwitch(
    _ initStmt: Stmt?, _ guardExpr: Expr, binding: String?, _ clauses: [CaseClause], _ scope: LexicalScope,
    _ span: Span, label: String?
  ) throws -> TypedStmt {
    guard case .typeAssert(let x, nil) = guardExpr.kind else { throw CheckFailure() }
    let inner = LexicalScope(parent: scope, function: function)
    var stmts: [TypedStmt] = []
    if let initStmt, let s = try statement(initStmt, inner, topLevel: false) { stmts.append(s) }
    let op = try expression(x, inner)
    guard op.untyped == nil, op.type.isInterface else {
      throw fail(.typeError("\(operandText(op)) is not an interface"), at: x.span)
    }
    let tmp = Variable(name: ".autotmp_x", type: op.type, span: x.span, storage: .local, function: function)
    function.locals.append(tmp)
    let set = TypedStmt(.assign([.place(TypedExpr(.variable(tmp), tmp.type, x.span))], [op.expr]), x.span)
    set.declares = [tmp]
    set.declaresWithoutODCL = true
    stmts.append(set)
    let subject = TypedExpr(.variable(tmp), tmp.type, x.span)

    multipleSwitchDefaults(clauses)
    let target = LoopTarget(isSwitch: true, label: label)
    var typedClauses: [SwitchClause] = []
    var seen: [(GoType?, Span)] = []
    let errorsBefore = errors.count
    var bindings: [Variable] = []
    for c in clauses {
      var tests: [TypedExpr] = []
      var types: [GoType?] = []
      for e in c.values {
        do {
          let t = try caseType(e, inner)
          if let t, !t.isInterface, let why = missingMethod(t, op.type) {
            throw fail(.typeError("impossible type switch case: \(syntaxText(e.span))\n\t\(operandText(op)) cannot have dynamic type \(t) \(why)"), at: e.span)
          }
          if let prior = seen.first(where: { ($0.0 == nil && t == nil) || ($0.0 != nil && t != nil && $0.0!.identical(t!)) }) {
            throw fail(.typeError("duplicate case \(t.map { "\($0)" } ?? "nil") in type switch\n\t\(position(prior.1.start)): previous case"), at: e.span)
          }
          seen.append((t, e.span))
          types.append(t)
          tests.append(TypedExpr(.typeAssert(subject, t, .test), .bool, e.span))
        } catch {}
      }
      let clauseScope = LexicalScope(parent: inner, function: function)
      var body: [TypedStmt] = []
      if let binding, binding != "_" {
        let vt: GoType = types.count == 1 && types[0] != nil ? types[0]! : op.type
        let v = try declare(binding, vt, guardExpr.span, clauseScope)
        bindings.append(v)
        let value = vt === op.type ? subject : TypedExpr(.typeAssert(subject, vt, .unchecked), vt, x.span)
        let decl = TypedStmt(.assign([.place(TypedExpr(.variable(v), vt, guardExpr.span))], [value]), guardExpr.span)
        decl.declares = [v]
        body.append(decl)
      }
      loops.append(target)
      body += block(c.body, clauseScope)
      loops.removeLast()
      typedClauses.append(SwitchClause(values: tests, isDefault: c.isDefault, body: body, span: c.span))
    }
    if errors.count > errorsBefore { throw CheckFailure() }
    if let binding { declareTypeSwitchBinding(binding, bindings, before: guardExpr.span.start) }
    let sw = ExpressionSwitch(target: target, initStmt: nil, tag: nil, clauses: typedClauses)
    sw.typeSwitch = TypeSwitchGuard(subject: op.expr, binding: binding != nil && binding != "_")
    stmts.append(TypedStmt(.switchStmt(sw), span))
    return TypedStmt(.block(stmts), span)
  }

  /// A type switch's case: a type, or nil (`case nil`).
  private func caseType(_ e: Expr, _ scope: LexicalScope) throws -> GoType? {
    switch e.kind {
    case .identifier("nil") where scope.lookup("nil").map({ if case .nilValue = $0 { return true }; return false }) ?? false:
      return nil
    case .paren(let inner): return try caseType(inner, scope)
    default: return try resolveType(try typeExpression(e), scope)
    }
  }

  /// An expression that names a type, as a type (`int`, `*T`, `[]int`, `pkg.T`).
  func typeExpression(_ e: Expr) throws -> TypeExpr {
    switch e.kind {
    case .identifier(let n): return .name(n, e.span)
    case .type(let te): return te
    case .paren(let inner): return try typeExpression(inner)
    case .unary("*", let inner): return .pointer(try typeExpression(inner))
    // An instance as a type argument: `Box[Pair[int, string]]`.
    case .index(let base, let argument): return .instance(try typeExpression(base), [try typeExpression(argument)], e.span)
    case .instantiation(let base, let arguments):
      return .instance(try typeExpression(base), try arguments.map(typeExpression), e.span)
    case .selector(let base, let n):
      if case .identifier(let p) = base.kind { return .qualified(p, n, e.span) }
    default: break
    }
    throw fail(.typeError("\(syntaxText(e.span)) is not a type"), at: e.span)
  }
}

/// The guard of a type switch: `x` of `switch [v :=] x.(type)`, and whether it binds v (each
/// clause's body then starts with v's declaration).
struct TypeSwitchGuard {
  let subject: TypedExpr
  let binding: Bool
}

extension TypedExpr {
  /// A builtin call whose last argument is a slice passed with `...`.
  var isSpread: Bool {
    if case .builtin(_, _, true) = kind { return true }
    return false
  }

  /// The node with `site` as its allocation site.
  func withSite(_ s: AllocationSite?) -> TypedExpr {
    site = s
    return self
  }
}

extension Checker {
  /// `fmt.Println(values...)`, `fmt.Printf(format, args...)`: a `[]any` passed as fmt's `...any`
  /// parameter itself (no implicit slice; nil when the call is not of that form).
  func fmtSpread(_ b: Builtin, _ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedExpr? {
    let formatted: Bool
    switch b {
    case .fmtPrintln, .fmtPrint, .fmtSprint, .fmtSprintln: formatted = false
    case .fmtPrintf, .fmtSprintf, .fmtErrorf: formatted = true
    default: return nil
    }
    guard args.count == (formatted ? 2 : 1) else { return nil }
    var typed: [TypedExpr] = []
    if formatted { typed.append(try assign(try expression(args[0], scope), to: .string, "argument to \(b.rawValue)")) }
    typed.append(try assign(try expression(args[args.count - 1], scope), to: .slice(of: .any), "argument to \(b.rawValue)"))
    let result: GoType
    switch b {
    case .fmtSprint, .fmtSprintln, .fmtSprintf: result = .string
    case .fmtErrorf: result = .error
    default: result = noValueType
    }
    return TypedExpr(.builtin(b, typed, spread: true), result, span)
  }
}
