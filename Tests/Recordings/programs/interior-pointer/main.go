// A pointer to one element (or one field) keeps the whole object it points
// into alive, here a 16 MiB array of structs.
package main

import (
	"fmt"
	"runtime"
)

type cell struct {
	a, b int64
}

var one *cell
var field *int64

func heapMiB() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

func main() {
	cells := make([]cell, 1<<20)
	cells[500].a = 5
	cells[600].b = 6
	one = &cells[500]
	field = &cells[600].b
	cells = nil
	runtime.GC()
	fmt.Println("one.a =", one.a, "*field =", *field)
	fmt.Println("~ two interior pointers keep:", heapMiB(), "MiB")

	one = nil
	runtime.GC()
	fmt.Println("~ one pointer left:", heapMiB(), "MiB")

	field = nil
	runtime.GC()
	fmt.Println("~ none left:", heapMiB(), "MiB")
}
