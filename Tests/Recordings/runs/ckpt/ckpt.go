// Package ckpt prints a runtime.MemStats snapshot as one JSON line on stdout
// without allocating: one reused MemStats, one preallocated output buffer
// filled with strconv.Append*, and a single os.Stdout.Write per checkpoint.
// ckpt_test.go checks that a checkpoint makes 0 allocations.
package ckpt

import (
	"os"
	"runtime"
	"strconv"
)

var (
	ms  runtime.MemStats
	out = make([]byte, 0, 1024)
)

func field(name string, v uint64) {
	out = append(out, ",\""...)
	out = append(out, name...)
	out = append(out, "\":"...)
	out = strconv.AppendUint(out, v, 10)
}

// CP writes {"label":...,"NumGC":...,...} followed by a newline.
func CP(label string) {
	runtime.ReadMemStats(&ms)
	out = out[:0]
	out = append(out, "{\"label\":"...)
	out = strconv.AppendQuote(out, label)
	field("NumGC", uint64(ms.NumGC))
	field("NumForcedGC", uint64(ms.NumForcedGC))
	field("HeapAlloc", ms.HeapAlloc)
	field("TotalAlloc", ms.TotalAlloc)
	field("Mallocs", ms.Mallocs)
	field("Frees", ms.Frees)
	field("HeapObjects", ms.HeapObjects)
	field("HeapInuse", ms.HeapInuse)
	field("HeapSys", ms.HeapSys)
	field("NextGC", ms.NextGC)
	field("StackInuse", ms.StackInuse)
	field("StackSys", ms.StackSys)
	field("HeapIdle", ms.HeapIdle)
	field("HeapReleased", ms.HeapReleased)
	field("PauseTotalNs", ms.PauseTotalNs)
	out = append(out, "}\n"...)
	os.Stdout.Write(out)
}
