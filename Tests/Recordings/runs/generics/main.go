// generics: generic functions and types as learners write them — a Stack[T] over a slice, a
// linked List[T] of nodes, Map/Filter/Reduce, a Pair[K, V] with a method, a Number constraint,
// inference from untyped constants and from a named slice type (S ~[]E), explicit
// instantiation, an instance as a function value, a method called on a type parameter's
// value — what each allocates (Mallocs and TotalAlloc between ReadMemStats calls) and what it
// prints (%T of instances included).
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

var ms runtime.MemStats

func allocs() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

func report(what string, m0, t0 uint64) {
	m1, t1 := allocs()
	fmt.Println(what+":", m1-m0, t1-t0)
}

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, acc A, f func(A, T) A) A {
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Max[T ~int | ~float64 | ~string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type node[T any] struct {
	val  T
	next *node[T]
}

type List[T any] struct {
	head *node[T]
	size int
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprint(p.Key, "=", p.Val) }

type Celsius float64
type names []string

type point struct{ x, y int }

func (p point) String() string { return "point" }

// Describe calls a method on a value of type-parameter type: through the dictionary in Go,
// with the value passed as it is (nothing boxed).
//
//go:noinline
func Describe[T fmt.Stringer](xs []T) int {
	n := 0
	for _, x := range xs {
		n += len(x.String())
	}
	return n
}

var sinkInts *Stack[int]
var sinkList *List[string]
var sinkAny any

func main() {
	m0, t0 := allocs()
	s := &Stack[int]{}
	for i := 0; i < 1000; i++ {
		s.Push(i)
	}
	sinkInts = s
	report("Stack[int] 1000 pushes", m0, t0)
	v, ok := s.Pop()
	fmt.Println(v, ok, len(s.items), cap(s.items))

	m0, t0 = allocs()
	l := &List[string]{}
	for i := 0; i < 100; i++ {
		l.Push("x")
	}
	sinkList = l
	report("List[string] 100 nodes", m0, t0)
	fmt.Printf("%T %T %d\n", l, l.head, l.size)

	xs := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	m0, t0 = allocs()
	strs := Map(xs, func(i int) string { return strconv.Itoa(i * 100) })
	report("Map to strings", m0, t0)
	fmt.Println(strs)

	m0, t0 = allocs()
	evens := Filter(xs, func(i int) bool { return i%2 == 0 })
	report("Filter", m0, t0)
	fmt.Println(evens, len(evens), cap(evens))

	ns := names{"bob", "alice", "al", "eve"}
	short := Filter(ns, func(s string) bool { return len(s) <= 3 })
	fmt.Printf("%T %v\n", short, short)

	fmt.Println(Sum(xs), Sum([]float64{1.5, 2.25}), Sum([]Celsius{20, 1.5}))
	fmt.Println(Max(3, 7), Max(2.5, 1.0), Max("go", "gc"), Max[Celsius](20, 30.5))
	fmt.Println(Reduce(xs, "", func(a string, x int) string { return a + strconv.Itoa(x) }))

	m0, t0 = allocs()
	p := Pair[string, int]{"answer", 42}
	sinkAny = p
	report("Pair boxed", m0, t0)
	fmt.Println(p)
	fmt.Printf("%T %v %+v\n", p, p, p)

	pairs := []Pair[string, []int]{{"a", []int{1}}, {"b", nil}}
	fmt.Printf("%T %d %v\n", pairs, len(pairs), pairs[0].Val)

	mx := Max[int]
	fmt.Printf("%T %d\n", mx, mx(4, 9))

	pts := make([]point, 100)
	m0, t0 = allocs()
	n := Describe(pts)
	report("Describe 100 points", m0, t0)
	fmt.Println(n)

	s.items = nil
	l.head = nil
	runtime.GC()
	m1, _ := allocs()
	fmt.Println("live objects dropped:", ms.HeapObjects < m1)
}
