//go:build go1.23

// rangefuncescape: range over functions (Go 1.23) as the compiler rewrites them
// (cmd/compile/internal/rangefunc): the loop body becomes a func literal named
// main-range1, ..., passed to the iterator. Whether it and what it captures stay in
// the frame is escape analysis's decision about the iterator's yield parameter:
// gen keeps yield to itself (no allocation), leaky stores it (the body, the
// variable it updates and its #state variable move to the heap: 3 mallocs).
package main

import (
	"fmt"
	"runtime"
)

//go:noinline
func gen(yield func(int) bool) {
	for i := 0; i < 5; i++ {
		if !yield(i) {
			return
		}
	}
}

//go:noinline
func pairs(yield func(string, int) bool) {
	_ = yield("a", 1) && yield("b", 2)
}

var keep func(int) bool

//go:noinline
func leaky(yield func(int) bool) {
	keep = yield
	yield(1)
}

//go:noinline
func run(f func()) { f() }

type walker struct{ n int }

//go:noinline
func (w *walker) Walk(yield func(int) bool) {
	for i := 0; i < w.n; i++ {
		if !yield(i) {
			return
		}
	}
}

func first() (n int) {
	for x := range gen {
		if x > 2 {
			return x * 10
		}
	}
	return -1
}

//go:noinline
func mallocs() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

func main() {
	before := mallocs()
	sum := 0
	for x := range gen {
		sum += x
	}
	stack := mallocs() - before
	var k string
	var v int
	for k, v = range pairs {
		fmt.Println(k, v)
	}
	before = mallocs()
	total := 0
	for range leaky {
		total++
	}
	heap := mallocs() - before
	fmt.Println(first(), sum, total, k, v)
	fmt.Println("mallocs: gen loop", stack, "leaky loop", heap)
	run(func() {
		for x := range gen {
			if x == 1 {
				break
			}
		}
	})
	// Literals in bodies, and a body in a body: named main-range3.1, main-range3-range1, ...
	// and listed by CanInlineFuncs after the function's own literals.
	nested := 0
	for x := range gen {
		run(func() { nested += x })
		for y := range gen {
			run(func() { nested += y })
			if y > 1 {
				break
			}
		}
		if x > 1 {
			break
		}
	}
	// A method as the iterator: the rewrite calls w.Walk(body), no method value.
	w := &walker{n: 3}
	for v := range w.Walk {
		nested += v
	}
	fmt.Println("nested", nested)
}
