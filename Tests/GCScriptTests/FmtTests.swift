// gcsh's fmt against Go's: the corpus Tests/Recordings/fmt/fmt.go, run by gcsh, must print
// what Go 1.27.3 printed for it (go1.27.3.txt, made by record.sh), line for line. Lines that
// start with "ptr " hold addresses, which differ between runs (Go 1.27 randomises where its heap
// starts; gcsh's is at 0xc000000000): there each address, with the padding around it, counts
// as one token.

import Foundation
@testable import GCScript
import GoHeap
import Testing

private let fmtRecordings = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Recordings/fmt")

/// A line with each address (8 or more hex digits, maybe after 0x, and the spaces around it)
/// replaced by one token.
private func addressShape(_ line: Substring) -> String {
  String(line.replacing(try! Regex(" *(0[xX])?[0-9a-fA-F]{8,} *"), with: "<addr>"))
}

/// The lines of gcsh's output for the corpus that differ from Go's, each shown with both.
private func corpusDifferences() throws -> (lines: Int, differences: [String]) {
  let program = try String(contentsOf: fmtRecordings.appendingPathComponent("fmt.go"), encoding: .utf8)
  let recorded = try String(contentsOf: fmtRecordings.appendingPathComponent("go1.27.3.txt"), encoding: .utf8)
  let (output, _, _) = try run(program)
  func lines(_ text: String) -> [Substring] {
    text.dropLast(text.hasSuffix("\n") ? 1 : 0).split(separator: "\n", omittingEmptySubsequences: false)
  }
  let want = lines(recorded)
  let got = lines(output)
  var differences: [String] = []
  for k in 0..<max(want.count, got.count) {
    let w = k < want.count ? want[k] : "<no line>"
    let g = k < got.count ? got[k] : "<no line>"
    let same = w.hasPrefix("ptr ") ? addressShape(w) == addressShape(g) : w == g
    if !same { differences.append("line \(k + 1):\n  go:   \(w)\n  gcsh: \(g)") }
  }
  return (want.count, differences)
}

@Test func fmtCorpusPrintsAsGo1273() throws {
  let (lines, differences) = try corpusDifferences()
  #expect(lines > 150)
  #expect(
    differences.isEmpty,
    "\(differences.count) of \(lines) lines differ from Go 1.27.3:\n\(differences.joined(separator: "\n"))")
}

/// Collects the chunks a program's output comes in.
private final class ChunkHost: ScriptHost {
  var chunks: [String] = []
  func output(_ t: String) { chunks.append(t) }
  func errorOutput(_ t: String) {}
  func expectation(_ r: ExpectationResult) {}
  func stats(label: String?, view: String?) {}
}

/// A Println of a large slice prints all of it, as Go does, and reaches the host in chunks as
/// it is made rather than as one string; each chunk is whole UTF-8 text.
@Test func largeSlicesPrintInFullAndStream() throws {
  let rt = GoRuntime(profile: .go127)
  let host = ChunkHost()
  let interp = Interpreter(heap: rt, host: host)
  let code = """
    s := make([]string, 100000)
    for i := range s { s[i] = "é" }
    fmt.Println(s)
    fmt.Printf("%v|\\n", make([]int, 50000))
    """
  let src = Source(name: "big.gcs", text: code)
  let (stmts, errors, _) = Interpreter.parse(src)
  #expect(errors.isEmpty)
  try interp.run(stmts, source: src)
  let text = host.chunks.joined()
  let first = "[" + Array(repeating: "é", count: 100000).joined(separator: " ") + "]\n"
  let second = "[" + Array(repeating: "0", count: 50000).joined(separator: " ") + "]|\n"
  #expect(text == first + second)
  #expect(host.chunks.count > 4)
  #expect(host.chunks.allSatisfy { !$0.contains("\u{FFFD}") })
}

/// fmtappend: fmt.Append, Appendln and Appendf (Go 1.19+) append what Sprint, Sprintln and
/// Sprintf would print to a []byte — in place when it has room (0 mallocs into a cap-64
/// buffer), grown as append grows it (Append(nil, ...) of 12 bytes: 1 malloc, 16 B) — with
/// Go 1.27.3's and 1.19.8's output, allocations and -m. Go 1.0 has none of them.
@Test(arguments: ["1.27.3", "1.19.8"])
func fmtAppendIsGos(_ version: String) throws {
  let run = try RecordedRun("fmtappend")
  let c = try run.compared(version) { !$0.hasPrefix("#") }
  #expect(c.printed == c.expected)
  #expect(c.expected.hasSuffix("allocs: 0 0 1 16 0 0 0 0\n"))
  #expect(c.gcsh == c.go)
  #expect(failure("b := fmt.Append(nil, 1)", profile: try #require(RuntimeProfile.named("go1.0")))?.kind.message == "undefined: fmt.Append")
}
