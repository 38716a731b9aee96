// Checking maps: `map[K]V` types (the key must be comparable), `make(map[K]V[, hint])`, map
// literals (duplicate constant keys are an error), `m[k]` as a value (the zero value when k is
// missing) and as a place, `v, ok := m[k]`, `delete`, and ranging over a map — with go build's
// (types2's) wording, pinned by Tests/Recordings/checker.

import GoHeap

extension Checker {
  /// `map[K]V`: K must be comparable (the spec's "Map types"; types2 typexpr.go: "invalid map
  /// key type"). A key type still being defined (`type T struct { m map[T]int }`) is checked
  /// by Go once it is complete; gcsh accepts it as it stands.
  func mapType(_ k: TypeExpr, _ v: TypeExpr, _ span: Span, _ scope: LexicalScope) throws -> GoType {
    // Go 1.0's runtime/hashmap.c (a tree of subtables) is not ported: its memory would be made
    // up, so maps are refused for that era rather than approximated.
    if profile.version < GoVersion(1, 5) {
      throw fail(.typeError("maps are not modelled for \(profile.name) (Go 1.0's hashmap.c is not ported): use --profile go1.19 or go1.27"), at: span)
    }
    let key = try resolveType(k, scope, byValue: false)
    let elem = try resolveType(v, scope, byValue: false)
    if case .undefined = key.kind {} else if !key.isComparable {
      // At the key type, after `map[` (a slice type's own span is its element's).
      let bytes = source.bytes
      var at = span.start
      while at < bytes.count && bytes[at] != UInt8(ascii: "[") { at += 1 }
      at += 1
      while at < bytes.count && (bytes[at] == 0x20 || bytes[at] == 0x09) { at += 1 }
      throw fail(.typeError("invalid map key type \(key)"), at: Span(at, at + 1))
    }
    if let (_, count) = elem.arrayInfo, elem.size > 1 << 40 || count < 0 {
      throw fail(.typeError("map element type \(elem) too large"), at: v.span ?? span)
    }
    return GoType(.map(key, elem))
  }

  /// `make(map[K]V)` or `make(map[K]V, hint)`: the hint is any integer, a constant one not
  /// negative (types2 builtins.go _Make, check.index).
  func makeMap(_ t: GoType, _ args: [Expr], _ first: Expr, _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    guard args.count <= 2 else {
      throw fail(.typeError("invalid operation: \(syntaxText(span)) expects 1 or 2 arguments; found \(args.count)"), at: span)
    }
    var hint: TypedExpr? = nil
    var shown = "make(\(text(first.span))"
    if args.count == 2 {
      let op = try expression(args[1], scope)
      if op.untyped != nil, let c = op.constant, c.exactInteger == nil, case .string = c {
        throw fail(.typeError("cannot convert \(op.goText) (\(describe(op))) to type int"), at: args[1].span)
      }
      hint = try integerOperand(op, "index")
      shown += ", \(argumentText(op))"
    }
    shown += ")"
    let site = AllocationSite(kind: .makeMap, span: span, type: t, text: shown)
    site.reportAt = openParen(span.start)
    if let n = hint?.constant?.exactInteger, n < Int128(Int.max) { site.constantCount = Int(n) }
    if hint == nil { site.constantCount = 0 }
    function.sites.append(site)
    return TypedExpr(.makeMap(hint, site), t, span)
  }

  /// `map[K]V{k: v, ...}`: every element has a key; a constant key may appear once (types2
  /// index.go / expr.go: "duplicate key %s in map literal").
  func mapLiteral(_ t: GoType, _ elems: [(key: Expr?, value: Expr)], _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    let (kt, vt) = t.mapTypes!
    var entries: [(key: TypedExpr, value: TypedExpr)] = []
    var seen = Set<String>()
    func element(_ e: Expr, _ et: GoType) throws -> TypedExpr { try literalElement(e, et, scope, "map literal") }
    for (key, value) in elems {
      guard let key else { throw fail(.typeError("missing key in map literal"), at: value.span) }
      let k = try element(key, kt)
      // Go 1.19 places a key's conversion to an interface key type at the element's colon.
      if k.isImplicitInterfaceBox, let site = k.site { site.statementStart = first(":", from: key.span.end) }
      // A constant key converted to an interface key type is a duplicate only of one of the
      // same type (types2 expr.go: `1` and `1.0` are different keys of a map[any]V).
      var constant = k.constant.map { ($0, "") }
      if kt.isInterface, case .conversion(let inner) = k.kind, let c = inner.constant {
        constant = (c, "\(inner.type)|")
      }
      if let (c, typed) = constant {
        let shown = c.goText
        guard seen.insert(typed + "\(c)").inserted else {
          throw fail(.typeError("duplicate key \(shown) in map literal"), at: key.span)
        }
      }
      entries.append((k, try element(value, vt)))
    }
    var shown = goText(span, literal: true)
    if shown.hasPrefix("{") { shown = "\(t)" + shown }  // an elided type, as Go prints it
    let site = AllocationSite(kind: .makeMap, span: span, type: t, text: shown)
    site.reportAt = openBrace(span.start)
    site.constantCount = entries.count
    function.sites.append(site)
    return TypedExpr(.mapLiteral(entries, site), t, span)
  }

  /// `m[k]`: the key must be assignable to K ("in map index"); the result is a map index
  /// expression, not addressable, but a valid assignment target.
  func mapIndex(_ x: Operand, _ index: Expr, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    let (kt, vt) = x.type.mapTypes!
    let k = try assign(try expression(index, scope), to: kt, "map index")
    // Go 1.19 places a constant key's conversion to an interface key type at the index
    // expression, which its IR positions at the map operand (`set[1]`: at `set`); another
    // key's stays at the key (runs/mapifacekeys).
    if k.isImplicitInterfaceBox, k.constantOperand, let site = k.site { site.statementStart = x.expr.span.start }
    var op = value(TypedExpr(.mapIndex(x.expr, k), vt, span))
    op.isMapIndex = true
    return op
  }

  /// `v, ok = m[k]` / `v, ok := m[k]` / `var v, ok = m[k]`: nil when the right side is not a
  /// map index (the caller reports the mismatch).
  func commaOk(_ lhs: [Expr], _ rhs: Expr, define: Bool, _ scope: LexicalScope, _ span: Span) throws -> TypedStmt? {
    if let s = try typeAssertCommaOk(lhs, rhs, define: define, scope, span) { return s }
    var inner = rhs
    while case .paren(let x) = inner.kind { inner = x }
    guard lhs.count == 2, case .index = inner.kind else { return nil }
    let op = try expression(rhs, scope)
    guard op.isMapIndex, case .mapIndex = op.expr.kind else { return nil }
    let (targets, declared) = try commaOkTargets(lhs, rhs, op.type, define: define, scope)
    let stmt = TypedStmt(.mapLookup(targets[0], targets[1], op.expr), span)
    stmt.declares = declared
    return stmt
  }

  /// The targets of a comma-ok form (`v, ok` of a map index or a receive): the value's type
  /// and the untyped bool, each assignable to an existing target or declared by `:=`.
  func commaOkTargets(
    _ lhs: [Expr], _ rhs: Expr, _ valueType: GoType, define: Bool, _ scope: LexicalScope
  ) throws -> (targets: [AssignTarget], declared: [Variable]) {
    let types = [valueType, GoType.bool]
    return try assignTargets(
      lhs, define: define, scope, newType: { types[$0] },
      existing: { k, place in
        let t = types[k]
        let what = t === GoType.bool ? "untyped bool value" : "value of type \(t)"
        guard t.assignable(to: place.type) || (t === GoType.bool && place.type.isBool) else {
          throw fail(.typeError("cannot use \(syntaxText(rhs.span)) (\(what)) as \(place.type) value in assignment"), at: rhs.span)
        }
      })
  }

  /// `delete(m, k)`.
  func deleteCall(_ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    try arity("delete", args, 2, span)
    let m = try expression(args[0], scope)
    guard let (kt, _) = m.type.mapTypes, m.untyped == nil else {
      throw fail(.typeError("invalid argument: \(m.goText) (\(describe(m))) is not a map"), at: args[0].span)
    }
    let k = try assign(try expression(args[1], scope), to: kt, "argument to delete")
    if k.isImplicitInterfaceBox, k.constantOperand, let site = k.site { site.statementStart = args[0].span.start }
    return TypedExpr(.builtin(.delete, [m.expr, k], spread: false), noValueType, span)
  }
}
