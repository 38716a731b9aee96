// stackgrow: the main goroutine's stack as a recursion deepens (1,000, 10,000, 100,000 and
// 1,000,000 calls) and after it returns: newstack doubles the stack (copystack, stackalloc,
// stackfree), each GC's stack scan halves it while less than a quarter is used (shrinkstack),
// and the scanned stack counts in the heap goal (mgcpacer.go: lastStackScan). At the bottom of
// each recursion: a checkpoint, runtime.GC() (the stack is scanned while deep) and a checkpoint;
// after it returns: a checkpoint, then 16 × runtime.GC() and a checkpoint each.
package main

import (
	"runtime"

	"gcsh.test/runs/ckpt"
)

var result int

//go:noinline
func down(n int) int {
	if n == 0 {
		ckpt.CP("bottom")
		runtime.GC()
		ckpt.CP("bottom_gc")
		return 0
	}
	return down(n-1) + 1
}

//go:noinline
func phase(depth int) {
	result = down(depth)
	ckpt.CP("returned")
	for i := 0; i < 16; i++ {
		runtime.GC()
		ckpt.CP("gc")
	}
}

func main() {
	ckpt.CP("start")
	phase(1000)
	phase(10000)
	phase(100000)
	phase(1000000)
}
