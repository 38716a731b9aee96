// runtime/metrics instead of ReadMemStats: read a few named metrics before and
// after a big allocation, and again after dropping it and forcing a GC. The
// value's Kind says which accessor to call; a name this Go version does not
// know comes back as KindBad.
package main

import (
	"fmt"
	"runtime"
	"runtime/metrics"
)

var names = []string{
	"/memory/classes/heap/objects:bytes",
	"/gc/heap/goal:bytes",
	"/gc/cycles/total:gc-cycles",
	"/sched/goroutines:goroutines",
	"/gc/pauses:seconds",
	"/gc/heap/allocs-by-size:bytes",
	"/my/made/up/metric:bytes",
}

func bToMb(b uint64) float64 {
	return float64(b) / 1024 / 1024
}

func report(title string) {
	samples := make([]metrics.Sample, len(names))
	for i, name := range names {
		samples[i].Name = name
	}
	metrics.Read(samples)

	fmt.Println("---", title, "---")
	for _, s := range samples {
		switch s.Value.Kind() {
		case metrics.KindUint64:
			v := s.Value.Uint64()
			if s.Name == "/memory/classes/heap/objects:bytes" || s.Name == "/gc/heap/goal:bytes" {
				fmt.Printf("~ %s = %d (%.2f MiB)\n", s.Name, v, bToMb(v))
			} else {
				fmt.Printf("~ %s = %d\n", s.Name, v)
			}
		case metrics.KindFloat64:
			fmt.Printf("~ %s = %f\n", s.Name, s.Value.Float64())
		case metrics.KindFloat64Histogram:
			h := s.Value.Float64Histogram()
			var total uint64
			for _, c := range h.Counts {
				total += c
			}
			fmt.Printf("%s is a histogram with %d buckets\n", s.Name, len(h.Counts))
			fmt.Printf("~   %d samples so far\n", total)
		case metrics.KindBad:
			fmt.Printf("%s: no such metric in this Go version\n", s.Name)
		default:
			fmt.Printf("%s: a kind I don't know yet\n", s.Name)
		}
	}
}

func main() {
	report("at start")

	data := make([]int64, 4*1024*1024) // 32 MiB
	for i := range data {
		data[i] = int64(i)
	}
	report("after allocating 32 MiB")
	fmt.Println("last element:", data[len(data)-1])

	data = nil
	runtime.GC()
	report("after data = nil and runtime.GC()")
}
