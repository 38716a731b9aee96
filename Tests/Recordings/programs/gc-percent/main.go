// debug.SetGCPercent sets GOGC and returns the previous setting; a
// negative value turns the collector off, and then garbage only piles up.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var sink []byte

func churn(mib int) {
	for i := 0; i < mib; i++ {
		sink = make([]byte, 1<<20)
	}
}

func numGC() uint32 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC
}

func main() {
	old := debug.SetGCPercent(50)
	fmt.Println("default GOGC:", old)
	old = debug.SetGCPercent(-1)
	fmt.Println("previous GOGC:", old)

	before := numGC()
	churn(100)
	fmt.Println("collections while off:", numGC()-before)

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("~ heap with GC off: %d MiB\n", m.HeapAlloc>>20)

	old = debug.SetGCPercent(100)
	fmt.Println("previous GOGC:", old)
	before = numGC()
	churn(100)
	fmt.Println("~ collections at GOGC=100:", numGC()-before)
	runtime.ReadMemStats(&m)
	fmt.Printf("~ heap at GOGC=100: %d MiB\n", m.HeapAlloc>>20)
}
