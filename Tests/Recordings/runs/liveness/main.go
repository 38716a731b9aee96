// liveness: a range loop keeps evaluating the slice it started with, so
// setting s = nil inside the loop does not free the backing array: the GC in
// iteration 0 must keep it, and iteration 1 still reads s[1] == 5.
package main

import (
	"runtime"

	"gcsh.test/runs/ckpt"
)

func main() {
	s := make([]int, 100000)
	s[1] = 5
	ckpt.CP("start")
	for i, v := range s {
		if i == 0 {
			s = nil
			runtime.GC()
			ckpt.CP("after_gc")
			q := make([]int, 100000)
			q[1] = 9
			_ = q
		}
		if i == 1 {
			println(i, v)
		}
	}
	runtime.GC()
	ckpt.CP("end")
}
