// 50 goroutines each add 1000 to a shared counter. With a sync.Mutex around
// the increment the total is always 50000.
package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	n  int
}

func (c *SafeCounter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func main() {
	c := SafeCounter{}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				c.Inc()
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", c.n)

	// A map written by several goroutines needs the lock too.
	perWorker := make(map[int]int)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j <= id; j++ {
				c.mu.Lock()
				perWorker[id]++
				c.mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("per worker:", perWorker)
}
