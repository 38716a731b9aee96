// debug.SetMemoryLimit: a negative argument only reads the limit (no limit
// is math.MaxInt64); with GOGC off the limit alone decides when the
// collector runs.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var sink []byte

func main() {
	fmt.Println("limit at start:", debug.SetMemoryLimit(-1))
	prev := debug.SetMemoryLimit(64 << 20)
	fmt.Println("previous limit:", prev)
	fmt.Println("limit now:", debug.SetMemoryLimit(-1))
	fmt.Println("GOGC was:", debug.SetGCPercent(-1))

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	gc0 := m.NumGC
	for i := 0; i < 400; i++ {
		sink = make([]byte, 1<<20)
	}
	runtime.ReadMemStats(&m)
	fmt.Println("collected under the limit:", m.NumGC > gc0)
	fmt.Printf("~ collections: %d, heap %d MiB, limit 64 MiB\n", m.NumGC-gc0, m.HeapAlloc>>20)
	fmt.Println("limit restored, was:", debug.SetMemoryLimit(prev))
}
