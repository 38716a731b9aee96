// The small programs of Tests/Recordings/runs run unchanged (their checkpoint package's calls
// become `stats`): every Mallocs and TotalAlloc delta between checkpoints, everything they print
// and every -m line of the functions under test, as Go 1.27.3 and Go 1.19.8 recorded them.

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// stackbuf: a non-escaping make([]byte, 1024) in a function called 100,000 times — no malloc,
/// no GC. varmake: make([]byte, n) of run-time size, on the stack when n <= 32 since Go 1.25.
/// fib: recursive calls, nothing allocated. variadic: a variadic call's implicit slice in the
/// frame (0 mallocs) or kept (24 B a call), `keep(s...)` and `sum()` allocating nothing, a named
/// pointer result not inlined (16 B a call) and inlined (none). methods: a pointer method that
/// does not leak its receiver leaves the variable in the frame, one that does moves it to the
/// heap (1,000 objects of 48 B), a value method through a pointer copies (nothing). (liveness is checked by LivenessTests: its first
/// GC shows the runtime's own allocations — 7 objects, 2,128 B in Go 1.27.3, 4 and 896 B in
/// 1.19.8, the mark workers gcBgMarkStartWorkers starts — which GoHeap does not model yet.)
@Test(arguments: ["stackbuf", "varmake", "fib", "variadic", "methods"], ["1.27.3", "1.19.8"])
func recordedRunsMatch(_ name: String, _ version: String) throws {
  let run = try RecordedRun(name)
  let expected = try run.recorded(version)
  let (mine, _) = try run.gcsh(version == "1.27.3" ? .go127 : .go119)
  #expect(!expected.deltas.isEmpty)
  #expect(mine.words == expected.words)
  #expect(mine.deltas == expected.deltas)
  #expect(mine.escape == expected.escape)
}

/// Go's builtins print and println write the runtime's own format to standard error — floats
/// as strconv's shortest form in Go 1.27.3, as `+1.500000e+000` in Go 1.19.8 (print.go) — and
/// GCScript's print statement stays on stdout. Tests/Recordings/runs/builtinprint, byte for byte.
@Test(arguments: ["1.27.3", "1.19.8"])
func builtinPrintMatchesTheRecording(_ version: String) throws {
  let run = try RecordedRun("builtinprint")
  let expected = try String(
    contentsOf: run.directory.appendingPathComponent("go\(version).stderr"), encoding: .utf8)
  let (host, _, _) = try interpret(run.source, name: "main.go", profile: version == "1.27.3" ? .go127 : .go119)
  #expect(host.errorText == expected)
  #expect(host.text == "")
}

/// Addresses, as printpointer and printslice write them (`0x...`, `[len/cap]0x...`), and the
/// operands Go's compiler refuses, in its words.
@Test func builtinPrintAddressesAndRefusals() throws {
  let (host, _, _) = try interpret("x := 1\np := &x\ns := make([]int, 2, 5)\nprintln(p, s)\nprint \"stdout\"")
  let parts = host.errorText.split(separator: " ")
  #expect(parts.count == 2 && parts[0].hasPrefix("0x") && parts[1].hasPrefix("[2/5]0x"), "\(host.errorText)")
  #expect(host.text == "stdout\n")
  #expect(failure("type T struct{ a int }\nvar t T\nprintln(t)")?.kind.message == "illegal types for operand: println\n\tT")
  #expect(failure("println(nil)")?.kind.message == "use of untyped nil in argument to built-in println")
}

/// learner: functions with several results, named results and `...` parameters print exactly
/// what the Go programs printed (stdout, byte for byte), and their -m lines are Go's.
@Test(arguments: ["1.27.3", "1.19.8"])
func learnerProgramPrintsWhatGoPrinted(_ version: String) throws {
  let run = try RecordedRun("learner")
  let c = try run.compared(version, run.isUnderTest)
  #expect(c.printed == c.expected)
  #expect(c.go.count > 10)
  #expect(c.gcsh == c.go)
}

/// callarith: fmt operands that are arithmetic on package calls. Each -m line names its operand
/// as the compiler's IR prints it (ir/fmt.go exprfmt): an inlined call as its result in
/// parentheses, a call that is not inlined as its method expression, a conversion around
/// either, the operators parenthesized by precedence, constants folded in Go 1.20+. Every line,
/// the inliner's included, and the printed values.
@Test(arguments: ["1.27.3", "1.19.8"])
func arithmeticOnPackageCallsNamesItsOperandsAsGoDoes(_ version: String) throws {
  let c = try RecordedRun("callarith").compared(version) { !$0.hasPrefix("#") }
  #expect(c.printed == c.expected)
  #expect(c.go.count > 30)
  #expect(c.gcsh == c.go)
}

/// GoHeap's runtime float printer (PrintFloats.shortestG, which the gcpacertrace lines use)
/// writes what GCScript's strconv port writes for `'g', -1` (itself checked against Go's output
/// above and in StrconvTests): the same shortest digits, %e from an exponent of 6 or below -4.
@Test func runtimeShortestFloatsAreStrconvs() {
  var values: [Double] = [
    0, -0.0, 1, -1.5, 100, 123456, 1234567, 1e21, 1e-5, 0.0001, 0.00024821667894208506,
    1.8199097397145256, 248520, 2485200, 5e-324, .greatestFiniteMagnitude, .infinity, -.infinity,
    .nan, 0.1, 1.0 / 3, 9.999999e5, 999999.5, 1e6,
  ]
  var rng = SystemRandomNumberGenerator()
  for _ in 0..<2_000 {
    values.append(Double(bitPattern: rng.next() & ~(0x7FF << 52)) * pow(10, Double(Int.random(in: -30...30))))
  }
  for v in values {
    #expect(PrintFloats.shortestG(v) == GoStrconv.formatFloat(v, "g", -1, 64), "\(v)")
  }
}
