// AST: the parsed program (grammar.md is the authority for its shape).

/// A type as written.
public indirect enum TypeExpr: Sendable {
  case name(String, Span)
  /// `pkg.Name`, e.g. `time.Duration`.
  case qualified(String, String, Span)
  case pointer(TypeExpr)
  case slice(TypeExpr)
  case array(Expr, TypeExpr)
  case structure([(String, TypeExpr)])
}

/// An expression.
public final class Expr: @unchecked Sendable {
  public indirect enum Kind {
    case int(Int128)
    case float(Double)
    case string(String)
    /// `5s`, `200MiB`: a number with a unit.
    case unitLiteral(String)
    case identifier(String)
    case unary(String, Expr)
    case binary(String, Expr, Expr)
    case call(Expr, [Expr], hasEllipsis: Bool)
    case index(Expr, Expr)
    case slice(Expr, Expr?, Expr?, Expr?)
    case selector(Expr, String)
    case composite(TypeExpr?, [(key: Expr?, value: Expr)])
    /// A type used as an expression: the first argument of make/new, a conversion `[]byte(x)`.
    case type(TypeExpr)
    case paren(Expr)
  }
  public let kind: Kind
  public let span: Span
  public init(_ kind: Kind, _ span: Span) {
    self.kind = kind
    self.span = span
  }
}

/// A statement.
public final class Stmt: @unchecked Sendable {
  public indirect enum Kind {
    case expression(Expr)
    /// `a, b = x, y`, `x := e`, `x += e`.
    case assign([Expr], op: String, [Expr])
    case incDec(Expr, increment: Bool)
    case varDecl([(String, Span)], TypeExpr?, [Expr])
    /// `const a, b T = x, y`; the type is optional (untyped constants without it).
    case constDecl([(String, Span)], TypeExpr?, [Expr])
    case typeDecl(String, TypeExpr)
    case funcDecl(FuncDecl)
    case block([Stmt])
    case ifStmt(init: Stmt?, cond: Expr, then: [Stmt], else: Stmt?)
    case forStmt(init: Stmt?, cond: Expr?, post: Stmt?, body: [Stmt])
    /// `for k, v := range x` (`define` true for `:=`); keys may be nil (`for range x`).
    case rangeStmt(key: Expr?, value: Expr?, define: Bool, over: Expr, body: [Stmt])
    case returnStmt(Expr?)
    case breakStmt
    case continueStmt
    // gcsh's runtime statements (short forms and their Go spellings both land here).
    case sleep(Expr)
    case gc
    case free
    case stats(label: Expr?, view: String?)
    /// `expect RSS < 20MiB`: a check over MemStats fields, RSS and the virtual clock.
    case expect(Expr)
    /// `why` / `why rss` / `why HeapSys`: a number broken down by cause.
    case why(String?)
    /// `roots`: the variables that are roots and what each keeps alive.
    case roots
    /// `explain` / `explain off`: narrate the runtime's work after each statement.
    case explain(Bool)
    /// `heap`: draw the span map.
    case heapMap
    case set(name: String, value: Expr)
    case print([Expr], newline: Bool)
    case printf(Expr, [Expr])
    case package(String)
    case imports([String])
    case empty
  }
  public let kind: Kind
  public let span: Span
  public init(_ kind: Kind, _ span: Span) {
    self.kind = kind
    self.span = span
  }
}

/// `func name(params) result { body }`.
public struct FuncDecl: Sendable {
  public let name: String
  public let params: [(String, TypeExpr)]
  public let result: TypeExpr?
  public let body: [Stmt]
  public let span: Span
}
