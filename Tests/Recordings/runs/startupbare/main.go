// startupbare: as startup, for a program that imports only runtime (it prints with the
// println builtin, on stderr): the runtime's own start-up heap without any package init of
// fmt's closure.
package main

import "runtime"

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
