// Tokens of GCScript (grammar.md, "Lexical elements").

/// A token kind.
public enum TokenKind: Equatable, Sendable {
  case identifier(String)
  case keyword(Keyword)
  /// An integer literal (decimal, hex, octal, binary, with `_` separators).
  /// An integer literal, exact (untyped constants are wider than any Go integer type).
  case int(Int128)
  /// A floating-point literal (`1.5`, `1e8`): `1e8` is an integer constant where one is needed.
  case float(Double)
  /// A rune literal (`'a'`, `'\n'`): an untyped rune constant, its code point.
  case rune(Int128)
  /// A number followed directly by a unit: `5s`, `2m30s`, `150ms`, `200MiB`, `4GB`.
  case unitLiteral(String)
  case string(String)
  case op(String)
  /// End of a statement: `;` or a newline the lexer turned into one.
  case semicolon(explicit: Bool)
  case eof
}

/// Reserved words: Go's 25 keywords and nothing else: gcsh's short forms (`sleep`, `gc`, `free`,
/// `stats`, `set`, `print`) are ordinary identifiers recognised at the start of a statement.
public enum Keyword: String, CaseIterable, Sendable {
  case `break`, `case`, `chan`, `const`, `continue`, `default`, `defer`, `else`, `fallthrough`,
    `for`, `func`, `go`, `goto`, `if`, `import`, `interface`, `map`, `package`, `range`, `return`,
    `select`, `struct`, `switch`, `type`, `var`

  /// The keyword spelled `word`, if any: one hash look-up per identifier the lexer reads, where
  /// `init(rawValue:)` compares the word with each keyword's spelling in turn.
  static func named(_ word: String) -> Keyword? { byName[word] }
  private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}

/// A token with its place in the source.
public struct Token: Sendable {
  public let kind: TokenKind
  public let span: Span
  /// Text as written (for unit literals and diagnostics).
  public let text: String
}
