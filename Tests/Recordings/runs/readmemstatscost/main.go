// readmemstatscost: the time one runtime.ReadMemStats takes (stop the world, flush the
// mcaches, read, start the world), averaged over 10,000 calls, five times.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	var m runtime.MemStats
	for r := 0; r < 5; r++ {
		t := time.Now()
		for i := 0; i < 10000; i++ {
			runtime.ReadMemStats(&m)
		}
		fmt.Println(time.Since(t) / 10000)
	}
}
