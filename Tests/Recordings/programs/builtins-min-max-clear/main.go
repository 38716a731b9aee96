// Go 1.21's builtins: min and max of any ordered values, and clear, which
// zeroes a slice's elements but keeps its length and capacity. (Go 1.19
// does not have them.)
package main

import (
	"fmt"
	"runtime"
)

var pool []*[1024]byte

func main() {
	sizes := []int{4096, 512, 65536, 8, 1 << 20}
	lo, hi := sizes[0], sizes[0]
	for _, s := range sizes[1:] {
		lo = min(lo, s)
		hi = max(hi, s)
	}
	fmt.Println("smallest", lo, "largest", hi, "clamped", min(max(3000, lo), 2048))
	fmt.Println(max(1.5, 2, 0.25), min("heap", "stack", "arena"))

	for i := 0; i < 2000; i++ {
		pool = append(pool, new([1024]byte))
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("~ pool of %d: %d KiB live\n", len(pool), m.HeapAlloc>>10)

	clear(pool)
	runtime.GC()
	runtime.ReadMemStats(&m)
	fmt.Println("after clear: len", len(pool), "cap", cap(pool), "pool[0] == nil:", pool[0] == nil)
	fmt.Printf("~ after clear: %d KiB live\n", m.HeapAlloc>>10)
}
