// Rule: at a static call the caller uses the callee's parameter tags: an
// argument passed to a leaking parameter escapes, one passed to a parameter
// that does not escape stays on the stack. Recursion is analysed as one batch.
package main

//go:noinline
func callLeaky() {
	x := 20
	leakToGlobal(&x)
}

//go:noinline
func callReadOnly() int {
	x := 21
	return readOnly(&x)
}

//go:noinline
func callWriteThrough() int {
	x := 0
	writeThrough(&x)
	return x
}

//go:noinline
func callIdentityLocal() int {
	x := 22
	p := identity(&x)
	return *p
}

//go:noinline
func callIdentityReturned() *int {
	x := 23
	return identity(&x)
}

//go:noinline
func callDerefOnce() int {
	x := 24
	p := &x
	q := derefOnce(&p)
	return *q
}

//go:noinline
func callLeakContent() {
	x := 25
	p := &x
	leakContent(&p)
}

//go:noinline
func callLinkParams() int {
	a := &Node{val: 1}
	b := &Node{val: 2}
	linkParams(a, b)
	return a.next.val
}

//go:noinline
func callLeakSlice() {
	b := make([]byte, 4)
	leakSlice(b)
}

//go:noinline
func sumList(n *Node) int {
	if n == nil {
		return 0
	}
	return n.val + sumList(n.next)
}

//go:noinline
func recurseWithLocal(n int, p *int) int {
	x := n
	if n == 0 {
		return *p
	}
	return recurseWithLocal(n-1, &x)
}

//go:noinline
func recurseLeaking(n int, p *int) *int {
	x := n
	if n == 0 {
		return p
	}
	return recurseLeaking(n-1, &x)
}

//go:noinline
func evenDepth(n int, p *int) int {
	if n == 0 {
		return *p
	}
	x := n
	return oddDepth(n-1, &x)
}

//go:noinline
func oddDepth(n int, p *int) int {
	if n == 0 {
		return *p
	}
	y := n
	return evenDepth(n-1, &y)
}
