// Lexer: source bytes to tokens (grammar.md, "Lexical elements").
//
// Go's rules where they overlap: `//` comments (and `#` comments, a gcsh convenience) run to the
// end of the line; a newline ends a statement when the line's last token could end one
// (identifier, literal, `)`, `]`, `}`, `++`, `--`, `return`, `break`, `continue`), as Go's
// automatic semicolon insertion does. Numbers take `_` separators, `0x`/`0o`/`0b` prefixes and
// exponents; a number immediately followed by letters is a unit literal (`5s`, `200MiB`).

/// Turns a source into tokens; errors are collected, never thrown.
public struct Lexer {
  let src: Source
  private let b: [UInt8]
  private var i = 0
  private var tokens: [Token] = []
  public private(set) var errors: [ScriptError] = []
  /// `//go:` directive comments (`//go:noinline`), with the byte offset where each ends.
  public private(set) var directives: [(end: Int, text: String)] = []

  public init(_ source: Source) {
    src = source
    b = source.bytes
  }

  /// All tokens, ending with `.eof`.
  public mutating func tokenize() -> [Token] {
    // A NUL byte is invalid anywhere in Go source, inside strings and comments too
    // (cmd/compile/internal/syntax/scanner.go: `invalid NUL character`); the first one is
    // reported, and the tokens are read as if it were a blank.
    if let nul = b.firstIndex(of: 0) {
      errors.append(ScriptError(.invalidNUL, at: Span(nul, nul + 1)))
    }
    while true {
      skipSpaceAndComments()
      if i >= b.count {
        if needsSemicolon() { add(.semicolon(explicit: false), i, i) }
        add(.eof, i, i)
        return tokens
      }
      let c = b[i]
      if c == UInt8(ascii: "\n") {
        if needsSemicolon() { add(.semicolon(explicit: false), i, i + 1) }
        i += 1
        continue
      }
      let start = i
      if isLetter(c) {
        while i < b.count && (isLetter(b[i]) || isDigit(b[i])) { i += 1 }
        let word = text(start, i)
        if let k = Keyword.named(word) {
          add(.keyword(k), start, i)
        } else {
          add(.identifier(word), start, i)
        }
      } else if isDigit(c) || (c == UInt8(ascii: ".") && i + 1 < b.count && isDigit(b[i + 1])) {
        number()
      } else if c == UInt8(ascii: "\"") {
        string()
      } else if c == UInt8(ascii: "`") {
        i += 1
        while i < b.count && b[i] != UInt8(ascii: "`") { i += 1 }
        if i >= b.count {
          errors.append(ScriptError(.unterminatedRawString, at: Span(start, i)))
        } else {
          i += 1
        }
        add(.string(text(start + 1, max(start + 1, i - 1))), start, i)
      } else if c == UInt8(ascii: "'") {
        rune()
      } else if c == UInt8(ascii: ";") {
        i += 1
        add(.semicolon(explicit: true), start, i)
      } else {
        operatorToken()
      }
    }
  }

  private mutating func skipSpaceAndComments() {
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
        i += 1
      } else if c == UInt8(ascii: "#")
        || (c == UInt8(ascii: "/") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "/"))
      {
        let start = i
        while i < b.count && b[i] != UInt8(ascii: "\n") { i += 1 }
        let comment = text(start, i)
        if comment.hasPrefix("//go:") { directives.append((i, comment.trimmingSuffixSpaces)) }
      } else if c == UInt8(ascii: "/") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "*") {
        let start = i
        i += 2
        var newline = false
        while i + 1 < b.count && !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) {
          if b[i] == UInt8(ascii: "\n") { newline = true }
          i += 1
        }
        if i + 1 >= b.count {
          errors.append(ScriptError(.unterminatedComment, at: Span(start, b.count)))
          i = b.count
        } else {
          i += 2
        }
        if newline && needsSemicolon() { add(.semicolon(explicit: false), i, i) }
      } else {
        return
      }
    }
  }

  /// Go's semicolon rule: after a token that can end a statement.
  private func needsSemicolon() -> Bool {
    guard let last = tokens.last else { return false }
    switch last.kind {
    case .identifier, .int, .float, .rune, .unitLiteral, .string: return true
    case .keyword(let k): return k == .break || k == .continue || k == .return || k == .fallthrough
    case .op(let o): return o == ")" || o == "]" || o == "}" || o == "++" || o == "--"
    default: return false
    }
  }

  private mutating func number() {
    let start = i
    var isFloat = false
    if b[i] == UInt8(ascii: "0") && i + 1 < b.count
      && [UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "b"), UInt8(ascii: "B"),
          UInt8(ascii: "o"), UInt8(ascii: "O")].contains(b[i + 1])
    {
      let radixChar = b[i + 1] | 0x20
      let radix = radixChar == UInt8(ascii: "x") ? 16 : radixChar == UInt8(ascii: "b") ? 2 : 8
      i += 2
      let digitsStart = i
      while i < b.count && (isHexDigit(b[i]) || b[i] == UInt8(ascii: "_")) { i += 1 }
      let digits = text(digitsStart, i).filter { $0 != "_" }
      if let v = Int128(digits, radix: radix) {
        add(.int(v), start, i)
      } else {
        let valid = !digits.isEmpty && digits.allSatisfy { $0.hexDigitValue.map { $0 < radix } ?? false }
        errors.append(ScriptError(valid ? .integerTooLarge(text(start, i)) : .badNumber(text(start, i)), at: Span(start, i)))
        add(.int(0), start, i)
      }
      return
    }
    while i < b.count && (isDigit(b[i]) || b[i] == UInt8(ascii: "_")) { i += 1 }
    if i < b.count && b[i] == UInt8(ascii: ".") && !(i + 1 < b.count && b[i + 1] == UInt8(ascii: "."))
    {
      isFloat = true
      i += 1
      while i < b.count && (isDigit(b[i]) || b[i] == UInt8(ascii: "_")) { i += 1 }
    }
    if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
      var j = i + 1
      if j < b.count && (b[j] == UInt8(ascii: "+") || b[j] == UInt8(ascii: "-")) { j += 1 }
      if j < b.count && isDigit(b[j]) {
        isFloat = true
        i = j
        while i < b.count && isDigit(b[i]) { i += 1 }
      }
    }
    // A unit suffix makes a duration or size literal: 5s, 2m30s, 1.5h, 200MiB.
    if i < b.count && isLetter(b[i]) {
      while i < b.count && (isLetter(b[i]) || isDigit(b[i]) || b[i] == UInt8(ascii: ".")) {
        i += 1
      }
      add(.unitLiteral(text(start, i).filter { $0 != "_" }), start, i)
      return
    }
    let t = text(start, i).filter { $0 != "_" }
    if isFloat {
      add(.float(Double(t) ?? 0), start, i)
    } else if t.count > 1 && t.hasPrefix("0") {
      // A leading 0 makes the literal octal: `099` is an invalid digit, as in Go.
      if let v = Int128(t.dropFirst(), radix: 8) {
        add(.int(v), start, i)
      } else {
        let octal = t.allSatisfy { ("0"..."7").contains($0) }
        errors.append(ScriptError(octal ? .integerTooLarge(t) : .badNumber(t), at: Span(start, i)))
        add(.int(0), start, i)
      }
    } else if let v = Int128(t) {
      add(.int(v), start, i)
    } else {
      let valid = t.allSatisfy { $0.isASCII && $0.isNumber } && !(t.count > 1 && t.hasPrefix("0"))
      errors.append(ScriptError(valid ? .integerTooLarge(t) : .badNumber(t), at: Span(start, i)))
      add(.int(0), start, i)
    }
  }

  private mutating func string() {
    let start = i
    i += 1
    var out = [UInt8]()
    while i < b.count && b[i] != UInt8(ascii: "\"") && b[i] != UInt8(ascii: "\n") {
      if b[i] == UInt8(ascii: "\\") && i + 1 < b.count {
        i += 1
        let (value, isByte) = escape()
        if isByte {
          out.append(UInt8(truncatingIfNeeded: value))
        } else if let scalar = Unicode.Scalar(value) {
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
      } else {
        out.append(b[i])
        i += 1
      }
    }
    if i >= b.count || b[i] != UInt8(ascii: "\"") {
      errors.append(ScriptError(.unterminatedString, at: Span(start, i)))
    } else {
      i += 1
    }
    add(.string(StringConstantBytes.string(out)), start, i)
  }

  /// The escape after a backslash (b[i] is the character after it), as the Go spec lists them:
  /// \a \b \f \n \r \t \v \\ \' \", a byte as \ooo (octal) or \xhh, a code point as \uhhhh
  /// or \Uhhhhhhhh. Moves past it. Any other character stands for itself.
  private mutating func escape() -> (value: UInt32, isByte: Bool) {
    let c = b[i]
    i += 1
    func digits(_ n: Int, radix: UInt32) -> UInt32 {
      var v: UInt32 = 0
      var k = 0
      while k < n && i < b.count, let d = Character(Unicode.Scalar(b[i])).hexDigitValue, UInt32(d) < radix {
        v = v &* radix &+ UInt32(d)
        i += 1
        k += 1
      }
      return v
    }
    switch c {
    case UInt8(ascii: "a"): return (7, false)
    case UInt8(ascii: "b"): return (8, false)
    case UInt8(ascii: "f"): return (12, false)
    case UInt8(ascii: "n"): return (10, false)
    case UInt8(ascii: "r"): return (13, false)
    case UInt8(ascii: "t"): return (9, false)
    case UInt8(ascii: "v"): return (11, false)
    case UInt8(ascii: "x"): return (digits(2, radix: 16), true)
    case UInt8(ascii: "u"): return (digits(4, radix: 16), false)
    case UInt8(ascii: "U"): return (digits(8, radix: 16), false)
    case UInt8(ascii: "0")...UInt8(ascii: "7"):
      i -= 1
      return (digits(3, radix: 8), true)
    default: return (UInt32(c), false)
    }
  }

  /// A rune literal: `'a'`, `'\n'`, `'é'` — an integer constant (Go's untyped rune).
  private mutating func rune() {
    let start = i
    i += 1
    var value: UInt32 = 0
    if i < b.count && b[i] == UInt8(ascii: "\\") && i + 1 < b.count {
      i += 1
      value = escape().value
    } else {
      var j = i
      while j < b.count && b[j] != UInt8(ascii: "'") && b[j] != UInt8(ascii: "\n") { j += 1 }
      value = String(decoding: b[i..<j], as: UTF8.self).unicodeScalars.first?.value ?? 0
      i = j
    }
    if i < b.count && b[i] == UInt8(ascii: "'") {
      i += 1
    } else {
      errors.append(ScriptError(.unterminatedString, at: Span(start, i)))
    }
    add(.rune(Int128(value)), start, i)
  }

  private static let operators = [
    "&^=", "<<=", ">>=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "+", "-", "*", "/", "%", "&", "|",
    "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}", ",", ".", ":", "~",
  ]

  /// The operators by their first byte, longest first (the list's order: maximal munch), each
  /// with its bytes and its spelling, so that a token is matched without building arrays.
  private static let operatorsByFirstByte: [[(bytes: [UInt8], text: String)]] = {
    var table = [[(bytes: [UInt8], text: String)]](repeating: [], count: 256)
    for op in operators {
      let bytes = Array(op.utf8)
      guard let first = bytes.first else { continue }
      table[Int(first)].append((bytes, op))
    }
    return table
  }()

  private mutating func operatorToken() {
    let start = i
    for op in Self.operatorsByFirstByte[Int(b[i])] where i + op.bytes.count <= b.count {
      var k = 1
      while k < op.bytes.count && b[i + k] == op.bytes[k] { k += 1 }
      guard k == op.bytes.count else { continue }
      i += op.bytes.count
      add(.op(op.text), start, i)
      return
    }
    // An unknown character: skip the whole UTF-8 sequence. (A NUL is reported once, above.)
    if b[start] == 0 {
      i += 1
      return
    }
    i += 1
    while i < b.count && b[i] & 0xC0 == 0x80 { i += 1 }
    errors.append(ScriptError(.unexpectedCharacter(text(start, i)), at: Span(start, i)))
  }

  private mutating func add(_ k: TokenKind, _ s: Int, _ e: Int) {
    tokens.append(Token(kind: k, span: Span(s, e), text: text(s, min(e, b.count))))
  }
  private func text(_ s: Int, _ e: Int) -> String { String(decoding: b[s..<e], as: UTF8.self) }
  private func isLetter(_ c: UInt8) -> Bool {
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c >= 0x80
  }
  private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
  private func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 97 && c | 0x20 <= 102) }
}

extension String {
  /// The string without trailing blanks (spaces, tabs, a carriage return).
  var trimmingSuffixSpaces: String {
    var s = Substring(self)
    while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
    return String(s)
  }
}
