// Parsing types: names, pointers, slices, arrays, structs, maps — and channels, function and
// interface types, which gcsh does not run yet but reads so that the checker can name them.

extension Parser {
  /// type → IDENT [ "." IDENT ] [ "[" typeArgs "]" ] | "*" type | "[" "]" type | "[" expr "]" type
  ///      | "[" "..." "]" type | "struct" "{" { fieldDecl ";" } "}" | "map" "[" type "]" type
  ///      | "chan" [ "<-" ] type | "<-" "chan" type | "func" signature
  ///      | "interface" "{" ... "}" | "(" type ")" ;
  mutating func type() throws -> TypeExpr {
    try nested()
    defer { depth -= 1 }
    let t = peek
    switch t.kind {
    case .identifier(let n):
      advance()
      var result: TypeExpr = .name(n, t.span)
      if accept(".") {
        let (m, _) = try identifier("type name")
        result = .qualified(n, m, span(from: t.span.start))
      }
      if check("[") && isTypeArgumentList() {
        advance()
        var arguments = [try type()]
        while accept(",") && !check("]") { arguments.append(try type()) }
        try expect("]", after: "type arguments")
        return .instance(result, arguments, span(from: t.span.start))
      }
      return result
    case .op("*"):
      advance()
      return .pointer(try type())
    case .op("("):
      advance()
      let inner = try type()
      try expect(")", after: "type")
      return inner
    case .op("["):
      advance()
      if accept("]") { return .slice(try type()) }
      if accept("...") {
        try expect("]", after: "'...'")
        return .inferredArray(try type(), span(from: t.span.start))
      }
      let n = try expression()
      try expect("]", after: "array length")
      return .array(n, try type())
    case .keyword(.struct):
      return try structType()
    case .keyword(.map):
      advance()
      try expect("[", after: "map")
      let k = try type()
      try expect("]", after: "map key type")
      let v = try type()
      return .map(k, v, span(from: t.span.start))
    case .keyword(.chan):
      advance()
      let send = accept("<-")
      return .chan(try type(), send ? .send : .both, span(from: t.span.start))
    case .op("<-"):
      advance()
      guard case .keyword(.chan) = peek.kind else { throw fail("'chan'", after: "'<-'") }
      advance()
      return .chan(try type(), .receive, span(from: t.span.start))
    case .keyword(.func):
      advance()
      let (params, results, variadic) = try signatureOfType()
      return .function(params: params, results: results, variadic: variadic, span(from: t.span.start))
    case .keyword(.interface):
      advance()
      guard check("{") else { throw fail("'{'", after: "interface") }
      return .interface(try interfaceElements(), span(from: t.span.start))
    default:
      throw fail("type", after: nil)
    }
  }

  /// A function type's or an interface method's signature: parameters (only the last may be
  /// variadic) and results.
  mutating func signatureOfType() throws -> (params: [Param], results: [Param], variadic: Bool) {
    let (params, variadic, misplaced) = try parameterList(after: "parameters")
    if let misplaced {
      errors.append(ScriptError(.typeError("can only use ... with final parameter"), at: misplaced))
      throw Bail()
    }
    return (params, try resultListOfType(), variadic)
  }

  /// A function type's results: like a declaration's, but a `{` after them is not a body.
  mutating func resultListOfType() throws -> [Param] {
    if check("(") { return try parameterList(after: "results").list }
    switch peek.kind {
    case .identifier, .op("*"), .op("["), .keyword(.struct), .keyword(.map), .keyword(.chan),
      .keyword(.func), .keyword(.interface), .op("<-"):
      let s = peek.span.start
      return [Param(name: nil, type: try type(), span: span(from: s))]
    default: return []
    }
  }

  /// Whether a `[` after a type name opens type arguments (`List[int]`) rather than ending the
  /// type (an array length never follows a type name).
  func isTypeArgumentList() -> Bool {
    if noCompositeLit { return false }
    switch peekAhead(1).kind {
    case .identifier, .op("*"), .op("["), .keyword(.map), .keyword(.chan), .keyword(.func),
      .keyword(.struct), .keyword(.interface):
      return true
    default: return false
    }
  }

  /// interfaceType → "interface" "{" { ( IDENT signature | typeName | constraint ) ";" } "}" ;
  mutating func interfaceElements() throws -> [InterfaceElement] {
    advance()
    var elements: [InterfaceElement] = []
    skipSemicolons()
    while !check("}") {
      // The input ended inside the braces: an error (an incomplete entry), never a loop that
      // appends a constraint per turn at the end of the input (a fuzzer finding: out of memory).
      if case .eof = peek.kind { break }
      let start = peek.span
      if case .identifier(let n) = peek.kind, case .op("(") = peekAhead(1).kind {
        advance()
        let (params, results, variadic) = try signatureOfType()
        elements.append(.method(name: n, params: params, results: results, variadic: variadic, span(from: start.start)))
      } else if case .identifier = peek.kind, !isConstraintAhead() {
        elements.append(.embedded(try type()))
      } else {
        // A type set (`~int | float64`): the interface is a generic constraint.
        elements.append(.union(try unionTerms(), span(from: start.start)))
      }
      if !check("}") { try terminator() }
      skipSemicolons()
    }
    try expect("}", after: "interface elements")
    return elements
  }

  /// unionTerms → term { "|" term } ;   term → [ "~" ] type ;
  mutating func unionTerms() throws -> [UnionTerm] {
    var terms: [UnionTerm] = []
    repeat {
      let s = peek.span.start
      let tilde = accept("~")
      let t = try type()
      terms.append(UnionTerm(tilde: tilde, type: t, span: span(from: s)))
    } while accept("|")
    return terms
  }

  /// typeParams → "[" typeParamDecl { "," typeParamDecl } [ "," ] "]" ;
  /// typeParamDecl → IDENT { "," IDENT } constraint ;   constraint → unionTerms ;
  /// A constraint that is a lone type (`any`, `Number`, `interface{ String() string }`) is that
  /// type; a union or an approximation is an implicit `interface{ ~int | string }`.
  mutating func typeParameterList() throws -> [TypeParam] {
    try expect("[", after: nil)
    if check("]") {
      errors.append(ScriptError(.typeError("empty type parameter list"), at: peek.span))
      throw Bail()
    }
    var params: [TypeParam] = []
    var names: [(String, Span)] = []
    while !check("]") {
      if case .eof = peek.kind { break }
      names.append(try identifier("type parameter name"))
      if accept(",") { continue }
      if check("]") { throw fail("type constraint", after: nil) }
      let s = peek.span.start
      let terms = try unionTerms()
      let constraint: TypeExpr
      if terms.count == 1, !terms[0].tilde {
        constraint = terms[0].type
      } else {
        let at = span(from: s)
        constraint = .interface([.union(terms, at)], at)
      }
      params += names.map { TypeParam(name: $0.0, constraint: constraint, span: $0.1) }
      names = []
      if !accept(",") { break }
    }
    if !names.isEmpty { throw fail("type constraint", after: nil) }
    try expect("]", after: "type parameters")
    return params
  }

  /// Whether an interface element starting with a name is a union (`int | string`).
  private func isConstraintAhead() -> Bool {
    var k = 1
    if case .op(".") = peekAhead(1).kind { k = 3 }
    if case .op("|") = peekAhead(k).kind { return true }
    return false
  }

  /// structType → "struct" "{" { fieldDecl ";" } "}" ;
  /// fieldDecl → IDENT { "," IDENT } type [ tag ] | [ "*" ] typeName [ tag ] ;
  mutating func structType() throws -> TypeExpr {
    let start = peek.span.start
    advance()
    try expect("{", after: "struct")
    var fields: [(name: String, type: TypeExpr, span: Span, embedded: Bool)] = []
    skipSemicolons()
    while !check("}") {
      let fieldStart = peek.span
      // An embedded field: a type name (maybe qualified or a pointer) alone on its line.
      var embedded = false
      if check("*") {
        embedded = true
      } else if case .identifier = peek.kind {
        switch peekAhead(1).kind {
        case .semicolon, .op("}"), .op("."), .string: embedded = true
        default: break
        }
      }
      if embedded {
        // Its name is the type's name, without the package or the `*`.
        let ft = try type()
        var base = ft
        if case .pointer(let inner) = base { base = inner }
        let name: String
        switch base {
        case .name(let n, _), .qualified(_, let n, _): name = n
        default: throw fail("embedded type name", after: nil)
        }
        fields.append((name, ft, fieldStart, true))
      } else {
        var names = [try identifier("field name")]
        while accept(",") { names.append(try identifier("field name")) }
        let ft = try type()
        fields += names.map { ($0.0, ft, $0.1, false) }
      }
      // A tag (`json:"name"`) is for reflection, which gcsh does not have: read and dropped.
      if case .string = peek.kind { advance() }
      if !check("}") { try terminator() }
      skipSemicolons()
    }
    advance()
    _ = start
    return .structure(fields)
  }
}
