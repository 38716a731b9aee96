// strconv's parsers and formatters, strings.EqualFold and os.Args against the real runs of
// Tests/Recordings/runs/strconvparse (Go 1.27.3 and 1.19.8): every value, error message and
// allocation of the recording, -m's lines and the inliner's costs.

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// ParseInt (bases 0 and 10, prefixes, underscores, both ends of int64, syntax, range, base
/// and bit-size errors), ParseUint, ParseFloat (decimal, hexadecimal, inf, NaN, underscores,
/// overflow, float32), ParseBool, FormatFloat in every format and precision, FormatBool, Quote,
/// EqualFold and len(os.Args): Go's output, line for line, including what each call allocated
/// (a failure's NumError and, from Go 1.20, its copy of the input; Go 1.19's second NumError;
/// FormatFloat's buffer, in the frame from Go 1.20 and on the heap in Go 1.19; Quote's).
@Test(arguments: ["1.27.3", "1.19.8"])
func strconvParsersAreGos(_ version: String) throws {
  let recording = try RecordedRun("strconvparse")
  let (out, _, _) = try run(recording.source, profile: profile(ofGo: version))
  #expect(recording.runs(version).contains(out), "gcsh:\n\(out)")
}

/// -m: FormatFloat (Go 1.20+), FormatBool, Quote and quoteWith, Go 1.19's ParseBool and
/// syntaxError are inlined, and the parsers' input leaks in Go 1.19 only. Not compared: the
/// lines Go prints about the inlined Quote's own buffer and string (`make([]byte, 0, 3 *
/// len(strconv.s) / 2) does not escape`, `string(strconv.appendQuotedWith(...)) escapes to
/// heap`) and Go 1.19's inlined ParseBool's `&strconv.NumError{...}`, which gcsh does not
/// spell; gcsh reports the call's result instead (`strconv.Quote(s) escapes to heap`).
@Test(arguments: ["1.27.3", "1.19.8"])
func strconvEscapeLinesAreGos(_ version: String) throws {
  let run = try RecordedRun("strconvparse").compared(version) { line in
    line.hasPrefix("./main.go:") && !line.contains("strconv.s) /") && !line.contains("&strconv.NumError")
      && !line.contains("~r0 escapes") && !line.contains("~R0 escapes") && !line.contains("strconv.Quote(")
  }
  #expect(run.gcsh == run.go)
}

/// One-line wrappers of each function cost what Go's inliner says (-m=2).
@Test(arguments: ["1.27.3", "1.19.8"])
func strconvCallsCostWhatGoSays(_ version: String) throws {
  let checked = try expectInlineCosts(try RecordedRun("strconvparse"), "inline/main.go", version) { line in
    line.contains(" main ") || line.contains(" main:")
  }
  #expect(checked == 10)
}

/// quoteascii: strconv.QuoteToASCII (quoteWith with ASCIIonly) beside Quote — the quoted text
/// with non-ASCII runes escaped, and each call's Mallocs and TotalAlloc deltas, in Go 1.27.3
/// and 1.19.8; -m's lines but those about the inlined quoteWith's own buffer and string, which
/// gcsh does not spell for Quote either (above).
@Test(arguments: ["1.27.3", "1.19.8"])
func quoteToASCIIIsGos(_ version: String) throws {
  let c = try RecordedRun("quoteascii").compared(version) { line in
    line.hasPrefix("./main.go:") && !line.contains("strconv.s) /") && !line.contains("len(strconv.s)")
  }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains(#""h\u00e9llo\t\u2713""#))
  #expect(c.gcsh == c.go)
  #expect(c.go.contains { $0.hasSuffix("inlining call to strconv.QuoteToASCII") })
}
