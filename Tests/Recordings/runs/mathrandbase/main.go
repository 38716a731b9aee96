// mathrandbase: mathrand without math/rand (its start-up heap, for the difference).
// what each call allocates, and what the package's init and its first
// top-level call allocate (Go 1.20+ seeds the top-level functions randomly:
// their values are printed as "~" lines; Go 1.19 seeds them with 1). MemStats
// is read into package variables around each step and everything is printed
// at the end. mathrandbase is the same program without math/rand, for the
// start-up heap.
package main

import (
	"fmt"
	_ "os"
	"runtime"
)

var m runtime.MemStats
var labels [40]string
var mallocs, bytes [40]uint64
var n int
var m0, t0 uint64
var startHeap, startMallocs uint64

func start() {
	runtime.ReadMemStats(&m)
	m0, t0 = m.Mallocs, m.TotalAlloc
}

func stop(label string) {
	runtime.ReadMemStats(&m)
	labels[n] = label
	mallocs[n] = m.Mallocs - m0
	bytes[n] = m.TotalAlloc - t0
	n++
}


func main() {
	runtime.ReadMemStats(&m)
	startHeap, startMallocs = m.HeapAlloc, m.Mallocs
	fmt.Println("start: HeapAlloc", startHeap, "Mallocs", startMallocs)
}
