// SyntaxText: an expression as types2 quotes it in an error message — cmd/compile/internal/
// syntax's printer in ShortForm (syntax.String, which types2's operand.go and ExprString use),
// not as it was written: a binary operator with a space on each side (`x + 1`), arguments
// separated by `, ` (`f(x, 2)`), a composite literal's elements and a function literal's body
// shortened to `…` (`[]int{…}`, `func() {…}`). Parentheses stay as written.

/// The text of the one expression in `text` as types2 prints it in a message, or `text`
/// itself when it does not parse as one.
func goSyntaxText(_ text: String) -> String {
  let source = Source(name: "", text: "_ = " + text)
  var parser = Parser(source)
  let stmts = parser.parseProgram()
  guard parser.errors.isEmpty, stmts.count == 1, case .assign(_, _, let rhs) = stmts[0].kind, rhs.count == 1 else { return text }
  return SyntaxPrinter(bytes: source.bytes).expression(rhs[0]) ?? text
}

/// syntax/printer.go's printRawNode over the AST, ShortForm.
private struct SyntaxPrinter: ExpressionPrinter {
  let bytes: [UInt8]

  /// The text up to the `{` that opens a literal's elements or a function literal's body,
  /// and whether anything is between its braces.
  func head(_ span: Span) -> (String, empty: Bool)? {
    let text = written(span)
    guard let open = text.firstIndex(of: "{"), text.last == "}" else { return nil }
    let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
    return (String(text[..<open]).trimmingSuffixSpaces, inner.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" })
  }

  func expression(_ e: Expr) -> String? {
    switch e.kind {
    case .int, .float, .rune, .string, .unitLiteral, .identifier, .type:
      return written(e.span)
    case .paren(let x): return expression(x).map { "(\($0))" }
    case .unary(let op, let x): return expression(x).map { op + $0 }
    case .binary(let op, let x, let y):
      guard let l = expression(x), let r = expression(y) else { return nil }
      return "\(l) \(op) \(r)"
    case .selector(let x, let name): return expression(x).map { "\($0).\(name)" }
    case .index(let x, let i):
      guard let b = expression(x), let k = expression(i) else { return nil }
      return "\(b)[\(k)]"
    case .instantiation(let x, let args):
      guard let b = expression(x), let a = list(args) else { return nil }
      return "\(b)[\(a)]"
    case .slice(let x, let lo, let hi, let max):
      guard let b = expression(x) else { return nil }
      func part(_ p: Expr?) -> String { p.flatMap { expression($0) } ?? "" }
      var s = "\(b)[\(part(lo)):\(part(hi))"
      if max != nil { s += ":\(part(max))" }
      return s + "]"
    case .call(let f, let args, let dots):
      guard let callee = expression(f), let a = list(args) else { return nil }
      return "\(callee)(\(a)\(dots ? "..." : ""))"
    case .composite(let t, _):
      // An element-less literal keeps `{}`; a literal without a type (an element of an
      // outer one) is only its braces.
      guard let (type, empty) = head(e.span) else { return nil }
      return (t == nil ? "" : type) + (empty ? "{}" : "{…}")
    case .funcLit:
      guard let (signature, empty) = head(e.span) else { return nil }
      return signature + (empty ? " {}" : " {…}")
    case .typeAssert(let x, let t):
      guard let b = expression(x) else { return nil }
      guard t != nil else { return "\(b).(type)" }
      let text = written(e.span)
      guard let dot = text.range(of: ".(", options: .backwards) else { return nil }
      return "\(b)\(text[dot.lowerBound...])"
    }
  }
}
