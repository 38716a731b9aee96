// gcoll: ten 50 MB slices allocated one after the other in a loop; each one is
// garbage as soon as the next iteration starts.
package main

import "gcsh.test/runs/ckpt"

func main() {
	ckpt.CP("start")
	for i := 0; i < 10; i++ {
		s := make([]byte, 50000000)
		s[0] = byte(i)
	}
	ckpt.CP("end")
}
