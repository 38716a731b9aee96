// largeobj: the pacer with large objects only (mgcpacer.go). 96 one-MiB []byte slices kept
// in a global array, a checkpoint after every 8, so the goal follows a live heap that grows by
// whole spans; then all dropped and 128 more allocated through one global slot, so the live set
// is one MiB and each cycle's trigger comes from the heap minimum and the last mark. Large
// objects bypass the mcaches: heapLive grows by each span at its allocation (mheap.go allocLarge).
package main

import "gcsh.test/runs/ckpt"

var (
	keep [96][]byte
	sink []byte
)

//go:noinline
func fill(from, n int) {
	for i := from; i < from+n; i++ {
		keep[i] = make([]byte, 1<<20)
	}
}

//go:noinline
func churn(n int) {
	for i := 0; i < n; i++ {
		sink = make([]byte, 1<<20)
	}
}

func main() {
	ckpt.CP("start")
	for k := 0; k < 12; k++ {
		fill(k*8, 8)
		ckpt.CP("kept")
	}
	for i := range keep {
		keep[i] = nil
	}
	for k := 0; k < 8; k++ {
		churn(16)
		ckpt.CP("churn")
	}
}
