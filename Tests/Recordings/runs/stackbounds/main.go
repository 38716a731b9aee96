// stackbounds: stackgrow's program with the main goroutine's own stack size and use printed
// (println, stderr) beside each checkpoint: `label size used`, where used is measured from the
// top of the stack to a local of the printing function (package stk reads g.stack). StackInuse
// sums every goroutine's stack spans; this shows main's alone, and the frame size of `down`
// (the difference of `used` between depths).
package main

import (
	"runtime"
	"unsafe"

	"gcsh.test/runs/ckpt"
	"gcsh.test/runs/stk"
)

var result int

//go:noinline
func show(label string) {
	var x byte
	size, used := stk.Bounds(unsafe.Pointer(&x))
	println(label, size, used)
	ckpt.CP(label)
}

//go:noinline
func down(n int) int {
	if n == 0 {
		show("bottom")
		runtime.GC()
		show("bottom_gc")
		return 0
	}
	return down(n-1) + 1
}

//go:noinline
func phase(depth int) {
	result = down(depth)
	show("returned")
	for i := 0; i < 16; i++ {
		runtime.GC()
		show("gc")
	}
}

func main() {
	show("start")
	phase(1000)
	phase(10000)
	phase(100000)
	phase(1000000)
}
