// A local slice that is no longer used is already garbage: runtime.GC
// frees it even though the variable is still in scope and was never set
// to nil. runtime.KeepAlive keeps the second one alive until its call.
package main

import (
	"fmt"
	"runtime"
)

func heapMiB() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

func main() {
	a := make([]byte, 64<<20)
	a[0] = 1
	fmt.Println("a[0] =", a[0])
	runtime.GC()
	fmt.Println("~ a not used any more, after GC:", heapMiB(), "MiB")

	b := make([]byte, 64<<20)
	b[0] = 2
	runtime.GC()
	fmt.Println("~ b kept alive below, after GC:", heapMiB(), "MiB")
	runtime.KeepAlive(b)
	runtime.GC()
	fmt.Println("~ after KeepAlive and another GC:", heapMiB(), "MiB")
}
