// AST: the parsed program, as written (grammar.md is the authority for its shape).
//
// The parser accepts the whole of Go's statement and expression syntax, including constructs
// gcsh does not run yet (channels, closures, methods, type switches, defer, goroutines, ...):
// they become nodes here so that the checker can name each one at its location ("channels are not
// supported by gcsh yet") instead of the parser failing with noise about the next token.

import GoHeap

/// A type as written.
public indirect enum TypeExpr: Sendable {
  case name(String, Span)
  /// `pkg.Name`, e.g. `time.Duration`.
  case qualified(String, String, Span)
  case pointer(TypeExpr)
  case slice(TypeExpr)
  case array(Expr, TypeExpr)
  /// `struct { a, b int; c string; Base }`: each field's name, type, and where its name is; an
  /// embedded field (`Base`, `*Base`, `sync.Mutex`) is named after its type name.
  case structure([(name: String, type: TypeExpr, span: Span, embedded: Bool)])
  /// `[...]T` in a composite literal: the length is the number of elements.
  case inferredArray(TypeExpr, Span)
  /// `map[K]V`.
  case map(TypeExpr, TypeExpr, Span)
  /// `chan T`, `chan<- T`, `<-chan T`.
  case chan(TypeExpr, ChanDirection, Span)
  /// `func(params) results`: the parameters (names optional; the last one's type is `T` of a
  /// variadic `...T`) and results as written.
  case function(params: [Param], results: [Param], variadic: Bool, Span)
  /// `interface { M(params) results; Embedded }` (and `any`, which is a name): its elements in
  /// order.
  case interface([InterfaceElement], Span)
  /// A generic type instantiated: `weak.Pointer[int]`, its type arguments as written (none when
  /// the parser only skipped them: a generic type's own declaration, `type List[T any]`).
  case instance(TypeExpr, [TypeExpr], Span)
  /// A type with a construct gcsh lacks (a struct's, a generic alias): the first one.
  case unsupportedStruct(what: String, Span)

  /// Where the type starts, when the parser recorded it.
  public var span: Span? {
    switch self {
    case .name(_, let s), .qualified(_, _, let s), .inferredArray(_, let s), .map(_, _, let s),
      .chan(_, _, let s), .function(_, _, _, let s), .interface(_, let s), .instance(_, _, let s),
      .unsupportedStruct(_, let s):
      return s
    case .pointer(let t), .slice(let t): return t.span
    case .array(let n, _): return n.span
    case .structure: return nil
    }
  }
}

/// An element of an interface type: a method, or an embedded interface (a type name), or a
/// type set — a union of terms, each a type or an approximation `~T` (`~int | ~float64`), which
/// makes the interface a constraint usable only for type parameters.
public enum InterfaceElement: Sendable {
  case method(name: String, params: [Param], results: [Param], variadic: Bool, Span)
  case embedded(TypeExpr)
  case union([UnionTerm], Span)
}

/// One term of a type set: `int`, or `~int` (every type whose underlying type is int).
public struct UnionTerm: Sendable {
  public let tilde: Bool
  public let type: TypeExpr
  public let span: Span
}

/// A type parameter of a generic function or type: `T any`, `K comparable`, `N ~int | ~float64`
/// (its constraint as written; a bare union is an implicit `interface{ ~int | ~float64 }`).
public struct TypeParam: Sendable {
  public let name: String
  public let constraint: TypeExpr
  public let span: Span
}

/// An expression.
public final class Expr: @unchecked Sendable {
  public indirect enum Kind {
    case int(Int128)
    case float(Double)
    /// A rune literal: an untyped rune constant.
    case rune(Int128)
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
    /// `func(params) result { body }`: a function literal (a closure).
    case funcLit(FuncDecl)
    /// `x.(T)`, and `x.(type)` (nil type) in a type switch.
    case typeAssert(Expr, TypeExpr?)
    /// `f[int, string]`: a generic instantiation with more than one type argument (`f[int]`
    /// parses as an index; the checker tells them apart).
    case instantiation(Expr, [Expr])
  }
  public let kind: Kind
  public let span: Span
  public init(_ kind: Kind, _ span: Span) {
    self.kind = kind
    self.span = span
  }
}

/// One `case`/`default` clause of a switch or select statement.
public struct CaseClause: Sendable {
  /// The case's expressions (or types, in a type switch); empty for `default`.
  public let values: [Expr]
  /// A select case's communication: the send or receive statement (`v, ok := <-ch`), as
  /// written; nil in an expression or type switch.
  public var communication: Stmt? = nil
  public let isDefault: Bool
  public let body: [Stmt]
  public let span: Span
}

/// A statement.
public final class Stmt: @unchecked Sendable {
  public indirect enum Kind {
    case expression(Expr)
    /// `a, b = x, y`, `x := e`, `x += e`.
    case assign([Expr], op: String, [Expr])
    case incDec(Expr, increment: Bool)
    case varDecl([(String, Span)], TypeExpr?, [Expr])
    /// `const a, b T = x, y`; the type is optional (untyped constants without it). `iota` is the
    /// spec's index in its group (0 outside a group): the value of `iota` in its expressions.
    case constDecl([(String, Span)], TypeExpr?, [Expr], iota: Int)
    case typeDecl(String, TypeExpr)
    /// `type Stack[T any] struct { items []T }`: a generic type, instantiated per type arguments.
    case genericTypeDecl(String, [TypeParam], TypeExpr)
    /// `type A = B`: A is another name of B's type (an alias), not a new type.
    case typeAlias(String, TypeExpr)
    case funcDecl(FuncDecl)
    /// A parenthesised group of declarations, `var ( a int; b = 2 )`: each declares in the
    /// enclosing block.
    case declGroup([Stmt])
    case block([Stmt])
    case ifStmt(init: Stmt?, cond: Expr, then: [Stmt], else: Stmt?)
    case forStmt(init: Stmt?, cond: Expr?, post: Stmt?, body: [Stmt])
    /// `for k, v := range x` (`define` true for `:=`); keys may be nil (`for range x`).
    case rangeStmt(key: Expr?, value: Expr?, define: Bool, over: Expr, body: [Stmt])
    case returnStmt(Expr?)
    /// `return a, b`: more than one result.
    case returnValues([Expr])
    case breakStmt
    case continueStmt
    /// `break L` / `continue L`.
    case labeledBranch(keyword: String, label: String)
    /// `L: statement`.
    case labeled(String, Stmt)
    case gotoStmt(String)
    case fallthroughStmt
    /// `switch [init;] [tag] { case ...: ... }`; a type switch has a `typeAssert(_, nil)` tag
    /// (with `binding` for `switch v := x.(type)`).
    case switchStmt(init: Stmt?, tag: Expr?, binding: String?, clauses: [CaseClause])
    case selectStmt([CaseClause])
    case goStmt(Expr)
    case deferStmt(Expr)
    /// `ch <- v`.
    case send(Expr, Expr)
    // gcsh's runtime statements (short forms and their Go spellings both land here).
    case sleep(Expr)
    case gc
    case free
    /// `stats [view] ["label", parts...]`: the label's parts are formatted by gcsh (as
    /// fmt.Sprint would), without allocating in the simulated heap — a measurement must not
    /// disturb what it measures.
    case stats(label: [Expr], view: String?)
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
    /// `print a, b` / `println a, b`: GCScript's print statement, fmt.Println to stdout.
    case print([Expr], newline: Bool)
    /// `print(a, b)` / `println(a, b)`: Go's builtins, which write to stderr in the runtime's
    /// own format (runtime/print.go); `print` puts no spaces between operands.
    case builtinPrint([Expr], newline: Bool)
    case printf(Expr, [Expr])
    case package(String)
    case imports([ImportSpec])
    case empty
  }
  public let kind: Kind
  public let span: Span
  public init(_ kind: Kind, _ span: Span) {
    self.kind = kind
    self.span = span
  }
}

/// A parameter or a result in a function signature; results may be unnamed.
public struct Param: Sendable {
  public let name: String?
  public let type: TypeExpr
  public let span: Span
}

/// `func [receiver] name[typeParams](params) results { body }`, or a function literal.
public struct FuncDecl: Sendable {
  public let name: String
  public let params: [(String, TypeExpr)]
  /// The single unnamed result, when the function has exactly that (nil otherwise).
  public let result: TypeExpr?
  public let body: [Stmt]
  public let span: Span
  /// Every result as declared: empty, one unnamed, several, or named.
  public var results: [Param] = []
  /// Every parameter with its own span (names may be `_`).
  public var paramList: [Param] = []
  /// `func (r T) name(...)`: a method's receiver.
  public var receiver: Param? = nil
  /// Where a method's receiver list opens (its `(`): where the compiler reports a method.
  public var receiverOffset: Int? = nil
  /// The last parameter is `...T`.
  public var variadic: Bool = false
  /// A `...` before a parameter that is not the last one (an error).
  public var misplacedEllipsis: Span? = nil
  /// A `...` among the results (an error).
  public var resultEllipsis: Span? = nil
  /// Its type parameters: `func f[T any, U comparable](...)` (empty when not generic).
  public var typeParams: [TypeParam] = []
  /// `//go:noinline` on the line before: the Go compiler never inlines the function.
  public var noinline: Bool = false
  /// Where the name is (Go reports function positions at the name).
  public var nameSpan: Span? = nil
  /// The function has a body (a declaration without one is an assembly stub).
  public var hasBody: Bool = true
}

/// One import of an import declaration: `import r "math/rand"` has path "math/rand", name "r".
public struct ImportSpec: Sendable, Equatable {
  public let path: String
  /// The name given before the path (`r`, `_`, `.`), or nil for the package's own name.
  public let name: String?
  /// The path's string literal, where an error about the import points.
  public let span: Span
  public init(path: String, name: String?, span: Span) {
    self.path = path
    self.name = name
    self.span = span
  }
  /// The name the file uses for the package: the given one, else the path's last element.
  public var localName: String { name ?? String(path.split(separator: "/").last ?? Substring(path)) }
}
