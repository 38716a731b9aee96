// Goroutines blocked forever on a channel are never collected: each keeps
// its stack (and what it references) alive. NumGoroutine counts them.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func worker(ch chan int, buf []byte) {
	v := <-ch
	buf[0] = byte(v)
}

func main() {
	fmt.Println("goroutines at start:", runtime.NumGoroutine())
	for i := 0; i < 100; i++ {
		ch := make(chan int)
		go worker(ch, make([]byte, 64<<10))
	}
	time.Sleep(50 * time.Millisecond)
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("goroutines blocked:", runtime.NumGoroutine())
	fmt.Printf("~ heap %d KiB, stacks %d KiB\n", m.HeapAlloc>>10, m.StackInuse>>10)
}
