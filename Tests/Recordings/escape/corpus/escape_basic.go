// Rule: an allocation (new, make, composite literal, &local) that stays inside
// its function does not escape; one that is returned does, whatever the path
// (directly, through a local, through a struct field, as a sub-slice).
package main

//go:noinline
func newLocal() int {
	p := new(int)
	*p = 41
	return *p + 1
}

//go:noinline
func makeLocal() int {
	b := make([]byte, 1024)
	b[3] = 7
	return int(b[3])
}

//go:noinline
func compositeLocal() int {
	pt := &Point{x: 1, y: 2}
	pt.x += pt.y
	return pt.x
}

//go:noinline
func addrLocalNoEscape() int {
	x := 10
	p := &x
	*p = 11
	return x
}

//go:noinline
func newReturned() *int {
	p := new(int)
	*p = 5
	return p
}

//go:noinline
func makeReturned() []byte {
	return make([]byte, 64)
}

//go:noinline
func compositeReturned() *Point {
	return &Point{x: 3, y: 4}
}

//go:noinline
func addrLocalReturned() *int {
	x := 12
	return &x
}

//go:noinline
func returnedThroughLocal() *int {
	x := 13
	p := &x
	q := p
	return q
}

//go:noinline
func returnedThroughField() *int {
	x := 14
	h := Holder{p: &x}
	return h.p
}

//go:noinline
func returnedSubslice() []byte {
	b := make([]byte, 32)
	b[4] = 1
	return b[2:8]
}

//go:noinline
func returnedStructValue() Holder {
	x := 15
	return Holder{p: &x}
}

//go:noinline
func pointerChainLocal() int {
	x := 16
	p := &x
	pp := &p
	**pp = 17
	return x
}

//go:noinline
func valueReturnedNoPointer() Point {
	pt := &Point{x: 5, y: 6}
	return *pt
}
