// escapebuf: the same 1 KiB buffer as stackbuf, but work returns it, so every
// call allocates it on the heap.
package main

import "gcsh.test/runs/ckpt"

var sum int

//go:noinline
func work(i int) []byte {
	buf := make([]byte, 1024)
	buf[i%1024] = byte(i)
	return buf
}

func main() {
	ckpt.CP("before")
	for i := 0; i < 100000; i++ {
		b := work(i)
		sum += int(b[(i*7)%1024])
	}
	ckpt.CP("after")
	println("sum", sum)
}
