// Package ckpt prints a runtime.MemStats snapshot as one JSON line on stdout
// without allocating: one reused MemStats, one preallocated output buffer
// filled with strconv.Append*, and a single os.Stdout.Write per checkpoint.
// ckpt_test.go checks that a checkpoint makes 0 allocations. Since 2026-12-04
// the line ends with RSS: the resident set the kernel counts, read from
// /proc/self/statm (opened once, re-read with pread into a fixed buffer), as
// the anchors' checkpoint does; recordings made before have no RSS field.
package ckpt

import (
	"os"
	"runtime"
	"strconv"
	"syscall"
)

var (
	ms      runtime.MemStats
	out     = make([]byte, 0, 1024)
	statmFd = -1
	statm   [128]byte
)

func init() {
	if fd, err := syscall.Open("/proc/self/statm", syscall.O_RDONLY, 0); err == nil {
		statmFd = fd
	}
}

// rss is statm's second field (resident pages) times the page size; 0 when
// /proc is not there.
func rss() uint64 {
	if statmFd < 0 {
		return 0
	}
	n, err := syscall.Pread(statmFd, statm[:], 0)
	if err != nil {
		return 0
	}
	i := 0
	for i < n && statm[i] != ' ' {
		i++
	}
	var pages uint64
	for i++; i < n && statm[i] >= '0' && statm[i] <= '9'; i++ {
		pages = pages*10 + uint64(statm[i]-'0')
	}
	return pages * uint64(syscall.Getpagesize())
}

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
	field("RSS", rss())
	out = append(out, "}\n"...)
	os.Stdout.Write(out)
}
