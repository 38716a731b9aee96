// waitgroupgo: sync.WaitGroup.Go (Go 1.25+) as a learner uses it — a fan-out whose results go
// into a slice, the order one P runs the goroutines in, and what a round of Go calls allocates
// (Mallocs and TotalAlloc deltas; the goroutines' g structs are reused after the first round).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var ms runtime.MemStats

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		i := i
		wg.Go(func() { fmt.Println("task", i) })
	}
	wg.Wait()
	results := make([]int, 8)
	for i := range results {
		i := i
		wg.Go(func() { results[i] = i * i })
	}
	wg.Wait()
	fmt.Println(results, runtime.NumGoroutine())
	round := func(n int) (uint64, uint64) {
		runtime.ReadMemStats(&ms)
		m, b := ms.Mallocs, ms.TotalAlloc
		var g sync.WaitGroup
		total := 0
		var mu sync.Mutex
		for k := 0; k < n; k++ {
			k := k
			g.Go(func() {
				mu.Lock()
				total += k
				mu.Unlock()
			})
		}
		g.Wait()
		runtime.ReadMemStats(&ms)
		if total != n*(n-1)/2 {
			fmt.Println("lost an update")
		}
		return ms.Mallocs - m, ms.TotalAlloc - b
	}
	round(100)
	m, b := round(100)
	fmt.Println("100 Go calls:", m, b)
}
