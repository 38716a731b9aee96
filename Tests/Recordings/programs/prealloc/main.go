// Preallocating with make([]T, 0, n) instead of growing from nil: count the
// allocations each way with Mallocs and TotalAlloc.
package main

import (
	"fmt"
	"runtime"
)

var sink []int

//go:noinline
func grow(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i*i)
	}
	return s
}

//go:noinline
func prealloc(n int) []int {
	s := make([]int, 0, n)
	for i := 0; i < n; i++ {
		s = append(s, i*i)
	}
	return s
}

func main() {
	var before, after runtime.MemStats
	const n = 100000

	runtime.ReadMemStats(&before)
	sink = grow(n)
	runtime.ReadMemStats(&after)
	fmt.Println("grow:     len", len(sink), "cap", cap(sink))
	fmt.Println("~ grow:     mallocs", after.Mallocs-before.Mallocs, "bytes", after.TotalAlloc-before.TotalAlloc)

	runtime.ReadMemStats(&before)
	sink = prealloc(n)
	runtime.ReadMemStats(&after)
	fmt.Println("prealloc: len", len(sink), "cap", cap(sink))
	fmt.Println("~ prealloc: mallocs", after.Mallocs-before.Mallocs, "bytes", after.TotalAlloc-before.TotalAlloc)
	fmt.Println("sum check:", sink[n-1])
}
