// variadic: what a variadic call's implicit slice and a named pointer result
// cost. sum's slice does not escape, so each call's [3]int lives in main's
// frame; keep stores its slice in a global, so each call allocates it (24
// bytes); keep(s...) passes s itself, and sum() passes nil: nothing is
// allocated. newPoint returns a pointer through a named result: 16 bytes a
// call when it is not inlined, nothing when the inlined copy's pointer stays
// in main.
package main

import "gcsh.test/runs/ckpt"

type point struct{ x, y int }

var kept []int
var total int

//go:noinline
func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

//go:noinline
func keep(xs ...int) int {
	kept = xs
	return len(xs)
}

//go:noinline
func newPoint(x, y int) (p *point, ok bool) {
	if x < 0 {
		return nil, false
	}
	p = &point{x, y}
	return p, true
}

func newPointInl(x, y int) (p *point, ok bool) {
	if x < 0 {
		return nil, false
	}
	p = &point{x, y}
	return p, true
}

func main() {
	ckpt.CP("start")
	for i := 0; i < 1000; i++ {
		total += sum(i, 1, 2)
	}
	ckpt.CP("sum")
	for i := 0; i < 1000; i++ {
		total += keep(i, 1, 2)
	}
	ckpt.CP("keep")
	s := []int{1, 2, 3}
	for i := 0; i < 1000; i++ {
		total += keep(s...)
	}
	ckpt.CP("spread")
	for i := 0; i < 1000; i++ {
		total += sum()
	}
	ckpt.CP("none")
	for i := 0; i < 1000; i++ {
		if p, ok := newPoint(i, 1); ok {
			total += p.x + p.y
		}
	}
	ckpt.CP("named")
	for i := 0; i < 1000; i++ {
		if p, ok := newPointInl(i, 1); ok {
			total += p.x + p.y
		}
	}
	ckpt.CP("inlined")
	println("total", total)
}
