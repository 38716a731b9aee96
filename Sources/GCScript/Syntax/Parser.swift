// Parser: tokens to statements (grammar.md). Recursive descent; each parse function opens with
// its grammar rule. On an error the parser records it and recovers at the next statement
// (panic mode), so one run reports every syntax error. An error at the end of the input is
// `unexpectedEndOfInput`: the REPL reads that as "the entry continues on the next line" (with
// or without other errors before it).
//
// The parser reads all of Go's statement syntax — switch, select, go, defer, labels, methods,
// function literals, generics — even where gcsh cannot run it yet: the checker then
// names the construct at its place, which is far more useful than a complaint about the token
// after it. Expressions are in Parser+Expressions.swift, types in Parser+Types.swift.

/// Parses a source into top-level statements, collecting errors.
public struct Parser {
  var tokens: [Token]
  var p = 0
  public internal(set) var errors: [ScriptError] = []
  /// A `...` in a function's results (the next declaration parsed takes it).
  var invalidEllipsis: Span? = nil
  /// Where each `...` of the parameter list parsed last stands.
  var listEllipses: [Span] = []
  /// Inside `if`/`for`/`switch` headers `T {` is not a composite literal (as in Go).
  var noCompositeLit = false
  /// `//go:` directives and where they end (the lexer's).
  let directives: [(end: Int, text: String)]
  /// Nesting of expressions and blocks so far; past `maxNesting` the parser stops with an error
  /// instead of exhausting the native stack.
  var depth = 0
  /// Ctrl-C or --timeout stopped the parse (stopIfInterrupted).
  var interrupted = false
  /// Go's own parser allows 100,000 levels; gcsh's recursive descent runs on a 1 GiB stack and
  /// stops at a depth no hand-written program approaches.
  static let maxNesting = 10_000

  struct Bail: Error {}

  /// The runtime statements' words that the input (or, in the REPL, an earlier entry) declares
  /// as its own names: there a word is the program's function or variable, never the short form.
  let declaredWords: Set<String>

  /// `declared`: names declared before this input (the REPL's earlier entries).
  public init(_ source: Source, declared: Set<String> = []) {
    var lexer = Lexer(source)
    tokens = lexer.tokenize()
    errors = lexer.errors
    directives = lexer.directives
    declaredWords = Self.shortFormWords.intersection(declared).union(Self.declaredShortFormWords(tokens))
  }

  /// The words a runtime statement's short form starts with.
  static let shortFormWords: Set<String> = [
    "sleep", "gc", "free", "stats", "set", "print", "println", "expect", "why", "roots", "explain", "heap",
  ]

  /// The short-form words the tokens declare as names of their own: `func stats(...)`,
  /// `var sleep = ...`, `const why`, `type heap`, and the names on the left of `:=` (including
  /// a range clause's). Go programs name their helpers this way (`func stats(tag string)` to
  /// print MemStats); a call `stats("start")` must then be theirs. The scan is not scoped: a word
  /// declared anywhere in the input is the program's everywhere in it.
  static func declaredShortFormWords(_ tokens: [Token]) -> Set<String> {
    var found: Set<String> = []
    for k in tokens.indices {
      guard case .identifier(let w) = tokens[k].kind, shortFormWords.contains(w), !found.contains(w) else { continue }
      if k > 0, case .keyword(let kw) = tokens[k - 1].kind, [.func, .var, .const, .type].contains(kw) {
        found.insert(w)
        continue
      }
      // An identifier list followed by `:=`.
      var j = k + 1
      while j + 1 < tokens.count, tokens[j].kind == .op(","), case .identifier = tokens[j + 1].kind { j += 2 }
      if j < tokens.count, tokens[j].kind == .op(":=") { found.insert(w) }
    }
    return found
  }

  /// program → { statement ";" } EOF ;
  public mutating func parseProgram() -> [Stmt] {
    var out: [Stmt] = []
    while true {
      skipSemicolons()
      if case .eof = peek.kind { break }
      let before = p
      do {
        try stopIfInterrupted()
        out.append(try statement())
        try terminator()
      } catch {
        // After a nesting error the rest is the unparsed inside of the nest: every brace
        // would be an error of its own. Past the tenth error, stop as go build does.
        if hasNestingError || interrupted { break }
        if errors.count > ScriptError.maxReported {
          errors = ScriptError.limited(errors)
          break
        }
        synchronize()
        if p == before { advance() }
      }
    }
    return out
  }

  /// Whether the nesting limit stopped the parse (it is reported once).
  private var hasNestingError: Bool {
    errors.contains { if case .nestingTooDeep = $0.kind { true } else { false } }
  }

  /// Whether the input ended inside an open construct (a block, a bracket, a comment, a raw
  /// string), whatever else is wrong with it: the REPL then reads the entry's next line before
  /// reporting anything, so that an error inside a block ends the whole block, once.
  public var isIncomplete: Bool { errors.contains { $0.kind.isEndOfInput } }

  // MARK: Statements

  /// statement → declaration | labeledStmt | runtimeStmt | ifStmt | forStmt | switchStmt
  ///           | selectStmt | block | returnStmt | goStmt | deferStmt | branchStmt | simpleStmt ;
  mutating func statement() throws -> Stmt {
    try nested()
    defer { depth -= 1 }
    let start = peek.span.start
    switch peek.kind {
    case .keyword(.package):
      advance()
      let name = try identifier("package name")
      return Stmt(.package(name.0), span(from: start))
    case .keyword(.import): return try importDecl()
    case .keyword(.func):
      // `func(...) {...}(...)` at the start of a statement is a call of a function literal.
      if case .op("(") = peekAhead(1).kind, isFunctionLiteralStatement() { return try simpleStatement() }
      return try funcDecl()
    case .keyword(.type): return try typeDecl()
    case .keyword(.var): return try varDecl()
    case .keyword(.const): return try constDecl()
    case .keyword(.if): return try ifStmt()
    case .keyword(.for): return try forStmt()
    case .keyword(.switch): return try switchStmt()
    case .keyword(.select): return try selectStmt()
    case .keyword(.go), .keyword(.defer):
      let isGo = peek.kind == .keyword(.go)
      advance()
      let call = try expression()
      return Stmt(isGo ? .goStmt(call) : .deferStmt(call), span(from: start))
    case .keyword(.return):
      advance()
      if isStatementEnd { return Stmt(.returnStmt(nil), span(from: start)) }
      let values = try expressionList()
      if values.count == 1 { return Stmt(.returnStmt(values[0]), span(from: start)) }
      return Stmt(.returnValues(values), span(from: start))
    case .keyword(.break), .keyword(.continue):
      let word = peek.kind == .keyword(.break) ? "break" : "continue"
      advance()
      if case .identifier(let label) = peek.kind {
        advance()
        return Stmt(.labeledBranch(keyword: word, label: label), span(from: start))
      }
      return Stmt(word == "break" ? .breakStmt : .continueStmt, span(from: start))
    case .keyword(.goto):
      advance()
      let (label, _) = try identifier("label")
      return Stmt(.gotoStmt(label), span(from: start))
    case .keyword(.fallthrough):
      advance()
      return Stmt(.fallthroughStmt, span(from: start))
    case .op("{"):
      return Stmt(.block(try block()), span(from: start))
    case .identifier(let label) where peekAhead(1).kind == .op(":"):
      // labeledStmt → IDENT ":" statement ;
      advance()
      advance()
      skipSemicolons()
      if check("}") { return Stmt(.labeled(label, Stmt(.empty, span(from: start))), span(from: start)) }
      return Stmt(.labeled(label, try statement()), span(from: start))
    case .identifier(let word) where isShortForm(word):
      return try runtimeStatement(word)
    default:
      return try simpleStatement()
    }
  }

  /// Whether a `func` at the start of a statement begins a literal that is called or used in an
  /// expression (`func() { ... }()`), not a method declaration (`func (r T) name()`).
  func isFunctionLiteralStatement() -> Bool {
    // A method declaration has a receiver list followed by a name; a literal has a signature
    // followed by a result or a body. Find the matching ')' of the first list.
    var k = p + 1
    var level = 0
    while k < tokens.count {
      switch tokens[k].kind {
      case .op("("), .op("["), .op("{"): level += 1
      case .op(")"), .op("]"), .op("}"):
        level -= 1
        if level == 0 {
          if case .identifier = tokens[min(k + 1, tokens.count - 1)].kind,
            tokens[min(k + 2, tokens.count - 1)].kind == .op("(")
              || tokens[min(k + 2, tokens.count - 1)].kind == .op("[")
          {
            return false
          }
          return true
        }
      case .eof: return false
      default: break
      }
      k += 1
    }
    return false
  }

  /// Short forms are keywords only at the start of a statement and when not used as a variable.
  func isShortForm(_ word: String) -> Bool {
    if declaredWords.contains(word) { return false }
    let next = peekAhead(1).kind
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
                 "[", "++", "--", ",", ":"].contains(o)
      }
      return true
    default: return false
    }
  }

  /// runtimeStmt → "sleep" expr | "gc" | "free" | "stats" [ IDENT ] [ STRING ]
  ///             | "set" IDENT "=" value | "print" printArgs | "expect" expr
  ///             | "why" [ IDENT ] | "roots" | "explain" [ "off" ] | "heap" ;
  mutating func runtimeStatement(_ word: String) throws -> Stmt {
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
      var label: [Expr] = []
      var view: String? = nil
      // A view name is a bare word followed by the end of the statement or the label string.
      if case .identifier(let v) = peek.kind {
        var isView = false
        switch peekAhead(1).kind {
        case .semicolon, .eof, .string: isView = true
        case .op("}"): isView = true
        default: break
        }
        if isView {
          view = v
          advance()
        }
      }
      if !isStatementEnd { label = try expressionList() }
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
      let (args, builtin) = try printArguments()
      if builtin { return Stmt(.builtinPrint(args, newline: word == "println"), span(from: start)) }
      return Stmt(.print(args, newline: true), span(from: start))
    }
  }

  /// printArgs → "(" [ exprList ] ")" | [ exprList ] ;
  /// The first form is Go's builtin call, `println(a, b)` (`builtin` true); it is taken when the
  /// parenthesis closes the statement, so `print (a+b)*2` stays the short form of one expression.
  mutating func printArguments() throws -> (args: [Expr], builtin: Bool) {
    if check("(") {
      let save = p
      let savedErrors = errors.count
      advance()
      var args: [Expr] = []
      if !check(")") { args = (try? expressionList()) ?? [] }
      if accept(")") && isStatementEnd && errors.count == savedErrors { return (args, true) }
      p = save
      errors.removeLast(errors.count - savedErrors)
    }
    return (isStatementEnd ? [] : try expressionList(), false)
  }

  /// importDecl → "import" ( importSpec | "(" { importSpec ";" } ")" ) ;
  /// importSpec → [ "." | "_" | IDENT ] STRING ;
  mutating func importDecl() throws -> Stmt {
    let start = peek.span.start
    advance()
    var paths: [ImportSpec] = []
    if accept("(") {
      skipSemicolons()
      while !check(")") {
        paths.append(try importSpec())
        skipSemicolons()
      }
      advance()
    } else {
      paths.append(try importSpec())
    }
    return Stmt(.imports(paths), span(from: start))
  }

  mutating func importSpec() throws -> ImportSpec {
    var name: String? = nil
    if case .identifier(let n) = peek.kind {
      name = n
      advance()
    } else if check(".") {
      name = "."
      advance()
    }
    guard case .string(let s) = peek.kind else { throw fail("import path", after: "import") }
    let at = peek.span
    advance()
    return ImportSpec(path: s, name: name, span: at)
  }

  /// funcDecl → "func" [ receiver ] IDENT [ typeParams ] signature [ block ] ;
  /// signature → "(" [ params ] ")" [ result ] ;   result → type | "(" params ")" ;
  mutating func funcDecl() throws -> Stmt {
    let start = peek.span.start
    let noinline = directives.contains { d in
      d.text == "//go:noinline" && d.end <= start && !sourceHasCode(between: d.end, and: start)
    }
    advance()
    var receiver: Param? = nil
    let receiverOffset = peek.span.start
    if check("(") {
      let recv = try parameterList(after: "receiver")
      guard recv.list.count == 1 else { throw fail("function name", after: nil) }
      receiver = recv.list[0]
    }
    let (name, nameSpan) = try identifier("function name")
    var typeParams: [TypeParam] = []
    if check("[") { typeParams = try typeParameterList() }
    let (params, variadic, misplaced) = try parameterList(after: "parameters")
    invalidEllipsis = nil
    let results = try resultList()
    let resultEllipsis = invalidEllipsis
    var body: [Stmt] = []
    var hasBody = false
    if check("{") {
      body = try block()
      hasBody = true
    }
    let result: TypeExpr? = results.count == 1 && results[0].name == nil ? results[0].type : nil
    var decl = FuncDecl(
      name: name, params: params.map { ($0.name ?? "_", $0.type) }, result: result, body: body,
      span: span(from: start))
    decl.results = results
    decl.paramList = params
    decl.receiver = receiver
    if receiver != nil { decl.receiverOffset = receiverOffset }
    decl.variadic = variadic
    decl.misplacedEllipsis = misplaced
    decl.resultEllipsis = resultEllipsis
    decl.typeParams = typeParams
    decl.noinline = noinline
    decl.nameSpan = nameSpan
    decl.hasBody = hasBody
    return Stmt(.funcDecl(decl), span(from: start))
  }

  /// Whether any token starts between two byte offsets (a directive applies to the next line).
  func sourceHasCode(between a: Int, and b: Int) -> Bool {
    tokens.contains { t in
      if case .semicolon = t.kind { return false }
      return t.span.start >= a && t.span.start < b
    }
  }

  /// params → paramDecl { "," paramDecl } [ "," ] ;
  /// paramDecl → [ IDENT { "," IDENT } ] [ "..." ] type ;
  /// Go's two forms: every parameter named (`a, b int, c string`) or none (`int, string`).
  /// Returns the parameters, whether the last one is variadic, and where a `...` stands before
  /// another parameter (which the checker reports, as types2 does).
  mutating func parameterList(after what: String) throws -> (list: [Param], variadic: Bool, misplacedEllipsis: Span?) {
    try expect("(", after: nil)
    // Each entry is a lone identifier (a name or a type, decided at the end) or a name and a
    // type, or a type.
    var entries: [(name: (String, Span)?, type: TypeExpr?, variadic: Bool, span: Span)] = []
    var ellipses: [Span] = []
    skipSemicolons()
    while !check(")") {
      let s = peek.span.start
      if check("...") { ellipses.append(peek.span) }
      var variadic = accept("...")
      if !variadic, case .identifier(let n) = peek.kind {
        let next = peekAhead(1).kind
        if next == .op(",") || next == .op(")") {
          advance()
          entries.append(((n, span(from: s)), nil, false, span(from: s)))
        } else if next == .op(".") {
          entries.append((nil, try type(), false, span(from: s)))
        } else {
          advance()
          let nameSpan = span(from: s)
          if check("...") { ellipses.append(peek.span) }
          variadic = accept("...")
          entries.append(((n, nameSpan), try type(), variadic, span(from: s)))
        }
      } else {
        entries.append((nil, try type(), variadic, span(from: s)))
      }
      skipSemicolons()
      if !accept(",") { break }
      skipSemicolons()
    }
    try expect(")", after: what)
    let named = entries.contains { $0.name != nil && $0.type != nil }
    var out: [Param] = []
    var pendingNames: [(String, Span)] = []
    var groupVariadic = false
    for e in entries {
      if named {
        guard let n = e.name else { throw fail("parameter name", after: nil) }
        if let t = e.type {
          if e.variadic && !pendingNames.isEmpty { groupVariadic = true }
          for (pn, ps) in pendingNames + [n] { out.append(Param(name: pn, type: t, span: ps)) }
          pendingNames = []
        } else {
          pendingNames.append(n)
        }
      } else if let t = e.type {
        out.append(Param(name: nil, type: t, span: e.span))
      } else if let n = e.name {
        out.append(Param(name: nil, type: .name(n.0, n.1), span: e.span))
      }
    }
    if !pendingNames.isEmpty { throw fail("parameter type", after: "parameter name") }
    // Only the last parameter may be `...T`: not one before it, nor a group sharing it
    // (`a, b ...int` gives a and b the type).
    let variadic = entries.last?.variadic ?? false
    listEllipses = ellipses
    if groupVariadic, let last = ellipses.last { return (out, variadic, last) }
    return (out, variadic, ellipses.dropLast(variadic ? 1 : 0).first)
  }

  /// result → type | "(" params ")" ; absent before the body. A `...` among results is
  /// recorded in `invalidEllipsis` (the checker's "invalid use of ...").
  mutating func resultList() throws -> [Param] {
    if check("(") {
      let list = try parameterList(after: "results").list
      if let e = listEllipses.first { invalidEllipsis = invalidEllipsis ?? e }
      return list
    }
    if check("{") || isStatementEnd { return [] }
    let s = peek.span.start
    let t = try type()
    return [Param(name: nil, type: t, span: span(from: s))]
  }

  /// typeDecl → "type" ( typeSpec | "(" { typeSpec ";" } ")" ) ;  typeSpec → IDENT [ "=" ] type ;
  mutating func typeDecl() throws -> Stmt {
    let start = peek.span.start
    advance()
    return try declarationGroup(start) { try $0.typeSpec() }
  }

  mutating func typeSpec() throws -> Stmt {
    let s = peek.span.start
    let (name, _) = try identifier("type name")
    if check("["), isTypeParameterList() {
      // type List[T any] ...: a generic type declaration.
      let params = try typeParameterList()
      if check("=") {
        // Go 1.24's generic alias (`type Set[T comparable] = map[T]struct{}`): read, and named
        // by the checker as what gcsh lacks.
        let at = peek.span
        advance()
        _ = try type()
        return Stmt(.typeAlias(name, .unsupportedStruct(what: "generic type aliases", at)), span(from: s))
      }
      return Stmt(.genericTypeDecl(name, params, try type()), span(from: s))
    }
    if accept("=") { return Stmt(.typeAlias(name, try type()), span(from: s)) }
    return Stmt(.typeDecl(name, try type()), span(from: s))
  }

  /// varDecl → "var" ( varSpec | "(" { varSpec ";" } ")" ) ;
  /// varSpec → IDENT { "," IDENT } ( type [ "=" exprList ] | "=" exprList ) ;
  mutating func varDecl() throws -> Stmt {
    let start = peek.span.start
    advance()
    return try declarationGroup(start) { try $0.varSpec(start: $0.peek.span.start) }
  }

  mutating func varSpec(start: Int) throws -> Stmt {
    var names = [try identifier("variable name")]
    while accept(",") { names.append(try identifier("variable name")) }
    var t: TypeExpr? = nil
    if !check("=") { t = try type() }
    var values: [Expr] = []
    if accept("=") { values = try expressionList() }
    return Stmt(.varDecl(names, t, values), span(from: start))
  }

  /// constDecl → "const" ( constSpec | "(" { constSpec ";" } ")" ) ;
  /// constSpec → IDENT { "," IDENT } [ [ type ] "=" exprList ] ;
  /// In a group a spec without values repeats the previous one's (Go's implicit repetition,
  /// which is how `iota` enumerations are written).
  mutating func constDecl() throws -> Stmt {
    let start = peek.span.start
    advance()
    var previous: (TypeExpr?, [Expr])? = nil
    var index = 0
    func spec(_ s: inout Parser, grouped: Bool) throws -> Stmt {
      defer { index += 1 }
      let st = s.peek.span.start
      var names = [try s.identifier("constant name")]
      while s.accept(",") { names.append(try s.identifier("constant name")) }
      if grouped, s.isStatementEnd || s.check(")"), let (t, values) = previous {
        return Stmt(.constDecl(names, t, values, iota: index), s.span(from: st))
      }
      let t = s.check("=") ? nil : try s.type()
      try s.expect("=", after: "constant name")
      let values = try s.expressionList()
      previous = (t, values)
      return Stmt(.constDecl(names, t, values, iota: index), s.span(from: st))
    }
    let grouped = check("(")
    return try declarationGroup(start) { try spec(&$0, grouped: grouped) }
  }

  /// A declaration's specs: one, or a parenthesised group of them (a block of specs).
  mutating func declarationGroup(_ start: Int, _ spec: (inout Parser) throws -> Stmt) throws -> Stmt {
    guard accept("(") else { return try spec(&self) }
    var specs: [Stmt] = []
    skipSemicolons()
    while !check(")") {
      specs.append(try spec(&self))
      skipSemicolons()
    }
    advance()
    return Stmt(.declGroup(specs), span(from: start))
  }

  /// block → "{" { statement ";" } "}" ;
  mutating func block() throws -> [Stmt] {
    try expect("{", after: nil)
    var out: [Stmt] = []
    while true {
      skipSemicolons()
      if check("}") { break }
      if case .eof = peek.kind { throw fail("'}'", after: "block") }
      let before = p
      do {
        try stopIfInterrupted()
        out.append(try statement())
        if !check("}") { try terminator() }
      } catch let e where e is Bail {
        if case .eof = peek.kind { throw e }
        if depth >= Self.maxNesting || interrupted { throw e }
        synchronize()
        if p == before && !check("}") { advance() }
      }
    }
    advance()
    return out
  }

  /// ifStmt → "if" [ simpleStmt ";" ] expr block [ "else" ( ifStmt | block ) ] ;
  mutating func ifStmt() throws -> Stmt {
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
  mutating func forStmt() throws -> Stmt {
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

  /// switchStmt → "switch" [ simpleStmt ";" ] [ expr | typeSwitchGuard ] "{" { caseClause } "}" ;
  /// caseClause → ( "case" exprList | "default" ) ":" { statement ";" } ;
  /// A type switch's tag is `x.(type)` or `v := x.(type)`.
  mutating func switchStmt() throws -> Stmt {
    let start = peek.span.start
    advance()
    let saved = noCompositeLit
    noCompositeLit = true
    var initStmt: Stmt? = nil
    var tagStmt: Stmt? = nil
    if !check("{") {
      if !check(";") { tagStmt = try simpleStatement() }
      if accept(";") {
        initStmt = tagStmt
        tagStmt = check("{") ? nil : try simpleStatement()
      }
    }
    noCompositeLit = saved
    var tag: Expr? = nil
    var binding: String? = nil
    if let t = tagStmt {
      switch t.kind {
      case .expression(let e): tag = e
      case .assign(let lhs, ":=", let rhs) where lhs.count == 1 && rhs.count == 1:
        if case .identifier(let n) = lhs[0].kind, case .typeAssert(_, nil) = rhs[0].kind {
          binding = n
          tag = rhs[0]
        } else {
          throw fail("switch expression", after: "switch")
        }
      default: throw fail("switch expression", after: "switch")
      }
    }
    let clauses = try caseClauses()
    return Stmt(.switchStmt(init: initStmt, tag: tag, binding: binding, clauses: clauses), span(from: start))
  }

  /// selectStmt → "select" "{" { commClause } "}" ;  commClause → ( "case" simpleStmt | "default" ) ":" ... ;
  mutating func selectStmt() throws -> Stmt {
    let start = peek.span.start
    advance()
    return Stmt(.selectStmt(try caseClauses(communication: true)), span(from: start))
  }

  mutating func caseClauses(communication: Bool = false) throws -> [CaseClause] {
    try expect("{", after: nil)
    var out: [CaseClause] = []
    skipSemicolons()
    while !check("}") {
      let s = peek.span.start
      var values: [Expr] = []
      var comm: Stmt? = nil
      var isDefault = false
      switch peek.kind {
      case .keyword(.case):
        advance()
        if communication {
          let st = try simpleStatement()
          comm = st
          if case .expression(let e) = st.kind { values = [e] } else { values = [Expr(.identifier("_"), st.span)] }
        } else {
          values = try expressionList()
        }
      case .keyword(.default):
        advance()
        isDefault = true
      case .eof: throw fail("'}'", after: "switch")
      default: throw fail("'case' or 'default'", after: nil)
      }
      try expect(":", after: isDefault ? "default" : "case")
      var body: [Stmt] = []
      while true {
        skipSemicolons()
        if check("}") { break }
        if case .keyword(.case) = peek.kind { break }
        if case .keyword(.default) = peek.kind { break }
        if case .eof = peek.kind { throw fail("'}'", after: "case") }
        body.append(try statement())
        if !check("}") { try terminator() }
      }
      out.append(CaseClause(values: values, communication: comm, isDefault: isDefault, body: body, span: span(from: s)))
    }
    advance()
    return out
  }

  /// simpleStmt → exprList [ ( "=" | ":=" | assignOp ) exprList | "++" | "--" ] | expr "<-" expr ;
  mutating func simpleStatement() throws -> Stmt {
    let start = peek.span.start
    let lhs = try expressionList()
    if case .op(let o) = peek.kind {
      switch o {
      case "=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=":
        advance()
        if o == ":=" || o == "=", case .keyword(.range) = peek.kind {
          throw fail("expression", after: o)
        }
        let rhs = try expressionList()
        for e in lhs where !isAssignable(e) && o != ":=" {
          errors.append(ScriptError(.invalidAssignmentTarget, at: e.span))
        }
        return Stmt(.assign(lhs, op: o, rhs), span(from: start))
      case "++", "--":
        advance()
        return Stmt(.incDec(lhs[0], increment: o == "++"), span(from: start))
      case "<-":
        advance()
        let v = try expression()
        return Stmt(.send(lhs[0], v), span(from: start))
      default: break
      }
    }
    if lhs.count > 1 { throw fail("'=' or ':='", after: "expression list") }
    return Stmt(.expression(lhs[0]), span(from: start))
  }

  func isAssignable(_ e: Expr) -> Bool {
    switch e.kind {
    case .identifier, .index, .selector: return true
    case .unary(let o, _): return o == "*"
    case .paren(let inner): return isAssignable(inner)
    default: return false
    }
  }

  // MARK: Helpers

  var peek: Token { tokens[p] }
  func peekAhead(_ k: Int) -> Token { tokens[min(p + k, tokens.count - 1)] }
  mutating func advance() { if p < tokens.count - 1 { p += 1 } }
  func check(_ op: String) -> Bool {
    if case .op(let o) = peek.kind { return o == op }
    if op == ";", case .semicolon = peek.kind { return true }
    return false
  }
  mutating func accept(_ op: String) -> Bool {
    if check(op) {
      advance()
      return true
    }
    return false
  }
  var isStatementEnd: Bool {
    switch peek.kind {
    case .semicolon, .eof: return true
    case .op("}"): return true
    default: return false
    }
  }
  mutating func skipSemicolons() {
    while case .semicolon = peek.kind { advance() }
  }
  func span(from start: Int) -> Span {
    Span(start, max(start, tokens[max(0, p - 1)].span.end))
  }
  mutating func identifier(_ what: String) throws -> (String, Span) {
    if case .identifier(let n) = peek.kind {
      let s = peek.span
      advance()
      return (n, s)
    }
    throw fail(what, after: nil)
  }
  mutating func expect(_ op: String, after: String?) throws {
    if !accept(op) { throw fail("'\(op)'", after: after) }
  }
  mutating func terminator() throws {
    if case .semicolon = peek.kind {
      advance()
      return
    }
    if case .eof = peek.kind { return }
    if check("}") { return }
    throw fail("end of statement", after: nil)
  }

  /// Whether the `[` after a declared type's name opens type parameters (`type List[T any]`)
  /// rather than an array type (`type A [N]int`, `type B [2*N]byte`).
  func isTypeParameterList() -> Bool {
    guard case .identifier = peekAhead(1).kind else { return false }
    switch peekAhead(2).kind {
    case .identifier, .op(","), .op("["), .op("~"), .keyword(.interface), .keyword(.func), .keyword(.map),
      .keyword(.chan):
      return true
    default: return false
    }
  }

  /// Skips a bracketed group and everything in it (type parameter lists gcsh does not read).
  mutating func skipBalanced() {
    var level = 0
    repeat {
      switch peek.kind {
      case .op("("), .op("["), .op("{"): level += 1
      case .op(")"), .op("]"), .op("}"): level -= 1
      case .eof: return
      default: break
      }
      advance()
    } while level > 0
  }

  /// Ctrl-C or --timeout: a long input stops at the statement it reached (reported once), and
  /// nothing of it runs.
  mutating func stopIfInterrupted() throws {
    guard Interrupt.requested else { return }
    if !interrupted { errors.append(ScriptError(.interrupted, at: peek.span)) }
    interrupted = true
    throw Bail()
  }

  /// Counts one level of nesting; past the limit the parse stops with an error.
  mutating func nested() throws {
    depth += 1
    if depth > Self.maxNesting {
      if !hasNestingError {
        errors.append(ScriptError(.nestingTooDeep(Self.maxNesting), at: peek.span))
      }
      depth -= 1
      throw Bail()
    }
  }

  func describe(_ t: Token) -> String {
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

  mutating func fail(_ what: String, after: String?) -> Bail {
    // The newline the lexer turned into ';' at the very end counts as the end of input.
    var atEnd = false
    if case .eof = peek.kind { atEnd = true }
    if case .semicolon(explicit: false) = peek.kind, case .eof = peekAhead(1).kind {
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
  mutating func synchronize() {
    var level = 0
    while true {
      switch peek.kind {
      case .eof: return
      case .semicolon where level <= 0:
        advance()
        return
      case .op("{"), .op("("), .op("["): level += 1
      case .op("}"):
        if level <= 0 { return }
        level -= 1
      case .op(")"), .op("]"):
        // An unmatched closer at statement level is skipped; a `}` may close the enclosing block.
        if level > 0 { level -= 1 }
      default: break
      }
      advance()
    }
  }
}
