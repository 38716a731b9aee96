// Package initialization order (the spec's "Package initialization"; types2 initorder.go): in
// a Go file, package-level variables are initialized in declaration order, except that a
// variable is initialized only after the variables its initializer depends on — through the
// expression itself or through the functions it calls or names, transitively. `var a = b + 1;
// var b = f()` initializes b (and runs f) first. Constants have no run-time effect and may be
// used before they are declared, so they are checked first, ordered the same way.
//
// gcsh checks and runs the top-level declarations in the order this returns. Dependencies are
// found from the tokens of each initializer and of each function body it reaches: every name
// of a package-level variable or function written there, but a selector's field or method
// name. A local that shadows a package-level name counts as a use of it, so at worst two
// independent variables are initialized in a different order than Go's — only observable if
// both initializers have effects. A cycle (Go's `initialization cycle` error) keeps the
// declaration order. Scripts (.gcs, the REPL), and a file that mixes statements in among its
// declarations, run them as written.

extension Checker {
  /// The top-level statements of a Go file in the order they are checked and run: everything
  /// but the constants and variables as written, then the constants and the variables each
  /// in dependency order.
  func initializationOrder(_ decls: [Stmt]) -> [Stmt] {
    guard isGoPackage else { return decls }
    var others: [Stmt] = []
    var constants: [Stmt] = []
    var variables: [Stmt] = []
    for s in decls {
      switch s.kind {
      case .constDecl: constants.append(s)
      case .varDecl: variables.append(s)
      case .package, .imports, .funcDecl, .typeDecl, .typeAlias, .genericTypeDecl, .empty: others.append(s)
      // A statement among the declarations (gcsh runs a file's top-level statements in order,
      // which a Go file does not have): the file keeps its order.
      default: return decls
      }
    }
    // One of each at most: nothing to order among them, and no tokens to read.
    if constants.count < 2 && variables.count < 2 { return others + constants + variables }
    let tokens = Self.tokens(of: source)
    // Each package-level function by name (methods are reached only through values; left out).
    var functionSpans: [String: Span] = [:]
    for s in decls {
      if case .funcDecl(let d) = s.kind, d.receiver == nil { functionSpans[d.name] = d.span }
    }
    func names(in span: Span) -> Set<String> {
      Set(Self.identifiers(in: span, of: tokens).filter { !$0.selected }.map(\.name))
    }
    /// The names an initializer reaches: its own, and those of every function it names, in turn.
    var reachedByFunction: [String: Set<String>] = [:]
    func reached(from spans: [Span]) -> Set<String> {
      var seen: Set<String> = []
      var result: Set<String> = []
      var work = spans.flatMap { Array(names(in: $0)) }
      while let n = work.popLast() {
        guard result.insert(n).inserted else { continue }
        if let body = functionSpans[n], seen.insert(n).inserted {
          let inner = reachedByFunction[n] ?? names(in: body)
          reachedByFunction[n] = inner
          work.append(contentsOf: inner)
        }
      }
      return result
    }
    func ordered(_ group: [Stmt]) -> [Stmt] {
      let declared: [[String]] = group.map { s in
        switch s.kind {
        case .varDecl(let ns, _, _), .constDecl(let ns, _, _, _): return ns.map(\.0).filter { $0 != "_" }
        default: return []
        }
      }
      let all = Set(declared.joined())
      let dependencies: [Set<String>] = group.indices.map { i in
        let values: [Expr]
        switch group[i].kind {
        case .varDecl(_, _, let vs), .constDecl(_, _, let vs, _): values = vs
        default: values = []
        }
        return reached(from: values.map(\.span)).intersection(all).subtracting(declared[i])
      }
      var done: Set<String> = []
      var left = Array(group.indices)
      var out: [Stmt] = []
      while !left.isEmpty {
        let next = left.firstIndex { dependencies[$0].isSubset(of: done) } ?? 0
        let i = left.remove(at: next)
        out.append(group[i])
        done.formUnion(declared[i])
      }
      return out
    }
    return others + ordered(constants) + ordered(variables)
  }

  /// A file's tokens, for the passes that read names off declarations the checker has not
  /// checked (this one; unchecked generic bodies' imports, Checker+Unused.swift).
  static func tokens(of source: Source) -> [Token] {
    var lexer = Lexer(source)
    return lexer.tokenize()
  }

  /// The identifiers written in `span`, in order, each with whether it is a selector's name
  /// (after a `.`) and whether a `.` follows it (a package's name before its member).
  static func identifiers(in span: Span, of tokens: [Token]) -> [(name: String, selected: Bool, qualifies: Bool)] {
    // The first token at or after the span's start (tokens are in source order).
    var lo = 0
    var hi = tokens.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if tokens[mid].span.start < span.start { lo = mid + 1 } else { hi = mid }
    }
    var out: [(name: String, selected: Bool, qualifies: Bool)] = []
    var k = lo
    while k < tokens.count, tokens[k].span.end <= span.end {
      if case .identifier(let n) = tokens[k].kind {
        out.append((n, k > 0 && tokens[k - 1].kind == .op("."), k + 1 < tokens.count && tokens[k + 1].kind == .op(".")))
      }
      k += 1
    }
    return out
  }
}
