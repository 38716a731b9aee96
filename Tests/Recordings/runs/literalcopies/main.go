// literalcopies: literals copied with the bodies of inlined functions and inlined where
// they are called, in the shapes learners write: a counter made in a loop (each copy's
// variable a new heap object per iteration, as the closure escapes into a slice), closures
// made in an inlined function's loop, a predicate given to an inlined search with named
// results, composition of two literals, a literal with a defer inside an inlined function
// (the copy keeps its defer), recover around an inlined literal that panics, a variadic
// literal with a named result, a method value, a literal with a loop and an early return
// called in place in a loop, and a counter made and called 100 times without escaping
// (no mallocs).
package main

import (
	"fmt"
	"runtime"
)

type T struct{ n int }

func (t T) Get() int { return t.n }

func counter() func() int {
	c := 0
	return func() int { c++; return c }
}

func loopMaker(n int) []func() int {
	var fs []func() int
	for i := 0; i < n; i++ {
		j := i * 10
		fs = append(fs, func() int { return j + n })
	}
	return fs
}

func find(xs []int, pred func(int) bool) (idx int, ok bool) {
	for i, x := range xs {
		if pred(x) {
			return i, true
		}
	}
	return -1, false
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

func withDefer() (r int) {
	func() {
		defer func() { r = 7 }()
	}()
	return
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("%v", e)
		}
	}()
	div := func() int { return a / b }
	return div(), nil
}

func main() {
	var m runtime.MemStats
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, counter())
	}
	fs[0]()
	fmt.Println(fs[0](), fs[1](), fs[2]())
	for _, f := range loopMaker(3) {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	i, ok := find([]int{3, 8, 11}, func(x int) bool { return x%2 == 0 })
	fmt.Println(i, ok)
	h := compose(func(x int) int { return x + 1 }, func(x int) int { return x * 2 })
	fmt.Println(h(5))
	fmt.Println(withDefer())
	q, err := safeDiv(1, 0)
	fmt.Println(q, err)
	sum := func(xs ...int) (s int) {
		for _, x := range xs {
			s += x
		}
		return
	}
	fmt.Println(sum(1, 2, 3), sum())
	t := T{4}
	g := t.Get
	fmt.Println(g())
	total := 0
	for k := 0; k < 5; k++ {
		func() {
			for {
				if k%2 == 0 {
					break
				}
				total += k
				return
			}
			total += 100
		}()
	}
	fmt.Println(total)
	x := 1
	inc := func() { x++ }
	inc()
	inc()
	fmt.Println(x)
	runtime.ReadMemStats(&m)
	before := m.Mallocs
	for n := 0; n < 100; n++ {
		c := counter()
		c()
	}
	runtime.ReadMemStats(&m)
	fmt.Println("loop mallocs", m.Mallocs-before)
}
