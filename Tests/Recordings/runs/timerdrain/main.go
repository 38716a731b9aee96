// Go 1.23's synchronous timer channels: Stop and Reset drain a value the timer sent that
// nobody received (Stop then reports it pending); before, the stale value stays. And the
// panics of NewTicker(0) and of Stop on a zero Timer.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	fmt.Println("Stop after it fired unreceived:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("stale value received")
	default:
		fmt.Println("nothing to receive")
	}
	k := time.NewTicker(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	k.Reset(time.Hour)
	select {
	case <-k.C:
		fmt.Println("stale tick")
	default:
		fmt.Println("no stale tick")
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		time.NewTicker(0)
	}()
	var z time.Timer
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		z.Stop()
	}()
}
