// A closure that outlives its function takes the variables it captures to
// the heap with it: every counter made here is an allocation.
package main

import (
	"fmt"
	"runtime"
)

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

var counters []func() int

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	m0 := m.Mallocs
	for i := 0; i < 100; i++ {
		counters = append(counters, counter())
	}
	runtime.ReadMemStats(&m)
	c := counters[3]
	c()
	c()
	fmt.Println("third call:", c(), "another counter:", counters[4]())
	fmt.Println("at least one allocation per counter:", m.Mallocs-m0 >= 100)
}
