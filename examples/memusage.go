// The program learners paste first: print the heap with runtime.ReadMemStats while a slice of
// slices grows, drop it, and collect. Run it as it is: gcsh --gctrace examples/memusage.go
// (Go's own output for it is in the comment at the end).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	PrintMemUsage()
	var overall [][]int
	for i := 0; i < 4; i++ {
		// 8 MB each: the heap grows, and the GC runs as it passes its goal.
		a := make([]int, 0, 999999)
		overall = append(overall, a)
		PrintMemUsage()
	}
	overall = nil // drops the only root: nothing is freed yet
	PrintMemUsage()
	runtime.GC() // now the slices are garbage and the GC frees them
	PrintMemUsage()
}

// PrintMemUsage prints the heap in use, the total ever allocated, what the runtime has
// mapped from the OS, and the number of completed GC cycles.
func PrintMemUsage() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("Alloc = %v MiB", bToMb(m.Alloc))
	fmt.Printf("\tTotalAlloc = %v MiB", bToMb(m.TotalAlloc))
	fmt.Printf("\tSys = %v MiB", bToMb(m.Sys))
	fmt.Printf("\tNumGC = %v\n", m.NumGC)
}

func bToMb(b uint64) uint64 {
	return b / 1024 / 1024
}

// Go 1.27.3 on linux/amd64 (go run, the same in three runs). gcsh prints this but for the 6th
// line's NumGC: 2, because the concurrent cycle the 4th make started is still marking — gcsh
// charges a Printf no virtual time, where the real one's write takes microseconds.
//   Alloc = 0 MiB	TotalAlloc = 0 MiB	Sys = 7 MiB	NumGC = 0
//   Alloc = 7 MiB	TotalAlloc = 7 MiB	Sys = 15 MiB	NumGC = 0
//   Alloc = 15 MiB	TotalAlloc = 15 MiB	Sys = 23 MiB	NumGC = 1
//   Alloc = 22 MiB	TotalAlloc = 22 MiB	Sys = 31 MiB	NumGC = 2
//   Alloc = 30 MiB	TotalAlloc = 30 MiB	Sys = 39 MiB	NumGC = 2
//   Alloc = 30 MiB	TotalAlloc = 30 MiB	Sys = 39 MiB	NumGC = 3
//   Alloc = 0 MiB	TotalAlloc = 30 MiB	Sys = 39 MiB	NumGC = 4
