// directiface: which values are their interface's data word (types.IsDirectIface). Go 1.19.8
// says a pointer or a struct of one field that is one; Go 1.27.3 any one-word type that holds a
// pointer — so a struct of a pointer and zero-size fields converts to an interface without an
// allocation in Go 1.27.3 and with one of 8 bytes in Go 1.19.8. A struct padded past one word
// by a trailing zero-size field (U) is boxed in both. Method calls through the interface, a
// type assertion back and fmt's printing use the same representation.
package main

import (
	"fmt"
	"runtime"
)

type S struct {
	_ [0]int
	p *int
}

func (s S) Get() int { return *s.p }

type U struct {
	p *int
	_ struct{}
}

type V struct {
	a struct{}
	p *int
}

type getter interface{ Get() int }

var ms runtime.MemStats
var sink any

func allocs() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

func main() {
	x := new(int)
	*x = 42
	fmt.Println("direct interfaces")
	m0, t0 := allocs()
	sink = S{p: x}
	m1, t1 := allocs()
	sink = U{p: x}
	m2, t2 := allocs()
	sink = V{p: x}
	m3, t3 := allocs()
	sink = [1]*int{x}
	m4, t4 := allocs()
	fmt.Println("S:", m1-m0, t1-t0, "U:", m2-m1, t2-t1, "V:", m3-m2, t3-t2, "[1]*int:", m4-m3, t4-t3)
	var g getter = S{p: x}
	fmt.Println(g.Get(), g.(S).p == x)
	sink = V{p: x}
	v, ok := sink.(V)
	fmt.Println(*v.p, ok)
}
