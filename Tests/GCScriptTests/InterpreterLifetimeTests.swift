// An interpreter takes its program with it when it goes: the checked program is a cyclic graph
// (a recursive function's body calls it; a generic holds the scope that holds it; the escape
// graph's flows loop through `s = append(s, x)`; an inlined call's returns name the call), and
// a fuzzing process that runs a million programs, or a test process, must not keep every one.
// Before these cycles were cut, a run of Tests/Recordings/runs/inlinedliterals kept ~300 KB and
// one importing strings ~1 MB (measured replaying inputs with gcsh-fuzz: 1,000 runs of one
// program took the process from 25 MB to 328 MB).

@testable import GCScript
import GoHeap
import Testing

/// A weak reference, to see whether an object was freed.
private final class Weak {
  weak var object: AnyObject?
  init(_ object: AnyObject) { self.object = object }
}

@Test(arguments: [RuntimeProfile.go127, .go119])
func anInterpreterFreesItsProgram(_ profile: RuntimeProfile) throws {
  let program = """
    package main

    import (
    \t"fmt"
    \t"strings"
    \t"unicode/utf8"
    )

    type Node struct{ next *Node }

    func (n *Node) Len() int {
    \tif n == nil {
    \t\treturn 0
    \t}
    \treturn 1 + n.next.Len()
    }

    func fib(n int) int {
    \tif n < 2 {
    \t\treturn n
    \t}
    \treturn fib(n-1) + fib(n-2)
    }

    func Map[T, U any](s []T, f func(T) U) []U {
    \tvar out []U
    \tfor _, v := range s {
    \t\tout = append(out, f(v))
    \t}
    \treturn out
    }

    func counter() func() int {
    \tc := 0
    \treturn func() int { c++; return c }
    }

    func main() {
    \tnext := counter()
    \tfmt.Println(fib(10), next(), (&Node{next: &Node{}}).Len())
    \tfmt.Println(Map([]int{1, 2}, func(x int) string { return strings.Repeat("a", x) }), utf8.RuneLen('é'))
    }

    """
  var functions: [Weak] = []
  var interpreter: Weak? = nil
  do {
    let (_, _, interp) = try interpret(program, name: "main.go", profile: profile)
    functions = interp.checker.everyFunction.flatMap(\.withLiterals).map(Weak.init)
    interpreter = Weak(interp)
    #expect(functions.count > 10, "the program, its literals and the libraries' functions")
  }
  #expect(interpreter?.object == nil)
  #expect(functions.allSatisfy { $0.object == nil }, "\(functions.filter { $0.object != nil }.count) functions kept")
}
