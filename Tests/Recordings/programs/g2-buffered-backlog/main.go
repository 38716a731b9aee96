// A producer faster than the consumer: the buffered channel fills up and the
// producer blocks. We watch len(ch) from the consumer side.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 5)
	produced := make(chan int)
	go func() {
		n := 0
		for i := 0; i < 20; i++ {
			ch <- i
			n++
		}
		close(ch)
		produced <- n
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("backlog after producer ran ahead:", len(ch), "cap:", cap(ch))
	sum, count := 0, 0
	for v := range ch {
		sum += v
		count++
		time.Sleep(time.Millisecond)
	}
	fmt.Println("consumed:", count, "sum:", sum, "produced:", <-produced)
	fmt.Println("len after drain:", len(ch))
	v, ok := <-ch
	fmt.Println("receive from closed:", v, ok)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	ch <- 1
}
