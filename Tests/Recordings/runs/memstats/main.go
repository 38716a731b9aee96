// memstats: every runtime.MemStats field, as ReadMemStats fills it, at start, after
// allocations of several size classes (small kept, small garbage, tiny, large), after a
// forced GC, and after dropping half the objects and another GC. Each checkpoint prints one
// line of name=value pairs built in a preallocated buffer (no allocation while printing), and
// the non-zero BySize entries and the pauses recorded so far.
package main

import (
	"os"
	"runtime"
	"strconv"
)

var m runtime.MemStats
var buf = make([]byte, 0, 1<<16)

func field(b []byte, name string, v uint64) []byte {
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, '=')
	return strconv.AppendUint(b, v, 10)
}

func cp(label string) {
	runtime.ReadMemStats(&m)
	b := append(buf[:0], label...)
	b = field(b, "Alloc", m.Alloc)
	b = field(b, "TotalAlloc", m.TotalAlloc)
	b = field(b, "Sys", m.Sys)
	b = field(b, "Lookups", m.Lookups)
	b = field(b, "Mallocs", m.Mallocs)
	b = field(b, "Frees", m.Frees)
	b = field(b, "HeapAlloc", m.HeapAlloc)
	b = field(b, "HeapSys", m.HeapSys)
	b = field(b, "HeapIdle", m.HeapIdle)
	b = field(b, "HeapInuse", m.HeapInuse)
	b = field(b, "HeapReleased", m.HeapReleased)
	b = field(b, "HeapObjects", m.HeapObjects)
	b = field(b, "StackInuse", m.StackInuse)
	b = field(b, "StackSys", m.StackSys)
	b = field(b, "MSpanInuse", m.MSpanInuse)
	b = field(b, "MSpanSys", m.MSpanSys)
	b = field(b, "MCacheInuse", m.MCacheInuse)
	b = field(b, "MCacheSys", m.MCacheSys)
	b = field(b, "BuckHashSys", m.BuckHashSys)
	b = field(b, "GCSys", m.GCSys)
	b = field(b, "OtherSys", m.OtherSys)
	b = field(b, "NextGC", m.NextGC)
	b = field(b, "PauseTotalNs", m.PauseTotalNs)
	b = field(b, "NumGC", uint64(m.NumGC))
	b = field(b, "NumForcedGC", uint64(m.NumForcedGC))
	if m.EnableGC {
		b = append(b, " EnableGC=true"...)
	}
	if m.DebugGC {
		b = append(b, " DebugGC=true"...)
	}
	b = append(b, " BySize="...)
	for i, c := range m.BySize {
		if c.Mallocs == 0 && c.Frees == 0 {
			continue
		}
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, ':')
		b = strconv.AppendUint(b, uint64(c.Size), 10)
		b = append(b, ':')
		b = strconv.AppendUint(b, c.Mallocs, 10)
		b = append(b, ':')
		b = strconv.AppendUint(b, c.Frees, 10)
		b = append(b, ',')
	}
	b = append(b, " PauseNs="...)
	for i := uint32(0); i < m.NumGC && i < 256; i++ {
		b = strconv.AppendUint(b, m.PauseNs[i], 10)
		b = append(b, ',')
	}
	b = append(b, '\n')
	os.Stdout.Write(b)
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
