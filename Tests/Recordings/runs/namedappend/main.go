// namedappend: a slice built by append in a named result, returned bare or
// with another result. In Go 1.27 the move2heap pass sees the return as the
// one place the slice leaves the function: the appends grow in a 32-byte
// frame buffer and the return copies the slice to the heap once, with the
// capacity of the size class above its length (cap 3 for 3 ints). Go 1.19
// grows it on the heap from the first append (1, 2, 4, ... elements).
package main

import "gcsh.test/runs/ckpt"

var sink []int
var total int

//go:noinline
func buildNamed(n int) (s []int) {
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return
}

//go:noinline
func buildPair(n int) (s []int, c int) {
	for i := 0; i < n; i++ {
		s = append(s, i)
		c++
	}
	return s, c
}

func main() {
	ckpt.CP("start")
	for i := 0; i < 100; i++ {
		sink = buildNamed(3)
	}
	ckpt.CP("named3")
	println("cap", cap(sink))
	for i := 0; i < 100; i++ {
		sink = buildNamed(9)
	}
	ckpt.CP("named9")
	println("cap", cap(sink))
	for i := 0; i < 100; i++ {
		s, c := buildPair(3)
		sink = s
		total += c
	}
	ckpt.CP("pair3")
	println("cap", cap(sink), "total", total)
}
