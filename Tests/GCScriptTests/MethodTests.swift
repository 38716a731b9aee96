// Methods: receivers, method sets, and fmt calling String methods back — against recorded runs
// of Go 1.27.3 and Go 1.19.8 (Tests/Recordings/runs/methods, methodprint) and by hand.

@testable import GCScript
import GoHeap
import Testing

/// methodprint: fmt's Stringer for value and pointer receivers, in slices and exported fields
/// (not unexported ones), through a nil pointer, with width and flags, and not for %d or %#v;
/// methods on named slices, floats and structs through values and pointers. Byte for byte; and
/// the -m lines of the methods, those about fmt's operands too (`float64(s) / 1.04858e+06
/// escapes to heap` in Go 1.27, `float64(s) / (1 << 20)` in Go 1.19).
@Test(arguments: ["1.27.3", "1.19.8"])
func methodProgramPrintsWhatGoPrinted(_ version: String) throws {
  let run = try RecordedRun("methodprint")
  let c = try run.compared(version, run.isUnderTest)
  #expect(c.printed == c.expected)
  #expect(c.go.count >= 5)
  #expect(c.gcsh == c.go)
}

/// A String method runs on the program's stack while fmt holds the operands: what it allocates
/// may start collections, and nothing the print still has to read may be freed. Here every
/// call allocates 64 KiB of garbage with GOGC=10, printing a slice that only the print's operand
/// holds; each element must still read as what was stored.
@Test func stringMethodsThatAllocateDoNotLoseThePrintsOperands() throws {
  let (host, rt, _) = try interpret("""
    type node struct{ id int; next *node }
    var garbage []byte
    func (n *node) String() string {
      garbage = make([]byte, 64<<10)
      return fmt.Sprintf("n%d", n.id)
    }
    func build(k int) []*node {
      var s []*node
      for i := 0; i < k; i++ { s = append(s, &node{id: i * 7}) }
      return s
    }
    set GOGC=10
    fmt.Println(build(200))
    """)
  let expected = "[" + (0..<200).map { "n\($0 * 7)" }.joined(separator: " ") + "]\n"
  #expect(host.text == expected)
  #expect(rt.memStats().numGC > 5)
  try rt.checkInvariants()
}

/// fmt's catchPanic: a String method that panics prints the panic in the operand's place,
/// a nil pointer receiver whose method dereferences it prints <nil>, and the program goes on.
@Test func panickingStringMethods() throws {
  let (host, _, _) = try interpret("""
    type bad int
    func (b bad) String() string { var s []int; return fmt.Sprint(s[b]) }
    type box struct{ v int }
    func (b *box) String() string { return fmt.Sprint(b.v) }
    var p *box
    fmt.Println(bad(3), p, &box{4})
    fmt.Printf("%s|%d\\n", bad(1), bad(1))
    """)
  #expect(host.text == "%!v(PANIC=String method: runtime error: index out of range [3] with length 0) <nil> 4\n%!s(PANIC=String method: runtime error: index out of range [1] with length 0)|1\n")
}

/// A method call's receiver: a pointer method on an addressable value takes its address (so
/// the value moves to the heap when the method leaks it), a value method through a pointer
/// copies the pointee; calls on non-addressable values and missing methods are Go's errors.
@Test func methodCallsAndTheirErrors() throws {
  let (host, _, _) = try interpret("""
    type acc struct{ n int }
    func (a *acc) add(k int) *acc { a.n += k; return a }
    func (a acc) get() int { return a.n }
    var a acc
    a.add(2).add(3)
    p := &a
    print a.get(), p.get(), (*p).get()
    accs := []acc{{1}, {2}}
    accs[1].add(10)
    print accs[1].get()
    """)
  #expect(host.text == "5 5 5\n12\n")
  #expect(failure("type T struct{}\nfunc (t *T) M() {}\nT{}.M()")?.kind.message == "cannot call pointer method M on T")
  #expect(failure("type T struct{}\nvar t T\nt.M()")?.kind.message == "t.M undefined (type T has no field or method M)")
}

/// Methods declared in one REPL entry are callable in the next; a type declared again starts
/// with no methods.
@Test func methodsPersistAcrossRuns() throws {
  let host = RecordingHost()
  let rt = GoRuntime(profile: .go127)
  let interp = Interpreter(heap: rt, host: host)
  for entry in ["type T struct{ n int }", "func (t *T) Inc() { t.n++ }", "var t T\nt.Inc()\nt.Inc()\nprint t.n"] {
    let source = Source(name: "repl", text: entry)
    let (stmts, errors, _) = Interpreter.parse(source)
    #expect(errors.isEmpty)
    try interp.run(stmts, source: source)
  }
  #expect(host.text == "2\n")
  let source = Source(name: "repl", text: "type T struct{ n int }\nvar u T\nu.Inc()")
  #expect(throws: CompileErrors.self) { try interp.run(Interpreter.parse(source).0, source: source) }
}

/// A String method that prints its own value recurses without end (Go's stack overflows after
/// 1 GB): gcsh stops at its callback depth with a located error instead of overflowing the
/// host's stack, and the session goes on.
@Test func recursiveStringMethodsStopAtGcshsLimit() throws {
  // On gcsh's large stack, as the binary runs scripts (LargeStack.swift).
  let error = runOnLargeStack {
    failure("type T int\nfunc (t T) String() string { return fmt.Sprint(t) }\nfmt.Println(T(1))")
  }
  #expect(error?.kind.message.hasPrefix("fmt called String methods nested 10000 deep") == true)
  #expect(error?.line == 3)
}
