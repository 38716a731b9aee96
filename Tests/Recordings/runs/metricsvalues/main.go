// metricsvalues: every scalar metric's value, and the histograms' nonzero buckets, next to
// MemStats, at the start of main and after a workload + runtime.GC(). The workload: 1,000 live
// 64-byte objects (`new([64]byte)`, kept in a package slice), 50 live 100 KiB slices, 10,000
// 16-byte objects that become garbage at once (each overwrites the package variable sink).
// The two sample slices are made and both read once before the first reading, so the
// second Read allocates nothing (its histograms exist); each metrics.Read is followed at once
// by runtime.ReadMemStats, and everything is printed at the end.
package main

import (
	"fmt"
	"math"
	"runtime"
	"runtime/metrics"
)

var (
	ms0, ms1 runtime.MemStats
	s0, s1   []metrics.Sample
	keep     []*[64]byte
	big      [][]byte
	sink     *[16]byte
)

func samples() []metrics.Sample {
	d := metrics.All()
	s := make([]metrics.Sample, len(d))
	for i := range d {
		s[i].Name = d[i].Name
	}
	return s
}

func find(s []metrics.Sample, name string) (metrics.Value, bool) {
	for i := range s {
		if s[i].Name == name {
			return s[i].Value, true
		}
	}
	return metrics.Value{}, false
}

func u(s []metrics.Sample, name string) (uint64, bool) {
	v, ok := find(s, name)
	if !ok || v.Kind() != metrics.KindUint64 {
		return 0, false
	}
	return v.Uint64(), true
}

func f(s []metrics.Sample, name string) (float64, bool) {
	v, ok := find(s, name)
	if !ok || v.Kind() != metrics.KindFloat64 {
		return 0, false
	}
	return v.Float64(), true
}

func show(label string, s []metrics.Sample, m *runtime.MemStats) {
	for i := range s {
		switch s[i].Value.Kind() {
		case metrics.KindUint64:
			fmt.Printf("%s %s %d\n", label, s[i].Name, s[i].Value.Uint64())
		case metrics.KindFloat64:
			fmt.Printf("%s %s %v\n", label, s[i].Name, s[i].Value.Float64())
		}
	}
	for i := range s {
		if s[i].Value.Kind() != metrics.KindFloat64Histogram {
			continue
		}
		h := s[i].Value.Float64Histogram()
		fmt.Printf("%s %s", label, s[i].Name)
		var sum uint64
		for j, c := range h.Counts {
			if c != 0 {
				fmt.Printf(" [%v,%v):%d", h.Buckets[j], h.Buckets[j+1], c)
				sum += c
			}
		}
		fmt.Printf(" sum=%d\n", sum)
	}
	fmt.Printf("%s MemStats HeapAlloc=%d TotalAlloc=%d Mallocs=%d Frees=%d HeapObjects=%d HeapInuse=%d HeapIdle=%d HeapReleased=%d HeapSys=%d\n",
		label, m.HeapAlloc, m.TotalAlloc, m.Mallocs, m.Frees, m.HeapObjects, m.HeapInuse, m.HeapIdle, m.HeapReleased, m.HeapSys)
	fmt.Printf("%s MemStats StackInuse=%d StackSys=%d MSpanInuse=%d MSpanSys=%d MCacheInuse=%d MCacheSys=%d BuckHashSys=%d GCSys=%d OtherSys=%d Sys=%d\n",
		label, m.StackInuse, m.StackSys, m.MSpanInuse, m.MSpanSys, m.MCacheInuse, m.MCacheSys, m.BuckHashSys, m.GCSys, m.OtherSys, m.Sys)
	fmt.Printf("%s MemStats NextGC=%d NumGC=%d NumForcedGC=%d PauseTotalNs=%d GCCPUFraction=%v LastGC>0=%v PauseNs=",
		label, m.NextGC, m.NumGC, m.NumForcedGC, m.PauseTotalNs, m.GCCPUFraction, m.LastGC > 0)
	for k := uint32(0); k < m.NumGC && k < 256; k++ {
		fmt.Printf(" %d", m.PauseNs[k])
	}
	fmt.Println()

	// The metric next to the MemStats expression it is expected to equal.
	pair := func(name string, want uint64, expr string) {
		if v, ok := u(s, name); ok {
			fmt.Printf("%s check %s=%d %s=%d diff=%d\n", label, name, v, expr, want, int64(v)-int64(want))
		}
	}
	tinyA, _ := u(s, "/gc/heap/tiny/allocs:objects")
	allocsO, _ := u(s, "/gc/heap/allocs:objects")
	freesO, _ := u(s, "/gc/heap/frees:objects")
	pair("/gc/heap/allocs:bytes", m.TotalAlloc, "TotalAlloc")
	pair("/gc/heap/allocs:objects", m.Mallocs, "Mallocs")
	fmt.Printf("%s check allocs:objects+tiny/allocs=%d Mallocs=%d diff=%d\n", label, allocsO+tinyA, m.Mallocs, int64(allocsO+tinyA)-int64(m.Mallocs))
	pair("/gc/heap/frees:objects", m.Frees, "Frees")
	fmt.Printf("%s check frees:objects+tiny/allocs=%d Frees=%d diff=%d\n", label, freesO+tinyA, m.Frees, int64(freesO+tinyA)-int64(m.Frees))
	pair("/gc/heap/frees:bytes", m.TotalAlloc-m.HeapAlloc, "TotalAlloc-HeapAlloc")
	pair("/gc/heap/objects:objects", m.HeapObjects, "HeapObjects")
	pair("/memory/classes/heap/objects:bytes", m.HeapAlloc, "HeapAlloc")
	pair("/memory/classes/heap/unused:bytes", m.HeapInuse-m.HeapAlloc, "HeapInuse-HeapAlloc")
	pair("/memory/classes/heap/free:bytes", m.HeapIdle-m.HeapReleased, "HeapIdle-HeapReleased")
	pair("/memory/classes/heap/released:bytes", m.HeapReleased, "HeapReleased")
	pair("/memory/classes/heap/stacks:bytes", m.StackInuse, "StackInuse")
	pair("/memory/classes/os-stacks:bytes", m.StackSys-m.StackInuse, "StackSys-StackInuse")
	pair("/memory/classes/metadata/mspan/inuse:bytes", m.MSpanInuse, "MSpanInuse")
	pair("/memory/classes/metadata/mspan/free:bytes", m.MSpanSys-m.MSpanInuse, "MSpanSys-MSpanInuse")
	pair("/memory/classes/metadata/mcache/inuse:bytes", m.MCacheInuse, "MCacheInuse")
	pair("/memory/classes/metadata/mcache/free:bytes", m.MCacheSys-m.MCacheInuse, "MCacheSys-MCacheInuse")
	pair("/memory/classes/metadata/other:bytes", m.GCSys, "GCSys")
	pair("/memory/classes/other:bytes", m.OtherSys, "OtherSys")
	pair("/memory/classes/profiling/buckets:bytes", m.BuckHashSys, "BuckHashSys")
	pair("/memory/classes/total:bytes", m.Sys, "Sys")
	pair("/gc/heap/goal:bytes", m.NextGC, "NextGC")
	pair("/gc/cycles/total:gc-cycles", uint64(m.NumGC), "NumGC")
	pair("/gc/cycles/forced:gc-cycles", uint64(m.NumForcedGC), "NumForcedGC")
	pair("/gc/cycles/automatic:gc-cycles", uint64(m.NumGC-m.NumForcedGC), "NumGC-NumForcedGC")
	pair("/gc/heap/live:bytes", m.HeapAlloc, "HeapAlloc")
	if scanTotal, ok := u(s, "/gc/scan/total:bytes"); ok {
		h, _ := u(s, "/gc/scan/heap:bytes")
		st, _ := u(s, "/gc/scan/stack:bytes")
		g, _ := u(s, "/gc/scan/globals:bytes")
		fmt.Printf("%s check scan heap+stack+globals=%d total=%d diff=%d\n", label, h+st+g, scanTotal, int64(h+st+g)-int64(scanTotal))
	}
	if p, ok := f(s, "/cpu/classes/gc/pause:cpu-seconds"); ok {
		fmt.Printf("%s check /cpu/classes/gc/pause:cpu-seconds=%v PauseTotalNs*GOMAXPROCS/1e9=%v\n", label, p,
			float64(m.PauseTotalNs)*float64(runtime.GOMAXPROCS(0))/1e9)
	}
	_ = math.Inf
}

func main() {
	s0 = samples()
	s1 = samples()
	metrics.Read(s1) // warms s1: its histograms exist before the second reading
	metrics.Read(s0)
	runtime.ReadMemStats(&ms0)

	keep = make([]*[64]byte, 1000)
	for i := range keep {
		keep[i] = new([64]byte)
	}
	big = make([][]byte, 50)
	for i := range big {
		big[i] = make([]byte, 100<<10)
	}
	for i := 0; i < 10000; i++ {
		sink = new([16]byte)
	}
	sink = nil
	runtime.GC()

	metrics.Read(s1)
	runtime.ReadMemStats(&ms1)

	fmt.Printf("GOMAXPROCS=%d\n", runtime.GOMAXPROCS(0))
	show("before", s0, &ms0)
	show("after", s1, &ms1)
}
