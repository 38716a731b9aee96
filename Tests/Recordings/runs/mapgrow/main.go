// mapgrow: a map[int]int grown entry by entry to 1<<20 entries, with a
// checkpoint at each size where the runtime's table structure changes, then
// every entry deleted (the memory stays with the map), then the map dropped
// (a GC frees it all). runtime.GC() first, so that the mark workers the first
// cycle starts are allocated before the first checkpoint.
package main

import (
	"runtime"

	"gcsh.test/runs/ckpt"
)

var m map[int]int

//go:noinline
func fill(from, to int) {
	for i := from; i < to; i++ {
		m[i] = i
	}
}

func main() {
	runtime.GC()
	ckpt.CP("start")
	m = make(map[int]int)
	ckpt.CP("0")
	fill(0, 1)
	ckpt.CP("1")
	fill(1, 8)
	ckpt.CP("8")
	fill(8, 9)
	ckpt.CP("9")
	fill(9, 14)
	ckpt.CP("14")
	fill(14, 15)
	ckpt.CP("15")
	fill(15, 100)
	ckpt.CP("100")
	fill(100, 896)
	ckpt.CP("896")
	fill(896, 897)
	ckpt.CP("897")
	fill(897, 1000)
	ckpt.CP("1000")
	fill(1000, 1<<20)
	ckpt.CP("1048576")
	for i := 0; i < 1<<20; i++ {
		delete(m, i)
	}
	ckpt.CP("deleted")
	runtime.GC()
	ckpt.CP("deleted_gc")
	println("len", len(m))
	m = nil
	runtime.GC()
	ckpt.CP("nil_gc")
}
