// sleepgc: a 400 MB slice filled (every page written) and dropped, then eleven sleeps of 15 s
// with a checkpoint at each wake-up. The fill's cycle is gc 1; sysmon's forced GC (forcegcperiod,
// 2 minutes, runtime/proc.go) is due during the eighth sleep and runs at a wake-up; the
// checkpoint of that wake-up shows whether it has finished by then.
package main

import (
	"time"

	"gcsh.test/runs/ckpt"
)

var buf []byte

//go:noinline
func fill(b []byte) {
	for j := 0; j < len(b); j += 4096 {
		b[j] = 1
	}
}

func main() {
	ckpt.CP("start")
	buf = make([]byte, 400_000_000)
	fill(buf)
	ckpt.CP("filled")
	buf = nil
	for i := 0; i < 11; i++ {
		time.Sleep(15 * time.Second)
		ckpt.CP("woke")
	}
}
