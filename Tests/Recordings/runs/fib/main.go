// fib: deep recursion with no allocation at all (the goroutine stack grows,
// the heap does not).
package main

import "gcsh.test/runs/ckpt"

var result int

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	ckpt.CP("start")
	result = fib(30)
	ckpt.CP("end")
	println("fib(30) =", result)
}
