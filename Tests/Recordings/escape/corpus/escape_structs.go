// Rule: structs, arrays and linked data. Escape analysis does not tell fields
// or elements apart; assigning through a pointer (*pp = &x) is a store to
// wherever pp points; allocations in a loop that outlive the iteration (a
// list built in a variable declared outside the loop) escape.
package main

//go:noinline
func buildListLocal(n int) int {
	var head *Node
	for i := 0; i < n; i++ {
		head = &Node{val: i, next: head}
	}
	s := 0
	for p := head; p != nil; p = p.next {
		s += p.val
	}
	return s
}

//go:noinline
func buildListReturned(n int) *Node {
	var head *Node
	for i := 0; i < n; i++ {
		head = &Node{val: i, next: head}
	}
	return head
}

//go:noinline
func twoNodesNoLoop() int {
	a := &Node{val: 1}
	b := &Node{val: 2, next: a}
	return b.next.val
}

//go:noinline
func nodeInsideLoopOnly(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		nd := &Node{val: i}
		s += nd.val
	}
	return s
}

//go:noinline
func addrInLoopToOuter(n int) int {
	var p *int
	for i := 0; i < n; i++ {
		x := i
		p = &x
	}
	if p == nil {
		return 0
	}
	return *p
}

//go:noinline
func setThroughParam(pp **int) {
	x := 30
	*pp = &x
}

//go:noinline
func setThroughLocal() int {
	var p *int
	pp := &p
	x := 31
	*pp = &x
	return *p
}

//go:noinline
func pairsLocal() int {
	x, y := 1, 2
	ps := []Pair{{a: &x, b: &y}}
	return *ps[0].a + *ps[0].b
}

//go:noinline
func pairsToGlobal() {
	x, y := 3, 4
	gPairs = []Pair{{a: &x, b: &y}, {a: &y}}
}

//go:noinline
func pairsReturnedValue() Pair {
	x := 5
	ps := []Pair{{a: &x}}
	return ps[0]
}

//go:noinline
func pairFieldsSeparate() *int {
	x, y := 6, 7
	p := Pair{a: &x, b: &y}
	return p.a
}

//go:noinline
func arrayCopyParam(a [4]*int) [4]*int {
	b := a
	return b
}

//go:noinline
func arrayCopyLocal() int {
	x := 8
	a := [2]*int{&x, nil}
	b := a
	return *b[0]
}

//go:noinline
func arrayCopyElemToGlobal() {
	x := 9
	a := [2]*int{nil, &x}
	b := a
	gPtr = b[1]
}

//go:noinline
func arrayOfStructs() int {
	var a [3]Point
	for i := 0; i < len(a); i++ {
		a[i].x = i
		a[i].y = i * 2
	}
	q := &a[1]
	return q.x + q.y
}

//go:noinline
func addrOfFieldReturned() *int {
	pt := Point{x: 1, y: 2}
	return &pt.y
}

//go:noinline
func addrOfElemReturned() *int {
	a := [3]int{1, 2, 3}
	return &a[2]
}

//go:noinline
func addrOfSliceElemReturned() *int {
	s := make([]int, 3)
	return &s[1]
}

//go:noinline
func bufferStruct(n int) *Buf {
	b := &Buf{buf: make([]byte, 16), n: n}
	return b
}

//go:noinline
func bufferStructLocal(n int) int {
	b := Buf{buf: make([]byte, 16), n: n}
	b.buf[0] = byte(n)
	return int(b.buf[0]) + b.n
}
