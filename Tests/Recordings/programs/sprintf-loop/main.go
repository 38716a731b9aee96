// fmt.Sprintf in a hot loop allocates the string it returns (and may box
// its arguments); measuring allocations per call with Mallocs.
package main

import (
	"fmt"
	"runtime"
)

var lines []string

func main() {
	const n = 1000
	lines = make([]string, 0, n)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	m0, t0 := m.Mallocs, m.TotalAlloc
	for i := 0; i < n; i++ {
		lines = append(lines, fmt.Sprintf("item-%04d", i))
	}
	runtime.ReadMemStats(&m)
	fmt.Println(lines[0], lines[n-1], len(lines))
	fmt.Printf("~ %.2f allocations and %.1f bytes per Sprintf\n",
		float64(m.Mallocs-m0)/n, float64(m.TotalAlloc-t0)/n)
	fmt.Printf("%s|%10s|%-10s|%.3s\n", lines[42], lines[42], lines[42], lines[42])
}
