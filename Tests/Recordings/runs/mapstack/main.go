// mapstack: maps that do not escape. The compiler keeps the map header, and
// for a hint of at most 8 (Go 1.27: group slots; Go 1.19: bucket entries) the
// first group or bucket, in the frame; 1,000 calls of each.
package main

import (
	"runtime"

	"gcsh.test/runs/ckpt"
)

var sum int

//go:noinline
func small(n int) int {
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i] = i
	}
	return len(m)
}

//go:noinline
func hinted(n int) int {
	m := make(map[int]int, n)
	for i := 0; i < n; i++ {
		m[i] = i
	}
	return len(m)
}

//go:noinline
func literal() int {
	m := map[string]int{"a": 1, "b": 2}
	return m["a"] + len(m)
}

func main() {
	runtime.GC()
	ckpt.CP("start")
	for i := 0; i < 1000; i++ {
		sum += small(8)
	}
	ckpt.CP("small8")
	for i := 0; i < 1000; i++ {
		sum += small(9)
	}
	ckpt.CP("small9")
	for i := 0; i < 1000; i++ {
		sum += hinted(8)
	}
	ckpt.CP("hinted8")
	for i := 0; i < 1000; i++ {
		sum += hinted(20)
	}
	ckpt.CP("hinted20")
	for i := 0; i < 1000; i++ {
		sum += literal()
	}
	ckpt.CP("literal")
	println("sum", sum)
}
