// fmtappend: fmt.Append, Appendln and Appendf (Go 1.19+): the text Sprint, Sprintln and
// Sprintf would make, appended to a []byte — in place when it has room, grown as append grows
// it — and what each costs (Mallocs, TotalAlloc), with operands boxed as fmt's always are.
package main

import (
	"fmt"
	"runtime"
)

var ms runtime.MemStats
var sink []byte

func allocs(f func()) (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	m, b := ms.Mallocs, ms.TotalAlloc
	f()
	runtime.ReadMemStats(&ms)
	return ms.Mallocs - m, ms.TotalAlloc - b
}

type point struct{ x, y int }

func main() {
	b := fmt.Append(nil, "n=", 42, " ", 3.5, true)
	fmt.Println(string(b), len(b), cap(b))
	b = fmt.Appendln(b, "next", point{1, 2})
	fmt.Printf("%q %d\n", b, cap(b))
	b = fmt.Appendf(b[:0], "%05d|%-4s|%x|%v", 42, "ab", 255, []int{1, 2})
	fmt.Println(string(b), len(b), cap(b))
	buf := make([]byte, 0, 64)
	m1, b1 := allocs(func() { sink = fmt.Appendf(buf, "%d-%d", 1, 2) })
	m2, b2 := allocs(func() { sink = fmt.Append(nil, "hello, world") })
	m3, b3 := allocs(func() { sink = fmt.Appendf(buf[:0], "%d", 123456) })
	m4, b4 := allocs(func() { sink = fmt.Appendln(buf, 1000, 2000) })
	fmt.Println("allocs:", m1, b1, m2, b2, m3, b3, m4, b4)
}
