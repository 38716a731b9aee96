// sync.RWMutex and sync.Once with goroutines: readers share the lock, a writer waits for the
// readers in and keeps new ones out, Once runs its function once; the order goroutines get
// the lock in under one P, and what each costs on the heap.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var mu sync.RWMutex
var once sync.Once
var log []string

func reader(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.RLock()
	log = append(log, fmt.Sprint("r", id, " in"))
	runtime.Gosched()
	log = append(log, fmt.Sprint("r", id, " out"))
	mu.RUnlock()
}

func writer(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	log = append(log, fmt.Sprint("w", id, " in"))
	runtime.Gosched()
	log = append(log, fmt.Sprint("w", id, " out"))
	mu.Unlock()
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(2)
		go reader(i, &wg)
		go writer(i, &wg)
	}
	wg.Add(1)
	go reader(9, &wg)
	wg.Wait()
	for _, l := range log {
		fmt.Println(l)
	}
	calls := 0
	for i := 0; i < 3; i++ {
		once.Do(func() { calls++; fmt.Println("once", i) })
	}
	fmt.Println("calls:", calls, "TryLock:", mu.TryLock(), mu.TryRLock())
	mu.Unlock()
	fmt.Println("TryRLock:", mu.TryRLock(), mu.TryRLock(), mu.TryLock())
	mu.RUnlock()
	mu.RUnlock()
	var m1, m2 runtime.MemStats
	runtime.ReadMemStats(&m1)
	for i := 0; i < 100; i++ {
		mu.Lock()
		mu.Unlock()
		mu.RLock()
		mu.RUnlock()
		once.Do(func() {})
	}
	runtime.ReadMemStats(&m2)
	fmt.Println("mallocs:", m2.Mallocs-m1.Mallocs)
}
