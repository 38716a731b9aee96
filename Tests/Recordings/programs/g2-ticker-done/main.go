// A ticker loop: count ticks until a done channel is closed. Uses a
// time.NewTicker (stopped) and time.Tick in a separate loop.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan struct{})
	results := make(chan int)
	ticker := time.NewTicker(10 * time.Millisecond)
	go func() {
		n := 0
		for {
			select {
			case <-ticker.C:
				if n < 5 {
					n++
					if n == 5 {
						close(done)
					}
				}
			case <-done:
				ticker.Stop()
				results <- n
				return
			}
		}
	}()
	fmt.Println("ticks before done:", <-results)

	start := time.Now()
	tick := time.Tick(5 * time.Millisecond)
	count := 0
	for range tick {
		count++
		if count == 3 {
			break
		}
	}
	el := time.Since(start)
	fmt.Println("time.Tick count:", count, "at least 15ms:", el >= 15*time.Millisecond)
	fmt.Printf("~ elapsed %v\n", el.Round(time.Millisecond))
	timer := time.NewTimer(time.Hour)
	fmt.Println("stopped before firing:", timer.Stop())
	fmt.Println("stopped twice:", timer.Stop())
}
