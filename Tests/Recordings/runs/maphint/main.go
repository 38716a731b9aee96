// maphint: make(map[int]int, hint) for hints around the runtime's thresholds,
// each stored in a global (the map escapes), and small map literals.
package main

import (
	"runtime"

	"gcsh.test/runs/ckpt"
)

var sink map[int]int
var sinkS map[string]int

//go:noinline
func hinted(n int) map[int]int {
	return make(map[int]int, n)
}

func main() {
	runtime.GC()
	ckpt.CP("start")
	sink = make(map[int]int)
	ckpt.CP("nohint")
	sink = make(map[int]int, 8)
	ckpt.CP("hint8")
	sink = make(map[int]int, 9)
	ckpt.CP("hint9")
	sink = make(map[int]int, 100)
	ckpt.CP("hint100")
	sink = make(map[int]int, 1000)
	ckpt.CP("hint1000")
	sink = make(map[int]int, 5000)
	ckpt.CP("hint5000")
	sink = make(map[int]int, 100000)
	ckpt.CP("hint100000")
	sink = hinted(14)
	ckpt.CP("var14")
	sink = hinted(3)
	ckpt.CP("var3")
	sinkS = map[string]int{"a": 1, "b": 2, "c": 3}
	ckpt.CP("lit3")
	sinkS = map[string]int{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10}
	ckpt.CP("lit10")
	println("len", len(sink), len(sinkS))
}
