// A memory report through the log package: a Logger on stdout without dates (so the lines
// compare), the standard logger's dated lines on stderr, and what logging itself allocates.
package main

import (
	"log"
	"os"
	"runtime"
	"time"
)

var out = log.New(os.Stdout, "", 0)

func report(stage string) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	out.Printf("~ [mem] %-8s HeapAlloc=%d KiB HeapObjects=%d NumGC=%d", stage, m.HeapAlloc>>10, m.HeapObjects, m.NumGC)
}

func main() {
	start := time.Now()
	report("start")
	var keep [][]byte
	for i := 0; i < 64; i++ {
		keep = append(keep, make([]byte, 64<<10))
		if i%16 == 15 {
			log.Printf("batch %d done", i/16)
		}
	}
	report("filled")
	out.Println("kept", len(keep), "buffers of", len(keep[0]), "bytes")
	keep = nil
	runtime.GC()
	report("dropped")

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 100; i++ {
		out.Println("line", i)
	}
	runtime.ReadMemStats(&after)
	out.Println("~ mallocs for 100 log lines:", after.Mallocs-before.Mallocs)
	out.SetPrefix("[done] ")
	out.Printf("elapsed under a second: %v", time.Since(start) < time.Second)
}
