// metricsread: what runtime/metrics.Read itself allocates. Every step is followed by a
// runtime.ReadMemStats into its own package variable, and everything is printed at the end, so
// the deltas are the steps' own allocations:
//   make    the []metrics.Sample for every name of metrics.All() (made before step a)
//   a       nothing (ReadMemStats after ReadMemStats)
//   b       Read of a 1-element sample, /gc/heap/goal:bytes: the first Read of the process, so
//           the runtime's initMetrics runs (the metrics map, sizeClassBuckets, timeHistBuckets)
//   c       the same Read again
//   d       Read of a 1-element histogram sample, /gc/pauses:seconds: float64HistOrInit makes
//           the metricFloat64Histogram and its counts slice
//   e       the same Read again (the sample keeps its histogram)
//   f       Read of a sample with an unknown name (KindBad)
//   g       Read of every name of metrics.All()
//   h       the same Read again
// The 1-element slices are package-level composite literals (statically initialised: no
// allocation). Afterwards: every histogram metric's bucket count, first and last 3 boundaries
// and the sum of its counts.
package main

import (
	"fmt"
	"runtime"
	"runtime/metrics"
)

var (
	ms   [10]runtime.MemStats
	goal = []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	hist = []metrics.Sample{{Name: "/gc/pauses:seconds"}}
	bad  = []metrics.Sample{{Name: "/no/such/metric:bytes"}}
	all  []metrics.Sample
)

var labels = [10]string{"start", "make", "a", "b", "c", "d", "e", "f", "g", "h"}

func main() {
	runtime.ReadMemStats(&ms[0])
	descs := metrics.All()
	all = make([]metrics.Sample, len(descs))
	for i := range descs {
		all[i].Name = descs[i].Name
	}
	runtime.ReadMemStats(&ms[1])
	runtime.ReadMemStats(&ms[2]) // a: nothing
	metrics.Read(goal)
	runtime.ReadMemStats(&ms[3]) // b
	metrics.Read(goal)
	runtime.ReadMemStats(&ms[4]) // c
	metrics.Read(hist)
	runtime.ReadMemStats(&ms[5]) // d
	metrics.Read(hist)
	runtime.ReadMemStats(&ms[6]) // e
	metrics.Read(bad)
	runtime.ReadMemStats(&ms[7]) // f
	metrics.Read(all)
	runtime.ReadMemStats(&ms[8]) // g
	metrics.Read(all)
	runtime.ReadMemStats(&ms[9]) // h

	fmt.Printf("start Mallocs=%d Frees=%d HeapAlloc=%d NumGC=%d\n", ms[0].Mallocs, ms[0].Frees, ms[0].HeapAlloc, ms[0].NumGC)
	for i := 1; i < len(ms); i++ {
		p, m := &ms[i-1], &ms[i]
		fmt.Printf("%s dMallocs=%d dFrees=%d dHeapAlloc=%d dTotalAlloc=%d NumGC=%d BySize", labels[i],
			m.Mallocs-p.Mallocs, m.Frees-p.Frees, int64(m.HeapAlloc)-int64(p.HeapAlloc), m.TotalAlloc-p.TotalAlloc, m.NumGC)
		for c := range m.BySize {
			dm := m.BySize[c].Mallocs - p.BySize[c].Mallocs
			df := m.BySize[c].Frees - p.BySize[c].Frees
			if dm != 0 || df != 0 {
				fmt.Printf(" %d:%d", m.BySize[c].Size, dm)
				if df != 0 {
					fmt.Printf("-%d", df)
				}
			}
		}
		fmt.Println()
	}
	fmt.Printf("len(All)=%d len(all)=%d cap(all)=%d\n", len(descs), len(all), cap(all))
	fmt.Printf("goal kind=%d value=%d\n", goal[0].Value.Kind(), goal[0].Value.Uint64())
	fmt.Printf("bad kind=%d\n", bad[0].Value.Kind())
	h := hist[0].Value.Float64Histogram()
	fmt.Printf("hist kind=%d buckets=%d counts=%d cap(buckets)=%d cap(counts)=%d\n", hist[0].Value.Kind(), len(h.Buckets), len(h.Counts), cap(h.Buckets), cap(h.Counts))
	for i := range all {
		s := &all[i]
		if s.Value.Kind() != metrics.KindFloat64Histogram {
			continue
		}
		h := s.Value.Float64Histogram()
		var sum uint64
		for _, c := range h.Counts {
			sum += c
		}
		n := len(h.Buckets)
		fmt.Printf("%s buckets=%d counts=%d cap(buckets)=%d cap(counts)=%d first=%v %v %v last=%v %v %v sum=%d\n",
			s.Name, n, len(h.Counts), cap(h.Buckets), cap(h.Counts), h.Buckets[0], h.Buckets[1], h.Buckets[2],
			h.Buckets[n-3], h.Buckets[n-2], h.Buckets[n-1], sum)
	}
}
