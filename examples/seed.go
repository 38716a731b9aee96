// The question's program in Go, as gcsh runs it: `gcsh examples/seed.go`, or with --gctrace to
// see the collector's own trace lines. tmp is a package-level variable, as in the real-runtime
// measurements (../shared/anchors).
package main

import (
	"fmt"
	"time"
)

var tmp []uint32

func round() {
	fmt.Println("getting memory")
	tmp = make([]uint32, 100000000)
	for kk := range tmp {
		tmp[kk] = 0
	}
	time.Sleep(5 * time.Second)
	fmt.Println("returning memory")
	tmp = make([]uint32, 1)
	tmp = nil
	time.Sleep(5 * time.Second)
}

func main() {
	round()
	round()
}
