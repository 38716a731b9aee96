// Stop-the-world pauses: PauseNs is a ring of the last 256 pauses (the
// latest at (NumGC+255)%256), PauseTotalNs their sum since the start, and
// GCCPUFraction the share of the CPU time since the start that went to GC.
package main

import (
	"fmt"
	"runtime"
)

var live []*[64]int

func main() {
	for i := 0; i < 20000; i++ {
		live = append(live, new([64]int))
	}
	var m runtime.MemStats
	for i := 0; i < 5; i++ {
		runtime.GC()
	}
	runtime.ReadMemStats(&m)
	fmt.Println("collections:", m.NumGC, "live objects:", len(live))
	var sum uint64
	for i := uint32(0); i < m.NumGC; i++ {
		sum += m.PauseNs[i%256]
	}
	fmt.Println("ring adds up to PauseTotalNs:", sum == m.PauseTotalNs)
	fmt.Printf("~ PauseTotalNs: %d us\n", m.PauseTotalNs/1000)
	fmt.Printf("~ last pause: %d us\n", m.PauseNs[(m.NumGC+255)%256]/1000)
	fmt.Printf("~ mean pause: %.1f us\n", float64(m.PauseTotalNs)/float64(m.NumGC)/1000)
	fmt.Printf("~ GCCPUFraction: %.4f\n", m.GCCPUFraction)
}
