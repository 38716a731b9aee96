// runtime.GC runs a full collection and waits for it: NumGC and
// NumForcedGC count them, PauseTotalNs adds up the stop-the-world pauses.
package main

import (
	"fmt"
	"runtime"
)

var live [][]byte

func main() {
	for i := 0; i < 64; i++ {
		live = append(live, make([]byte, 16<<10))
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("before: NumGC", m.NumGC, "NumForcedGC", m.NumForcedGC)
	for i := 1; i <= 3; i++ {
		runtime.GC()
		runtime.ReadMemStats(&m)
		fmt.Println("after GC", i, ": NumGC", m.NumGC, "NumForcedGC", m.NumForcedGC)
	}
	fmt.Printf("~ HeapAlloc %d KiB for %d live buffers\n", m.HeapAlloc>>10, len(live))
	fmt.Println("LastGC set:", m.LastGC > 0, "GCCPUFraction in [0,1]:", m.GCCPUFraction >= 0 && m.GCCPUFraction <= 1)
}
