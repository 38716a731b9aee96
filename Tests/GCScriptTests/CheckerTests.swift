// The checker: Go's type rules before anything runs, with go build's wording, and every Go
// construct gcsh lacks named at its place.

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// The checker's errors for a source (rendered), or [] when it type-checks.
func checkErrors(_ code: String, profile: RuntimeProfile = .go127) -> [String] {
  let source = Source(name: "test.gcs", text: code)
  var parser = Parser(source)
  let stmts = parser.parseProgram()
  if !parser.errors.isEmpty { return parser.errors.map { $0.located(in: source).rendered } }
  let checker = Checker(profile: profile)
  if checker.check(stmts, source: source) == nil { return checker.errors.map(\.rendered) }
  return []
}

/// Every lesson and example checks cleanly.
@Test(arguments: exampleFiles())
func examplesTypeCheck(_ path: String) throws {
  let text = try String(contentsOfFile: path, encoding: .utf8)
  #expect(checkErrors(text) == [], "\(path)")
}

func exampleFiles() -> [String] {
  let dir = String(#filePath.split(separator: "/").dropLast(3).joined(separator: "/"))
  let names = [
    "seed.gcs", "seed.go", "seed-3m.gcs", "drop-and-wait.gcs", "01-nil-does-not-free.gcs",
    "02-when-does-the-gc-run.gcs", "03-the-scavengers-delay.gcs", "04-madv-free.gcs",
    "05-activity-monitor.gcs", "06-gc-versus-freeosmemory.gcs", "07-which-number-to-trust.gcs",
    "08-containers-and-gomemlimit.gcs", "09-retention.gcs", "10-gogc-and-the-heap-minimum.gcs",
    "11-maps-do-not-shrink.gcs",
  ]
  return names.map { "/" + dir + "/examples/" + $0 }
}

/// One recorded case: a Go program and what go build 1.27.3 said about it
/// (Tests/Recordings/checker/record.py made go1.27.3.json).
struct RecordedCheck: CustomTestStringConvertible, Sendable {
  let source: String
  let goErrors: [String]
  let body: String
  /// Go's first error with the lines it prints under it (`\thave (int)`, `\twant ()`, a
  /// declaration's position as `main.go:5:3`).
  var goFirstMessage: String? {
    guard let first = goErrors.first else { return nil }
    let more = goErrors.dropFirst().prefix { $0.hasPrefix("\t") }.map { $0.replacingOccurrences(of: "./main.go:", with: "main.go:") }
    return ([first.replacingOccurrences(of: "./main.go:", with: "")] + more).joined(separator: "\n")
  }
  var testDescription: String { body.isEmpty ? source.split(separator: "\n").dropFirst(2).first.map(String.init) ?? "" : body }
}

func recordedChecks() -> [RecordedCheck] {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  let url = dir.appendingPathComponent("Recordings/checker/go1.27.3.json")
  guard let data = try? Data(contentsOf: url),
    let cases = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
  else { return [] }
  return cases.map {
    RecordedCheck(
      source: $0["src"] as? String ?? "", goErrors: $0["go"] as? [String] ?? [],
      body: $0["body"] as? String ?? "")
  }
}

/// Where gcsh knowingly differs from go build's first line, and why.
let knownCheckerDifferences: [String: String] = [
  // Go keeps untyped float constants exact; gcsh holds doubles and prints 1e+30.
  "n := int(1e30); _ = n": "6:10: cannot convert 1e30 (untyped float constant 1e+30) to type int",
  // go build reports the mismatch at the right operand of a comparison, gcsh at the expression.
  "var x string; _ = x < 1": "6:19: invalid operation: x < 1 (mismatched types string and untyped int)",
  // gcsh's parser does not take a call as an assignment's target (a syntax error), so the
  // checker never sees that the call has two values.
  "two() = 1": "6:1: cannot assign to this expression",
  // Go reports an unused variable beside other errors; gcsh only when there are none (a
  // statement that failed to check may not have marked what it uses: Checker+Unused.swift).
  "var x int; x = 1.5": "6:16: cannot use 1.5 (untyped float constant) as int value in assignment (truncated)",
  // types2 prints a signature with its parameters' names (`func(s string) int`); gcsh's
  // function types keep no names.
  "var f func(int) int = func(s string) int { return 0 }; _ = f":
    "6:23: cannot use func(s string) int {…} (value of type func(string) int) as func(int) int value in variable declaration",
]

/// gcsh's checker says what go build says: the same first line (message, line and column), for
/// programs Go rejects; for programs Go accepts, nothing — or the construct gcsh lacks, named.
@Test(arguments: recordedChecks())
func checkerAgreesWithGoBuild(_ c: RecordedCheck) {
  let mine = checkErrors(c.source).first.map { line in
    String(line.split(separator: "\n").first ?? "").replacingOccurrences(of: "test.gcs:", with: "")
      .replacingOccurrences(of: "error: ", with: "")
  }
  guard let go = c.goErrors.first?.replacingOccurrences(of: "./main.go:", with: "") else {
    #expect(mine == nil || mine!.hasSuffix("not supported by gcsh yet"), "Go accepts it; gcsh said \(mine ?? "")")
    return
  }
  #expect(mine == (knownCheckerDifferences[c.body] ?? go))
}

/// The whole of Go's first message where it has more lines — `have (int, int)` and `want
/// (int)` under a count error, the inner declaration under `result parameter n not in scope`
/// — for the cases of several results and variadic calls.
@Test(arguments: recordedChecks().filter {
  // (gcsh prints neither a redeclaration's other declaration nor a type cycle's positions.)
  ($0.goFirstMessage ?? "").contains("\n") && !$0.goFirstMessage!.contains("redeclared") && !$0.goFirstMessage!.contains("recursive")
})
func multiLineMessagesAgreeWithGoBuild(_ c: RecordedCheck) {
  let source = Source(name: "main.go", text: c.source)
  var parser = Parser(source)
  let stmts = parser.parseProgram()
  let checker = Checker(profile: .go127)
  #expect(checker.check(stmts, source: source) == nil)
  let mine = checker.errors.first.map { "\($0.line):\($0.column): \($0.kind.message)" }
  #expect(mine == c.goFirstMessage)
}

@Test func recordedCheckerCasesAreThere() {
  #expect(recordedChecks().count >= 70)
}

/// An import of a package gcsh lacks is one error, at its path; the program's uses of its name
/// add none ("a declaration that failed does not make its later uses undefined"). So is a
/// generic type: its methods and instantiations are not reported again, and neither is the
/// composite literal of a struct whose declaration failed.
@Test func unsupportedDeclarationsAreReportedOnce() {
  let imports = checkErrors("""
    package main

    import (
    \t"fmt"
    \t"unique"
    )

    func main() {
    \th := unique.Make("a")
    \tvar c unique.Handle[string] = h
    \tfmt.Println(c, h.Value())
    }
    """)
  #expect(imports == ["test.gcs:5:2: error: package unique is not supported by gcsh yet\n\t\"unique\"\n\t^"])
  // Go 1.27's generic methods are named once, as what gcsh lacks; a generic type and its
  // methods are not (GenericsTests).
  let generic = checkErrors("""
    type Stack[T any] struct{ items []T }
    func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
    func (s *Stack[T]) Map[U any](f func(T) U) []U { return nil }
    var s Stack[int]
    """)
  #expect(generic.count == 1 && generic[0].hasPrefix("test.gcs:3:23: error: methods with type parameters (generic methods) are not supported"), "\(generic)")
  // `~` outside a constraint is gc's error (go build of Go 1.27.3).
  #expect(syntaxErrors("x := ~5").map(\.kind.message) == ["cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)"])
  let failedStruct = checkErrors("""
    type Dog struct {
    \tBase complex128
    \tAge int
    }
    d := Dog{nil, 3}
    """)
  #expect(failedStruct.count == 1 && failedStruct[0].hasPrefix("test.gcs:2:7: error: complex numbers are not supported"), "\(failedStruct)")
  // Complex numbers named wherever they are written: a conversion, an imaginary literal, a
  // builtin (they were `undefined: complex128` and a malformed unit literal).
  for (code, column) in [("x := complex128(0)", 6), ("x := 1i", 6), ("x := 2.5i + 1", 6), ("x := real(3)", 6)] {
    let errors = checkErrors(code + "\n_ = x")
    #expect(errors.first?.hasPrefix("test.gcs:1:\(column): error: complex numbers are not supported by gcsh yet") == true, "\(code): \(errors)")
  }
}

/// A renamed import names the package; a blank one binds nothing; a dot import is named.
@Test func importNames() throws {
  let (out, _, _) = try run("""
    package main

    import (
    \tf "fmt"
    \t_ "strings"
    \trt "runtime"
    )

    func main() {
    \tvar m rt.MemStats
    \trt.ReadMemStats(&m)
    \tf.Println("GCs:", m.NumGC)
    }

    """)
  #expect(out == "GCs: 0\n")
  #expect(checkErrors("import . \"fmt\"\nPrintln(1)").first?.hasPrefix("test.gcs:1:10: error: dot imports (import . \"fmt\") are not supported") == true)
}


/// unsafe.Sizeof, Alignof and Offsetof are uintptr constants of the operand's layout; the
/// operand is not evaluated (a make inside allocates nothing); the rest of unsafe is named as
/// unsupported, and misuse gets types2's words. (Values against Go: the corpus's
/// unsafe-sizeof-padding.)
@Test func unsafeConstants() throws {
  let (out, _, rt) = try run("""
    package main

    import (
    \t"fmt"
    \t"unsafe"
    )

    type P struct {
    \ta byte
    \tb [3]int32
    \tc *P
    }

    const size = unsafe.Sizeof(P{})

    func main() {
    \tvar p P
    \tfmt.Println(size, unsafe.Alignof(p.b), unsafe.Offsetof(p.c), unsafe.Sizeof(make([]int, 1<<20)))
    \tvar arr [size]byte
    \tfmt.Println(len(arr))
    }

    """)
  #expect(out == "24 4 16 24\n24\n")
  #expect(rt.memStats().totalAlloc < 1 << 20)
  #expect(checkErrors("import \"unsafe\"\nvar x int\nn := unsafe.Offsetof(x)").first?.hasPrefix(
    "test.gcs:3:22: error: invalid argument: x is not a selector expression") == true)
  #expect(checkErrors("import \"unsafe\"\nvar p unsafe.Pointer\n_ = p").isEmpty)
  #expect(checkErrors("import \"unsafe\"\nn := unsafe.Sizeof(1, 2)").first?.hasPrefix(
    "test.gcs:2:6: error: too many arguments for unsafe.Sizeof(x) (expected 1, found 2)") == true)
}

/// Embedded fields: types2's errors, at Go's positions (go build 1.27.3 printed these).
@Test func embeddedFieldErrors() {
  let errors = checkErrors("""
    package main

    type A struct{ X int }
    type B struct{ X int }
    type C struct {
    \tA
    \tB
    }
    type I interface{ M() }
    type P struct{ *I }

    func main() {
    \tvar c C
    \t_ = c.X
    }
    """)
  #expect(errors.map { String($0.prefix { $0 != "\n" }) } == [
    "test.gcs:10:16: error: embedded field type cannot be a pointer to an interface",
    "test.gcs:14:8: error: ambiguous selector c.X",
  ])
}


/// `type A = B` names B's type again (an alias: identical to it, with its methods, printed as
/// it), at the top level and in a function; output as `go run` of Go 1.27.3 prints it.
@Test func anAliasIsTheSameType() throws {
  let (out, _, _) = try run("""
    type Celsius = float64
    type T struct{ n int }
    func (t T) Get() int { return t.n }
    type U = T
    var c Celsius = 21.5
    var f float64 = c
    fmt.Println(c+f, fmt.Sprintf("%T", c))
    u := U{n: 3}
    var t T = u
    fmt.Println(u.Get(), t.Get(), fmt.Sprintf("%T %v", u, u))
    func local() {
    \ttype L = []string
    \tvar l L = []string{"x", "y"}
    \tfmt.Println(len(l), fmt.Sprintf("%T", l))
    }
    local()
    """)
  #expect(out == "43 float64\n3 3 main.T {3}\n2 []string\n")
  #expect(failure("type A = int\ntype A = string")?.kind.message == "A redeclared in this block")
}

/// Go 1.19's words for unused variables and imports, and its refusal of range over an integer
/// (Go 1.22), as go build 1.19.8 printed them for these programs (checked by hand with
/// /usr/lib/go-1.19/bin/go build): the rules are Go 1.27's (checkerAgreesWithGoBuild).
@Test func unusedAndRangeOverIntInGo119sWords() {
  func errors(_ body: String, imports: String = "") -> [String] {
    let source = "package main\n\n\(imports)\nfunc main() {\n\(body)\n}\n"
    return checkErrors(source, profile: .go119).map { String($0.split(separator: "\n")[0]) }
  }
  #expect(errors("x := 1") == ["test.gcs:5:1: error: x declared but not used"])
  #expect(errors("var e any = 1; switch t := e.(type) { case int: }") == ["test.gcs:5:23: error: t declared but not used"])
  #expect(errors("", imports: "import \"os\"\n") == ["test.gcs:3:8: error: imported and not used: \"os\""])
  #expect(errors("", imports: "import r \"math/rand\"\n") == ["test.gcs:3:8: error: imported and not used: \"math/rand\" as r"])
  #expect(errors("for k := range 3 { _ = k }") == ["test.gcs:5:16: error: cannot range over 3 (untyped int constant)"])
  #expect(errors("n := 3; for i := range n { _ = i }") == ["test.gcs:5:24: error: cannot range over n (variable of type int)"])
  // A name Go 1.20 added is undefined in Go 1.19 (Tests/Recordings/stdapi/go1.19.8.txt lacks
  // it); one Go 1.19 has but gcsh lacks is named.
  #expect(errors("x, _ := strings.CutPrefix(\"ab\", \"a\"); _ = x", imports: "import \"strings\"\n")
    == ["test.gcs:6:17: error: undefined: strings.CutPrefix"])
  #expect(errors("var m sync.Map; _ = m", imports: "import \"sync\"\n") == ["test.gcs:6:7: error: sync.Map is not supported by gcsh yet"])
  #expect(errors("var m sync.Mutexx; _ = m", imports: "import \"sync\"\n") == ["test.gcs:6:12: error: undefined: sync.Mutexx"])
  // A script is not a Go file: it may leave a variable unused, and range over an integer with
  // any runtime profile.
  #expect(checkErrors("x := 1\nfor i := range 3 { y := i }", profile: .go119) == [])
}

/// Every error of a program with several, each as go build -gcflags=-e (Go 1.27.3) prints it:
/// expressions quoted as types2 quotes them, and a variable whose declaration failed keeping
/// its written type, so that its later misuse is reported too (`var y string = x + 1`).
@Test func everyErrorAsGoBuildPrintsThem() {
  let source = """
    package main

    func f(a, b int) int { return a + b }

    func main() {
    \tvar x int = []int{1,2}
    \tvar y string = x+1
    \tvar z bool = f(x,2)*3
    \tvar w int = "a"+"b"
    \t_, _, _, _ = x, y, z, w
    \tvar s []int
    \ts = append(s, "q"+"r")
    \tvar m map[string]int = map[string]int{"a":1}
    \t_ = m["k"+"j"] + "s"
    \tvar q uint8 = 1<<8
    \t_ = q
    }

    """
  let goBuild = """
    ./main.go:6:14: cannot use []int{…} (value of type []int) as int value in variable declaration
    ./main.go:7:17: cannot use x + 1 (value of type int) as string value in variable declaration
    ./main.go:8:15: cannot use f(x, 2) * 3 (value of type int) as bool value in variable declaration
    ./main.go:9:14: cannot use "a" + "b" (untyped string constant "ab") as int value in variable declaration
    ./main.go:12:16: cannot use "q" + "r" (untyped string constant "qr") as int value in argument to append
    ./main.go:14:6: invalid operation: m["k" + "j"] + "s" (mismatched types int and untyped string)
    ./main.go:15:16: cannot use 1 << 8 (untyped int constant 256) as uint8 value in variable declaration (overflows)
    """
  let mine = checkErrors(source).map { String($0.split(separator: "\n")[0]).replacingOccurrences(of: "test.gcs:", with: "./main.go:").replacingOccurrences(of: "error: ", with: "") }
  #expect(mine == goBuild.split(separator: "\n").map(String.init))
}

/// A Go file's package-level variables are initialized after those their initializers depend
/// on, through the functions they call too; constants may be used before their declaration
/// (Checker+InitOrder.swift). What `go run` printed, Go 1.27.3: `f 1`, then `11 10 1 6 3`.
@Test func packageVariablesInitializeInDependencyOrder() throws {
  let (out, _, _) = try run("""
    package main

    import "fmt"

    var (
    \ta     = b + 1
    \tb     = f()
    \ttotal int
    )

    var d = c * 2

    const c = e
    const e = 3

    func f() int { total++; fmt.Println("f", total); return 10 }

    func main() {
    \tfmt.Println(a, b, total, d, c)
    }

    """)
  #expect(out == "f 1\n11 10 1 6 3\n")
}
