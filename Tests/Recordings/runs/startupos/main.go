// startupos: as startupbare, for a program that imports os and runtime (the checkpoint of the
// recorded runs, ../ckpt, imports os, runtime and strconv): the inits of os's closure, without
// fmt's and unicode's.
package main

import (
	"os"
	"runtime"
	"strconv"
)

var _ = os.Getpid
var _ = strconv.Itoa

var start, afterGC runtime.MemStats

func show(label string, m *runtime.MemStats) {
	println(label, "Mallocs", m.Mallocs, "Frees", m.Frees, "HeapAlloc", m.HeapAlloc, "HeapObjects", m.HeapObjects,
		"HeapInuse", m.HeapInuse, "HeapSys", m.HeapSys, "NextGC", m.NextGC, "NumGC", m.NumGC, "StackInuse", m.StackInuse)
	print(label, " BySize")
	for _, c := range m.BySize {
		if c.Mallocs > 0 {
			print(" ", c.Size, ":", c.Mallocs, "-", c.Frees)
		}
	}
	println()
}

func main() {
	runtime.ReadMemStats(&start)
	runtime.GC()
	runtime.ReadMemStats(&afterGC)
	show("start", &start)
	show("afterGC", &afterGC)
}
