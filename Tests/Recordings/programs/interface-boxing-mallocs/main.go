// What storing a value in an interface costs: runtime.ReadMemStats's
// Mallocs counted around assignments to a package-level `any` (so the
// value escapes). Pointers, small integers, zero-sized and constant values
// are free; other values are copied into a new heap object.
package main

import (
	"fmt"
	"runtime"
)

var sink any
var stats runtime.MemStats

func mallocs() uint64 {
	runtime.ReadMemStats(&stats)
	return stats.Mallocs
}

type pair struct{ a, b int }

//go:noinline
func count(name string, f func()) {
	before := mallocs()
	f()
	after := mallocs()
	fmt.Printf("%-22s %d\n", name, after-before)
}

func main() {
	small, big := 7, 100000
	word := string([]byte("dynamic"))
	p := &pair{1, 2}
	count("int 7", func() { sink = small })
	count("int 100000", func() { sink = big })
	count("constant 100000", func() { sink = 100000 })
	count("string (dynamic)", func() { sink = word })
	count("string (constant)", func() { sink = "constant" })
	count("struct pair", func() { sink = pair{small, big} })
	count("pointer *pair", func() { sink = p })
	count("empty struct", func() { sink = struct{}{} })
	count("bool", func() { sink = small > 3 })
	count("slice", func() { sink = []int{small, big} })
	var err error = fmt.Errorf("x=%d", big)
	count("error to any", func() { sink = err })
	count("10 ints in a loop", func() {
		for i := 0; i < 10; i++ {
			sink = big + i
		}
	})
	fmt.Println(sink)
}
