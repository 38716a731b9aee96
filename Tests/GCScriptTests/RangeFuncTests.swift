// Range over functions (Go 1.23 iterators), rewritten as the compiler rewrites them
// (Check/Checker+RangeFunc.swift), against recorded Go 1.27.3 runs: Tests/Recordings/runs/rangefunc
// (what the loops do: every kind of jump out of a body, results through nested bodies, the
// runtime errors of a misbehaving iterator) and runs/rangefuncescape (the body literals' names,
// inlining and escape decisions, and what they allocate), and types2's words for the iterators
// Go rejects (each checked with go build 1.27.3).

@testable import GCScript
import GoHeap
import Testing

@Test func rangeOverFunctionsRunAsGos() throws {
  let c = try RecordedRun("rangefunc").compared("1.27.3") { _ in false }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains("range function continued iteration after whole loop exit"))
}

/// The bodies are literals named `main-range1`, ... (after the function's own literals in
/// CanInlineFuncs' order); a body passed to an iterator that keeps `yield` to itself stays in the
/// frame (0 mallocs); one an iterator stores escapes with the variables it captures by reference
/// and its #state variable — which Go 1.27 gives one allocation with the variable declared just
/// before the loop (2 mallocs, not 3).
@Test func rangeOverFunctionsEscapeAsGos() throws {
  let run = try RecordedRun("rangefuncescape")
  let c = try run.compared("1.27.3") { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains("mallocs: gen loop 0 leaky loop 2\nnested 15\n"))
  #expect(c.gcsh == c.go)
  #expect(c.go.contains("./main.go:82:2: moved to heap: #state3"))
  let inlining = { (line: String) in line.hasPrefix("./main.go:") && line.contains("inline") }
  let ordered = try run.compared("1.27.3", inlining, sorted: false)
  #expect(ordered.gcsh == ordered.go)
}

@Test func rangeOverFunctionsInScripts() throws {
  // A script may range over a function in any profile (the rewrite is the compiler's); the
  // body's variables are new each iteration, so closures keep each one.
  let program = """
    func Count(n int) func(func(int) bool) {
      return func(yield func(int) bool) {
        for i := 0; i < n; i++ { if !yield(i) { return } }
      }
    }
    var fs []func() int
    for i := range Count(3) { fs = append(fs, func() int { return i * i }) }
    for _, f := range fs { print f() }
    """
  for profile in [RuntimeProfile.go127, .go119] {
    let (out, _, rt) = try run(program, profile: profile)
    #expect(out == "0\n1\n4\n")
    try rt.checkInvariants()
  }
}

/// types2 range.go rangeKeyVal's words (go build 1.27.3), with the iterator's signature as
/// types2 prints a declared function's (parameter names kept); before Go 1.23 a Go file gets
/// that Go's plain "cannot range over".
@Test func badIteratorsAreTypes2Errors() {
  func message(_ decl: String, _ loop: String) -> String? {
    failure("package main\n\n\(decl)\nfunc main() { \(loop) }\n")?.kind.message
  }
  let shape = "func must be func(yield func(...) bool)"
  #expect(message("func f(yield func(int) bool, x int) {}", "for x := range f { _ = x }")
    == "cannot range over f (value of type func(yield func(int) bool, x int)): \(shape): wrong argument count")
  #expect(message("func f(yield func(int) bool) int { return 0 }", "for x := range f { _ = x }")
    == "cannot range over f (value of type func(yield func(int) bool) int): \(shape): unexpected results")
  #expect(message("func f(yield int) {}", "for x := range f { _ = x }")
    == "cannot range over f (value of type func(yield int)): \(shape): argument is not func")
  #expect(message("func f(yield func(int, int, int) bool) {}", "for x := range f { _ = x }")
    == "cannot range over f (value of type func(yield func(int, int, int) bool)): \(shape): yield func has too many parameters")
  #expect(message("func f(yield func(int)) {}", "for x := range f { _ = x }")
    == "cannot range over f (value of type func(yield func(int))): \(shape): yield func does not return bool")
  #expect(message("type B bool\nfunc f(yield func(int) B) {}", "for x := range f { _ = x }")
    == "cannot range over f (value of type func(yield func(int) B)): \(shape): yield func returns user-defined boolean, not bool")
  #expect(message("func f(yield func(...int) bool) {}", "for x := range f { _ = x }")
    == "cannot range over f (value of type func(yield func(...int) bool)): yield func of type func(...int) bool cannot be variadic")
  #expect(message("func f(yield func(int) bool) {}", "for x, y := range f { _, _ = x, y }")
    == "range over f (value of type func(yield func(int) bool)) permits only one iteration variable")
  #expect(message("func f(yield func() bool) {}", "for x := range f { _ = x }")
    == "range over f (value of type func(yield func() bool)) permits no iteration variables")
  #expect(message("func f(yield func(int) bool) {}", "for x := range f { }") == "declared and not used: x")
  #expect(message("func f(yield func(int) bool) {}", "for x := range f { defer println(x) }")
    == "defer in the body of a range-over-func loop is not supported by gcsh yet")
  let old = failure("package main\n\nfunc f(yield func(int) bool) {}\nfunc main() { for x := range f { _ = x } }\n", profile: .go119)
  #expect(old?.kind.message == "cannot range over f (value of type func(yield func(int) bool))")
}

/// iter, slices' and maps' iterator functions, compiled from Go's source (Check/
/// Libraries+Iterators.swift), as a program uses them with its own iter.Seq functions:
/// Tests/Recordings/runs/iterators (Go 1.27.3).
@Test func iteratorPackagesAreGos() throws {
  let c = try RecordedRun("iterators").compared("1.27.3") { _ in false }
  #expect(c.printed == c.expected)
  #expect(c.expected.hasPrefix("[ann bob cy dee]\n[19 27 31 45]\n"))
}

@Test func iteratorPackagesInScriptsAndOlderGos() throws {
  let (out, _, rt) = try run("""
    m := map[string]int{"b": 2, "a": 1}
    for k, v := range maps.All(m) { m[k] = v * 10 }
    print slices.Sorted(maps.Values(m))
    var s iter.Seq2[int, string] = slices.All([]string{"p", "q"})
    for i, x := range s { print i, x }
    """)
  #expect(out == "[10 20]\n0 p\n1 q\n")
  try rt.checkInvariants()
  // types2's words for a generic type without its arguments; what gcsh lacks is named, and an
  // older Go has no such package.
  #expect(failure("package main\n\nimport \"iter\"\n\nvar s iter.Seq\n\nfunc main() { _ = s }\n")?.kind.message
    == "cannot use generic type iter.Seq[V any] without instantiation")
  #expect(failure("m := maps.Clone(map[int]int{})\n_ = m")?.kind.message == "maps.Clone is not supported by gcsh yet")
  #expect(failure("package main\n\nimport \"iter\"\n\nfunc main() { var s iter.Seq[int]; _ = s }\n", profile: .go119)?.kind.message
    == "package iter does not exist in go1.19: it arrived in Go 1.23")
  #expect(failure("print maps.Keys(map[int]int{})", profile: .go119)?.kind.message == "package maps does not exist in go1.19: it arrived in Go 1.21")
}

/// strings' sequences (Go 1.24), compiled from strings/iter.go: Tests/Recordings/runs/stringsiter.
@Test func stringSequencesAreGos() throws {
  let c = try RecordedRun("stringsiter").compared("1.27.3") { _ in false }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains("words up to delta: 4\n"))
}

/// cmp.Or (Go 1.22) with SortFunc, and a program's own iter.Seq2 built on the iterator packages:
/// Tests/Recordings/runs/sortedgroups.
@Test func sortedGroupsAreGos() throws {
  let c = try RecordedRun("sortedgroups").compared("1.27.3") { _ in false }
  #expect(c.printed == c.expected)
  #expect(c.expected.hasPrefix("[{Bob 25} {Ann 30} {Cy 30} {Di 41}]\n25: Bob\n"))
}

/// Found by a second read, each checked with go run 1.27.3: `k, v = #p1, #p2` comes before the
/// state check (a misbehaving iterator's second value is assigned before the panic); a loop
/// variable of interface type takes the value boxed; a `_` result named by the rewrite is not
/// looked up by a bare return; a return's count is the function's; library generics
/// instantiate explicitly.
@Test func rangeOverFunctionsCornerCases() throws {
  let (out, _, rt) = try run("""
    package main

    import (
    \t"fmt"
    \t"iter"
    \t"slices"
    )

    func bad(yield func(int) bool) { yield(1); yield(2) }

    func first(seq func(func(int) bool)) (_ int, ok bool) {
    \tfor x := range seq {
    \t\treturn x, true
    \t}
    \treturn
    }

    func main() {
    \tvar x int
    \tfunc() {
    \t\tdefer func() { fmt.Println(recover(), x) }()
    \t\tfor x = range bad {
    \t\t\tbreak
    \t\t}
    \t}()
    \tvar a any
    \tfor a = range func(y func(int) bool) { y(7) } {
    \t\tfmt.Println(a)
    \t}
    \tfmt.Println(first(func(y func(int) bool) { y(3) }))
    \ts := iter.Seq[int](func(y func(int) bool) { y(4); y(5) })
    \tfmt.Println(slices.Collect[int](s))
    }
    """)
  #expect(out == "runtime error: range function continued iteration after function for loop body returned false 2\n7\n3 true\n[4 5]\n")
  try rt.checkInvariants()
  #expect(failure("package main\n\nfunc three(seq func(func(int) bool)) (int, int, int) {\n\tfor x := range seq {\n\t\treturn x, x\n\t}\n\treturn 0, 0, 0\n}\n\nfunc main() { three(nil) }\n")?.kind.message
    == "not enough return values\n\thave (int, int)\n\twant (int, int, int)")
}

/// A heap-aggregation group opened in one branch never reaches into the next (each branch is a
/// basic block): the else branch's and the second clause's variables get objects of their own.
@Test func aggregationEndsAtBranches() throws {
  let (out, _, rt) = try run("""
    package main

    import "fmt"

    var n = 3
    var p, q *int

    func main() {
    \tif n > 100 {
    \t\tx := 1
    \t\tp = &x
    \t} else {
    \t\ty := 2
    \t\tq = &y
    \t\tfmt.Println(*q)
    \t}
    \tswitch n {
    \tcase 1:
    \t\ta := 1
    \t\tp = &a
    \tcase 3:
    \t\tb := 5
    \t\tq = &b
    \t\tfmt.Println(*q)
    \t}
    }
    """)
  #expect(out == "2\n5\n")
  try rt.checkInvariants()
}

/// runs/iteratorallocs: the library's iterators inlined with their literals and the loop bodies
/// given to them: Sorted(maps.Keys(m)) allocates its escaping result as append grows it (6
/// mallocs), Collect(maps.Values(m)) kept in main builds it in the frame's append buffer (0),
/// and All and Backward loops allocate nothing — as Go 1.27.3.
@Test func libraryIteratorsAllocateAsGos() throws {
  let c = try RecordedRun("iteratorallocs").compared("1.27.3") { _ in false }
  #expect(c.printed == c.expected)
  #expect(c.expected == "4 4 70 6 0 0\n")
}
