// twin.go: main.go for gcsh, its checkpoint written with GCScript's print.
//
// memstats: every runtime.MemStats field, as ReadMemStats fills it, at start, after
// allocations of several size classes (small kept, small garbage, tiny, large), after a
// forced GC, and after dropping half the objects and another GC. Each checkpoint prints one
// line of name=value pairs built in a preallocated buffer (no allocation while printing), and
// the non-zero BySize entries and the pauses recorded so far.
package main

import "runtime"

var m runtime.MemStats
var buf = make([]byte, 0, 1<<16)

// cp prints what main.go's checkpoint prints, with GCScript's print (no allocation): one
// "label name value ..." line, then "BySize class size mallocs frees" per non-zero class and
// "PauseNs k ns" per recorded pause.
func cp(label string) {
	runtime.ReadMemStats(&m)
	print label, "Alloc", m.Alloc, "TotalAlloc", m.TotalAlloc, "Sys", m.Sys, "Lookups", m.Lookups, "Mallocs", m.Mallocs, "Frees", m.Frees, "HeapAlloc", m.HeapAlloc, "HeapSys", m.HeapSys, "HeapIdle", m.HeapIdle, "HeapInuse", m.HeapInuse, "HeapReleased", m.HeapReleased, "HeapObjects", m.HeapObjects, "StackInuse", m.StackInuse, "StackSys", m.StackSys, "MSpanInuse", m.MSpanInuse, "MSpanSys", m.MSpanSys, "MCacheInuse", m.MCacheInuse, "MCacheSys", m.MCacheSys, "BuckHashSys", m.BuckHashSys, "GCSys", m.GCSys, "OtherSys", m.OtherSys, "NextGC", m.NextGC, "PauseTotalNs", m.PauseTotalNs, "NumGC", m.NumGC, "NumForcedGC", m.NumForcedGC, "EnableGC", m.EnableGC, "DebugGC", m.DebugGC
	for i, c := range m.BySize {
		if c.Mallocs != 0 || c.Frees != 0 {
			print "BySize", i, c.Size, c.Mallocs, c.Frees
		}
	}
	for i := uint32(0); i < m.NumGC && i < 256; i++ {
		print "PauseNs", i, m.PauseNs[i]
	}
}

type node struct {
	next *node
	v    [4]int64
}

var keep []*node
var small [][16]byte
var big [][]byte

//go:noinline
func local() uint64 {
	// A MemStats declared in a function: -m says whether it stays in the frame.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return uint64(ms.NumGC)
}

func main() {
	cp("start")
	keep = make([]*node, 0, 1000)
	for i := 0; i < 1000; i++ {
		keep = append(keep, &node{v: [4]int64{int64(i)}})
	}
	small = make([][16]byte, 0, 1)
	for i := 0; i < 5000; i++ {
		small = append(small, [16]byte{byte(i)})
	}
	big = make([][]byte, 8)
	for i := range big {
		big[i] = make([]byte, 40000)
	}
	cp("allocated")
	runtime.GC()
	cp("gc1")
	for i := 0; i < len(keep); i += 2 {
		keep[i] = nil
	}
	big = big[:0:0]
	small = nil
	runtime.GC()
	cp("gc2")
	_ = local()
	cp("local")
}
