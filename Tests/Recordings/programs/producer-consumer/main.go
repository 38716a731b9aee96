// Producer and consumer on an unbuffered channel: every send waits for the
// receive. The producer closes the channel when it is done, which ends the
// consumer's range loop; a receive from the closed channel then gives the
// zero value and ok == false.
package main

import "fmt"

func produce(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		out <- i * 10
	}
	close(out)
}

func main() {
	ch := make(chan int)
	go produce(5, ch)

	total := 0
	for v := range ch {
		fmt.Println("consumed", v)
		total += v
	}
	fmt.Println("total:", total)

	v, ok := <-ch
	fmt.Println("after close:", v, ok)
	fmt.Println("len:", len(ch), "cap:", cap(ch))

	// A nil channel and a closed one in the same program: len and cap of nil are 0.
	var none chan string
	fmt.Println("nil channel:", none == nil, len(none), cap(none))
}
