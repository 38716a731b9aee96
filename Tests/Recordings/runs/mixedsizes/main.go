// mixedsizes: objects of many size classes churned together. A ring of 4,096 slots; each step
// replaces one slot with a []byte (pointer-free) or a []*int (pointerful) of a size taken in
// turn from a table of 16 sizes between 8 B and 24 KiB, 200,000 steps, a checkpoint every
// 50,000. Freed spans of one class are reused by others only through the page heap (mheap.go),
// and how partially swept spans and freed pages are handed out decides HeapIdle.
package main

import "gcsh.test/runs/ckpt"

var sizes = [16]int{8, 48, 8192, 112, 1024, 24576, 256, 640, 16, 3072, 96, 12288, 512, 5120, 32, 1536}

var (
	bytesRing [4096][]byte
	ptrsRing  [4096][]*int
)

//go:noinline
func churn(from, n int) {
	for i := from; i < from+n; i++ {
		size := sizes[i%16]
		if i%3 == 0 {
			ptrsRing[(i*7)%4096] = make([]*int, size/8)
		} else {
			bytesRing[(i*13)%4096] = make([]byte, size)
		}
	}
}

func main() {
	ckpt.CP("start")
	for k := 0; k < 4; k++ {
		churn(k*50_000, 50_000)
		ckpt.CP("churn")
	}
}
