// The classic mistake: the producer never closes the channel, so after the
// last value main's range loop waits for a value that will never come. No
// goroutine can run, and the runtime stops the program:
// "fatal error: all goroutines are asleep - deadlock!", exit status 2.
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			ch <- i
		}
		// forgot: close(ch)
	}()
	for v := range ch {
		fmt.Println("received", v)
	}
	fmt.Println("never printed")
}
