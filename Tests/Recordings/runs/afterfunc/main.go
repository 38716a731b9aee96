// afterfunc: time.AfterFunc as a learner uses it — a callback after a delay that runs in a
// goroutine of its own, Stop before and after it fires, Reset, a timeout idiom — and what
// AfterFunc allocates (Mallocs and TotalAlloc deltas, the timer left pending or stopped).
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

var ms runtime.MemStats
var timers []*time.Timer

func allocs(f func()) (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	m, b := ms.Mallocs, ms.TotalAlloc
	f()
	runtime.ReadMemStats(&ms)
	return ms.Mallocs - m, ms.TotalAlloc - b
}

func tick() {}

func main() {
	done := make(chan string)
	t := time.AfterFunc(20*time.Millisecond, func() {
		done <- fmt.Sprint("fired in goroutine; goroutines: ", runtime.NumGoroutine())
	})
	fmt.Println(<-done)
	fmt.Println("stop after firing:", t.Stop())
	t2 := time.AfterFunc(time.Hour, func() { fmt.Println("never") })
	fmt.Println("stop before firing:", t2.Stop(), t2.Stop())
	fired := make(chan int, 2)
	n := 0
	var mu sync.Mutex
	t3 := time.AfterFunc(time.Hour, func() {
		mu.Lock()
		n++
		k := n
		mu.Unlock()
		fired <- k
	})
	fmt.Println("reset pending:", t3.Reset(10*time.Millisecond))
	fmt.Println("fired:", <-fired)
	fmt.Println("reset after firing:", t3.Reset(5*time.Millisecond))
	fmt.Println("fired:", <-fired)
	order := make(chan int, 3)
	for _, d := range []int{30, 10, 20} {
		d := d
		time.AfterFunc(time.Duration(d)*time.Millisecond, func() { order <- d })
	}
	fmt.Println(<-order, <-order, <-order)
	m1, b1 := allocs(func() { timers = append(timers, time.AfterFunc(time.Hour, tick)) })
	m2, b2 := allocs(func() { time.AfterFunc(time.Hour, tick).Stop() })
	for i := 0; i < 20; i++ {
		timers = append(timers, time.AfterFunc(time.Hour, tick))
	}
	m3, b3 := allocs(func() {
		for i := 0; i < 100; i++ {
			time.AfterFunc(time.Hour, tick).Stop()
		}
	})
	fmt.Println("allocs:", m1, b1, m2, b2, m3, b3)
}
