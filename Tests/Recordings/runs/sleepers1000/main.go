// sleepers1000: 1000 goroutines each in time.Sleep(time.Second) at once. Before Go 1.23 every sleeping
// goroutine's timer is in its P's heap (runtime/time.go addtimer: pp.timers = append(pp.timers,
// t)), which grows as append grows a []*timer; since Go 1.23 the heap is pp.timers.heap, a
// []timerWhen, appended to the same way. Checkpoints: before the goroutines start, once all of
// them sleep (main sleeps 100 ms), and after they have all woken and finished.
package main

import (
	"sync"
	"time"

	"gcsh.test/runs/ckpt"
)

const n = 1000

func main() {
	var wg sync.WaitGroup
	ckpt.CP("start")
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			time.Sleep(time.Second)
			wg.Done()
		}()
	}
	time.Sleep(100 * time.Millisecond)
	ckpt.CP("asleep")
	wg.Wait()
	ckpt.CP("done")
}
