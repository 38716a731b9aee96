@testable import GCScript
import Testing

struct LexCase: CustomTestStringConvertible, Sendable {
  let source: String
  let kinds: [TokenKind]
  var testDescription: String { source }
}

@Test(arguments: [
  LexCase(source: "x := 100_000_000", kinds: [.identifier("x"), .op(":="), .int(100_000_000), .semicolon(explicit: false), .eof]),
  LexCase(source: "0x1F 0b101 0o17 017", kinds: [.int(31), .int(5), .int(15), .int(15), .semicolon(explicit: false), .eof]),
  LexCase(source: "1e8 1.5", kinds: [.float(1e8), .float(1.5), .semicolon(explicit: false), .eof]),
  LexCase(source: "sleep 2m30s", kinds: [.identifier("sleep"), .unitLiteral("2m30s"), .semicolon(explicit: false), .eof]),
  LexCase(source: "set GOMEMLIMIT=200MiB", kinds: [.identifier("set"), .identifier("GOMEMLIMIT"), .op("="), .unitLiteral("200MiB"), .semicolon(explicit: false), .eof]),
  LexCase(source: "a // comment\nb # another", kinds: [.identifier("a"), .semicolon(explicit: false), .identifier("b"), .semicolon(explicit: false), .eof]),
  LexCase(source: "x &^= 3; y++", kinds: [.identifier("x"), .op("&^="), .int(3), .semicolon(explicit: true), .identifier("y"), .op("++"), .semicolon(explicit: false), .eof]),
  LexCase(source: "\"a\\n\\\"b\"", kinds: [.string("a\n\"b"), .semicolon(explicit: false), .eof]),
  LexCase(source: "f(a,\nb)", kinds: [.identifier("f"), .op("("), .identifier("a"), .op(","), .identifier("b"), .op(")"), .semicolon(explicit: false), .eof]),
  LexCase(source: "'a' '\\n' 'é'", kinds: [.rune(97), .rune(10), .rune(233), .semicolon(explicit: false), .eof]),
  // Go's escapes: \a \b \f \v, a byte as \xhh or \ooo, a code point as \uhhhh or \Uhhhhhhhh.
  LexCase(source: "\"\\a\\b\\f\\v\\x41\\101\\u00e9\\U0001F600\\000\"", kinds: [.string("\u{7}\u{8}\u{C}\u{B}AAé😀\u{0}"), .semicolon(explicit: false), .eof]),
  LexCase(source: "'\\x7f' '\\u263A' '\\U0010FFFF' '\\'' '\\177'", kinds: [.rune(127), .rune(0x263A), .rune(0x10FFFF), .rune(39), .rune(127), .semicolon(explicit: false), .eof]),
  LexCase(source: "for {\n}", kinds: [.keyword(.for), .op("{"), .op("}"), .semicolon(explicit: false), .eof]),
])
func lexes(_ c: LexCase) {
  var l = Lexer(Source(name: "t", text: c.source))
  #expect(l.tokenize().map(\.kind) == c.kinds)
  #expect(l.errors.isEmpty)
}

struct LexErrorCase: CustomTestStringConvertible, Sendable {
  let source: String
  let message: String
  var testDescription: String { message }
}

@Test(arguments: [
  LexErrorCase(source: "x := \"abc", message: "string literal not terminated"),
  LexErrorCase(source: "x := 3 @ 4", message: "unexpected character '@'"),
  LexErrorCase(source: "/* never closed", message: "comment not terminated"),
  LexErrorCase(source: "x := 0xZZ", message: "malformed number '0x'"),
])
func lexErrors(_ c: LexErrorCase) {
  var l = Lexer(Source(name: "t", text: c.source))
  _ = l.tokenize()
  #expect(l.errors.map(\.kind.message).contains(c.message))
}
