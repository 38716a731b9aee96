// String concatenation and conversions as the runtime does them (runtime/string.go): one
// concatstrings per `a + b + c`, the caller's 32-byte tmpBuf (or [32]rune, [4]byte) for a result
// that does not escape, staticuint64s for a one-byte string(b), rawstringtmp's size+3 for
// string([]rune), Go 1.22+'s zero-copy []byte(s) — against the real runs of
// Tests/Recordings/runs/strings (52 cases, 1,000 calls each) under both Go versions.

import GoHeap
import Testing

/// Every Mallocs and TotalAlloc delta, every printed capacity and every -m line of the
/// recording.
@Test(arguments: ["1.27.3", "1.19.8"])
func stringsMatchTheRecordedRuns(_ version: String) throws {
  let run = try RecordedRun("strings")
  let expected = try run.recorded(version)
  let (mine, _) = try run.gcsh(version == "1.27.3" ? .go127 : .go119)
  #expect(expected.deltas.count == 52)
  #expect(mine.words == expected.words)
  #expect(mine.deltas == expected.deltas)
  #expect(mine.escape == expected.escape)
}

/// `string(b)` compared or concatenated is a view of b's bytes: nothing is allocated for it
/// (walk/order.go OBYTES2STRTMP), whatever its length.
@Test func aByteSliceComparedAsAStringIsNotCopied() throws {
  let (out, host, _) = try run("""
    func f(b []byte) int {
      n := 0
      if string(b) == "0123456789012345678901234567890123456789" { n++ }
      if string(b) < "1" { n++ }
      return n
    }
    b := []byte("0123456789012345678901234567890123456789")
    stats "before"
    for i := 0; i < 100; i++ { _ = f(b) }
    stats "after"
    print f(b)
    """)
  #expect(out == "2\n")
  #expect(host.stats[1].1.mallocs == host.stats[0].1.mallocs)
}

/// runs/mutatedparam: whether a function that is not inlined writes through its []byte
/// parameter is part of its escape tags (Go 1.22+'s mutator), so `poke([]byte(s))` gets a
/// copy — the string is unchanged — and only `peek([]byte(s))` shares the string's bytes
/// (`zero-copy string->[]byte conversion`), through a call chain too.
@Test(arguments: ["1.27.3", "1.19.8"])
func aCalleeThatWritesItsBytesGetsACopy(_ version: String) throws {
  let run = try RecordedRun("mutatedparam")
  let c = try run.compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.printed == "hello 5 o 4\n")
  #expect(c.gcsh.count == c.go.count && c.go.count > 8)
  #expect(c.gcsh == c.go)
}
