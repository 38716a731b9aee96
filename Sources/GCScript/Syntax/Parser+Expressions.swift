// Parsing expressions: Go's five binary precedence levels, unary operators, and the primary
// expressions built on an operand by selectors, indexes, slices, calls, type assertions and
// composite literals.

extension Parser {
  /// exprList → expr { "," expr } ;
  mutating func expressionList() throws -> [Expr] {
    var out = [try expression()]
    while accept(",") { out.append(try expression()) }
    return out
  }

  /// expr → unary { binaryOp unary } ;   (Go's five precedence levels)
  mutating func expression(_ minPrec: Int = 1) throws -> Expr {
    try nested()
    defer { depth -= 1 }
    var lhs = try unary()
    while case .op(let o) = peek.kind, let prec = Self.precedence[o], prec >= minPrec {
      advance()
      let rhs = try expression(prec + 1)
      lhs = Expr(.binary(o, lhs, rhs), Span(lhs.span.start, rhs.span.end))
    }
    return lhs
  }

  static let precedence: [String: Int] = [
    "||": 1, "&&": 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3, "+": 4, "-": 4, "|": 4,
    "^": 4, "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5, "&": 5, "&^": 5,
  ]

  /// unary → ( "+" | "-" | "!" | "^" | "*" | "&" | "<-" ) unary | primary ;
  mutating func unary() throws -> Expr {
    let start = peek.span.start
    // `~` is Go's only in a constraint's type set (`~int`); gc's words for it elsewhere.
    if case .op("~") = peek.kind {
      errors.append(ScriptError(.typeError("cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)"), at: peek.span))
      throw Bail()
    }
    if case .op(let o) = peek.kind, ["+", "-", "!", "^", "*", "&", "<-"].contains(o) {
      advance()
      try nested()
      defer { depth -= 1 }
      let operand = try unary()
      return Expr(.unary(o, operand), span(from: start))
    }
    return try primary()
  }

  /// primary → operand { "." IDENT | "." "(" ( type | "type" ) ")" | "[" index "]"
  ///           | "[" [expr] ":" [expr] [ ":" expr ] "]" | "(" [ exprList [ "..." ] ] ")"
  ///           | compositeBody } ;
  mutating func primary() throws -> Expr {
    var e = try operand()
    // Each selector, index, slice, call or assertion nests the expression one level deeper (the
    // tree is left-deep, and every later stage walks it recursively), so a chain counts
    // against the nesting limit as parentheses do.
    var chain = 0
    defer { depth -= chain }
    while true {
      try nested()
      chain += 1
      let start = e.span.start
      if accept(".") {
        if accept("(") {
          // x.(T) or x.(type)
          if case .keyword(.type) = peek.kind {
            advance()
            try expect(")", after: "type")
            e = Expr(.typeAssert(e, nil), span(from: start))
          } else {
            let t = try type()
            try expect(")", after: "type")
            e = Expr(.typeAssert(e, t), span(from: start))
          }
          continue
        }
        let (name, _) = try identifier("field or method name")
        e = Expr(.selector(e, name), span(from: start))
      } else if accept("[") {
        // Inside brackets a composite literal is unambiguous again, even in a statement's
        // header: `if v := m[P{1, 2}]; v > 0 {` (go/parser raises exprLev for an index).
        let saved = noCompositeLit
        noCompositeLit = false
        defer { noCompositeLit = saved }
        var lo: Expr? = nil
        if !check(":") { lo = try expression() }
        if accept(":") {
          var hi: Expr? = nil
          var max: Expr? = nil
          if !check("]") && !check(":") { hi = try expression() }
          if accept(":") { max = try expression() }
          try expect("]", after: "slice bounds")
          e = Expr(.slice(e, lo, hi, max), span(from: start))
        } else {
          guard let lo else { throw fail("index", after: "'['") }
          if accept(",") {
            // a[i, j]: generic instantiation (the checker says which gcsh has).
            var arguments = [lo]
            while !check("]") {
              arguments.append(try expression())
              if !accept(",") { break }
            }
            try expect("]", after: "type arguments")
            e = Expr(.instantiation(e, arguments), span(from: start))
            continue
          }
          try expect("]", after: "index")
          e = Expr(.index(e, lo), span(from: start))
        }
      } else if accept("(") {
        var args: [Expr] = []
        var ellipsis = false
        let saved = noCompositeLit
        noCompositeLit = false
        let typeFirst: Bool
        if case .identifier(let n) = e.kind { typeFirst = n == "make" || n == "new" } else {
          typeFirst = false
        }
        skipSemicolons()
        while !check(")") {
          if typeFirst && args.isEmpty {
            let ts = peek.span.start
            args.append(Expr(.type(try type()), span(from: ts)))
          } else {
            args.append(try expression())
          }
          if accept("...") {
            // `f(s...)`: the spread argument is the last one (an optional comma may follow).
            ellipsis = true
            skipSemicolons()
            _ = accept(",")
            skipSemicolons()
            break
          }
          skipSemicolons()
          if !accept(",") { break }
          skipSemicolons()
        }
        noCompositeLit = saved
        try expect(")", after: "arguments")
        e = Expr(.call(e, args, hasEllipsis: ellipsis), span(from: start))
      } else if check("{") && !noCompositeLit && isTypeLike(e) {
        e = try compositeBody(typeOf(e), start: start)
      } else {
        return e
      }
    }
  }

  func isTypeLike(_ e: Expr) -> Bool {
    switch e.kind {
    case .identifier, .type: return true
    case .selector(let base, _):
      if case .identifier = base.kind { return true }
      return false
    case .instantiation: return true
    // `weak.Pointer[T]{}`: go/parser reads `x[i] {` as a composite literal of an instantiated
    // type outside a statement's header.
    case .index(let base, _): return isTypeLike(base)
    default: return false
    }
  }

  func typeOf(_ e: Expr) -> TypeExpr {
    switch e.kind {
    case .identifier(let n): return .name(n, e.span)
    case .type(let t): return t
    case .selector(let base, let n):
      if case .identifier(let pkg) = base.kind { return .qualified(pkg, n, e.span) }
      return .name(n, e.span)
    case .instantiation(let base, let arguments): return .instance(typeOf(base), arguments.map(typeOf), e.span)
    case .index(let base, let argument): return .instance(typeOf(base), [typeOf(argument)], e.span)
    case .unary("*", let pointee): return .pointer(typeOf(pointee))
    default: return .name("?", e.span)
    }
  }

  /// compositeBody → "{" [ element { "," element } [ "," ] ] "}" ; element → [ key ":" ] value ;
  mutating func compositeBody(_ t: TypeExpr?, start: Int) throws -> Expr {
    try expect("{", after: nil)
    try nested()
    let saved = noCompositeLit
    noCompositeLit = false
    defer {
      noCompositeLit = saved
      depth -= 1
    }
    var elems: [(key: Expr?, value: Expr)] = []
    skipSemicolons()
    while !check("}") {
      var v: Expr
      if check("{") {
        v = try compositeBody(nil, start: peek.span.start)
      } else {
        v = try expression()
      }
      var key: Expr? = nil
      if accept(":") {
        key = v
        if check("{") {
          v = try compositeBody(nil, start: peek.span.start)
        } else {
          v = try expression()
        }
      }
      elems.append((key, v))
      skipSemicolons()
      if !accept(",") { break }
      skipSemicolons()
    }
    skipSemicolons()
    try expect("}", after: "composite literal")
    return Expr(.composite(t, elems), span(from: start))
  }

  /// operand → INT | FLOAT | STRING | UNIT | IDENT | "(" expr ")" | typeLit [ compositeBody ]
  ///         | funcLit ;
  mutating func operand() throws -> Expr {
    let t = peek
    switch t.kind {
    case .int(let v):
      advance()
      return Expr(.int(v), t.span)
    case .float(let v):
      advance()
      return Expr(.float(v), t.span)
    case .rune(let v):
      advance()
      return Expr(.rune(v), t.span)
    case .string(let s):
      advance()
      return Expr(.string(s), t.span)
    case .unitLiteral(let s):
      advance()
      return Expr(.unitLiteral(s), t.span)
    case .identifier(let n):
      advance()
      return Expr(.identifier(n), t.span)
    case .op("("):
      advance()
      let saved = noCompositeLit
      noCompositeLit = false
      let inner = try expression()
      noCompositeLit = saved
      try expect(")", after: "expression")
      return Expr(.paren(inner), span(from: t.span.start))
    // A type where Go allows one (conversions `[]byte(s)`, `make(map[K]V)`, generic
    // arguments): like go/parser, one grammar reads both — the type literal is an `.type`
    // expression, and the postfix loop reads a conversion (`map[int]string(nil)`) after it.
    case .op("["), .keyword(.struct), .keyword(.map), .keyword(.chan), .keyword(.interface):
      let ty = try type()
      if check("{") { return try compositeBody(ty, start: t.span.start) }
      return Expr(.type(ty), span(from: t.span.start))
    case .keyword(.func):
      return try functionLiteral()
    default:
      throw fail("expression", after: nil)
    }
  }

  /// funcLit → "func" signature block ;  (a function type when no body follows)
  mutating func functionLiteral() throws -> Expr {
    let start = peek.span.start
    advance()
    let (params, variadic, misplaced) = try parameterList(after: "parameters")
    if let misplaced {
      errors.append(ScriptError(.typeError("can only use ... with final parameter"), at: misplaced))
      throw Bail()
    }
    // No result before anything that cannot start one: `(func())(nil)`, `[]func(){...}`.
    let results: [Param]
    switch peek.kind {
    case .op("("), .identifier, .op("*"), .op("["), .keyword(.struct), .keyword(.map), .keyword(.chan),
      .keyword(.func), .keyword(.interface), .op("<-"):
      results = try resultList()
    default: results = []
    }
    guard check("{") else {
      let t = TypeExpr.function(params: params, results: results, variadic: variadic, span(from: start))
      return Expr(.type(t), span(from: start))
    }
    let saved = noCompositeLit
    noCompositeLit = false
    let body = try block()
    noCompositeLit = saved
    let result: TypeExpr? = results.count == 1 && results[0].name == nil ? results[0].type : nil
    var decl = FuncDecl(
      name: "func", params: params.map { ($0.name ?? "_", $0.type) }, result: result, body: body,
      span: span(from: start))
    decl.results = results
    decl.paramList = params
    decl.variadic = variadic
    return Expr(.funcLit(decl), span(from: start))
  }
}
