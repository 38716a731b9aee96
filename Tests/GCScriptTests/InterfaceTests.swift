// Interfaces through every stage: the checker's typed tree for conversions, assertions and
// interface calls; the run-time panics in Go 1.27.3's words (each message below is what
// `go run` printed for the same statements); boxes on the heap or in the frame as escape
// analysis decides, counted by the runtime.

import GoHeap
import Testing

@testable import GCScript

private let decls = """
  import "time"
  var _ = time.Second
  type I interface{ M() }
  type T struct{ n int }
  func (t T) M() {}
  type U struct{}

  """

/// The message a program panics with, from its first line.
private func panicMessage(_ body: String) -> String? {
  guard let e = failure(decls + "func main() {\n" + body + "\n}\n") else { return nil }
  return e.kind.message.split(separator: "\n").first.map(String.init)
}

@Test(arguments: [
  ("var a any = \"s\"; _ = a.(int)", "panic: interface conversion: interface {} is string, not int"),
  ("var a any; _ = a.(int)", "panic: interface conversion: interface {} is nil, not int"),
  ("var a any = U{}; _ = a.(I)", "panic: interface conversion: main.U is not main.I: missing method M"),
  ("var a, b any = []int{1}, []int{1}; _ = a == b", "panic: runtime error: comparing uncomparable type []int"),
  ("var i I; i.M()", "panic: runtime error: invalid memory address or nil pointer dereference"),
  ("var p *T; var i I = p; i.M()", "panic: runtime error: invalid memory address or nil pointer dereference"),
  // printpanicval's forms (Go 1.27.3).
  ("type S string; panic(S(\"named\"))", "panic: main.S(\"named\")"),
  ("type N int; panic(N(7))", "panic: main.N(7)"),
  ("panic(1.5)", "panic: 1.5"),
  ("panic(uint8(3))", "panic: 3"),
  ("panic(true)", "panic: true"),
  ("panic(time.Second)", "panic: 1s"),
])
func interfacePanicsAreGos(_ body: String, _ message: String) {
  #expect(panicMessage(body) == message)
}

/// Assertions that hold, comma-ok, comparisons and an interface to another.
@Test func assertionsAndComparisons() throws {
  let (out, _, _) = try run(decls + """
    func main() {
      var a any = T{3}
      t, ok := a.(T)
      _, bad := a.(string)
      var i I = a.(I)
      var e error = errors.New("x")
      var b any = e
      fmt.Println(t.n, ok, bad, i == a, a == T{3}, a != T{4}, b == e, b != nil)
    }
    """.replacingOccurrences(of: "func main", with: "import (\"errors\"; \"fmt\")\nfunc main"))
  #expect(out == "3 true false true true true true true\n")
}

/// A box that does not escape lives in the frame: no allocation; one that escapes is a heap
/// object of the value's size (convT64 for an int not below 256, convTstring for a string).
@Test func boxesAreWhereEscapeAnalysisPutsThem() throws {
  let (host, _, interp) = try interpret("""
    package main

    import (
      "fmt"
      "runtime"
    )

    var sink any
    var m runtime.MemStats

    //go:noinline
    func local(n int) int {
      var x any = n
      if v, ok := x.(int); ok { return v }
      return 0
    }

    //go:noinline
    func global(n int) { sink = n }

    func main() {
      runtime.ReadMemStats(&m)
      before := m.Mallocs
      _ = local(1000)
      global(1000)
      global(7)
      runtime.ReadMemStats(&m)
      fmt.Println(m.Mallocs - before)
    }
    """, name: "main.go")
  let lines = interp.escapeDecisions
  #expect(lines.contains("main.go:13:15: n does not escape"))
  #expect(lines.contains("main.go:19:29: n escapes to heap"))
  // One 8-byte box for 1000 (a tiny allocation); 7 is staticuint64s', local's is in its frame.
  #expect(host.text == "1\n")
}

/// The typed tree: a conversion to an interface is a `.conversion` with a box site; a method
/// call through an interface is a call through a value whose callee is `.interfaceMethod`.
@Test func checkedTreeOfInterfaces() throws {
  let source = Source(name: "t.go", text: decls + "func f(i I, t T) { var a any = t; i.M(); _ = a.(T) }\n")
  var parser = Parser(source)
  let stmts = parser.parseProgram()
  let checker = Checker(profile: .go127)
  let program = try #require(checker.check(stmts, source: source))
  let f = try #require(program.functions.first { $0.name == "f" })
  guard case .assign(_, let values) = f.body[0].kind, case .conversion(let x) = values[0].kind else {
    Issue.record("not a conversion: \(f.body[0].kind)")
    return
  }
  #expect(values[0].type === GoType.any && x.type.name == "T" && values[0].site?.kind == .interfaceBox)
  guard case .expression(let call) = f.body[1].kind, case .callValue(let callee, _) = call.kind,
    case .interfaceMethod(_, 0) = callee.kind
  else {
    Issue.record("not an interface call: \(f.body[1].kind)")
    return
  }
  guard case .assign(_, let asserted) = f.body[2].kind, case .typeAssert(_, let t?, .value) = asserted[0].kind else {
    Issue.record("not an assertion")
    return
  }
  #expect(t.name == "T")
}
