import Foundation
// IRText: a statement as the Go compiler prints it in a diagnostic — cmd/compile/internal/ir's
// fmt.go (stmtFmt, exprFmt), not as it was written.
//
// The compiler prints its IR, which has no parentheses and no layout of its own: a binary
// operator has a space on each side (`len(s) - 1`, where gofmt writes `len(s)-1` inside an
// index), and an operand gets parentheses only when its operator binds less tightly than the
// one it is under (fmt.go OpPrec). Names, literals and types print as written.

/// The text of the one statement in `text` as -m prints it (`s.items = s.items[:len(s.items) -
/// 1]`), or nil when it is not a simple statement this formatter knows.
func irStatementText(_ text: String) -> String? {
  let source = Source(name: "", text: text)
  var parser = Parser(source)
  let stmts = parser.parseProgram()
  guard parser.errors.isEmpty, stmts.count == 1 else { return nil }
  let printer = IRPrinter(bytes: source.bytes)
  switch stmts[0].kind {
  case .assign(let lhs, let op, let rhs):
    guard let l = printer.list(lhs), let r = printer.list(rhs) else { return nil }
    return "\(l) \(op) \(r)"
  case .incDec(let x, let increment):
    return printer.expression(x).map { $0 + (increment ? "++" : "--") }
  default: return nil
  }
}

/// The text of the one expression in `text` as -m prints it (`labels[i] + ":"`), or `text`
/// itself when the formatter does not know its form.
func irExpressionText(_ text: String) -> String {
  qualifyingTypeArguments(irStatementText("_ = " + text).map { String($0.dropFirst(4)) } ?? spacingInterfaceLiterals(text))
}

/// An interface type literal as the IR prints types: `interface { Len() int }`, `interface {}`
/// (`w.(interface{ Len() int }).Len()` in Go 1.19.8's and 1.27.3's -m, runs/writerpanics).
func spacingInterfaceLiterals(_ text: String) -> String {
  guard text.contains("interface{") else { return text }
  var out = ""
  var rest = Substring(text)
  while let r = rest.range(of: "interface{") {
    out += rest[..<r.lowerBound]
    var depth = 1
    var i = r.upperBound
    while i < rest.endIndex, depth > 0 {
      if rest[i] == "{" { depth += 1 } else if rest[i] == "}" { depth -= 1 }
      if depth > 0 { i = rest.index(after: i) }
    }
    guard i < rest.endIndex else { return out + rest }
    let inner = rest[r.upperBound..<i].trimmingCharacters(in: .whitespaces)
    out += inner.isEmpty ? "interface {}" : "interface { \(inner) }"
    rest = rest[rest.index(after: i)...]
  }
  return out + rest
}

/// An instantiated type prints with its type arguments package-qualified, as the linker names
/// the instance (`weak.Pointer[main.blob]`, `&atomic.Pointer[main.config]{}`, where the program
/// wrote `blob` and `config`), while the program's own types elsewhere print as written
/// (`&blob{...}`): Tests/Recordings/runs/weakpointer, and go build -gcflags=-m of Go 1.27.3.
func qualifyingTypeArguments(_ text: String) -> String {
  GenericPointerTypes.names.reduce(text) { qualifyingTypeArguments($0, of: $1 + "[") }
}

private func qualifyingTypeArguments(_ text: String, of generic: String) -> String {
  guard text.contains(generic) else { return text }
  let predeclared: Set<String> = [
    "bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
    "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "byte", "rune", "error", "any",
    "map", "chan", "func", "struct", "interface",
  ]
  var out = ""
  var rest = Substring(text)
  while let r = rest.firstRange(of: generic) {
    out += rest[..<r.upperBound]
    rest = rest[r.upperBound...]
    var depth = 1
    var word = ""
    var previous: Character = "["
    func flush(next: Character?) {
      if !word.isEmpty, !(word.first?.isNumber ?? true), previous != ".", next != ".", !predeclared.contains(word) {
        out += "main."
      }
      out += word
      word = ""
    }
    while let c = rest.first, depth > 0 {
      if c.isLetter || c.isNumber || c == "_" {
        word.append(c)
      } else {
        flush(next: c)
        if c == "[" { depth += 1 }
        if c == "]" { depth -= 1 }
        out.append(c)
        previous = c
      }
      rest = rest.dropFirst()
    }
  }
  return out + rest
}

/// fmt.go OpPrec of a binary operator.
func irPrecedence(_ op: String) -> Int {
  switch op {
  case "*", "/", "%", "<<", ">>", "&", "&^": return 6
  case "+", "-", "|", "^": return 5
  case "==", "!=", "<", "<=", ">", ">=": return 4
  case "&&": return 3
  default: return 2
  }
}

/// A printer of expressions over the source they were parsed from (this one, and
/// SyntaxText.swift's): the text of a span, and a list of expressions each printed.
protocol ExpressionPrinter {
  var bytes: [UInt8] { get }
  func expression(_ e: Expr) -> String?
}

extension ExpressionPrinter {
  func written(_ span: Span) -> String {
    let a = min(max(0, span.start), bytes.count)
    let b = min(max(a, span.end), bytes.count)
    return String(decoding: bytes[a..<b], as: UTF8.self)
  }

  /// The expressions printed and separated by `, ` (nil if one cannot be printed).
  func list(_ es: [Expr]) -> String? {
    let parts = es.compactMap { expression($0) }
    return parts.count == es.count ? parts.joined(separator: ", ") : nil
  }
}

/// fmt.go's exprFmt over the AST.
private struct IRPrinter: ExpressionPrinter {
  let bytes: [UInt8]

  /// fmt.go OpPrec: how tightly an expression binds (calls, selectors, indexes 8; unary 7;
  /// `* / % << >> & &^` 6; `+ - | ^` 5; comparisons 4; `&&` 3; `||` 2).
  static func precedence(_ e: Expr) -> Int {
    switch e.kind {
    case .paren(let x): return precedence(x)
    case .unary: return 7
    case .binary(let op, _, _): return irPrecedence(op)
    default: return 8
    }
  }

  /// An operand under an operator of precedence `prec`: parenthesised when it binds less.
  func expression(_ e: Expr) -> String? { expression(e, 0) }

  func expression(_ e: Expr, _ prec: Int) -> String? {
    if case .paren(let x) = e.kind { return expression(x, prec) }
    guard let s = bare(e) else { return nil }
    return Self.precedence(e) < prec ? "(\(s))" : s
  }

  private func bare(_ e: Expr) -> String? {
    switch e.kind {
    case .int, .float, .rune, .string, .unitLiteral, .identifier, .type:
      return written(e.span)
    // fmt.go's OCOMPLIT: the type, then `{...}` (`{}` when empty).
    case .composite(let t, let elems):
      let text = written(e.span)
      guard t != nil, let open = text.firstIndex(of: "{") else { return text }
      return String(text[..<open]) + (elems.isEmpty ? "{}" : "{...}")
    case .paren(let x): return expression(x)
    case .unary(let op, let x): return expression(x, 7).map { op + $0 }
    case .binary(let op, let x, let y):
      let p = Self.precedence(e)
      guard let l = expression(x, p), let r = expression(y, p + 1) else { return nil }
      return "\(l) \(op) \(r)"
    case .selector(let x, let name): return expression(x, 8).map { "\($0).\(name)" }
    case .index(let x, let i):
      guard let b = expression(x, 8), let k = expression(i) else { return nil }
      return "\(b)[\(k)]"
    case .slice(let x, let lo, let hi, let max):
      guard let b = expression(x, 8) else { return nil }
      func part(_ p: Expr?) -> String? { p.map { expression($0) ?? "" } }
      var s = "\(b)[\(part(lo) ?? ""):\(part(hi) ?? "")"
      if let m = part(max) { s += ":\(m)" }
      return s + "]"
    case .call(let f, let args, let dots):
      guard let callee = expression(f, 8), let a = list(args) else { return nil }
      // fmt.go's exprFmt has no case for these ops (Go 1.20+): `<node unsafe.StringData>`.
      if ["unsafe.String", "unsafe.StringData", "unsafe.SliceData"].contains(callee) { return "<node \(callee)>" }
      return "\(callee)(\(a)\(dots ? "..." : ""))"
    // A function literal is `func literal` (fmt.go's OCLOSURE without -m=2's detail).
    case .funcLit: return "func literal"
    case .typeAssert, .instantiation: return nil
    }
  }
}
