// deferloopgc: a defer inside a loop keeps its arguments alive until the function returns.
// work allocates a 1 KiB buffer per iteration and defers use(buf); every buffer is reachable
// from its deferred call's closure (through the goroutine's _defer list) until work returns,
// so the heap grows by ~n KiB even though no iteration uses its buffer afterwards, and the
// GCs that run during the loop free nothing of it. MemStats is read at the end of the loop
// (inside work, before it returns), after work returned, and after runtime.GC().
package main

import (
	"fmt"
	"runtime"
)

const N = 10000

var used int

//go:noinline
func use(buf []byte) { used += len(buf) }

var start, loopEnd, returned, afterGC runtime.MemStats

func work(n int) {
	for i := 0; i < n; i++ {
		buf := make([]byte, 1024)
		defer use(buf)
	}
	runtime.ReadMemStats(&loopEnd)
}

func show(label string, m *runtime.MemStats) {
	fmt.Printf("%s HeapAlloc=%d HeapInuse=%d HeapObjects=%d Mallocs=%d Frees=%d TotalAlloc=%d NumGC=%d NextGC=%d StackInuse=%d\n",
		label, m.HeapAlloc, m.HeapInuse, m.HeapObjects, m.Mallocs, m.Frees, m.TotalAlloc, m.NumGC, m.NextGC, m.StackInuse)
	fmt.Printf("%s BySize", label)
	for _, c := range m.BySize {
		if c.Mallocs > 0 {
			fmt.Printf(" %d:%d-%d", c.Size, c.Mallocs, c.Frees)
		}
	}
	fmt.Println()
}

func main() {
	runtime.ReadMemStats(&start)
	work(N)
	runtime.ReadMemStats(&returned)
	runtime.GC()
	runtime.ReadMemStats(&afterGC)
	show("start", &start)
	show("loopEnd", &loopEnd)
	show("returned", &returned)
	show("afterGC", &afterGC)
	fmt.Println("used", used)
}
