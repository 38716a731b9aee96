// A goroutine starts with a small stack that grows by copying as it recurses:
// StackInuse goes up while it is deep, and the big stack is given back when
// the goroutine ends.
package main

import (
	"fmt"
	"runtime"
)

func stackKiB() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse >> 10
}

//go:noinline
func recurse(n int, atBottom func()) int {
	var frame [100]byte
	frame[n%100] = byte(n)
	if n == 0 {
		atBottom()
		return 0
	}
	return recurse(n-1, atBottom) + int(frame[n%100]&1)
}

func main() {
	fmt.Println("~ stack in use before:", stackKiB(), "KiB")
	for _, depth := range []int{1000, 10000, 100000} {
		deep := make(chan uint64)
		done := make(chan int)
		go func() {
			done <- recurse(depth, func() { deep <- stackKiB() })
		}()
		inUse := <-deep
		odd := <-done
		fmt.Println("depth", depth, "odd levels", odd)
		fmt.Println("~ stack in use at the bottom:", inUse, "KiB")
		runtime.GC()
		fmt.Println("~ stack in use after the goroutine ended:", stackKiB(), "KiB")
	}
}
