// time.Since after a time.Sleep: the measured time is at least the sleep,
// plus a little for waking up.
package main

import (
	"fmt"
	"time"
)

func main() {
	naps := []time.Duration{10 * time.Millisecond, 50 * time.Millisecond, 200 * time.Millisecond}
	var total time.Duration
	for _, d := range naps {
		start := time.Now()
		time.Sleep(d)
		took := time.Since(start)
		total += d
		fmt.Printf("slept %v: at least the asked time: %t\n", d, took >= d)
		fmt.Printf("~ slept %v: measured %v\n", d, took)
	}
	fmt.Println("asked for", total, "in all")
}
