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
  SyntaxErrorCase(source: "func (", rendered: "test.gcs:1:7: error: unexpected end of input, expected type\nfunc (\n      ^"),
  SyntaxErrorCase(source: "3 = x", rendered: "test.gcs:1:1: error: cannot assign to this expression\n3 = x\n^"),
  SyntaxErrorCase(source: "x := 1 2", rendered: "test.gcs:1:8: error: expected end of statement, found '2'\nx := 1 2\n       ^"),
  SyntaxErrorCase(source: "set = ", rendered: "test.gcs:1:7: error: unexpected end of input, expected expression\nset = \n      ^"),
  SyntaxErrorCase(source: "type T struct { a int", rendered: "test.gcs:1:22: error: unexpected end of input, expected field name\ntype T struct { a int\n                     ^"),
  SyntaxErrorCase(source: "f(s..., 1)", rendered: "test.gcs:1:9: error: expected ')' after arguments, found '1'\nf(s..., 1)\n        ^"),
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
  // A raw string may span lines.
  #expect(Interpreter.parse(Source(name: "r", text: "s := `one")).incomplete)
}

/// An error inside an open block leaves the entry open (the REPL reads on); once the block
/// closes, the entry's errors are the real ones only, each once.
@Test func errorInsideAnOpenBlockWaitsForTheBlock() {
  let open = Interpreter.parse(Source(name: "r", text: "for i := 0; i < 3; i++ {\nx := )"))
  #expect(open.incomplete)
  let closed = Interpreter.parse(Source(name: "r", text: "for i := 0; i < 3; i++ {\nx := )\nprint i\n}"))
  #expect(!closed.incomplete)
  #expect(closed.1.map(\.rendered) == ["r:2:6: error: expected expression, found ')'\nx := )\n     ^"])
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

struct TreeCase: CustomTestStringConvertible, Sendable {
  let source: String
  let tree: String
  var testDescription: String { source.split(separator: "\n").first.map(String.init) ?? source }
}

/// The trees the parser builds: precedence, statement forms, and the Go constructs gcsh reads so
/// that the checker can name them.
@Test(arguments: [
  TreeCase(source: "x := 1 + 2*3 - 4", tree: "(:= x (- (+ 1 (* 2 3)) 4))"),
  TreeCase(source: "b := a || b && c == d", tree: "(:= b (|| a (&& b (== c d))))"),
  TreeCase(source: "y := -x.f[i] << 2 &^ *p", tree: "(:= y (&^ (<< (- (index (. x f) i)) 2) (* p)))"),
  TreeCase(source: "p.next.v[3] = 7", tree: "(= (index (. (. p next) v) 3) 7)"),
  TreeCase(source: "a, b = b, a", tree: "(= a,b b,a)"),
  TreeCase(source: "x += 2; x++", tree: "(+= x 2)\n(++ x)"),
  TreeCase(source: "t := s[1:3:5]; u := s[:2]", tree: "(:= t (slice s 1 3 5))\n(:= u (slice s _ 2 _))"),
  TreeCase(source: "s = append(s, t...)", tree: "(= s (call append s t ...))"),
  TreeCase(source: "x := make([]uint32, 10, 20)", tree: "(:= x (call make (type []uint32) 10 20))"),
  TreeCase(source: "n := &Node{v: [6]uint64{1, 2}}", tree: "(:= n (& (lit Node v:(lit [6]uint64 1 2))))"),
  TreeCase(source: "m := [][]int{{1}, {2, 3}}", tree: "(:= m (lit [][]int (lit _ 1) (lit _ 2 3)))"),
  TreeCase(source: "b := []byte(s)", tree: "(:= b (call (type []byte) s))"),
  TreeCase(source: "if v := f(); v > 0 { y = 2 } else { y = 3 }", tree: "(if (:= v (call f)) (> v 0) {(= y 2)} {(= y 3)})"),
  TreeCase(source: "for i := 0; i < n; i++ { continue }", tree: "(for (:= i 0) (< i n) (++ i) {continue})"),
  TreeCase(source: "for k, _ := range tmp { tmp[k] = 0 }", tree: "(range k _ := tmp {(= (index tmp k) 0)})"),
  TreeCase(source: "for range 3 { }", tree: "(range _ _ = 3 {})"),
  TreeCase(source: "for x < 10 { break }", tree: "(for _ (< x 10) _ {break})"),
  TreeCase(source: "sleep 2*time.Minute + 30s", tree: "(sleep (+ (* 2 (. time Minute)) 30s))"),
  TreeCase(source: "stats memstats \"label\"", tree: "(stats memstats \"label\")"),
  TreeCase(source: "print (1+2)*2", tree: "(print (* (+ 1 2) 2))"),
  TreeCase(source: "println(a, b)", tree: "(println-builtin a b)"),
  TreeCase(source: "print(a)", tree: "(print-builtin a)"),
  TreeCase(source: "println a, b", tree: "(print a b)"),
  TreeCase(source: "set GOGC=off", tree: "(set GOGC \"off\")"),
  TreeCase(source: "free := 3; stats := free + 1", tree: "(:= free 3)\n(:= stats (+ free 1))"),
  // A short-form word the input declares as its own function or variable is that name
  // everywhere in the input: the MemStats helper learners call `stats`.
  TreeCase(source: "func stats(tag string) {}\nstats(\"start\")", tree: "(func stats(tag string)() {})\n(call stats \"start\")"),
  TreeCase(source: "sleep(2)\nfunc sleep(n int) {}", tree: "(call sleep 2)\n(func sleep(n int)() {})"),
  TreeCase(source: "why, expect := f, g; why(); expect(1)", tree: "(:= why,expect f,g)\n(call why)\n(call expect 1)"),
  TreeCase(source: "func (t T) stats() {}\nstats \"label\"", tree: "(func (t T) stats()() {})\n(stats \"label\")"),
  TreeCase(source: "type A [4]int\ntype B struct { next *B; v, w int }", tree: "(type A [4]int)\n(type B struct{next *B; v int; w int})"),
  TreeCase(source: "const ( A = iota; B )", tree: "{(const A iota); (const B iota #1)}"),
  TreeCase(source: "//go:noinline\nfunc f(a, b int, c ...string) (int, error) { return 1, nil }",
           tree: "(func f(a int, b int, c string ...)(int, error) noinline {(return 1 nil)})"),
  TreeCase(source: "func (t *T) Len() int { return t.n }", tree: "(func (t *T) Len()(int) {(return (. t n))})"),
  TreeCase(source: "func g(int, string) {}", tree: "(func g(_ int, _ string)() {})"),
  TreeCase(source: "func h() (n int, err error) { return }", tree: "(func h()(n int, err error) {(return)})"),
  // Several results, named results and variadic calls (the checker types them).
  TreeCase(source: "q, r := divmod(7, 2)", tree: "(:= q,r (call divmod 7 2))"),
  TreeCase(source: "x, ok = lookup(s, 5)", tree: "(= x,ok (call lookup s 5))"),
  TreeCase(source: "func f() (int, bool) { return g() }", tree: "(func f()(int, bool) {(return (call g))})"),
  TreeCase(source: "func sum(xs ...int) (t int) { t = len(xs); return }", tree: "(func sum(xs int ...)(t int) {(= t (call len xs)); (return)})"),
  TreeCase(source: "n := add(divmod(7, 2)) + sum() + sum(1, 2) + sum(s...)",
           tree: "(:= n (+ (+ (+ (call add (call divmod 7 2)) (call sum)) (call sum 1 2)) (call sum s ...)))"),
  TreeCase(source: "var lo, hi = minmax(3, 1)", tree: "(var lo,hi (call minmax 3 1))"),
  // Maps.
  TreeCase(source: "m := map[string]int{\"a\": 1}", tree: "(:= m (lit map[string]int \"a\":1))"),
  TreeCase(source: "m := make(map[[2]int]*T, n)", tree: "(:= m (call make (type map[[2]int]*T) n))"),
  TreeCase(source: "v, ok := m[k]; m[k]++; m[\"x\"] += 2", tree: "(:= v,ok (index m k))\n(++ (index m k))\n(+= (index m \"x\") 2)"),
  TreeCase(source: "delete(m, k); clear(m)", tree: "(call delete m k)\n(call clear m)"),
  TreeCase(source: "for k, v := range m { s[k] = v }", tree: "(range k v := m {(= (index s k) v)})"),
  TreeCase(source: "var g map[string]map[int][]byte", tree: "(var g map[string]map[int][]byte)"),
  TreeCase(source: "p := map[P]int{{1, 2}: 3}", tree: "(:= p (lit map[P]int (lit _ 1 2):3))"),
  // Constructs gcsh does not run yet are read into the tree, for the checker to name.
  TreeCase(source: "c := make(chan int, 3)", tree: "(:= c (call make (type chan int) 3))"),
  TreeCase(source: "f := func(x int) int { return x }", tree: "(:= f (funclit 1 1))"),
  TreeCase(source: "go worker(c)\ndefer wg.Done()", tree: "(go (call worker c))\n(defer (call (. wg Done)))"),
  TreeCase(source: "switch x := f(); x { case 1, 2: y = 1; default: y = 2 }", tree: "(switch (:= x (call f)) x (case 1,2 {(= y 1)}) (default {(= y 2)}))"),
  TreeCase(source: "switch v := i.(type) { case int: }", tree: "(switch _ v := (assert i type) (case int {}))"),
  TreeCase(source: "outer: for { break outer }", tree: "(label outer (for _ _ _ {(break outer)}))"),
  // Switch statements: tagless, an init statement without a tag, fallthrough, labels.
  TreeCase(source: "switch { case x > 1: f(); fallthrough\ncase x < 0:\ndefault: }",
           tree: "(switch _ _ (case (> x 1) {(call f); fallthrough}) (case (< x 0) {}) (default {}))"),
  TreeCase(source: "switch y := g(); { case y == 0, y > 9: }", tree: "(switch (:= y (call g)) _ (case (== y 0),(> y 9) {}))"),
  TreeCase(source: "switch x { default: break; case \"a\": }", tree: "(switch _ x (default {break}) (case \"a\" {}))"),
  TreeCase(source: "L: switch x { case 1: for { continue M } }",
           tree: "(label L (switch _ x (case 1 {(for _ _ _ {(continue M)})})))"),
  TreeCase(source: "L:\nM: for range s { goto L }", tree: "(label L (label M (range _ _ = s {(goto L)})))"),
  TreeCase(source: "{ L: }", tree: "{(label L ())}"),
  TreeCase(source: "ch <- 1; v := <-ch", tree: "(<- ch 1)\n(:= v (<- ch))"),
  TreeCase(source: "var x interface{ M() }", tree: "(var x interface{M()()})"),
  TreeCase(source: "type P struct { T; *U; sync.Mutex; n int `json:\"n\"` }",
           tree: "(type P struct{embedded T; embedded *U; embedded sync.Mutex; n int})"),
  // Type parameters keep their constraints; names sharing one each get it; a bare union or
  // approximation is an implicit interface, as go/parser reads it.
  TreeCase(source: "func Map[T any](s []T) []T { return s }", tree: "(func Map[T any](s []T)([]T) {(return s)})"),
  TreeCase(source: "func F[K comparable, V, W any, N ~int | float64]() {}",
           tree: "(func F[K comparable, V any, W any, N interface{~int|float64}]()() {})"),
  TreeCase(source: "type Number interface { ~int | ~int64; String() string; fmt.Stringer }",
           tree: "(type Number interface{~int|~int64; String()(string); fmt.Stringer})"),
  TreeCase(source: "type Pair[K comparable, V any] struct { k K; v V }",
           tree: "(type Pair[K comparable, V any] struct{k K; v V})"),
  TreeCase(source: "type List[T any] struct { next *List[T] }", tree: "(type List[T any] struct{next *generic(List, T)})"),
  TreeCase(source: "func (s *Stack[T]) Push(v T) {}", tree: "(func (s *generic(Stack, T)) Push(v T)() {})"),
  TreeCase(source: "type Num[T ~int] T", tree: "(type Num[T interface{~int}] T)"),
  // Instantiated types keep their type arguments (weak.Pointer[T], the one the checker runs);
  // `x[T]{...}` is a composite literal of one, as go/parser reads it.
  TreeCase(source: "var m map[string]weak.Pointer[*blob]", tree: "(var m map[string]generic(weak.Pointer, *blob))"),
  TreeCase(source: "z := weak.Pointer[point]{}", tree: "(:= z (lit generic(weak.Pointer, point)))"),
  TreeCase(source: "w := weak.Make[point](nil)", tree: "(:= w (call (index (. weak Make) point) nil))"),
  TreeCase(source: "f := Pair[int, string]", tree: "(:= f (instantiate Pair int string))"),
  // An alias declaration keeps its `=`; a func type in parentheses has no result.
  TreeCase(source: "type Celsius = float64", tree: "(type Celsius = float64)"),
  TreeCase(source: "f := (func())(nil)", tree: "(:= f (call (type func()()) nil))"),
  // A function type's result may be a receive-only channel (context.go's `Done() <-chan struct{}`).
  TreeCase(source: "var done func() <-chan struct{}", tree: "(var done func()(<-chan struct{}))"),
  TreeCase(source: "type C interface { Done() <-chan struct{}; Err() error }", tree: "(type C interface{Done()(<-chan struct{}); Err()(error)})"),
  // Brackets lift a header's ban on composite literals (go/parser's exprLev), and a map type
  // in an argument list converts as any type does.
  TreeCase(source: "if v := m[P{1, 2}]; v > 0 { }", tree: "(if (:= v (index m (lit P 1 2))) (> v 0) {} _)"),
  TreeCase(source: "f(map[int]string(nil))", tree: "(call f (call (type map[int]string) nil))"),
  TreeCase(source: "for k := range map[string]int{\"a\": 1} { }", tree: "(range k _ := (lit map[string]int \"a\":1) {})"),
  // Imports keep their names: given, blank, dot, or none.
  TreeCase(source: "import (\n\"fmt\"\nrt \"runtime\"\n_ \"os\"\n. \"math\"\n)",
           tree: "(import fmt rt runtime _ os . math)"),
])
func parsesTree(_ c: TreeCase) {
  #expect(syntaxErrors(c.source).map(\.rendered) == [])
  #expect(tree(c.source) == c.tree)
}

@Test func nestingIsBoundedWithANamedError() {
  let deep = String(repeating: "(", count: 20_000) + "1" + String(repeating: ")", count: 20_000)
  let errors = runOnLargeStack { syntaxErrors("x := " + deep) }
  #expect(errors.first?.kind.message == "expressions or blocks nested more than 10000 levels deep")
}

/// In the REPL a name declared by an earlier entry (the session's globals) is the program's in
/// later entries too: `stats("x")` calls the `func stats` typed before it.
@Test func earlierEntriesDeclareShortFormWords() {
  func parsed(_ text: String, _ declared: Set<String>) -> String {
    let (stmts, errors, _) = Interpreter.parse(Source(name: "<repl>", text: text), declared: declared)
    #expect(errors.map(\.rendered) == [])
    return stmts.map(dump).joined(separator: "\n")
  }
  #expect(parsed("stats(\"x\")", ["stats", "n"]) == "(call stats \"x\")")
  #expect(parsed("stats(\"x\")", ["n"]) == "(stats \"x\")")
  #expect(parsed("sleep(n)", ["sleep"]) == "(call sleep n)")
}
