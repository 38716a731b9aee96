// Escape analysis: a function that returns a pointer to its local makes
// that local escape to the heap; returning the struct by value does not
// allocate. //go:noinline keeps the compiler from inlining the calls away.
package main

import (
	"fmt"
	"runtime"
)

type point struct {
	x, y int
}

//go:noinline
func newPoint(x, y int) *point {
	p := point{x, y}
	return &p
}

//go:noinline
func makePoint(x, y int) point {
	return point{x, y}
}

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	const n = 1000
	sum := 0

	start := mallocs()
	for i := 0; i < n; i++ {
		p := newPoint(i, 2*i)
		sum += p.x + p.y
	}
	fmt.Println("pointer results: allocations per call:", (mallocs()-start)/n)

	start = mallocs()
	for i := 0; i < n; i++ {
		p := makePoint(i, 2*i)
		sum += p.x + p.y
	}
	fmt.Println("value results:   allocations per call:", (mallocs()-start)/n)
	fmt.Println("sum:", sum)
}
