// Bounded concurrency with a semaphore channel: at most 3 goroutines run
// at once. We track the max number in flight with a mutex.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func main() {
	sem := make(chan struct{}, 3)
	var mu sync.Mutex
	var wg sync.WaitGroup
	inFlight, maxInFlight := 0, 0
	var done []int
	for i := 0; i < 10; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(id int) {
			defer wg.Done()
			defer func() { <-sem }()
			mu.Lock()
			inFlight++
			if inFlight > maxInFlight {
				maxInFlight = inFlight
			}
			mu.Unlock()
			time.Sleep(10 * time.Millisecond)
			mu.Lock()
			inFlight--
			done = append(done, id*id)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	sort.Ints(done)
	fmt.Println("done:", done)
	fmt.Println("max in flight:", maxInFlight, "len(sem):", len(sem), "cap(sem):", cap(sem))
	var s struct{}
	fmt.Printf("%v %T\n", s, sem)
}
