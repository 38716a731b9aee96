// What do channels and goroutines cost on the heap? Count Mallocs and
// TotalAlloc around 10,000 of each and divide.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

const n = 10000

var ints, bufs []chan int
var ptrs []chan *int

func measure(what string, op func(i int), settle func()) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < n; i++ {
		op(i)
	}
	settle()
	runtime.ReadMemStats(&after)
	fmt.Printf("%-28s %d mallocs each\n", what, (after.Mallocs-before.Mallocs+n/2)/n)
	fmt.Printf("~ %d heap bytes, %d stack bytes each\n",
		(after.TotalAlloc-before.TotalAlloc)/n, (int64(after.StackInuse)-int64(before.StackInuse))/n)
}

func main() {
	ints, bufs, ptrs = make([]chan int, n), make([]chan int, n), make([]chan *int, n)
	nothing := func() {}
	measure("make(chan int)", func(i int) { ints[i] = make(chan int) }, nothing)
	measure("make(chan int, 8)", func(i int) { bufs[i] = make(chan int, 8) }, nothing)
	measure("make(chan *int, 8)", func(i int) { ptrs[i] = make(chan *int, 8) }, nothing)

	// A goroutine blocked on a channel: its g, the go statement's closure
	// and the receive's waiting record (a sudog).
	block := make(chan struct{})
	var wg sync.WaitGroup
	measure("go func() { <-block }()", func(i int) {
		wg.Add(1)
		go func() { defer wg.Done(); <-block }()
	}, func() { time.Sleep(200 * time.Millisecond) })
	close(block)
	wg.Wait()

	// Finished goroutines are reused: only the closure is new.
	measure("go func() { wg.Done() }()", func(i int) {
		wg.Add(1)
		go func() { wg.Done() }()
	}, wg.Wait)
}
