// The same constructor without //go:noinline: the call is inlined, the
// pointer no longer leaves main, and the struct lives on the stack. A
// pointer stored in a package variable still escapes.
package main

import (
	"fmt"
	"runtime"
)

type point struct {
	x, y int
}

var keep *point

func newPoint(x, y int) *point {
	return &point{x: x, y: y}
}

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	const n = 1000
	total := 0

	before := mallocs()
	for i := 0; i < n; i++ {
		p := newPoint(i, i)
		total += p.x * p.y
	}
	after := mallocs()
	fmt.Printf("inlined, used locally: %d allocations for %d calls\n", after-before, n)

	before = mallocs()
	for i := 0; i < n; i++ {
		keep = newPoint(i, i)
		total += keep.x
	}
	after = mallocs()
	fmt.Printf("stored in a global:    %d allocations for %d calls\n", after-before, n)
	fmt.Println("total:", total)
}
