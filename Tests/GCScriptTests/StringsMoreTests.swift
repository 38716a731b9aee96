// strings.Trim, TrimLeft, TrimRight, SplitN, Cut, IndexAny, ContainsAny, LastIndexByte,
// IndexRune and Title against Tests/Recordings/runs/stringsmore (Go 1.27.3 and 1.19.8): every
// result (cutsets of one byte, of ASCII and of other runes; SplitN's counts and capacities;
// Cut found or not; Title of ASCII, unchanged and non-ASCII text) and what each allocates
// (SplitN its []string, Title one buffer of len(s)+4 when a letter changes), -m's lines and
// the inliner's costs.

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// -m: every line but two of Go 1.27.3's, where a constant passed to IndexRune's rune
/// parameter is printed as a rune (`rune(-1)`, `'�'`): gcsh's types do not tell rune from
/// int32, and prints them as written.
@Test(arguments: ["1.27.3", "1.19.8"])
func moreStringsFunctionsAreGos(_ version: String) throws {
  let run = try RecordedRun("stringsmore").compared(version) { line in
    line.hasPrefix("./main.go:") && !line.contains("strings.IndexRune(\"abc\"") && !line.contains("strings.IndexRune(\"a\\xffb\"")
  }
  #expect(run.printed == run.expected)
  #expect(run.gcsh == run.go)
}

@Test(arguments: ["1.27.3", "1.19.8"])
func moreStringsFunctionsCostWhatGoSays(_ version: String) throws {
  let checked = try expectInlineCosts(try RecordedRun("stringsmore"), "inline/main.go", version) { line in
    line.contains(" main ") || line.contains(" main:")
  }
  #expect(checked == 10)
}

/// strings.FieldsFunc (runs/fieldsfunc): a literal, a declared function and a closure that
/// records its calls (once per rune, in order), the empty result (not nil), and the
/// allocations — its []string, and past 32 fields the span list append grows on the heap (1, 2
/// and 3 mallocs for 10, 40 and 100 fields; the 40 strings' 640 B take 704 with Go 1.22+'s
/// malloc header), and -m.
@Test(arguments: ["1.27.3", "1.19.8"])
func fieldsFuncIsGos(_ version: String) throws {
  let recording = try RecordedRun("fieldsfunc")
  let run = try recording.compared(version) { $0.hasPrefix("./main.go:") }
  #expect(run.printed == run.expected)
  #expect(run.gcsh == run.go)
  #expect(try expectInlineCosts(recording, "inline/main.go", version) { $0.contains(" main ") || $0.contains(" main:") } == 1)
}

/// A string literal is bytes: `\xff` and `\377` are one byte each that is not UTF-8 (it was
/// U+FFFD's three), in the checker's constants (len, an index, a comparison) as at run time
/// (range decodes it as U+FFFD, one byte wide). What `go run` prints, Go 1.27.3.
@Test func stringLiteralsHoldRawBytes() throws {
  let (out, _, _) = try run(#"""
    s := "h\xffé\377"
    const c = "\xff\xfe"
    fmt.Println(len(s), s[1], s[4], len(c), c[1], "\xff" > "é", "\xc3\xa9" == "é")
    for i, r := range "a\xffb" {
      fmt.Print(i, ":", r, " ")
    }
    fmt.Printf("%q %x\n", s, c)
    """#)
  #expect(out == "5 255 255 2 254 true true\n0:97 1:65533 2:98 \"h\\xffé\\xff\" fffe\n")
  // The code points gcsh marks raw bytes with are still themselves when written.
  let (marked, _, _) = try run(#"fmt.Println(len("\U0010fe00\xff\U0010ffff"), "\U0010fe00" == "\xf4\x8f\xb8\x80")"#)
  #expect(marked == "9 true\n")
}
