// Generics (Check/Checker+Generics.swift): generic functions and types, instantiated per list of
// type arguments, against a real program's recorded runs and go vet's words. The checker's
// messages about generics are also in Tests/Recordings/checker (recordedChecksAreGos).

import Foundation
import GCScript
@testable import GoHeap
import Testing

/// runs/generics (Go 1.27.3 and 1.19.8, one run each): Stack[T] over a slice, a List[T] of
/// nodes, Map/Filter/Reduce, Pair[K, V] with a method, constraints, inference from untyped
/// constants and through `S ~[]E`, an instance as a function value — every line as Go prints
/// it, the allocation counts between ReadMemStats calls included.
@Test(arguments: ["1.27.3", "1.19.8"])
func genericProgramIsGos(_ version: String) throws {
  let c = try RecordedRun("generics").compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  // -m: every line Go prints but those of mechanisms gcsh lacks that are not about generics,
  // listed here (Go calls through a local bound to an instance; Go 1.19 names a shaped value
  // converted to an interface `unsafe.Pointer(p.Key)` and wraps `Max[int]` as a closure); and
  // gcsh inlines `x.String()` on a type parameter's value, which Go calls through the
  // dictionary. (The literals passed to Map, Filter and Reduce are inlined into their inlined
  // bodies, and dropped by Go 1.27's deadlocals, as Go does: Inline/DeadLocals.swift.)
  let (missing, extra) = multisetDifference(c.go, c.gcsh)
  let knownMissing: [String: [String]] = [
    "1.27.3": ["./main.go:182:30: inlining call to Max[int]"],
    "1.19.8": [
      "./main.go:107:58: unsafe.Pointer(p.Key) escapes to heap", "./main.go:107:58: unsafe.Pointer(p.Key) escapes to heap",
      "./main.go:107:70: unsafe.Pointer(p.Val) escapes to heap", "./main.go:107:70: unsafe.Pointer(p.Val) escapes to heap",
      "./main.go:181:8: can inline main.func5", "./main.go:182:30: inlining call to main.func5",
      "./main.go:182:30: r0 escapes to heap",
    ],
  ]
  let knownExtra: [String: [String]] = [
    "1.27.3": ["./main.go:123:20: inlining call to point.String"],
    "1.19.8": [
      "./main.go:107:58: p.Key escapes to heap", "./main.go:107:58: p.Key escapes to heap",
      "./main.go:107:70: p.Val escapes to heap", "./main.go:107:70: p.Val escapes to heap",
      "./main.go:123:20: inlining call to point.String", "./main.go:182:30: mx(4, 9) escapes to heap",
    ],
  ]
  #expect(missing == knownMissing[version]!.sorted(), "Go printed, gcsh did not")
  #expect(extra == knownExtra[version]!.sorted(), "gcsh printed, Go did not")
  // What the shapes look like, for the record: Go 1.27.3's wrappers and shaped bodies, Go
  // 1.19.8's dictionary calls.
  if version == "1.27.3" {
    #expect(c.gcsh.contains("./main.go:31:6: can inline Sum[main.Celsius]"))
    #expect(c.gcsh.contains("./main.go:39:6: make([]go.shape.string, 0, len(xs)) escapes to heap"))
    #expect(c.gcsh.contains("./main.go:77:6: (*Stack[int]).Pop ignoring self-assignment in s.items = s.items[:len(s.items) - 1]"))
  } else {
    #expect(c.gcsh.contains("./main.go:167:53: Sum[go.shape.float64_0](&.dict.Sum[main.Celsius], []Celsius{...}) escapes to heap"))
  }
  // What the instances allocate, as the real runs did: 13 slice growths for 1000 pushes, a
  // 24-byte node per push, a 10-string []string and its strings.
  #expect(c.expected.contains("Stack[int] 1000 pushes: 13 25240\n"))
  #expect(c.expected.contains("List[string] 100 nodes: 101 2416\n"))
  #expect(c.expected.contains("*main.List[string] *main.node[string] 100\n"))
  #expect(c.expected.contains("main.Pair[string,int] answer=42 answer=42\n"))
  // A method called on a type parameter's value (not inlined) boxes nothing.
  #expect(c.expected.contains("Describe 100 points: 0 0\n"))
  // Where the versions differ, both reproduced: Go 1.27's append to a nil slice in a loop
  // starts in a 32-byte stack buffer (the one heap slice is the 8 it grows into), and its
  // conversion of a local never reassigned from a constant composite literal reads a
  // read-only static (order.go addrTemp).
  #expect(c.expected.contains(version == "1.27.3" ? "Filter: 1 64\n" : "Filter: 4 128\n"))
  #expect(c.expected.contains(version == "1.27.3" ? "Pair boxed: 0 0\n" : "Pair boxed: 1 24\n"))
}

/// The lines of `a` not in `b` and of `b` not in `a`, each sorted, counting repeats.
func multisetDifference(_ a: [String], _ b: [String]) -> (onlyA: [String], onlyB: [String]) {
  var counts: [String: Int] = [:]
  for l in a { counts[l, default: 0] += 1 }
  for l in b { counts[l, default: 0] -= 1 }
  var onlyA: [String] = []
  var onlyB: [String] = []
  for (l, n) in counts {
    if n > 0 { onlyA += Array(repeating: l, count: n) }
    if n < 0 { onlyB += Array(repeating: l, count: -n) }
  }
  return (onlyA.sorted(), onlyB.sorted())
}

/// The heap sees an instance's layout: a Stack[[]byte] keeps its blocks alive through the
/// instance's slice until they are popped (their slots zeroed), then a GC frees them.
@Test func aGenericContainerKeepsItsElementsAlive() throws {
  let (_, host, rt) = try run("""
    type Stack[T any] struct { items []T }
    func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
    func (s *Stack[T]) Pop() T {
      var zero T
      v := s.items[len(s.items)-1]
      s.items[len(s.items)-1] = zero
      s.items = s.items[:len(s.items)-1]
      return v
    }
    s := &Stack[[]byte]{}
    for i := 0; i < 8; i++ { s.Push(make([]byte, 4<<20)) }
    gc
    stats "held"
    for i := 0; i < 8; i++ { _ = s.Pop() }
    gc
    stats "popped"
    print len(s.items), cap(s.items)
    """)
  #expect(host.stats[0].1.heapAlloc > 32 * MiB)
  #expect(host.stats[1].1.heapAlloc < 1 * MiB)
  #expect(host.text == "0 8\n")
  try rt.checkInvariants()
}

/// A REPL session keeps its generics: an entry instantiates what an earlier one declared, and an
/// entry that fails forgets the instances it made (the next entry makes them again).
@Test func genericsLiveAcrossREPLEntries() throws {
  let s = Session()
  try s.enter("func Sum[T int | float64](xs ...T) T { var t T; for _, x := range xs { t += x }; return t }")
  try s.enter("type Box[T any] struct { v T }\nfunc (b *Box[T]) Get() T { return b.v }")
  try s.enter("print Sum(1, 2, 3)")
  #expect(throws: (any Error).self) { try s.enter("x := Sum(1.5, 2.5)\nb := Box[float64]{x}\nundefinedName()") }
  try s.enter("b := &Box[float64]{Sum(1.5, 2.5)}\nprint b.Get()")
  try s.enter("b2 := Box[string]{\"s\"}\nprint b2.Get(), Sum[float64](1, 2)")
  #expect(s.host.text == "6\n4\ns 3\n")
  try s.rt.checkInvariants()
}

/// Inference (types2 infer.go): from typed arguments through composite types, from untyped
/// constants (the larger numeric kind), through a constraint's core type, and partly explicit.
@Test func typeArgumentsAreInferred() throws {
  let (out, _, _) = try run("""
    func Keys[M ~map[K]V, K comparable, V any](m M) []K {
      keys := make([]K, 0, len(m))
      for k := range m { keys = append(keys, k) }
      return keys
    }
    func Apply[T, U any](x T, f func(T) U) U { return f(x) }
    func Max[T ~int | ~float64](a, b T) T { if a > b { return a }; return b }
    func Conv[To, From ~int | ~float64](x From) To { return To(x) }
    type Celsius float64
    print Keys(map[string]bool{"k": true})
    print Apply(3, func(i int) string { return "x" })
    print Max(1, 2.5), Max(Celsius(3), 2)
    print Conv[int](2.75)
    fmt.Printf("%T %T\\n", Max(Celsius(3), 2), Conv[Celsius](7))
    """)
  #expect(out == "[k]\nx\n2.5 3\n2\nmain.Celsius main.Celsius\n")
}

/// Messages where gcsh's profile matters, from the real toolchains' go vet: Go 1.19's inference
/// took the first untyped constant's default type; its types2 refused methods with type
/// parameters; its recursive instance is a cycle; go1.0 has no generics at all.
@Test func genericsByVersion() {
  let max = "func Max[T int | float64](a, b T) T { if a > b { return a }; return b }\n_ = Max(2.5, 1)"
  #expect(failure(max, profile: .go119)?.kind.message == "default type int of 1 does not match inferred type float64 for T")
  #expect(failure(max, profile: .go127) == nil)
  let method = "type S struct{}\nfunc (s S) M[T any](x T) {}"
  #expect(failure(method, profile: .go119)?.kind.message == "method must have no type parameters")
  #expect(failure(method, profile: .go127)?.kind.message == "methods with type parameters (generic methods) are not supported by gcsh yet")
  let cycle = "type T[X any] struct{ a T[X] }\nvar t T[int]\n_ = t"
  #expect(failure(cycle, profile: .go119)?.kind.message == "illegal cycle in declaration of T")
  #expect(failure(cycle, profile: .go127)?.kind.message == "invalid recursive type: T[X] refers to itself")
  // Go 1.24's generic aliases are read and named.
  #expect(failure("type Set[T comparable] = map[T]struct{}\nvar s Set[int]\n_ = s")?.kind.message == "generic type aliases are not supported by gcsh yet")
  #expect(failure(max, profile: .go10)?.kind.message == "type parameter syntax (generics) does not exist in go1.0: it arrived in Go 1.18")
}

/// An instantiation cycle ends as an error, never as instances made forever: reported at the
/// type parameter, with the instantiation that grows it, as go build 1.27.3 does
/// (`./main.go:3:8: instantiation cycle:` / `\t./main.go:3:31: T instantiated as []T`); one
/// through another generic type is stopped by a bound on nesting.
@Test func anInstantiationCycleIsAnError() throws {
  let function = failure("func F[T any](n int) { if n > 0 { F[[]T](n - 1) } }\nF[int](3)")
  #expect(function?.kind.message == "instantiation cycle:\n\ttest.gcs:1:37: T instantiated as []T")
  #expect(function?.span.start == 7)
  let type = failure("type L[T any] struct{ next *L[[]T] }\nvar l L[int]\n_ = l")
  #expect(type?.kind.message == "instantiation cycle:\n\ttest.gcs:1:31: T instantiated as []T")
  let through = failure("type A[T any] struct{ b *B[T] }\ntype B[U any] struct{ a *A[[]U] }\nvar a A[int]\n_ = a")
  #expect(through?.kind.message.hasPrefix("instantiation cycle") == true, "\(String(describing: through))")
  // An instance that names itself with the same arguments is fine (a linked list).
  #expect(failure("type L[T any] struct{ next *L[T]; v T }\nvar l L[int]\nl.next = &L[int]{v: 1}\nprint l.next.v") == nil)
}

/// cmp.Ordered as a constraint (Go 1.21+): a generic binary tree and a variadic maximum, with
/// what Go 1.27.3 printed for the same program (go run), and types2's messages for a type
/// outside its type set and for the constraint used as a type (go vet).
@Test func cmpOrderedConstrainsUserGenerics() throws {
  let (out, _, _) = try run("""
    package main

    import (
    \t"cmp"
    \t"fmt"
    )

    func MaxOf[T cmp.Ordered](xs ...T) T {
    \tm := xs[0]
    \tfor _, x := range xs[1:] {
    \t\tif x > m {
    \t\t\tm = x
    \t\t}
    \t}
    \treturn m
    }

    type Tree[T cmp.Ordered] struct {
    \tLeft, Right *Tree[T]
    \tVal         T
    }

    func (t *Tree[T]) Insert(v T) *Tree[T] {
    \tif t == nil {
    \t\treturn &Tree[T]{Val: v}
    \t}
    \tif v < t.Val {
    \t\tt.Left = t.Left.Insert(v)
    \t} else {
    \t\tt.Right = t.Right.Insert(v)
    \t}
    \treturn t
    }

    func (t *Tree[T]) Walk(f func(T)) {
    \tif t == nil {
    \t\treturn
    \t}
    \tt.Left.Walk(f)
    \tf(t.Val)
    \tt.Right.Walk(f)
    }

    func main() {
    \tfmt.Println(MaxOf(3, 9, 2), MaxOf("b", "a"))
    \tvar root *Tree[int]
    \tfor _, v := range []int{5, 3, 8, 1} {
    \t\troot = root.Insert(v)
    \t}
    \troot.Walk(func(v int) { fmt.Print(v, " ") })
    \tfmt.Println()
    }
    """)
  #expect(out == "9 b\n1 3 5 8 \n")
  let decl = "func MaxOf[T cmp.Ordered](xs ...T) T { return xs[0] }\n"
  #expect(failure(decl + "_ = MaxOf([]int{1})")?.kind.message == "[]int does not satisfy cmp.Ordered ([]int missing in ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string)")
  #expect(failure("var o cmp.Ordered\n_ = o")?.kind.message == "cannot use type cmp.Ordered outside a type constraint: interface contains type constraints")
}

/// Hostile declarations end as located errors (each once crashed gcsh or ran silently), in
/// go build 1.27.3's words where it has them.
@Test func malformedGenericsAreErrors() {
  // A constraint that instantiates the type itself: verified lazily, as Go does.
  #expect(failure("type T[P T[P]] struct{}\nvar x T[int]\n_ = x")?.kind.message == "int does not satisfy T[int] (int missing in T[int])")
  #expect(syntaxErrors("func F[]() {}").map(\.kind.message) == ["empty type parameter list"])
  #expect(failure("func F[T any, T any]() {}")?.kind.message == "T redeclared in this block\n\ttest.gcs:1:8: other declaration of T")
  #expect(failure("type S[K any, K any] struct{}")?.kind.message == "K redeclared in this block\n\ttest.gcs:1:8: other declaration of K")
  #expect(failure("type S[T any] struct{ s S[T] }\nvar s S[int]\n_ = s")?.kind.message == "invalid recursive type: S[T] refers to itself")
  // A generic that calls itself with a bigger argument through inference is stopped too.
  #expect(failure("func F[T any](x T) { F(&x) }\nF(1)")?.kind.message.hasPrefix("instantiation cycle") == true)
}
