// What a closure costs: each literal that captures variables makes a funcval
// (the code pointer and the captures) where it is evaluated; a captured
// variable that is reassigned, or larger than 128 bytes, is captured by
// reference and moves to the heap with the closure. A literal that captures
// nothing, and a declared function used as a value, cost nothing.
// The factories are go:noinline so that the compiler's inlining does not
// change what is measured.
package main

import (
	"fmt"
	"runtime"
)

var ms runtime.MemStats

func allocs() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

var ints []func() int
var adders []func(int) int
var strs []func() string

//go:noinline
func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

//go:noinline
func adder(k int) func(int) int {
	return func(x int) int { return x + k }
}

//go:noinline
func product(a, b int) func() int {
	return func() int { return a * b }
}

//go:noinline
func bigByValue(v int) func() int {
	var a [16]int
	a[3] = v
	return func() int { return a[3] }
}

//go:noinline
func bigByReference(v int) func() int {
	var a [17]int
	a[3] = v
	return func() int { return a[3] }
}

//go:noinline
func counted(s string) func() string {
	calls := 0
	return func() string {
		calls++
		return s
	}
}

//go:noinline
func static() func() int {
	return func() int { return 1 }
}

func double(x int) int { return 2 * x }

//go:noinline
func named() func(int) int {
	return double
}

//go:noinline
func localUse(k int) int {
	f := func(x int) int { return x + k }
	return f(1)
}

//go:noinline
func calledInPlace(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		func() { sum += i }()
	}
	return sum
}

func report(name string, m0, b0 uint64, n int) {
	m1, b1 := allocs()
	fmt.Printf("%-16s %5.2f allocs %7.2f bytes per call\n", name, float64(m1-m0)/float64(n), float64(b1-b0)/float64(n))
}

func main() {
	const n = 1000
	ints = make([]func() int, 0, 8*n)
	adders = make([]func(int) int, 0, 2*n)
	strs = make([]func() string, 0, n)

	m, b := allocs()
	for i := 0; i < n; i++ {
		ints = append(ints, counter())
	}
	report("counter", m, b, n)

	m, b = allocs()
	for i := 0; i < n; i++ {
		adders = append(adders, adder(i))
	}
	report("adder", m, b, n)

	m, b = allocs()
	for i := 0; i < n; i++ {
		ints = append(ints, product(i, 3))
	}
	report("product", m, b, n)

	m, b = allocs()
	for i := 0; i < n; i++ {
		ints = append(ints, bigByValue(i))
	}
	report("bigByValue", m, b, n)

	m, b = allocs()
	for i := 0; i < n; i++ {
		ints = append(ints, bigByReference(i))
	}
	report("bigByReference", m, b, n)

	m, b = allocs()
	for i := 0; i < n; i++ {
		strs = append(strs, counted("x"))
	}
	report("counted", m, b, n)

	m, b = allocs()
	for i := 0; i < n; i++ {
		ints = append(ints, static())
	}
	report("static", m, b, n)

	m, b = allocs()
	for i := 0; i < n; i++ {
		adders = append(adders, named())
	}
	report("named", m, b, n)

	m, b = allocs()
	total := 0
	for i := 0; i < n; i++ {
		total += localUse(i)
	}
	report("localUse", m, b, n)

	m, b = allocs()
	for i := 0; i < n; i++ {
		total += calledInPlace(3)
	}
	report("calledInPlace", m, b, n)

	c := ints[0]
	c()
	fmt.Println(c(), ints[n+5](), ints[2*n+7](), ints[3*n+9](), adders[4](10), adders[n+1](21), strs[3](), total)
}
