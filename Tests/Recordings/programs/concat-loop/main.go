// Building a string with += in a loop copies everything built so far on
// every step: n appends cost about n*n/2 bytes. Appending to a []byte and
// converting once costs a few growths and one copy.
package main

import (
	"fmt"
	"runtime"
)

func alloc() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

//go:noinline
func byConcat(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += "go"
	}
	return s
}

//go:noinline
func byAppend(n int) string {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, "go"...)
	}
	return string(b)
}

func main() {
	const n = 2000
	a0 := alloc()
	s1 := byConcat(n)
	a1 := alloc()
	s2 := byAppend(n)
	a2 := alloc()
	fmt.Println("lengths:", len(s1), len(s2), "equal:", s1 == s2)
	fmt.Printf("~ += loop:     %8d bytes allocated (%.0f per append)\n", a1-a0, float64(a1-a0)/n)
	fmt.Printf("~ append loop: %8d bytes allocated (%.0f per append)\n", a2-a1, float64(a2-a1)/n)
	fmt.Println("+= allocated more:", a1-a0 > 10*(a2-a1))
}
