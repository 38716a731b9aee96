// Closures made in a loop capture its variable: since Go 1.22 each iteration
// has its own (each closure its own copy, moved to the heap with it), before
// that one variable shared by all — the classic bug this program shows.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	var m runtime.MemStats
	var fs []func() int
	fs = make([]func() int, 0, 3)
	runtime.ReadMemStats(&m)
	before := m.Mallocs
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	runtime.ReadMemStats(&m)
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	fmt.Println("allocations:", m.Mallocs-before)
}
