// Parser: tokens to statements (grammar.md). Recursive descent; each parse function opens with
// its grammar rule. On an error the parser records it and recovers at the next statement
// (panic mode), so one run reports every syntax error. An error at the end of the input is
// `unexpectedEndOfInput`: the REPL reads that as "the entry continues on the next line".

/// Parses a source into top-level statements, collecting errors.
public struct Parser {
  private var tokens: [Token]
  private var p = 0
  public private(set) var errors: [ScriptError] = []
  /// Inside `if`/`for`/`switch` headers `T {` is not a composite literal (as in Go).
  private var noCompositeLit = false

  private struct Bail: Error {}

  public init(_ source: Source) {
    var lexer = Lexer(source)
    tokens = lexer.tokenize()
    errors = lexer.errors
  }

  /// program → { statement ";" } EOF ;
  public mutating func parseProgram() -> [Stmt] {
    var out: [Stmt] = []
    while true {
      skipSemicolons()
      if case .eof = peek.kind { break }
      let before = p
      do {
        out.append(try statement())
        try terminator()
      } catch {
        synchronize()
        if p == before { advance() }
      }
    }
    return out
  }

  /// Whether the only errors are an input that ended too early (the REPL continues the entry).
  public var isIncomplete: Bool {
    !errors.isEmpty && errors.allSatisfy {
      if case .unexpectedEndOfInput = $0.kind { return true }
      if case .unterminatedComment = $0.kind { return true }
      return false
    }
  }

  // MARK: Statements

  /// statement → declaration | runtimeStmt | ifStmt | forStmt | block | returnStmt
  ///           | "break" | "continue" | simpleStmt ;
  private mutating func statement() throws -> Stmt {
    let start = peek.span.start
    switch peek.kind {
    case .keyword(.package):
      advance()
      let name = try identifier("package name")
      return Stmt(.package(name.0), span(from: start))
    case .keyword(.import): return try importDecl()
    case .keyword(.func): return try funcDecl()
    case .keyword(.type): return try typeDecl()
    case .keyword(.var): return try varDecl()
    case .keyword(.const): return try constDecl()
    case .keyword(.if): return try ifStmt()
    case .keyword(.for): return try forStmt()
    case .keyword(.return):
      advance()
      if isStatementEnd { return Stmt(.returnStmt(nil), span(from: start)) }
      return Stmt(.returnStmt(try expression()), span(from: start))
    case .keyword(.break):
      advance()
      return Stmt(.breakStmt, span(from: start))
    case .keyword(.continue):
      advance()
      return Stmt(.continueStmt, span(from: start))
    case .op("{"):
      return Stmt(.block(try block()), span(from: start))
    case .identifier(let word) where isShortForm(word):
      return try runtimeStatement(word)
    default:
      return try simpleStatement()
    }
  }

  /// Short forms are keywords only at the start of a statement and when not used as a variable.
  private func isShortForm(_ word: String) -> Bool {
    let next = tokens[min(p + 1, tokens.count - 1)].kind
    switch word {
    case "gc", "free", "roots", "explain", "heap":
      if case .semicolon = next { return true }
      if case .eof = next { return true }
      if word == "explain", case .identifier("off") = next { return true }
      return next == .op("}")
    case "set":
      if case .identifier = next { return true }
      return false
    case "sleep", "stats", "print", "println", "expect", "why":
      if case .op(let o) = next {
        return !["=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=", ".",
                 "[", "++", "--", ","].contains(o)
      }
      return true
    default: return false
    }
  }

  /// runtimeStmt → "sleep" expr | "gc" | "free" | "stats" [ IDENT ] [ STRING ]
  ///             | "set" IDENT "=" value | "print" printArgs | "expect" expr
  ///             | "why" [ IDENT ] | "roots" | "explain" [ "off" ] | "heap" ;
  private mutating func runtimeStatement(_ word: String) throws -> Stmt {
    let start = peek.span.start
    advance()
    switch word {
    case "sleep": return Stmt(.sleep(try expression()), span(from: start))
    case "gc": return Stmt(.gc, span(from: start))
    case "expect": return Stmt(.expect(try expression()), span(from: start))
    case "roots": return Stmt(.roots, span(from: start))
    case "heap": return Stmt(.heapMap, span(from: start))
    case "explain":
      if case .identifier("off") = peek.kind {
        advance()
        return Stmt(.explain(false), span(from: start))
      }
      return Stmt(.explain(true), span(from: start))
    case "why":
      var what: String? = nil
      if case .identifier(let w) = peek.kind {
        what = w
        advance()
      }
      return Stmt(.why(what), span(from: start))
    case "free": return Stmt(.free, span(from: start))
    case "stats":
      var label: Expr? = nil
      var view: String? = nil
      // A view name is a bare word followed by the end of the statement or the label string.
      if case .identifier(let v) = peek.kind {
        let next = tokens[min(p + 1, tokens.count - 1)].kind
        var isView = false
        switch next {
        case .semicolon, .eof, .string: isView = true
        case .op("}"): isView = true
        default: break
        }
        if isView {
          view = v
          advance()
        }
      }
      if !isStatementEnd { label = try expression() }
      return Stmt(.stats(label: label, view: view), span(from: start))
    case "set":
      let (name, _) = try identifier("setting name")
      try expect("=", after: "setting name")
      let value: Expr
      if case .identifier(let w) = peek.kind, w == "off" {
        value = Expr(.string("off"), peek.span)
        advance()
      } else {
        value = try expression()
      }
      return Stmt(.set(name: name, value: value), span(from: start))
    default:  // print, println
      return Stmt(.print(try printArguments(), newline: true), span(from: start))
    }
  }

  /// printArgs → "(" [ exprList ] ")" | [ exprList ] ;
  /// The first form is Go's builtin call, `println(a, b)`; it is taken when the parenthesis
  /// closes the statement, so `print (a+b)*2` stays the short form of one expression.
  private mutating func printArguments() throws -> [Expr] {
    if check("(") {
      let save = p
      advance()
      var args: [Expr] = []
      if !check(")") { args = (try? expressionList()) ?? [] }
      if accept(")") && isStatementEnd { return args }
      p = save
    }
    return isStatementEnd ? [] : try expressionList()
  }

  /// importDecl → "import" ( STRING | "(" { STRING ";" } ")" ) ;
  private mutating func importDecl() throws -> Stmt {
    let start = peek.span.start
    advance()
    var paths: [String] = []
    if accept("(") {
      skipSemicolons()
      while !check(")") {
        guard case .string(let s) = peek.kind else { throw fail("import path", after: "import") }
        paths.append(s)
        advance()
        skipSemicolons()
      }
      advance()
    } else {
      guard case .string(let s) = peek.kind else { throw fail("import path", after: "import") }
      paths.append(s)
      advance()
    }
    return Stmt(.imports(paths), span(from: start))
  }

  /// funcDecl → "func" IDENT "(" [ params ] ")" [ type ] block ;
  /// params → IDENT { "," IDENT } type { "," IDENT { "," IDENT } type } ;
  private mutating func funcDecl() throws -> Stmt {
    let start = peek.span.start
    advance()
    let (name, _) = try identifier("function name")
    try expect("(", after: "function name")
    var params: [(String, TypeExpr)] = []
    var pending: [String] = []
    while !check(")") {
      let (n, _) = try identifier("parameter name")
      pending.append(n)
      if accept(",") { continue }
      let t = try type()
      params += pending.map { ($0, t) }
      pending = []
      if !accept(",") { break }
    }
    if !pending.isEmpty { throw fail("parameter type", after: "parameter name") }
    try expect(")", after: "parameters")
    var result: TypeExpr? = nil
    if !check("{") { result = try type() }
    let body = try block()
    return Stmt(.funcDecl(FuncDecl(name: name, params: params, result: result, body: body,
                                   span: span(from: start))), span(from: start))
  }

  /// typeDecl → "type" IDENT type ;
  private mutating func typeDecl() throws -> Stmt {
    let start = peek.span.start
    advance()
    let (name, _) = try identifier("type name")
    _ = accept("=")
    return Stmt(.typeDecl(name, try type()), span(from: start))
  }

  /// varDecl → "var" ( varSpec | "(" { varSpec ";" } ")" ) ;
  /// varSpec → IDENT { "," IDENT } ( type [ "=" exprList ] | "=" exprList ) ;
  private mutating func varDecl() throws -> Stmt {
    let start = peek.span.start
    advance()
    if accept("(") {
      var specs: [Stmt] = []
      skipSemicolons()
      while !check(")") {
        specs.append(try varSpec(start: peek.span.start))
        skipSemicolons()
      }
      advance()
      return Stmt(.block(specs), span(from: start))
    }
    return try varSpec(start: start)
  }

  private mutating func varSpec(start: Int) throws -> Stmt {
    var names = [try identifier("variable name")]
    while accept(",") { names.append(try identifier("variable name")) }
    var t: TypeExpr? = nil
    if !check("=") { t = try type() }
    var values: [Expr] = []
    if accept("=") { values = try expressionList() }
    return Stmt(.varDecl(names, t, values), span(from: start))
  }

  /// constDecl → "const" ( constSpec | "(" { constSpec ";" } ")" ) ;
  /// constSpec → IDENT { "," IDENT } [ type ] "=" exprList ;
  private mutating func constDecl() throws -> Stmt {
    let start = peek.span.start
    advance()
    func spec(_ s: inout Parser) throws -> Stmt {
      let st = s.peek.span.start
      var names = [try s.identifier("constant name")]
      while s.accept(",") { names.append(try s.identifier("constant name")) }
      let t = s.check("=") ? nil : try s.type()
      try s.expect("=", after: "constant name")
      return Stmt(.constDecl(names, t, try s.expressionList()), s.span(from: st))
    }
    if accept("(") {
      var specs: [Stmt] = []
      skipSemicolons()
      while !check(")") {
        specs.append(try spec(&self))
        skipSemicolons()
      }
      advance()
      return Stmt(.block(specs), span(from: start))
    }
    return try spec(&self)
  }

  /// block → "{" { statement ";" } "}" ;
  private mutating func block() throws -> [Stmt] {
    try expect("{", after: nil)
    var out: [Stmt] = []
    while true {
      skipSemicolons()
      if check("}") { break }
      if case .eof = peek.kind { throw fail("'}'", after: "block") }
      let before = p
      do {
        out.append(try statement())
        if !check("}") { try terminator() }
      } catch let e where e is Bail {
        if case .eof = peek.kind { throw e }
        synchronize()
        if p == before && !check("}") { advance() }
      }
    }
    advance()
    return out
  }

  /// ifStmt → "if" [ simpleStmt ";" ] expr block [ "else" ( ifStmt | block ) ] ;
  private mutating func ifStmt() throws -> Stmt {
    let start = peek.span.start
    advance()
    let saved = noCompositeLit
    noCompositeLit = true
    var initStmt: Stmt? = nil
    var cond: Expr
    let first = try simpleStatement()
    if accept(";") {
      initStmt = first
      cond = try expression()
    } else {
      guard case .expression(let e) = first.kind else {
        throw fail("condition", after: "if")
      }
      cond = e
    }
    noCompositeLit = saved
    let then = try block()
    var elseStmt: Stmt? = nil
    if case .keyword(.else) = peek.kind {
      advance()
      if case .keyword(.if) = peek.kind {
        elseStmt = try ifStmt()
      } else {
        let s = peek.span.start
        elseStmt = Stmt(.block(try block()), span(from: s))
      }
    }
    return Stmt(.ifStmt(init: initStmt, cond: cond, then: then, else: elseStmt), span(from: start))
  }

  /// forStmt → "for" [ expr | [ simpleStmt ] ";" [ expr ] ";" [ simpleStmt ]
  ///           | [ exprList ( "=" | ":=" ) ] "range" expr ] block ;
  private mutating func forStmt() throws -> Stmt {
    let start = peek.span.start
    advance()
    let saved = noCompositeLit
    noCompositeLit = true
    defer { noCompositeLit = saved }
    if check("{") {
      noCompositeLit = saved
      return Stmt(.forStmt(init: nil, cond: nil, post: nil, body: try block()), span(from: start))
    }
    if case .keyword(.range) = peek.kind {
      advance()
      let over = try expression()
      noCompositeLit = saved
      return Stmt(.rangeStmt(key: nil, value: nil, define: false, over: over, body: try block()),
                  span(from: start))
    }
    var initStmt: Stmt? = nil
    if !check(";") {
      // A range clause: exprList ( "=" | ":=" ) "range" expr
      let save = p
      let lhs = try expressionList()
      if check(":=") || check("=") {
        let define = check(":=")
        advance()
        if case .keyword(.range) = peek.kind {
          advance()
          let over = try expression()
          noCompositeLit = saved
          guard lhs.count <= 2 else { throw fail("at most two range variables", after: "for") }
          return Stmt(.rangeStmt(key: lhs[0], value: lhs.count > 1 ? lhs[1] : nil, define: define,
                                 over: over, body: try block()), span(from: start))
        }
      }
      p = save
      initStmt = try simpleStatement()
      if check("{") {
        guard case .expression(let cond) = initStmt!.kind else {
          throw fail("condition", after: "for")
        }
        noCompositeLit = saved
        return Stmt(.forStmt(init: nil, cond: cond, post: nil, body: try block()), span(from: start))
      }
    }
    try expect(";", after: "for init statement")
    var cond: Expr? = nil
    if !check(";") { cond = try expression() }
    try expect(";", after: "for condition")
    var post: Stmt? = nil
    if !check("{") { post = try simpleStatement() }
    noCompositeLit = saved
    return Stmt(.forStmt(init: initStmt, cond: cond, post: post, body: try block()), span(from: start))
  }

  /// simpleStmt → exprList [ ( "=" | ":=" | assignOp ) exprList | "++" | "--" ] ;
  private mutating func simpleStatement() throws -> Stmt {
    let start = peek.span.start
    let lhs = try expressionList()
    if case .op(let o) = peek.kind {
      switch o {
      case "=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=":
        advance()
        let rhs = try expressionList()
        for e in lhs where !isAssignable(e) && o != ":=" {
          errors.append(ScriptError(.invalidAssignmentTarget, at: e.span))
        }
        return Stmt(.assign(lhs, op: o, rhs), span(from: start))
      case "++", "--":
        advance()
        return Stmt(.incDec(lhs[0], increment: o == "++"), span(from: start))
      default: break
      }
    }
    if lhs.count > 1 { throw fail("'=' or ':='", after: "expression list") }
    return Stmt(.expression(lhs[0]), span(from: start))
  }

  private func isAssignable(_ e: Expr) -> Bool {
    switch e.kind {
    case .identifier, .index, .selector: return true
    case .unary(let o, _): return o == "*"
    case .paren(let inner): return isAssignable(inner)
    default: return false
    }
  }

  // MARK: Expressions

  /// exprList → expr { "," expr } ;
  private mutating func expressionList() throws -> [Expr] {
    var out = [try expression()]
    while accept(",") { out.append(try expression()) }
    return out
  }

  /// expr → unary { binaryOp unary } ;   (Go's five precedence levels)
  mutating func expression(_ minPrec: Int = 1) throws -> Expr {
    var lhs = try unary()
    while case .op(let o) = peek.kind, let prec = Self.precedence[o], prec >= minPrec {
      advance()
      let rhs = try expression(prec + 1)
      lhs = Expr(.binary(o, lhs, rhs), Span(lhs.span.start, rhs.span.end))
    }
    return lhs
  }

  private static let precedence: [String: Int] = [
    "||": 1, "&&": 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3, "+": 4, "-": 4, "|": 4,
    "^": 4, "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5, "&": 5, "&^": 5,
  ]

  /// unary → ( "+" | "-" | "!" | "^" | "*" | "&" ) unary | primary ;
  private mutating func unary() throws -> Expr {
    let start = peek.span.start
    if case .op(let o) = peek.kind, ["+", "-", "!", "^", "*", "&"].contains(o) {
      advance()
      let operand = try unary()
      return Expr(.unary(o, operand), span(from: start))
    }
    return try primary()
  }

  /// primary → operand { "." IDENT | "[" index "]" | "[" [expr] ":" [expr] [ ":" expr ] "]"
  ///           | "(" [ exprList [ "..." ] ] ")" | compositeBody } ;
  private mutating func primary() throws -> Expr {
    var e = try operand()
    while true {
      let start = e.span.start
      if accept(".") {
        let (name, _) = try identifier("field or method name")
        e = Expr(.selector(e, name), span(from: start))
      } else if accept("[") {
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
          try expect("]", after: "index")
          e = Expr(.index(e, lo), span(from: start))
        }
      } else if accept("(") {
        var args: [Expr] = []
        var ellipsis = false
        let saved = noCompositeLit
        noCompositeLit = false
        let isMakeOrNew: Bool
        if case .identifier(let n) = e.kind { isMakeOrNew = n == "make" || n == "new" } else {
          isMakeOrNew = false
        }
        skipSemicolons()
        while !check(")") {
          if isMakeOrNew && args.isEmpty {
            let ts = peek.span.start
            args.append(Expr(.type(try type()), span(from: ts)))
          } else {
            args.append(try expression())
          }
          if accept("...") { ellipsis = true }
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

  private func isTypeLike(_ e: Expr) -> Bool {
    switch e.kind {
    case .identifier, .type: return true
    case .selector(let base, _):
      if case .identifier = base.kind { return true }
      return false
    default: return false
    }
  }

  private func typeOf(_ e: Expr) -> TypeExpr {
    switch e.kind {
    case .identifier(let n): return .name(n, e.span)
    case .type(let t): return t
    case .selector(let base, let n):
      if case .identifier(let pkg) = base.kind { return .qualified(pkg, n, e.span) }
      return .name(n, e.span)
    default: return .name("?", e.span)
    }
  }

  /// compositeBody → "{" [ element { "," element } [ "," ] ] "}" ; element → [ key ":" ] value ;
  private mutating func compositeBody(_ t: TypeExpr?, start: Int) throws -> Expr {
    try expect("{", after: nil)
    let saved = noCompositeLit
    noCompositeLit = false
    defer { noCompositeLit = saved }
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

  /// operand → INT | FLOAT | STRING | UNIT | IDENT | "(" expr ")" | typeLit ;
  private mutating func operand() throws -> Expr {
    let t = peek
    switch t.kind {
    case .int(let v):
      advance()
      return Expr(.int(v), t.span)
    case .float(let v):
      advance()
      return Expr(.float(v), t.span)
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
    case .op("["), .keyword(.struct):
      let ty = try type()
      if check("{") { return try compositeBody(ty, start: t.span.start) }
      return Expr(.type(ty), span(from: t.span.start))
    default:
      throw fail("expression", after: nil)
    }
  }

  // MARK: Types

  /// type → IDENT [ "." IDENT ] | "*" type | "[" "]" type | "[" expr "]" type
  ///      | "struct" "{" { IDENT { "," IDENT } type ";" } "}" | "(" type ")" ;
  mutating func type() throws -> TypeExpr {
    let t = peek
    switch t.kind {
    case .identifier(let n):
      advance()
      if accept(".") {
        let (m, _) = try identifier("type name")
        return .qualified(n, m, span(from: t.span.start))
      }
      return .name(n, t.span)
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
      let n = try expression()
      try expect("]", after: "array length")
      return .array(n, try type())
    case .keyword(.struct):
      advance()
      try expect("{", after: "struct")
      var fields: [(String, TypeExpr)] = []
      skipSemicolons()
      while !check("}") {
        var names = [try identifier("field name").0]
        while accept(",") { names.append(try identifier("field name").0) }
        let ft = try type()
        fields += names.map { ($0, ft) }
        if !check("}") { try terminator() }
        skipSemicolons()
      }
      advance()
      return .structure(fields)
    default:
      throw fail("type", after: nil)
    }
  }

  // MARK: Helpers

  private var peek: Token { tokens[p] }
  private mutating func advance() { if p < tokens.count - 1 { p += 1 } }
  private func check(_ op: String) -> Bool {
    if case .op(let o) = peek.kind { return o == op }
    if op == ";", case .semicolon = peek.kind { return true }
    return false
  }
  private mutating func accept(_ op: String) -> Bool {
    if check(op) {
      advance()
      return true
    }
    return false
  }
  private var isStatementEnd: Bool {
    switch peek.kind {
    case .semicolon, .eof: return true
    case .op("}"): return true
    default: return false
    }
  }
  private mutating func skipSemicolons() {
    while case .semicolon = peek.kind { advance() }
  }
  private func span(from start: Int) -> Span {
    Span(start, max(start, tokens[max(0, p - 1)].span.end))
  }
  private mutating func identifier(_ what: String) throws -> (String, Span) {
    if case .identifier(let n) = peek.kind {
      let s = peek.span
      advance()
      return (n, s)
    }
    throw fail(what, after: nil)
  }
  private mutating func expect(_ op: String, after: String?) throws {
    if !accept(op) { throw fail("'\(op)'", after: after) }
  }
  private mutating func terminator() throws {
    if case .semicolon = peek.kind {
      advance()
      return
    }
    if case .eof = peek.kind { return }
    if check("}") { return }
    throw fail("end of statement", after: nil)
  }

  private func describe(_ t: Token) -> String {
    switch t.kind {
    case .eof: return "end of input"
    case .semicolon(let explicit): return explicit ? "';'" : "newline"
    case .identifier(let n): return "'\(n)'"
    case .keyword(let k): return "'\(k.rawValue)'"
    case .op(let o): return "'\(o)'"
    case .string: return "string"
    default: return "'\(t.text)'"
    }
  }

  private mutating func fail(_ what: String, after: String?) -> Bail {
    // The newline the lexer turned into ';' at the very end counts as the end of input.
    var atEnd = false
    if case .eof = peek.kind { atEnd = true }
    if case .semicolon(explicit: false) = peek.kind, case .eof = tokens[min(p + 1, tokens.count - 1)].kind {
      atEnd = true
    }
    if atEnd {
      errors.append(ScriptError(.unexpectedEndOfInput(what), at: peek.span))
    } else {
      errors.append(ScriptError(.expected(what, after: after, found: describe(peek)), at: peek.span))
    }
    return Bail()
  }

  /// Panic-mode recovery: skip to the end of the statement.
  private mutating func synchronize() {
    var depth = 0
    while true {
      switch peek.kind {
      case .eof: return
      case .semicolon where depth <= 0:
        advance()
        return
      case .op("{"), .op("("), .op("["): depth += 1
      case .op("}"):
        if depth <= 0 { return }
        depth -= 1
      case .op(")"), .op("]"):
        // An unmatched closer at statement level is skipped; a `}` may close the enclosing block.
        if depth > 0 { depth -= 1 }
      default: break
      }
      advance()
    }
  }
}
