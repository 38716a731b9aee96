// Rule: anything stored into a package-level variable escapes; so does
// anything stored through a pointer whose target may be on the heap (a field
// or element reached through a parameter).
package main

//go:noinline
func newToGlobal() {
	p := new(int)
	*p = 1
	gPtr = p
}

//go:noinline
func addrToGlobal() {
	x := 2
	gPtr = &x
}

//go:noinline
func makeToGlobal() {
	gBytes = make([]byte, 8)
}

//go:noinline
func compositeToGlobalField() {
	x := 3
	gHolder.p = &x
}

//go:noinline
func nodeToGlobal(v int) {
	gNode = &Node{val: v}
}

//go:noinline
func storeIntoParamField(h *Holder) {
	x := new(int)
	*x = 4
	h.p = x
}

//go:noinline
func storeIntoSliceParam(s []*int) {
	v := 5
	s[0] = &v
}

//go:noinline
func storeIntoParamNode(n *Node) {
	n.next = &Node{val: n.val + 1}
}

//go:noinline
func storeIntoLocalStruct() int {
	x := 6
	var h Holder
	h.p = &x
	return *h.p
}

//go:noinline
func storeIntoLocalSlice() int {
	v := 7
	s := make([]*int, 2)
	s[0] = &v
	return *s[0]
}
