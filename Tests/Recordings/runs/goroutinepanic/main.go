package main

import (
	"fmt"
	"runtime"
	"time"
)

// A goroutine panics; its deferred call sleeps and prints before the panic
// ends the program, while main is still sleeping.
func worker() {
	defer func() {
		time.Sleep(time.Millisecond)
		fmt.Println("deferred ran")
	}()
	fmt.Println("worker started")
	panic("boom")
}

func main() {
	go worker()
	runtime.Gosched()
	time.Sleep(time.Second)
	fmt.Println("main end")
}
