// Inputs that must end in one located error (or run), found by a review of issue 12's list
// against the built binary: error cascades, host-memory and quadratic-time traps, literals Go
// accepts. Each once hung gcsh, used gigabytes of the host's memory, or printed a wrong error.

import Testing

@testable import GCScript
import GoHeap

/// Eleven errors are ten and `too many errors` where the eleventh was, as go build prints; in
/// the parser and in the checker alike.
@Test func tooManyErrorsStopsAtTen() throws {
  let syntax = (1...14).map { "x\($0) := )" }.joined(separator: "\n")
  let (_, errors, _) = Interpreter.parse(Source(name: "many.gcs", text: syntax))
  #expect(errors.count == 11)
  #expect(errors.last?.kind == .tooManyErrors)
  #expect(errors.last?.line == 11 && errors.last?.column == 8)
  let types = (1...14).map { "var y\($0) int = \"s\"" }.joined(separator: "\n")
  do {
    _ = try run(types)
    Issue.record("the program checked")
  } catch let e as CompileErrors {
    #expect(e.errors.count == 11)
    #expect(e.errors.last?.rendered.contains(":11:15: error: too many errors\n") == true)
  }
}

/// A nest past the limit is one error: the rest of it (50,000 closing braces here) is not read
/// as one error per brace, and the 300 KB line is shown as the stretch around the column.
@Test func aTooDeepNestIsOneErrorWithItsLineCut() throws {
  let text = "x := " + String(repeating: "[]any{", count: 50_000) + String(repeating: "}", count: 50_000)
  // (Ten thousand levels of recursive descent need the stack gcsh runs scripts on.)
  let (_, errors, _) = runOnLargeStack { Interpreter.parse(Source(name: "nest.gcs", text: text)) }
  #expect(errors.count == 1)
  let e = try #require(errors.first)
  #expect(e.kind == .nestingTooDeep(Parser.maxNesting))
  let lines = e.rendered.split(separator: "\n", omittingEmptySubsequences: false)
  #expect(lines.count == 3)
  #expect(lines[1].hasPrefix("...") && lines[1].hasSuffix("...") && lines[1].utf8.count <= 170)
  // The caret is under the column: the shown text's byte there is the token the error names.
  let caret = lines[2].utf8.count - 1
  #expect(Array(lines[1].utf8)[caret] == Array(text.utf8)[e.column - 1])
}

/// A chain of selectors, indexes, slices or calls counts against the nesting limit: 100,000
/// `[0:1]` in a row were a left-deep tree every later stage walked recursively (3 GB, minutes).
@Test func aPostfixChainCountsAsNesting() throws {
  let long = "x := []int{1}\ny := x" + String(repeating: "[0:1]", count: 100_000) + "\n"
  let (_, errors, _) = runOnLargeStack { Interpreter.parse(Source(name: "chain.gcs", text: long)) }
  #expect(errors.map(\.kind) == [.nestingTooDeep(Parser.maxNesting)])
  let short = "x := []int{7}\ny := x" + String(repeating: "[0:1]", count: 5_000) + "\nprint y[0]\n"
  let out = runOnLargeStack { try? run(short).0 }
  #expect(out == "7\n")
}

/// `1 + f(1) + f(1) ...`: whether a side calls something was recomputed at every level of the
/// chain (10,000 terms took 15 s); it is remembered per node now, and the sum is right.
@Test func aLongChainOfCallsRuns() throws {
  let sum = "func f(a int) int { return a + 1 }\nx := 1" + String(repeating: " + f(1)", count: 10_000) + "\nprint x\n"
  let out = runOnLargeStack { try? run(sum).0 }
  #expect(out == "20001\n")
}

/// String constants are folded in the host's memory: doubling one 35 times is an error at the
/// first past 16 MiB, not 256 GiB of the host's memory.
@Test func aHugeStringConstantIsAnError() throws {
  var text = "const c0 = \"abcdefgh\"\n"
  for i in 1...35 { text += "const c\(i) = c\(i - 1) + c\(i - 1)\n" }
  let e = try #require(failure(text + "print len(c35)\n"))
  #expect(e.kind == .typeError("constant string too long: gcsh folds string constants up to 16 MiB"))
  #expect(e.line == 23)
  let (out, _, _) = try run("const a = \"ab\"\nconst b = a + a + a\nprint len(b)\n")
  #expect(out == "6\n")
}

/// Duration literals are exact, as time.ParseDuration's integers: 2562047h is valid (it is
/// what Go's `2562047 * time.Hour` is), one hour more is out of range — said so, not
/// "malformed".
@Test(arguments: [
  ("2562047h", Int64(2_562_047) * 3_600_000_000_000), ("9223372036854775807ns", Int64.max),
  ("2562047h47m16.854775807s", Int64.max), ("1.5s", 1_500_000_000), ("250us", 250_000),
  ("1h30m", 5_400_000_000_000), (".5s", 500_000_000), ("1.s", 1_000_000_000),
  ("0.000000001s", 1),
])
func durationLiteralsAreExact(_ text: String, _ ns: Int64) {
  #expect(Checker(profile: .go127).durationLiteral(text) == .value(ns))
}

@Test(arguments: ["2562048h", "3000000h", "9223372036854775808ns", "2562047h47m16.854775808s"])
func durationLiteralsPastInt64AreOutOfRange(_ text: String) throws {
  #expect(Checker(profile: .go127).durationLiteral(text) == .outOfRange)
  let e = try #require(failure("sleep \(text)\n"))
  #expect(e.kind == .typeError("duration \(text) out of range (the longest is 2562047h47m16.854775807s, int64 nanoseconds)"))
}

/// A NUL byte is invalid anywhere in Go source, in a string or a comment too.
@Test(arguments: ["x := \"a\u{0}b\"\nprint len(x)\n", "x := 1 // c\u{0}d\nprint x\n", "x := 1\u{0}\n"])
func aNULByteIsAnError(_ text: String) {
  let (_, errors, _) = Interpreter.parse(Source(name: "nul.gcs", text: text))
  #expect(errors.first?.kind == .invalidNUL)
  #expect(errors.first?.kind.message == "invalid NUL character")
}

/// An integer literal past the 127 bits gcsh keeps untyped constants in names that limit (it
/// said `malformed number`); a leading 0 is octal, so `099` is malformed, as in Go (it was 99).
@Test(arguments: [
  ("x := 10000000000000000000000000000000000000000", true), ("x := 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", true),
  ("x := 07777777777777777777777777777777777777777777", true), ("x := 099", false), ("x := 0x", false),
])
func anIntegerPastGcshsConstantsIsNamed(_ text: String, _ tooLarge: Bool) {
  let (_, errors, _) = Interpreter.parse(Source(name: "big.gcs", text: text))
  let kind = errors.first?.kind
  if tooLarge {
    #expect(kind?.message.hasSuffix("too large: gcsh keeps untyped integer constants to 127 bits (Go to at least 256)") == true)
  } else {
    #expect(kind?.message.hasPrefix("malformed number") == true)
  }
}
