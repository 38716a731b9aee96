// startuprand: startup (../startup) with math/rand imported too: the heap a Go program finds when main begins (the
// runtime's own objects plus those of every package init in fmt's import closure: os, unicode,
// syscall, internal/poll, ...), and what the first GC frees of it. MemStats is read into
// package variables before anything is printed, so nothing of main's is in the first two
// readings; fmt prints them afterwards.
package main

import (
	"fmt"
	_ "math/rand"
	"runtime"
)

var start, afterGC runtime.MemStats

func show(label string, m *runtime.MemStats) {
	fmt.Printf("%s Mallocs=%d Frees=%d HeapAlloc=%d HeapObjects=%d HeapInuse=%d HeapSys=%d NextGC=%d NumGC=%d StackInuse=%d\n",
		label, m.Mallocs, m.Frees, m.HeapAlloc, m.HeapObjects, m.HeapInuse, m.HeapSys, m.NextGC, m.NumGC, m.StackInuse)
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
	runtime.GC()
	runtime.ReadMemStats(&afterGC)
	show("start", &start)
	show("afterGC", &afterGC)
}
