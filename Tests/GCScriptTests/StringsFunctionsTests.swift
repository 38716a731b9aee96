// strings' searching, trimming, splitting, joining, case-mapping and replacing functions
// (Run/VM+StringsFuncs.swift) against real runs of Go 1.27.3 and Go 1.19.8:
// Tests/Recordings/runs/stringsfuncs (results, Mallocs and TotalAlloc around each group of calls,
// and every -m line: which calls Go inlines, what leaks) and stringsedge (empty inputs, invalid
// UTF-8, case mappings that are not one rune, Replace's limits).

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// What gcsh prints for a recorded program against the recording, byte for byte; and its -m lines
/// against the recorded ones.
@Test(arguments: ["stringsfuncs", "stringsedge"], ["1.27.3", "1.19.8"])
func stringsFunctionsReturnAndAllocateAsGo(_ name: String, _ version: String) throws {
  let run = try RecordedRun(name)
  let (printed, expected, mine, go) = try run.compared(version) { !$0.hasPrefix("#") }
  #expect(printed == expected)
  #expect(mine == go)
}

/// The functions' errors are Go's: argument types and counts as types2 words them, and the
/// strings functions gcsh lacks are named.
@Test func stringsFunctionsAreCheckedAsGoChecksThem() {
  #expect(failure("x := strings.Split(\"a\")")?.kind.message.hasPrefix("not enough arguments in call to strings.Split") == true)
  #expect(failure("x := strings.Join(\"a\", \",\")")?.kind.message == "cannot use \"a\" (untyped string constant) as []string value in argument to strings.Join")
  #expect(failure("x := strings.NewReplacer(\"a\", \"b\")")?.kind.message == "strings.NewReplacer is not supported by gcsh yet")
  #expect(failure("x := strings.Map(func(r rune) bool { return true }, \"a\")")?.kind.message.hasPrefix("cannot use func(r rune) bool") == true)
  // Map calls a nil function as Go does: a nil dereference at the first rune (none for "").
  #expect(failure("x := strings.Map(nil, \"a\")")?.kind.message == "panic: runtime error: invalid memory address or nil pointer dereference")
}

/// A substring keeps its string's whole array: what TrimSpace returns retains the 1 MiB string it
/// was cut from, as a sub-slice does, until the substring goes.
@Test func aTrimmedStringKeepsItsSourceAlive() throws {
  let (_, host, _) = try run("""
    var kept string
    func load() {
      big := strings.Repeat(" ", 10) + strings.Repeat("x", 1 << 20)
      kept = strings.TrimSpace(big)
    }
    load()
    gc
    stats "kept"
    kept = ""
    gc
    stats "dropped"
    """)
  let (k, d) = (host.stats[0].1.heapAlloc, host.stats[1].1.heapAlloc)
  #expect(k - d > 1 << 20)
}

/// stringsmap: strings.Map calls its function once per rune, in order; returns s itself when
/// nothing changes (no allocation); grows a Builder to len(s)+4 at the first change (100
/// bytes: 1 malloc, 112 B) and as its writes need (40 runes widened to 2 bytes: 3 mallocs,
/// 192 B); drops runes mapped to -1 and writes U+FFFD for invalid ones. Printed as Go 1.27.3
/// and 1.19.8 print it, with the -m lines and the wrapper's inline cost — but for the
/// two operands
/// holding `\xff` (gcsh keeps a literal as Unicode text, so the byte is U+FFFD: grammar.md).
@Test(arguments: ["1.27.3", "1.19.8"])
func stringsMapIsGos(_ version: String) throws {
  let run = try RecordedRun("stringsmap")
  let c = try run.compared(version) { line in
    !line.hasPrefix("#") && !line.contains(#""a\xffb"#)
  }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains("unchanged: 0 0 100 bytes: 1 112 widened 40: 3 192"))
  #expect(c.gcsh == c.go)
  #expect(try expectInlineCosts(run, "inline/main.go", version) { _ in false } == 1)
}

/// stringsfuncpreds: IndexFunc, LastIndexFunc, TrimFunc, TrimLeftFunc and TrimRightFunc call
/// their function once per rune in Go's order (TrimFunc the left end from the start, then the
/// right end from the end: `--a--b` for "--a-b--"), return substrings of s and allocate
/// nothing. Printed as Go 1.27.3 and 1.19.8 print it, with -m: Go 1.27 inlines IndexFunc and
/// TrimLeftFunc with indexFunc and a unicode predicate given to them (IsUpper's table lookup
/// line at the call), Go 1.19 only LastIndexFunc — but for the `\xff` operand (as in stringsmap
/// above).
@Test(arguments: ["1.27.3", "1.19.8"])
func stringsPredicateFunctionsAreGos(_ version: String) throws {
  let run = try RecordedRun("stringsfuncpreds")
  let c = try run.compared(version) { line in
    !line.hasPrefix("#") && !line.contains(#"\xff"#)
  }
  // (The line with TrimFunc("é\xffé", ...)'s "\xff" is left out: see above.)
  let lines = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix(#""Hola, mundo" """#) } }
  #expect(lines(c.printed) == lines(c.expected) && lines(c.expected).count == 6)
  #expect(c.expected.contains(#""a-b" "--a--b""#) && c.expected.contains("allocs: 0 0 0 0"))
  #expect(c.gcsh == c.go)
  #expect(c.go.contains { $0.contains("inlining call to unicode.IsUpper") } == (version == "1.27.3"))
  #expect(try expectInlineCosts(run, "inline/main.go", version) { _ in false } == 5)
}

/// Their edges as strings.go has them: an empty s never calls f (so a nil f is only a panic
/// when there is a rune to test); TrimLeftFunc of a string f wholly accepts is "", which keeps
/// nothing alive; a bad byte is one U+FFFD from either end; TrimRightFunc keeps a multi-byte
/// last rune whole. (The output is Go 1.27.3's for the same lines.)
@Test func stringsPredicateFunctionEdges() throws {
  let (host, _, _) = try interpret("""
    import "unicode"
    fmt.Println(strings.IndexFunc("", nil), strings.LastIndexFunc("", nil), strings.TrimFunc("", nil) == "")
    fmt.Println(strings.LastIndexFunc("abé", unicode.IsLetter), strings.LastIndexFunc("aé", func(r rune) bool { return r == 'a' }))
    fmt.Printf("%q %q\\n", strings.TrimRightFunc("xéé ", unicode.IsSpace), strings.TrimLeftFunc("   ", unicode.IsSpace))
    fmt.Println(strings.IndexFunc(string([]byte{'a', 0xff}), func(r rune) bool { return r == unicode.ReplacementChar }))
    fmt.Println(strings.LastIndexFunc(string([]byte{0xe2, 0x82}), func(r rune) bool { return r == unicode.ReplacementChar }))
    """)
  #expect(host.text == "-1 -1 true\n2 0\n\"xéé\" \"\"\n1\n1\n")
  #expect(failure("x := strings.IndexFunc(\"a\", nil)")?.kind.message == "panic: runtime error: invalid memory address or nil pointer dereference")
  #expect(failure("x := strings.TrimFunc(\"a\", func(r rune) int { return 0 })")?.kind.message.hasPrefix("cannot use func(r rune) int") == true)
}

/// strings.Map's Builder buffer is allocated between calls of the program's function, which
/// may allocate and start collections: the buffer (and the string being mapped) must survive
/// them. Each call here allocates 64 KiB of garbage with GOGC=10.
@Test func stringsMapKeepsItsBufferThroughCollections() throws {
  let (host, rt, _) = try interpret("""
    var garbage []byte
    func shout(r rune) rune {
      garbage = make([]byte, 64<<10)
      if r >= 'a' && r <= 'z' { return r - 32 }
      return r
    }
    set GOGC=10
    s := strings.Repeat("go gopher ", 30)
    fmt.Println(strings.Map(shout, s))
    """)
  #expect(host.text == String(repeating: "GO GOPHER ", count: 30) + "\n")
  #expect(rt.memStats().numGC > 5)
  try rt.checkInvariants()
}

/// strings.LastIndexAny as strings.go answers (the output of Go 1.27.3 for the same calls):
/// the start of the last rune in chars, stepping back rune by rune; a bad byte is U+FFFD.
@Test func lastIndexAnyIsGos() throws {
  let (out, _, _) = try run("""
    fmt.Println(strings.LastIndexAny("golang", "go"), strings.LastIndexAny("golang", ""), strings.LastIndexAny("", "a"))
    fmt.Println(strings.LastIndexAny("héllo wörld", "éö"), strings.LastIndexAny("abcdefghijk", "ca"), strings.LastIndexAny(string([]byte{'a', 0xff, 'b'}), string([]byte{0xff})))
    fmt.Println(strings.LastIndexAny("x", "xyz"), strings.LastIndexAny(string([]byte{0xe2, 0x82}), "é"))
    """)
  #expect(out == "5 -1 -1\n8 2 1\n0 -1\n")
}
