// headertouch: mixedsizes' program (200,000 []byte and []*int of 16 sizes, 8 B to 24 KiB,
// through rings of 4,096) run with GOGC=off, so no memory is reused and nothing is freed. No
// object is ever written, so what becomes resident is what the runtime itself writes: in Go
// 1.22+ the 8-byte type header in front of each pointerful object above 512 B (mbitmap.go
// heapSetTypeSmallHeader) and, in 1.26+, the inline mark bits at the end of every 16-512 B
// span (mgcmark_greenteagc.go initInlineMarkBits); in Go 1.19 the heap bitmap lives outside
// the heap arena. RSS per checkpoint is the measurement.
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
