// strconv.Itoa, strconv.FormatInt and strings.Repeat: their results and their allocations,
// against recorded runs of Go 1.27.3 and Go 1.19.8 (Tests/Recordings/runs/strconvrepeat).

@testable import GCScript
import GoHeap
import Testing

/// strconvrepeat prints Mallocs and TotalAlloc deltas around 1,000 Itoa calls whose results are
/// dropped (0..99 allocate nothing; the rest 3-byte tiny allocations), 2,000 kept (negative
/// numbers too), and three Repeats (Go 1.27 returns 40 spaces from its constant; Go 1.19
/// allocates them): the same numbers, byte for byte.
@Test(arguments: ["1.27.3", "1.19.8"])
func strconvAndRepeatAllocateAsGo(_ version: String) throws {
  let run = try RecordedRun("strconvrepeat")
  let expected = try String(contentsOf: run.directory.appendingPathComponent("go\(version).stdout"), encoding: .utf8)
  let (host, rt, _) = try interpret(run.source, name: "./main.go", profile: version == "1.27.3" ? .go127 : .go119)
  #expect(host.text == expected)
  try rt.checkInvariants()
}

/// Results as Go's: bases, signs, the constant-table cases; Repeat's panics in each era's words;
/// the rest of the packages named, not undefined.
@Test func strconvAndRepeatResults() throws {
  let (host, _, _) = try interpret("""
    print strconv.Itoa(0), strconv.Itoa(99), strconv.Itoa(-100), strconv.FormatInt(-255, 16), strconv.FormatInt(35, 36)
    print strings.Repeat("ab", 3), strings.Repeat("", 5) == "", strings.Repeat("x", 0) == "", len(strings.Repeat("-=", 5000))
    """)
  #expect(host.text == "0 99 -100 -ff z\nababab true true 10000\n")
  #expect(failure("s := strings.Repeat(\"x\", -1)")?.kind.message == "panic: strings: negative Repeat count")
  #expect(failure("s := strings.Repeat(\"xy\", 1 << 62)", profile: .go119)?.kind.message == "panic: strings: Repeat count causes overflow")
  #expect(failure("s := strings.Repeat(\"xy\", 1 << 62)")?.kind.message == "panic: strings: Repeat output length overflow")
  #expect(failure("s := strconv.FormatInt(1, 1)")?.kind.message == "panic: strconv: illegal AppendInt/FormatInt base")
  #expect(failure("s := strings.SplitAfter(\"a,b\", \",\")")?.kind.message == "strings.SplitAfter is not supported by gcsh yet")
  #expect(failure("s := strconv.QuoteRune(1)")?.kind.message == "strconv.QuoteRune is not supported by gcsh yet")
}

/// strconvappend: AppendInt, AppendUint, AppendBool, AppendQuote, AppendFloat and Unquote print
/// what Go 1.27.3 and 1.19.8 print — every value and error, and every allocation count: an
/// Append into a buffer with room allocates nothing, into nil or a full one growslice's array
/// (the tiny allocator's 16 B for a few digits); Unquote of plain text returns a substring, of
/// escapes a new string (Go 1.27: the buffer in the frame, 1 malloc; Go 1.19: 2 mallocs, 48 B).
/// -m and the wrappers' costs as Go's, but for AppendBool's two inlined appends (Go 1.27) and
/// Go 1.19's `([]byte)(...)` inside a call it does not inline, which gcsh writes as the source
/// does.
@Test(arguments: ["1.27.3", "1.19.8"])
func strconvAppendsAndUnquoteAreGos(_ version: String) throws {
  let run = try RecordedRun("strconvappend")
  let c = try run.compared(version) { line in
    !line.hasPrefix("#") && !line.contains("append does not escape")
      && !line.contains("([]byte)(\"n=\"), 7") && !line.contains("AppendUint(([]byte)") && !line.contains("AppendUint([]byte")
      && !line.contains("AppendInt([]byte(\"n=\"), 7")
  }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains("AppendInt cap 64: 0 0 nil: 1 16 full 8: 2 32"))
  #expect(c.go.count > 80)
  #expect(c.gcsh == c.go)
  #expect(try expectInlineCosts(run, "inline/main.go", version) { _ in false } == 6)
}

/// runs/formatuint: strconv.FormatUint prints every base as Go does (the largest uint64 too) and
/// allocates as FormatInt: nothing for a decimal below 100 (the package's table) or a single
/// digit in any base (staticuint64s), a new string otherwise; both versions inline it, and every
/// -m line is Go's.
@Test(arguments: ["1.27.3", "1.19.8"])
func formatUintIsFormatIntsTwin(_ version: String) throws {
  let run = try RecordedRun("formatuint")
  let c = try run.compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.printed.contains("18446744073709551615 1111111111111111111111111111111111111111111111111111111111111111 ffffffffffffffff 3w5e11264sgsf\n"))
  #expect(c.printed.hasSuffix("5 0 0\n99 0 100\n100 100 100\n9223372036854775808 100 100\n"))
  #expect(c.go.count > 15)
  #expect(c.gcsh == c.go)
}
