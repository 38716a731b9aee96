// varmake (extra): make([]byte, n) with a size known only at run time, in a
// function where it does not escape, called 1,000 times with n = 32 and then
// 1,000 times with n = 33. Go 1.19 always calls makeslice (heap); Go 1.25+
// uses a 32-byte stack buffer when n*size <= 32 and the heap otherwise.
package main

import "gcsh.test/runs/ckpt"

var sum int

//go:noinline
func work(n int, i int) int {
	buf := make([]byte, n)
	buf[i%n] = byte(i)
	return int(buf[(i*7)%n])
}

func main() {
	ckpt.CP("start")
	for i := 0; i < 1000; i++ {
		sum += work(32, i)
	}
	ckpt.CP("after_n32")
	for i := 0; i < 1000; i++ {
		sum += work(33, i)
	}
	ckpt.CP("after_n33")
	println("sum", sum)
}
