// A small slice of a big array keeps the whole array alive: reading the
// first 16 bytes of a 32 MiB buffer holds on to all 32 MiB until the
// header is copied out.
package main

import (
	"fmt"
	"runtime"
)

const bufSize = 32 << 20

func loadHeader() []byte {
	buf := make([]byte, bufSize)
	for i := 0; i < 64; i++ {
		buf[i] = byte('a' + i%26)
	}
	return buf[:16]
}

func loadHeaderCopy() []byte {
	buf := make([]byte, bufSize)
	for i := 0; i < 64; i++ {
		buf[i] = byte('a' + i%26)
	}
	header := make([]byte, 16)
	copy(header, buf[:16])
	return header
}

func heapMiB() float64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

func main() {
	h := loadHeader()
	runtime.GC()
	fmt.Printf("sub-slice: %q len=%d cap=%d\n", h, len(h), cap(h))
	fmt.Printf("~ heap after GC holding the sub-slice: %.1f MiB\n", heapMiB())

	h = loadHeaderCopy()
	runtime.GC()
	fmt.Printf("copy:      %q len=%d cap=%d\n", h, len(h), cap(h))
	fmt.Printf("~ heap after GC holding the copy: %.1f MiB\n", heapMiB())
	runtime.KeepAlive(h)
}
