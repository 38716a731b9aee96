// GoExporter: GCScript's tree printed as Go, checked as text (gofmt's layout was checked by hand
// against gofmt 1.27.3, and gcshTests runs gofmt on every exported lesson).

@testable import GCScript
import GoHeap
import Testing

private func export(_ text: String, _ profile: RuntimeProfile = .go127, expects: Bool = false) throws -> String {
  try GoExporter.export(Source(name: "t.gcs", text: text), profile: profile,
                        options: GoExportOptions(checkpointExpectations: expects))
}

/// go/printer's blanks around binary operators (nodes.go binaryExpr, cutoff).
@Test(arguments: [
  ("x := 64<<20 + 1", "x = 64<<20 + 1"),
  ("x := make([]byte, 64<<20)", "x = make([]byte, 64<<20)"),
  ("x := 1 << 20", "x = 1 << 20"),
  ("a := 2; b := a*3 + 4", "b = a*3 + 4"),
  ("a := 2; b := -a - -a", "b = -a - -a"),
  ("a := 2; b := a / *(&a)", "b = a / *(&a)"),
  ("a := 2; b := a < 1<<20 && a > 0", "b = a < 1<<20 && a > 0"),
  ("s := []int{1, 2, 3}; t := s[1:len(s)-1]", "t = s[1 : len(s)-1]"),
])
func binaryLayoutIsGofmts(_ c: (String, String)) throws {
  let go = try export(c.0)
  #expect(go.contains("\t" + c.1 + "\n"), "\(go)")
}

/// GCScript's own spellings become Go's.
@Test func conveniencesBecomeGo() throws {
  let go = try export("""
    x := make([]byte, 1)
    sleep 2m30s
    sleep 150ms
    set GOGC=50
    set GOMEMLIMIT=200MiB
    set GOMEMLIMIT=off
    gc
    free
    y := 4GB / 3 + 1MiB
    for i := 0; i < 3; i++ {
    \tz = i
    \t_ = z
    }
    stats "minute ", y
    stats os
    expect RSS < 10MiB
    """, .go119)
  for line in [
    "\ttime.Sleep(150 * time.Second)", "\ttime.Sleep(150 * time.Millisecond)",
    "\tdebug.SetGCPercent(50)", "\tdebug.SetMemoryLimit(200 << 20)", "\tdebug.SetMemoryLimit(math.MaxInt64)",
    "\truntime.GC()", "\tdebug.FreeOSMemory()", "\ty = 4000000000/3 + (1 << 20)", "\t\tz := i",
    "\tgcshStats(\"minute \", y)", "\tgcshStats()", "\t// gcsh: expect RSS < 10MiB", "var x []uint8", "var y int",
    "\t\"math\"", "\t\"runtime/debug\"",
  ] {
    #expect(go.contains(line + "\n"), "missing \(line)")
  }
  #expect(!go.contains("\"fmt\""))
}

/// `verify`'s tree: a checkpoint before each top-level expectation, labelled with it.
@Test func expectationsBecomeCheckpoints() throws {
  let go = try export("x := 1\nexpect NumGC == 0\n", expects: true)
  #expect(go.contains("\tgcshStats(\"expect NumGC == 0 (line 2)\")\n\t// gcsh: expect NumGC == 0\n"))
}

/// Declarations stay at package level, as written; a const group keeps its implicit repetition.
@Test func declarationsKeepTheirShape() throws {
  let go = try export("""
    type Node struct { next *Node; value [6]uint64 }
    const (
    \tKB = 1 << (10 * (iota + 1))
    \tMB
    )
    func (n *Node) Len() (count int) {
    \tfor p := n; p != nil; p = p.next {
    \t\tcount++
    \t}
    \treturn
    }
    head := &Node{}
    print head.Len(), KB, MB
    """)
  #expect(go.contains("type Node struct {\n\tnext  *Node\n\tvalue [6]uint64\n}\n"))
  #expect(go.contains("const (\n\tKB = 1 << (10 * (iota + 1))\n\tMB\n)\n"))
  #expect(go.contains("func (n *Node) Len() (count int) {\n\tfor p := n; p != nil; p = p.next {\n\t\tcount++\n\t}\n\treturn\n}\n"))
  #expect(go.contains("var head *Node\n"))
  #expect(go.contains("\tfmt.Println(head.Len(), KB, MB)\n"))
}

/// `//go:noinline` keeps its meaning in the real program (lesson 20's factory that is not
/// inlined allocates 2 objects a call in the exported program as in gcsh).
@Test func noinlineDirectivesAreExported() throws {
  let go = try export("""
    //go:noinline
    func make2() []int { return make([]int, 2) }
    print len(make2())
    """)
  #expect(go.contains("//go:noinline\nfunc make2() []int {"))
}

/// A script with an error exports nothing.
@Test func errorsExportNothing() {
  #expect(throws: CompileErrors.self) { try export("x := [3 int") }
  #expect(throws: CompileErrors.self) { try export("var s string = 1") }
}
