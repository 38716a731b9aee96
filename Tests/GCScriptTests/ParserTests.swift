// Every grammar rule parses; every syntax error has its message, location and recovery.

@testable import GCScript
import Testing

@Test(arguments: [
  "package main",
  "import \"fmt\"",
  "import (\n\"fmt\"\n\"time\"\n)",
  "func f(a, b int, c []byte) int { return a }",
  "type Node struct { next *Node; v [6]uint64 }",
  "type Celsius float64",
  "var x int",
  "var x, y = 1, 2",
  "var ( a int; b = 3 )",
  "const N = 10_000_000",
  "const ( A = 1; B = 2 )",
  "x = 1",
  "x := make([]uint32, 10, 20)",
  "x += 2; x++; x--",
  "a, b = b, a",
  "p.next.v[3] = 7",
  "*p = 3",
  "if x > 1 { y = 2 } else if x < 0 { y = 3 } else { y = 4 }",
  "if v := f(); v > 0 { }",
  "for i := 0; i < 10; i++ { continue }",
  "for x < 10 { break }",
  "for { }",
  "for i := range 10 { }",
  "for i, v := range s { }",
  "for kk, _ := range tmp { tmp[kk] = 0 }",
  "for range s { }",
  "sleep 5s",
  "sleep 2*time.Minute + 30*time.Second",
  "time.Sleep(5 * time.Second)",
  "gc",
  "runtime.GC()",
  "free",
  "debug.FreeOSMemory()",
  "stats",
  "stats \"label\"",
  "set GOGC=50",
  "set GOGC=off",
  "set GOMEMLIMIT=200MiB",
  "debug.SetGCPercent(50)",
  "print a, b",
  "fmt.Println(a, b)",
  "x := &Node{v: [6]uint64{1, 2}}",
  "s := []byte{}",
  "a := [3]int{1, 2, 3}",
  "t := s[1:3]; u := s[:2]; w := s[1:]; z := s[1:2:3]",
  "y := uint64(i) * 2 % 3 << 1 & ^x",
  "b := !ok && (x == 1 || y != 2)",
  "n := len(s) + cap(s)",
  "s = append(s, 1, 2); s = append(s, t...)",
  "free := 3; stats := free + 1; print(stats)",
])
func parses(_ source: String) {
  let errors = syntaxErrors(source)
  #expect(errors.isEmpty, "\(errors.map(\.rendered))")
}

struct SyntaxErrorCase: CustomTestStringConvertible, Sendable {
  let source: String
  let rendered: String
  var testDescription: String { rendered.split(separator: "\n").first.map(String.init) ?? "" }
}

@Test(arguments: [
  SyntaxErrorCase(source: "x := s[1:2", rendered: "test.gcs:1:11: error: unexpected end of input, expected ']'\nx := s[1:2\n          ^"),
  SyntaxErrorCase(source: "x := [3 int", rendered: "test.gcs:1:9: error: expected ']' after array length, found 'int'\nx := [3 int\n        ^"),
  SyntaxErrorCase(source: "x := f(1, 2\ny := 3", rendered: "test.gcs:2:1: error: expected ')' after arguments, found 'y'\ny := 3\n^"),
  SyntaxErrorCase(source: "if x { ", rendered: "test.gcs:1:8: error: unexpected end of input, expected '}'\nif x { \n       ^"),
  SyntaxErrorCase(source: "x := ", rendered: "test.gcs:1:6: error: unexpected end of input, expected expression\nx := \n     ^"),
  SyntaxErrorCase(source: "func (", rendered: "test.gcs:1:6: error: expected function name, found '('\nfunc (\n     ^"),
  SyntaxErrorCase(source: "3 = x", rendered: "test.gcs:1:1: error: cannot assign to this expression\n3 = x\n^"),
  SyntaxErrorCase(source: "x := 1 2", rendered: "test.gcs:1:8: error: expected end of statement, found '2'\nx := 1 2\n       ^"),
  SyntaxErrorCase(source: "set = ", rendered: "test.gcs:1:7: error: unexpected end of input, expected expression\nset = \n      ^"),
  SyntaxErrorCase(source: "type T struct { a int", rendered: "test.gcs:1:22: error: unexpected end of input, expected field name\ntype T struct { a int\n                     ^"),
])
func syntaxError(_ c: SyntaxErrorCase) {
  let errors = syntaxErrors(c.source)
  #expect(errors.first?.rendered == c.rendered)
}

@Test func recoversAndReportsEveryError() {
  let errors = syntaxErrors("x := )\ny := 2\nz := ]\nprint y")
  #expect(errors.count == 2)
  #expect(errors.map(\.line) == [1, 3])
}

@Test func incompleteInputIsItsOwnCase() {
  for src in ["for i := 0; i < 3; i++ {", "func f() {\n  x := 1", "x := [3]int{1,", "/* open"] {
    #expect(Interpreter.parse(Source(name: "r", text: src)).incomplete, "\(src)")
  }
  #expect(!Interpreter.parse(Source(name: "r", text: "x := )")).incomplete)
}

@Test func seedGoParsesUnchanged() {
  let seed = """
    package main
    import ("fmt"
    "time"
    )
    func main() {
    fmt.Println("getting memory")
    tmp := make([]uint32, 100000000)
    for kk, _ := range tmp {
    tmp[kk] = 0
    }
    time.Sleep(5 * time.Second)
    return
    }
    """
  #expect(syntaxErrors(seed).isEmpty)
}
