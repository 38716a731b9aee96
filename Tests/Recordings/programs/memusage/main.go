// The MemStats printer most tutorials start with: allocate a few large
// slices, keep them in a slice of slices, drop them, collect.
package main

import (
	"fmt"
	"runtime"
)

func bToMb(b uint64) uint64 {
	return b / 1024 / 1024
}

func PrintMemUsage(step string) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println(step)
	fmt.Printf("~ Alloc = %v MiB", bToMb(m.Alloc))
	fmt.Printf("\tTotalAlloc = %v MiB", bToMb(m.TotalAlloc))
	fmt.Printf("\tSys = %v MiB", bToMb(m.Sys))
	fmt.Printf("\tNumGC = %v\n", m.NumGC)
}

func main() {
	PrintMemUsage("start")
	var overall [][]int
	for i := 0; i < 4; i++ {
		// 1,000,000 ints: about 7.6 MiB each.
		a := make([]int, 0, 1000000)
		overall = append(overall, a)
		PrintMemUsage(fmt.Sprintf("after slice %d", i+1))
	}
	fmt.Println("slices held:", len(overall))
	overall = nil
	PrintMemUsage("after overall = nil")
	runtime.GC()
	PrintMemUsage("after runtime.GC()")
}
