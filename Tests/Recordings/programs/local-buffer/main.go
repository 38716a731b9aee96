// A fixed-size local array is stack memory and costs the heap nothing; a
// slice made with a size known only at run time (and too big for the
// compiler's small stack buffer) is a heap allocation every call.
package main

import (
	"fmt"
	"runtime"
)

//go:noinline
func checksumArray(seed int) int {
	var buf [4096]byte
	for i := 0; i < len(buf); i += 64 {
		buf[i] = byte(seed + i)
	}
	s := 0
	for i := 0; i < len(buf); i += 64 {
		s += int(buf[i])
	}
	return s
}

//go:noinline
func checksumSlice(seed, size int) int {
	buf := make([]byte, size)
	for i := 0; i < len(buf); i += 64 {
		buf[i] = byte(seed + i)
	}
	s := 0
	for i := 0; i < len(buf); i += 64 {
		s += int(buf[i])
	}
	return s
}

func main() {
	var m runtime.MemStats
	const calls = 500
	size := 4096

	runtime.ReadMemStats(&m)
	m0, b0 := m.Mallocs, m.TotalAlloc
	a := 0
	for i := 0; i < calls; i++ {
		a += checksumArray(i)
	}
	runtime.ReadMemStats(&m)
	fmt.Printf("array: result %d, %d mallocs, %d bytes\n", a, m.Mallocs-m0, m.TotalAlloc-b0)

	m0, b0 = m.Mallocs, m.TotalAlloc
	s := 0
	for i := 0; i < calls; i++ {
		s += checksumSlice(i, size)
	}
	runtime.ReadMemStats(&m)
	fmt.Printf("slice: result %d, %d allocation(s) per call\n", s, (m.Mallocs-m0)/calls)
	fmt.Printf("~ slice: %d mallocs, %d bytes\n", m.Mallocs-m0, m.TotalAlloc-b0)
}
