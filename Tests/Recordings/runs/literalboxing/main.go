package main

// Static composite literals converted to an interface: Go 1.27.3 puts each in
// read-only data (order.go addrTemp), so the conversion allocates nothing; Go
// 1.19.8's addrTemp does that for basic literals only, and boxes a copy of the
// literal each time. Mallocs and TotalAlloc over 400 conversions of each kind,
// between non-allocating checkpoints.

import (
	"fmt"
	"runtime"
)

type P struct{ X, Y int }

type item struct {
	name string
	vals []int
	next *item
}

var ms runtime.MemStats

func snap() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

var sink []any

func main() {
	sink = make([]any, 0, 4000)
	m0, t0 := snap()
	for i := 0; i < 400; i++ {
		sink = append(sink, P{1, 2})
	}
	m1, t1 := snap()
	for i := 0; i < 400; i++ {
		sink = append(sink, item{})
	}
	m2, t2 := snap()
	for i := 0; i < 400; i++ {
		sink = append(sink, [3]int{1, 2, 3})
	}
	m3, t3 := snap()
	for i := 0; i < 400; i++ {
		sink = append(sink, P{i, 2})
	}
	m4, t4 := snap()
	fmt.Println("P{1, 2}:", m1-m0, t1-t0)
	fmt.Println("item{}:", m2-m1, t2-t1)
	fmt.Println("[3]int{1, 2, 3}:", m3-m2, t3-t2)
	fmt.Println("P{i, 2}:", m4-m3, t4-t3)
}
