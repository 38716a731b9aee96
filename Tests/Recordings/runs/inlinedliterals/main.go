// inlinedliterals: function literals and the inliner (cmd/compile/internal/inline/inl.go,
// and Go 1.20+'s unified IR reader, which copies a literal into every inlined body). A
// function that contains a literal is inlinable (the literal costs 15); inlined, its literal
// is a new closure of the caller, judged in the caller's frame: counter's `c` and funcval stay
// in main's frame when main keeps the closure to itself, and move to the heap when it does not.
// A call whose callee is statically a literal — written in place, held by a local assigned
// once, or the parameter of an inlined function given a literal — is inlined in turn. Go
// 1.24+'s deadlocals pass then drops a local holding a literal that no call uses any more.
// Each section prints what it computed and the mallocs it made.
package main

import (
	"fmt"
	"runtime"
)

var ms runtime.MemStats

func mallocs() uint64 {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func adder(n int) func(int) int {
	return func(x int) int { return x + n }
}

func apply(xs []int, f func(int) int) {
	for i := range xs {
		xs[i] = f(xs[i])
	}
}

func twice(f func()) {
	f()
	f()
}

func wrap(f func() int) func() int {
	return func() int { return f() + 100 }
}

func makeBuf() func() []byte {
	return func() []byte { return make([]byte, 64) }
}

var keep []func() int

func main() {
	m0 := mallocs()
	next := counter()
	a, b, c := next(), next(), next()
	m1 := mallocs()
	fmt.Println("counter kept local:", a, b, c, m1-m0)

	m0 = mallocs()
	keep = append(keep, counter())
	m1 = mallocs()
	fmt.Println("counter stored:", keep[0](), keep[0](), m1-m0)

	m0 = mallocs()
	add5 := adder(5)
	r := add5(3) + add5(4)
	m1 = mallocs()
	fmt.Println("adder:", r, m1-m0)

	m0 = mallocs()
	xs := []int{1, 2, 3}
	k := 3
	apply(xs, func(x int) int { return x * k })
	m1 = mallocs()
	fmt.Println("apply:", xs[0], xs[1], xs[2], m1-m0)

	m0 = mallocs()
	sum := 0
	for i := 0; i < 4; i++ {
		func() { sum += i }()
	}
	twice(func() { sum *= 2 })
	m1 = mallocs()
	fmt.Println("direct and twice:", sum, m1-m0)

	m0 = mallocs()
	sq := func(x int) int { return x * x }
	t := sq(7)
	m1 = mallocs()
	fmt.Println("local literal:", t, m1-m0)

	m0 = mallocs()
	w := wrap(func() int { return k })
	v := w()
	m1 = mallocs()
	fmt.Println("wrap:", v, m1-m0)

	m0 = mallocs()
	buf := makeBuf()()
	buf[0] = 1
	m1 = mallocs()
	fmt.Println("makeBuf:", len(buf), buf[0], m1-m0)

	m0 = mallocs()
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	f10 := fib(10)
	m1 = mallocs()
	fmt.Println("fib:", f10, m1-m0)

	m0 = mallocs()
	var grid [64]int
	fill := func(v int) {
		for i := range grid {
			grid[i] = v
		}
	}
	fill(9)
	m1 = mallocs()
	fmt.Println("big capture:", grid[63], m1-m0)
}
