// stackbuf: a 1 KiB buffer made in a function that does not let it escape,
// called 100,000 times: the buffer lives in work's stack frame, no heap
// allocation, no GC.
package main

import "gcsh.test/runs/ckpt"

var sum int

//go:noinline
func work(i int) int {
	buf := make([]byte, 1024)
	buf[i%1024] = byte(i)
	return int(buf[(i*7)%1024])
}

func main() {
	ckpt.CP("before")
	for i := 0; i < 100000; i++ {
		sum += work(i)
	}
	ckpt.CP("after")
	println("sum", sum)
}
