// debug.ReadGCStats: the number of collections, the pause history (most
// recent first) and its quantiles. Its first call allocates the history's
// buffers; later calls reuse them.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"
)

var sink [][]byte

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	var stats debug.GCStats
	before := mallocs()
	debug.ReadGCStats(&stats)
	first := mallocs() - before
	fmt.Println("before any GC: NumGC", stats.NumGC, "pauses", len(stats.Pause))
	for i := 0; i < 5; i++ {
		runtime.GC()
	}
	stats.PauseQuantiles = make([]time.Duration, 5)
	before = mallocs()
	debug.ReadGCStats(&stats)
	second := mallocs() - before
	fmt.Println("after 5 forced GCs: NumGC", stats.NumGC, "pauses", len(stats.Pause), "ends", len(stats.PauseEnd))
	fmt.Println("mallocs of the first call:", first, "of the second:", second)
	fmt.Println("quantiles ordered:", stats.PauseQuantiles[0] <= stats.PauseQuantiles[2] && stats.PauseQuantiles[2] <= stats.PauseQuantiles[4])
	fmt.Println("total covers the last pause:", stats.PauseTotal >= stats.Pause[0])
}
