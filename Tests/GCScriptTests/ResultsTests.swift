// Several results, named results and variadic functions at run time: the values Go computes
// (the expected outputs are Go 1.27.3's and 1.19.8's for the same programs), the collector
// seeing named pointer results as roots while the function runs, and a named result moved to
// the heap.

@testable import GCScript
import GoHeap
import Testing

/// A program whose functions keep pointers in named results across GCs (a list built into
/// `head`: were the result slots not roots, the next node would reuse a freed one), return a
/// named result whose address escapes, build a named slice by append and return two pointers
/// made around GCs; `head = &node{i, head}` must read the old head.
let namedResultsProgram = """
  package main

  import (
  	"fmt"
  	"runtime"
  )

  type node struct {
  	v    int
  	next *node
  }

  //go:noinline
  func build(n int) (s []int) {
  	for i := 0; i < n; i++ {
  		s = append(s, i)
  	}
  	return
  }

  //go:noinline
  func chain(n int) (head *node, count int) {
  	for i := 0; i < n; i++ {
  		head = &node{i, head}
  		runtime.GC()
  		count++
  	}
  	return
  }

  //go:noinline
  func escapeNamed() (n int) {
  	p := &n
  	runtime.GC()
  	*p = 42
  	return
  }

  var gp *int

  //go:noinline
  func escapeNamed2() (n int) {
  	gp = &n
  	n = 7
  	runtime.GC()
  	return
  }

  //go:noinline
  func pair() (*node, *node) {
  	a := &node{1, nil}
  	runtime.GC()
  	b := &node{2, a}
  	runtime.GC()
  	return a, b
  }

  func inlNamed(x int) (r int, ok bool) {
  	if x > 2 {
  		r = x * 2
  		ok = true
  	}
  	return
  }

  func main() {
  	s := build(10)
  	fmt.Println(len(s), cap(s), s)
  	h, c := chain(5)
  	for p := h; p != nil; p = p.next {
  		fmt.Print(p.v, " ")
  	}
  	fmt.Println(c)
  	fmt.Println(escapeNamed(), escapeNamed2(), *gp)
  	a, b := pair()
  	runtime.GC()
  	fmt.Println(a.v, b.v, b.next.v)
  	for i := 0; i < 5; i++ {
  		r, ok := inlNamed(i)
  		fmt.Println(r, ok)
  	}
  }
  """

@Test(arguments: [RuntimeProfileName.go127, .go119])
func namedResultsRunAsInGo(_ profile: RuntimeProfileName) throws {
  let (out, _, _) = try run(namedResultsProgram, profile: profile.profile)
  #expect(out == """
    10 16 [0 1 2 3 4 5 6 7 8 9]
    4 3 2 1 0 5
    42 7 7
    1 2 1
    0 false
    0 false
    0 false
    6 true
    8 true

    """)
}

/// `x, y := f()` and `x, y = f()` at the top level of a script declare and assign globals; a
/// result forwarded with `return f()` and passed on with `g(f())`.
@Test func topLevelAssignmentsFromCalls() throws {
  let (out, _, _) = try run("""
    func two() (int, string) { return 1, "a" }
    func fwd() (int, string) { return two() }
    func show(n int, s string) string { return fmt.Sprint(s, n) }
    a, b := two()
    print a, b
    a, b = 5, "z"
    var c, d = fwd()
    print a, b, c, d, show(fwd()), show(two())
    """)
  #expect(out == "1 a\n5 z 1 a a1 a1\n")
}

/// Variadic calls: the implicit slice holds the values, `f(s...)` shares s (a store through the
/// parameter is seen by the caller), `f()` passes nil.
@Test func variadicCallsShareOrPack() throws {
  let (out, _, _) = try run("""
    func set(xs ...int) int {
      if len(xs) > 0 { xs[0] = 99 }
      return len(xs)
    }
    s := []int{1, 2, 3}
    n := set(s...)
    print n, s[0], set(), set(4, 5), s == nil
    """)
  #expect(out == "3 99 0 2 false\n")
}

/// A profile by name, for test arguments.
enum RuntimeProfileName: String, CaseIterable, Sendable {
  case go127, go119
  var profile: RuntimeProfile { self == .go127 ? .go127 : .go119 }
}

/// One call's several results as all the arguments of a builtin or a package function, as Go
/// allows them (types2's exprList unpacks the call): `min(two())`, `append(sl())`,
/// `fmt.Printf(f())`.
@Test func severalResultsAsBuiltinArguments() throws {
  let (out, _, _) = try run("""
    func two() (int, int) { return 1, 2 }
    func sl() ([]int, int) { return []int{7}, 2 }
    func format() (string, int) { return "n=%d\\n", 9 }
    a := min(two())
    b := append(sl())
    fmt.Printf(format())
    print a, max(two()), b, len(b)
    """)
  #expect(out == "n=9\n1 2 [7 2] 2\n")
}

/// The REPL echoes a bare expression's value; a call with several results shows them all, as
/// `fmt.Println(f())` prints them.
@Test func replEchoesEveryResult() throws {
  let rt = GoRuntime(profile: .go127)
  let host = RecordingHost()
  let interp = Interpreter(heap: rt, host: host)
  interp.echoExpressions = true
  for (k, entry) in ["func divmod(a, b int) (int, int) { return a / b, a % b }", "divmod(17, 5)", "divmod(9, 2)"].enumerated() {
    let src = Source(name: "<repl>", text: entry)
    let (stmts, errors, _) = Interpreter.parse(src)
    #expect(errors.isEmpty, "entry \(k)")
    try interp.run(stmts, source: src)
  }
  #expect(host.text == "3 2\n4 1\n")
}
