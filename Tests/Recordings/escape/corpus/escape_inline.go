// Rule: without //go:noinline small functions are inlined into their callers
// ("can inline f", "inlining call to f"); after inlining, an allocation in the
// callee is analysed in the caller's context and can stay on the stack there.
// The helpers are analysed on their own too (their own -m lines).
package main

func addInts(a int, b int) int {
	return a + b
}

func newCounter() *int {
	return new(int)
}

func makeBuf(n int) []byte {
	return make([]byte, n)
}

func newPoint(x int, y int) *Point {
	return &Point{x: x, y: y}
}

func ptrTo(x int) *int {
	return &x
}

func firstOf(p *Pair) *int {
	return p.a
}

func storeGlobalInline(p *int) {
	gPtr = p
}

func cloneBytes(b []byte) []byte {
	c := make([]byte, len(b))
	copy(c, b)
	return c
}

func pushOne(s []int, v int) []int {
	return append(s, v)
}

func sumInts(s []int) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n += s[i]
	}
	return n
}

func counterLocal() int {
	c := newCounter()
	*c = addInts(*c, 3)
	return *c
}

func counterReturned() *int {
	c := newCounter()
	*c = 4
	return c
}

func bufConstLocal() int {
	b := makeBuf(64)
	b[0] = 1
	return int(b[0])
}

func bufVarLocal(n int) int {
	b := makeBuf(n)
	return len(b)
}

func pointLocal() int {
	p := newPoint(1, 2)
	return p.x + p.y
}

func pointReturned() *Point {
	return newPoint(3, 4)
}

func ptrToLocal() int {
	p := ptrTo(5)
	return *p
}

func firstOfLocal() int {
	x, y := 6, 7
	pr := Pair{a: &x, b: &y}
	return *firstOf(&pr)
}

func storeGlobalCaller() {
	x := 8
	storeGlobalInline(&x)
}

func cloneLocal() int {
	src := []byte{1, 2, 3}
	c := cloneBytes(src)
	return int(c[2])
}

func pushLocal() int {
	s := make([]int, 0, 4)
	s = pushOne(s, 1)
	s = pushOne(s, 2)
	return sumInts(s)
}

//go:noinline
func bigNotInlined(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s = addInts(s, i)
	}
	p := newPoint(s, n)
	return p.x - p.y
}
