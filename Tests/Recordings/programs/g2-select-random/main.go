// When several select cases are ready, Go picks one at random, so a fan-in
// of two always-ready channels drains both about evenly.
package main

import "fmt"

func main() {
	fast := make(chan int, 1000)
	slow := make(chan int, 1000)
	for i := 0; i < 1000; i++ {
		fast <- i
		slow <- i
	}
	nFast, nSlow := 0, 0
	for i := 0; i < 1000; i++ {
		select {
		case <-fast:
			nFast++
		case <-slow:
			nSlow++
		}
	}
	fmt.Println("total:", nFast+nSlow, "left:", len(fast)+len(slow))
	fmt.Println("both cases chosen at least 300 times:", nFast >= 300 && nSlow >= 300)
	fmt.Printf("~ fast %d slow %d\n", nFast, nSlow)
}
