// Each "request" starts a goroutine that sends its answer on an unbuffered
// channel, but the handler times out and never reads it: the goroutine leaks.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func handle(id int, timeout time.Duration) string {
	ch := make(chan string)
	go func() {
		buf := make([]byte, 32<<10)
		time.Sleep(20 * time.Millisecond)
		ch <- fmt.Sprintf("req %d done (%d)", id, len(buf))
	}()
	select {
	case r := <-ch:
		return r
	case <-time.After(timeout):
		return "timeout"
	}
}

func main() {
	before := runtime.NumGoroutine()
	fmt.Println(handle(0, time.Second))
	for i := 1; i <= 50; i++ {
		if r := handle(i, time.Millisecond); r != "timeout" {
			fmt.Println("unexpected", r)
		}
	}
	fmt.Println("goroutines before:", before)
	time.Sleep(100 * time.Millisecond)
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("goroutines after:", runtime.NumGoroutine())
	fmt.Printf("~ HeapAlloc %d KiB, StackInuse %d KiB, NumGC %d\n", m.HeapAlloc>>10, m.StackInuse>>10, m.NumGC)
}
