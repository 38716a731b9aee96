// Setting a variable to nil does not free anything by itself: the memory
// comes back when the collector runs, here forced with runtime.GC.
package main

import (
	"fmt"
	"runtime"
)

var data []int64

func report(label string) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("~ %-22s HeapAlloc=%4d MiB HeapInuse=%4d MiB NumGC=%d\n",
		label, m.HeapAlloc>>20, m.HeapInuse>>20, m.NumGC)
}

func main() {
	report("start")
	data = make([]int64, 10_000_000)
	for i := range data {
		data[i] = 1
	}
	fmt.Println("elements:", len(data))
	report("after make")
	data = nil
	report("after data = nil")
	runtime.GC()
	report("after runtime.GC()")
	runtime.GC()
	report("after second GC")
}
