// A finalizer delays freeing by one GC cycle: the cycle that finds the object
// unreachable keeps it (and what it points to) for the finalizer, which runs
// on its own goroutine; only a later cycle frees it. Objects without a
// finalizer go at the first cycle.

package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"
)

type Buffer struct {
	id   int
	data []byte
}

var finalized []int

func heapMiB() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

func main() {
	debug.SetGCPercent(-1) // only the runtime.GC calls below collect
	for i := 0; i < 4; i++ {
		b := &Buffer{id: i, data: make([]byte, 8<<20)}
		if i%2 == 0 {
			runtime.SetFinalizer(b, func(b *Buffer) {
				finalized = append(finalized, b.id)
			})
		}
	}
	fmt.Println("allocated:", heapMiB(), "MiB")
	runtime.GC()
	fmt.Println("after GC 1:", heapMiB(), "MiB (the two with finalizers are kept)")
	time.Sleep(10 * time.Millisecond)
	fmt.Println("finalizers run:", len(finalized))
	runtime.GC()
	fmt.Println("after GC 2:", heapMiB(), "MiB")
	runtime.SetFinalizer(&Buffer{id: 9}, nil)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
