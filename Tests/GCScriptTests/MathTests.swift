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
  #expect(failure("package main\nimport \"math\"\nfunc main() { _ = math.Sinh(1) }")?.kind.message
    == "math.Sinh is not supported by gcsh yet")
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

/// mathtrig: Sin, Cos, Tan, Asin, Acos, Atan and Atan2 to the last bit (1,922 results, printed
/// with %v and their bits: special values, ordinary angles, arguments past trig_reduce's 1<<29,
/// a generated spread), every -m line of the program (`(~r0) * 180 / 3.14159` in Go 1.27,
/// `/ math.Pi` in Go 1.19), and what each wrapper costs the inliner.
@Test(arguments: ["1.27.3", "1.19.8"])
func trigonometryIsGosBitForBit(_ version: String) throws {
  let run = try RecordedRun("mathtrig")
  let c = try run.compared(version) { !$0.hasPrefix("#") }
  let mine = c.printed.split(separator: "\n"), theirs = c.expected.split(separator: "\n")
  #expect(mine.count == theirs.count && theirs.count > 1900)
  for (k, (a, b)) in zip(mine, theirs).enumerated() where a != b {
    Issue.record("line \(k + 1): gcsh \(a)\nGo   \(b)")
  }
  #expect(c.gcsh == c.go)
  #expect(try expectInlineCosts(run, "inline/main.go", version) { _ in false } == 7)
}

/// floatconst: untyped float constants are exact, as go/constant keeps them, and are rounded
/// once where they meet a type: `0.1+0.2` prints 0.3, `math.Pi/6` is 0.5235987755982989 (the
/// float64 division gives ...88), `int(1.1*10)` is 11; a typed constant or a variable computes
/// in float64 (0.30000000000000004). Printed as Go 1.27.3 and 1.19.8 print, with their -m.
@Test(arguments: ["1.27.3", "1.19.8"])
func untypedFloatConstantsAreExact(_ version: String) throws {
  let c = try RecordedRun("floatconst").compared(version) { !$0.hasPrefix("#") }
  #expect(c.printed == c.expected)
  #expect(c.gcsh == c.go)
}

/// ExactFloat's rounding to float64: ties to even, subnormals, overflow, and a fraction that
/// is not a double (1/3), each against the float64 Swift's correctly rounded parser gives.
@Test func exactFloatRoundsToNearestEven() throws {
  for text in ["0.1", "0.3", "1e23", "8.589973e9", "9007199254740993", "9007199254740995", "2.2250738585072011e-308",
    "4.9406564584124654e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "1.7976931348623157e308",
    "1.7976931348623158e308", "123456789012345678901234567890", "0.000001"]
  {
    let v = try #require(ExactFloat(literal: text))
    #expect(v.double.bitPattern == Double(text)!.bitPattern, "\(text)")
    #expect((-v).double.bitPattern == (-Double(text)!).bitPattern, "-\(text)")
  }
  // 5,000 generated literals (a fixed LCG): digits of every length, exponents across the range.
  var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
  func next() -> UInt64 {
    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return seed >> 11
  }
  for _ in 0..<5000 {
    let digits = String(next() % 1_000_000_000_000_000) + String(next() % 1000)
    let text = "\(digits.prefix(1)).\(digits.dropFirst())e\(Int(next() % 640) - 330)"
    let v = try #require(ExactFloat(literal: text))
    #expect(v.double.bitPattern == Double(text)!.bitPattern, "\(text)")
  }
  #expect(try #require(ExactFloat(literal: "1.8e308")).double == .infinity)
  let third = ExactFloat(Int128(1)) / ExactFloat(Int128(3))
  #expect(third.double == 1.0 / 3 && third * ExactFloat(Int128(3)) == ExactFloat(Int128(1)))
  #expect(ExactFloat(literal: "1e999999") == nil)
}
