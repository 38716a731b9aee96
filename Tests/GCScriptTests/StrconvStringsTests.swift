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
  #expect(failure("s := strings.TrimFunc(\"a,b\", nil)")?.kind.message == "strings.TrimFunc is not supported by gcsh yet")
  #expect(failure("s := strconv.AppendInt(nil, 1, 10)")?.kind.message == "strconv.AppendInt is not supported by gcsh yet")
}
