// A slice of structs is one allocation; a slice of pointers to structs is
// one allocation per element plus the slice, and every pointer is more
// work for the collector.
package main

import (
	"fmt"
	"runtime"
)

type particle struct {
	x, y, vx, vy float64
}

var values []particle
var pointers []*particle

func snapshot() runtime.MemStats {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m
}

func main() {
	const n = 100000

	before := snapshot()
	values = make([]particle, n)
	for i := range values {
		values[i].x = float64(i)
	}
	after := snapshot()
	fmt.Printf("[]particle:  %6d mallocs\n", after.Mallocs-before.Mallocs)
	fmt.Printf("~ []particle:  %.2f MiB, heap objects %d\n",
		float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), after.HeapObjects)

	before = snapshot()
	pointers = make([]*particle, n)
	for i := range pointers {
		pointers[i] = &particle{x: float64(i)}
	}
	after = snapshot()
	fmt.Printf("[]*particle: %6d mallocs per element\n", (after.Mallocs-before.Mallocs)/n)
	fmt.Printf("~ []*particle: %6d mallocs\n", after.Mallocs-before.Mallocs)
	fmt.Printf("~ []*particle: %.2f MiB, heap objects %d\n",
		float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), after.HeapObjects)
	fmt.Println(values[n-1].x, pointers[n-1].x)
}
