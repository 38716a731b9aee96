// After the collector frees memory the runtime keeps the pages for a
// while (HeapIdle); debug.FreeOSMemory collects and hands them back to
// the operating system at once (HeapReleased).
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func mb(b uint64) float64 {
	return float64(b) / 1024 / 1024
}

func show(label string) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("~ %-16s HeapAlloc %6.1f  HeapIdle %6.1f  HeapReleased %6.1f  HeapSys %6.1f\n",
		label, mb(m.HeapAlloc), mb(m.HeapIdle), mb(m.HeapReleased), mb(m.HeapSys))
}

func main() {
	blocks := make([][]byte, 0, 32)
	for i := 0; i < 32; i++ {
		b := make([]byte, 4<<20)
		for j := 0; j < len(b); j += 4096 {
			b[j] = 1
		}
		blocks = append(blocks, b)
	}
	show("allocated")
	fmt.Println("blocks:", len(blocks))
	blocks = nil
	runtime.GC()
	show("after GC")
	debug.FreeOSMemory()
	show("after FreeOSMemory")
}
