// The math package against Go: Tests/Recordings/mathfuncs (every function gcsh has on special
// and generated arguments, printed with %v, and one-line wrappers of each for -m) and
// Tests/Recordings/mathinline's consts and direct programs (how -m names math's constants and
// results given to fmt), recorded from Go 1.27.3 and Go 1.19.8.

@testable import GCScript
import Foundation
import GoHeap
import Testing

private let recordings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Recordings")

private func mathProfile(_ version: String) -> RuntimeProfile { version == "1.27.3" ? .go127 : .go119 }

/// Go's -m lines of a recording (the `# package` line dropped, `./` taken off).
private func goEscapeLines(_ file: URL) throws -> [String] {
  try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
    .map { $0.hasPrefix("./") ? String($0.dropFirst(2)) : String($0) }
}

/// Every result is Go's to the last bit (%v prints the shortest digits that round-trip), the
/// special cases included — ±0, ±Inf, NaN, subnormals, overflow — and Pow, Exp and Log on 2,000
/// generated arguments.
@Test(arguments: ["1.27.3", "1.19.8"])
func mathResultsAreGosBitForBit(_ version: String) throws {
  let dir = recordings.appendingPathComponent("mathfuncs")
  let source = try String(contentsOf: dir.appendingPathComponent("main.go"), encoding: .utf8)
  let (out, _, _) = try run(source, profile: mathProfile(version))
  let go = try String(contentsOf: dir.appendingPathComponent("go\(version).stdout"), encoding: .utf8)
  let mine = out.split(separator: "\n", omittingEmptySubsequences: false)
  let theirs = go.split(separator: "\n", omittingEmptySubsequences: false)
  #expect(mine.count == theirs.count)
  for (k, (a, b)) in zip(mine, theirs).enumerated() where a != b {
    Issue.record("line \(k + 1): gcsh \(a)\nGo   \(b)")
  }
}

/// -m for calls of math: which wrappers can inline (each function's cost), which calls are
/// inlined into them (math.Abs with Float64bits and Float64frombits; Sqrt an intrinsic in Go
/// 1.19, inlined in Go 1.27), and how constants and results given to fmt are named.
@Test(arguments: ["1.27.3", "1.19.8"])
func mathEscapeLinesAreGos(_ version: String) throws {
  for (dir, file) in [("mathfuncs", "main.go"), ("mathinline/consts", "consts.go"), ("mathinline/direct", "direct.go")] {
    let d = recordings.appendingPathComponent(dir)
    let source = try String(contentsOf: d.appendingPathComponent(file), encoding: .utf8)
    let (_, _, interp) = try interpret(source, name: file, profile: mathProfile(version))
    let go = try goEscapeLines(d.appendingPathComponent("go\(version).m.txt"))
    #expect(interp.escapeDecisions == go, "\(dir)")
  }
}

/// What gcsh does not compute is named; the constants are untyped, as in Go.
@Test func mathRefusalsAndConstants() throws {
  #expect(failure("package main\nimport \"math\"\nfunc main() { _ = math.Sin(1) }")?.kind.message
    == "math.Sin is not supported by gcsh yet")
  #expect(try run("package main\nimport (\"fmt\"; \"math\")\nfunc main() { var f float32 = math.Pi; var b byte = math.MaxUint8; fmt.Println(f, b, math.MaxInt8 + 1) }").0
    == "3.1415927 255 128\n")
  let overflow = failure("package main\nimport \"math\"\nfunc main() { x := math.MaxUint64; _ = x }")?.kind.message ?? ""
  #expect(overflow.contains("overflows"), "\(overflow)")
}

/// Edge cases of the ports (Go 1.27.3 and 1.19.8 print the same): log_amd64.s takes the
/// f1 <= Sqrt2/2 branch at equality (one argument in 2^64 tells), and ldexp's exponent
/// arithmetic wraps as Go's int does.
@Test func mathEdgeCasesAreGos() throws {
  let (out, _, _) = try run("package main\nimport (\"fmt\"; \"math\")\nfunc main() { fmt.Println(math.Log(3037000499.97605), math.Ldexp(0.5, math.MinInt64), math.Ldexp(0.5, math.MaxInt64)) }")
  #expect(out == "21.83413618763828 +Inf +Inf\n")
}
