// A loop that allocates 1 MiB of garbage per iteration: the heap stays
// small because the collector keeps up, and NumGC counts its cycles.
package main

import (
	"fmt"
	"runtime"
)

func work(i int) int {
	buf := make([]byte, 1<<20)
	buf[i%len(buf)] = byte(i)
	return int(buf[i%len(buf)])
}

func main() {
	var m runtime.MemStats
	sum := 0
	for round := 1; round <= 4; round++ {
		for i := 0; i < 100; i++ {
			sum += work(i)
		}
		runtime.ReadMemStats(&m)
		fmt.Printf("~ round %d: TotalAlloc %4d MiB  HeapAlloc %2d MiB  NumGC %3d\n",
			round, m.TotalAlloc>>20, m.HeapAlloc>>20, m.NumGC)
	}
	fmt.Println("sum:", sum)
}
