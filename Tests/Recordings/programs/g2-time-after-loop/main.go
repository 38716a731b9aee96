// A common leak question: time.After inside a select in a hot loop. Each call
// makes a one-hour timer. Since Go 1.23 an unreferenced timer can be collected
// before it fires; before that, every timer stayed in the heap for the hour.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	ch := make(chan int, 1)
	handled := 0
	for i := 0; i < 20000; i++ {
		ch <- i
		select {
		case v := <-ch:
			handled += v & 1
		case <-time.After(time.Hour):
			fmt.Println("timeout")
		}
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("handled odd:", handled)
	fmt.Printf("~ HeapAlloc %d KiB\n", m.HeapAlloc>>10)
	fmt.Println("timers retained (heap > 1 MiB):", m.HeapAlloc > 1<<20)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
