// inlinealloc: what inlining does to allocations. newPoint is inlined into
// main, so its &Point{...} is judged in main, where the pointer stays: no
// malloc. newPointNoinline is the same function marked //go:noinline: one
// 16-byte malloc per call. makeBuf(64) inlined is make([]byte, n) with n = 64:
// Go 1.27 knows the size (a constant after inlining) and keeps it in main's
// frame; Go 1.19 sees a make of non-constant size and allocates it.
package main

import "gcsh.test/runs/ckpt"

type Point struct{ x, y int }

var sum int

func newPoint(x int, y int) *Point {
	return &Point{x: x, y: y}
}

//go:noinline
func newPointNoinline(x int, y int) *Point {
	return &Point{x: x, y: y}
}

func makeBuf(n int) []byte {
	return make([]byte, n)
}

func main() {
	ckpt.CP("start")
	for i := 0; i < 100000; i++ {
		p := newPoint(i, 1)
		sum += p.x + p.y
	}
	ckpt.CP("inlined")
	for i := 0; i < 100000; i++ {
		p := newPointNoinline(i, 1)
		sum += p.x + p.y
	}
	ckpt.CP("noinline")
	for i := 0; i < 1000; i++ {
		b := makeBuf(64)
		b[i%64] = 1
		sum += int(b[0])
	}
	ckpt.CP("makebuf")
	println("sum", sum)
}
