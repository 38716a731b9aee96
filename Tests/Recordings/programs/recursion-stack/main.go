// Goroutine stacks start small and grow by copying: deep recursion with a
// large frame shows up in StackInuse, not in the heap.
package main

import (
	"fmt"
	"runtime"
)

//go:noinline
func depth(n int) int {
	var pad [128]byte
	pad[n%128] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return depth(n-1) + int(pad[n%128]&1)
}

func stackKiB() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse >> 10
}

func main() {
	fmt.Println("~ stack before:", stackKiB(), "KiB")
	for _, n := range []int{100, 1000, 10000, 50000} {
		r := depth(n)
		fmt.Println("depth", n, "result", r)
		fmt.Println("~ stack in use:", stackKiB(), "KiB")
	}
}
