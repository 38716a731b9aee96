// Function values and literals: what they print (recorded runs of Go 1.27.3 and Go 1.19.8,
// Tests/Recordings/runs/closureprint), what they allocate (the corpus program
// closure-allocs, in ProgramCorpusTests), their escape decisions (escape_closures.go in the
// escape corpus), that the collector keeps what a live closure captured, and types2's errors.

@testable import GCScript
import Foundation
import GoHeap
import Testing

/// closureprint's output, byte for byte, in both versions: Go 1.22's per-iteration loop
/// variables give `0 1 2` where Go 1.19's shared one gives `3 3 3`.
@Test(arguments: ["1.27.3", "1.19.8"])
func closureProgramPrintsWhatGoPrinted(_ version: String) throws {
  let run = try RecordedRun("closureprint")
  let expected = try String(
    contentsOf: run.directory.appendingPathComponent("go\(version).stdout"), encoding: .utf8)
  let (out, _, _) = try GCScriptTests.run(run.source, profile: version == "1.27.3" ? .go127 : .go119)
  #expect(out == expected)
}

/// A closure is a root through its funcval: what it captured — by value (a slice header) and by
/// reference (a counter moved to the heap) — survives collections while only a func value
/// holds the closure, and is freed once nothing does.
@Test func capturedVariablesLiveAsLongAsTheClosure() throws {
  let (out, host, _) = try run("""
    func keep(n int) func() int {
      big := make([]byte, n)
      big[n-1] = 7
      calls := 0
      return func() int {
        calls++
        return int(big[len(big)-1]) + calls
      }
    }
    f := keep(64 << 20)
    runtime.GC()
    runtime.GC()
    stats "held"
    print f(), f()
    f = nil
    runtime.GC()
    stats "dropped"
    """)
  #expect(out == "8 9\n")
  let held = try #require(host.stats.first { $0.0 == "held" }?.1)
  let dropped = try #require(host.stats.first { $0.0 == "dropped" }?.1)
  #expect(held.heapAlloc > 64 << 20)
  #expect(dropped.heapAlloc < 1 << 20)
}

/// The funcval of a literal that captures is an allocation of the literal's layout: the code
/// pointer and the captures (16 bytes for one by value; a variable captured by reference is
/// an allocation of its own, 8 bytes from the tiny allocator, two to a 16-byte block); a
/// declared function's value and a literal that captures nothing allocate nothing. (The
/// corpus program closure-allocs measures the same against Go.)
@Test func funcvalsAllocateTheirLayout() throws {
  let (out, _, _) = try run("""
    var fs []func() int
    func byValue(k int) func() int { return func() int { return k } }
    func byReference() func() int {
      n := 0
      return func() int { n++; return n }
    }
    func static() func() int { return func() int { return 1 } }
    func one() int { return 1 }
    fs = make([]func() int, 0, 400)
    var m runtime.MemStats
    runtime.ReadMemStats(&m)
    a0, b0 := m.Mallocs, m.TotalAlloc
    for i := 0; i < 100; i++ { fs = append(fs, byValue(i)) }
    runtime.ReadMemStats(&m)
    a1, b1 := m.Mallocs, m.TotalAlloc
    for i := 0; i < 100; i++ { fs = append(fs, byReference()) }
    runtime.ReadMemStats(&m)
    a2, b2 := m.Mallocs, m.TotalAlloc
    for i := 0; i < 100; i++ { fs = append(fs, static(), one) }
    runtime.ReadMemStats(&m)
    print a1-a0, b1-b0, a2-a1, b2-b1, m.Mallocs-a2, m.TotalAlloc-b2
    """)
  #expect(out == "100 1600 200 2400 0 0\n")
}

/// Calls through values: a nil func panics as Go's does; several results and variadic
/// parameters go through a value as through the function.
@Test func callsThroughValues() throws {
  let (out, _, _) = try run("""
    func two() (int, string) { return 4, "four" }
    func total(xs ...int) int {
      t := 0
      for _, x := range xs { t += x }
      return t
    }
    f := two
    n, s := f()
    g := total
    print n, s, g(), g(1, 2), g([]int{5, 6}...)
    """)
  #expect(out == "4 four 0 3 11\n")
  let e = failure("var f func(int) int\nprint f(1)")
  #expect(e?.kind.message == "panic: runtime error: invalid memory address or nil pointer dereference")
  #expect(e?.line == 2)
}

/// types2's messages for what a function value cannot do.
@Test func functionValueErrors() {
  func message(_ code: String) -> String? { failure(code)?.kind.message }
  #expect(message("f := func() {}\ng := func() {}\nprint f == g") == "invalid operation: f == g (func can only be compared to nil)")
  #expect(message("f := func(x int) int { return x }\nprint f(1, 2)") == "too many arguments in call to f\n\thave (number, number)\n\twant (int)")
  #expect(message("x := 3\nx()") == "invalid operation: cannot call x (variable of type int): int is not a function")
  // types2 quotes the literal with its body shortened (syntax.String's ShortForm).
  #expect(message("var f func(int) int = func(s string) int { return 0 }")?.hasPrefix("cannot use func(s string) int {…}") == true)
  #expect(message("f := func() {}\nprint f < f") == "invalid operation: f < f (operator < not defined on func)")
}

/// The names -m gives literals (ir.closureName): `outer.funcN` in source order, `.N` nested;
/// a reassigned capture moves to the heap when the funcval escapes. The first three lines are
/// Go 1.19.8's for the same program (checked with -gcflags=-m, the script's lines as a Go
/// file's). The fourth is gcsh's own: a literal called where it is written does not escape —
/// Go 1.19.8 inlines that literal (`inlining call to outer.func2`) and so prints nothing for it,
/// which gcsh will match once it inlines literals.
@Test func literalsAreNamedAndAnalysedAsGoDoes() throws {
  let (_, _, interp) = try interpret("""
    var keep func() int
    func outer() {
      a := 0
      keep = func() int {
        b := func() int { a++; return a }
        return b()
      }
      func() { a += 2 }()
    }
    outer()
    """, profile: .go119)
  let lines = Set(interp.escapeDecisions)
  #expect(lines.contains("test.gcs:3:3: moved to heap: a"))
  #expect(lines.contains("test.gcs:4:10: func literal escapes to heap"))
  #expect(lines.contains("test.gcs:5:10: func literal does not escape"))
  #expect(lines.contains("test.gcs:8:3: func literal does not escape"))
}

/// A call through a local assigned a declared function once is a call of that function for the
/// inliner (inl.go inlCallee: ir.StaticValue): `g := double; g(x)` inlines double, at the
/// call's cost. Go 1.20+ resolves it in an inlined copy too; Go 1.19's copies do not. The
/// operand fmt boxes is then the inlined call's result, `~r0` (Go 1.19: `~R0`), at the call.
/// Expected lines: `go build -gcflags=-m` of this program with Go 1.27.3 and Go 1.19.8.
@Test(arguments: [("go1.27", true), ("go1.19", false)])
func staticCalleesAreInlined(_ profileName: String, _ unified: Bool) throws {
  let program = """
    package main

    import "fmt"

    func double(x int) int { return 2 * x }

    func viaLocal(x int) int {
    \tg := double
    \treturn g(x) + 1
    }

    func viaReassigned(x int) int {
    \tg := double
    \tif x > 3 {
    \t\tg = func(y int) int { return y }
    \t}
    \treturn g(x)
    }

    func main() {
    \tfmt.Println(viaLocal(3), viaReassigned(2))
    }
    """
  let profile = try #require(RuntimeProfile.named(profileName))
  let (host, _, interp) = try interpret(program, name: "./sc.go", profile: profile)
  #expect(host.text == "7 4\n")
  // As Go 1.27.3 and 1.19.8 print them, in their order: Go 1.20+ decides a literal's
  // inlinability with its function's, Go 1.19 after inlining into the function.
  var expected = ["./sc.go:5:6: can inline double", "./sc.go:7:6: can inline viaLocal"]
  let literal = "./sc.go:15:7: can inline viaReassigned.func1"
  expected += unified ? [literal, "./sc.go:9:10: inlining call to double"] : ["./sc.go:9:10: inlining call to double", literal]
  expected += ["./sc.go:21:22: inlining call to viaLocal", "./sc.go:21:13: inlining call to fmt.Println"]
  if unified { expected.append("./sc.go:21:22: inlining call to double") }
  expected += [
    "./sc.go:15:7: func literal does not escape", "./sc.go:21:13: ... argument does not escape",
    "./sc.go:21:22: \(unified ? "~r0" : "~R0") escapes to heap",
    "./sc.go:21:40: viaReassigned(2) escapes to heap",
  ]
  #expect(interp.escapeDecisions == expected)
}

/// pkgfuncvalues: package functions as values — unicode.IsSpace given to strings.FieldsFunc and
/// to a program's function, strings.ToUpper and strings.TrimSpace in locals, math's functions in
/// a map and a slice: Go's static funcvals, so nothing is allocated; `%T` prints the signature
/// (`func(int32) bool`); a local holding math.Abs is a call of math.Abs, inlined, one holding
/// unicode.IsSpace a call through the value. Printed and -m as Go 1.27.3 and 1.19.8, but for
/// a gap gcsh has for any function: it does not inline a call through a parameter of a
/// function inlined into its caller (`apply(math.Sqrt, 2)`: Go then inlines math.Sqrt).
@Test(arguments: ["1.27.3", "1.19.8"])
func packageFunctionsAsValuesAreStaticFuncvals(_ version: String) throws {
  let c = try RecordedRun("pkgfuncvalues").compared(version) { line in
    !line.hasPrefix("#")
      && !(line.hasPrefix("./main.go:42:") && line.contains("inlining call to math."))
  }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains("store: 0 0 pass: 0 0 map read: 0 0"))
  #expect(c.gcsh == c.go)
  // A function gcsh has no value signature for is still named.
  #expect(failure("f := fmt.Println\nf(1)")?.kind.message == "function values (fmt.Println used without a call) are not supported by gcsh yet")
}
