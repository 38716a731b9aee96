// releasecost: how long the runtime takes to release memory to the OS, by whether the pages
// were ever made resident. A 400 MiB slice is allocated, written one byte per 4 KiB page (or
// not at all), dropped and collected; then debug.FreeOSMemory (a GC of the now tiny heap, then
// mheap.scavengeAll: madvise(MADV_DONTNEED) of every free page) is timed. Three rounds each way.
// CostModel.releaseNsPerByte and releaseNsPerNonResidentByte come from these durations.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"
)

var sink []byte

func round(touch bool) {
	sink = make([]byte, 400<<20)
	if touch {
		for i := 0; i < len(sink); i += 4096 {
			sink[i] = 1
		}
	}
	sink = nil
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.HeapReleased
	t := time.Now()
	debug.FreeOSMemory()
	d := time.Since(t)
	runtime.ReadMemStats(&m)
	line := "{\"touched\":" + strconv.FormatBool(touch) +
		",\"freeOSMemoryNs\":" + strconv.FormatInt(int64(d), 10) +
		",\"released\":" + strconv.FormatUint(m.HeapReleased-before, 10) + "}\n"
	os.Stdout.WriteString(line)
}

func main() {
	for i := 0; i < 3; i++ {
		round(false)
		round(true)
	}
}
