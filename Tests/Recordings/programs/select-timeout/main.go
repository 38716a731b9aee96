// select waits on several channels at once: a result or a timeout from
// time.After, a non-blocking poll with default, and a done channel that
// tells a worker to stop.
package main

import (
	"fmt"
	"time"
)

func fetch(delay time.Duration, out chan<- string) {
	time.Sleep(delay)
	out <- fmt.Sprintf("result after %v", delay)
}

func main() {
	for _, delay := range []time.Duration{time.Millisecond, 500 * time.Millisecond} {
		result := make(chan string, 1)
		go fetch(delay, result)
		select {
		case r := <-result:
			fmt.Println("got:", r)
		case <-time.After(100 * time.Millisecond):
			fmt.Println("timeout: no result within 100ms")
		}
	}

	messages := make(chan string, 1)
	for _, send := range []bool{false, true} {
		if send {
			messages <- "hello"
		}
		select {
		case m := <-messages:
			fmt.Println("message:", m)
		default:
			fmt.Println("no message ready")
		}
	}

	done := make(chan struct{})
	stopped := make(chan bool)
	go func() {
		for ticks := 0; ; ticks++ {
			select {
			case <-done:
				stopped <- ticks > 0
				return
			default:
				time.Sleep(time.Millisecond)
			}
		}
	}()
	time.Sleep(20 * time.Millisecond)
	close(done)
	fmt.Println("worker stopped, it ticked at least once:", <-stopped)
}
