// Rule: each parameter gets a tag summarising where what it points to goes:
// nowhere ("does not escape"), to the heap ("leaking param"), only what it
// points to goes to the heap ("leaking param content"), or to the result with a
// dereference count ("leaking param: p to result ~r0 level=N").
package main

//go:noinline
func readOnly(p *int) int {
	return *p + 1
}

//go:noinline
func writeThrough(p *int) {
	*p = 9
}

//go:noinline
func leakToGlobal(p *int) {
	gPtr = p
}

//go:noinline
func identity(p *int) *int {
	return p
}

//go:noinline
func derefOnce(pp **int) *int {
	return *pp
}

//go:noinline
func derefTwice(ppp ***int) *int {
	return **ppp
}

//go:noinline
func fieldOfParam(h *Holder) *int {
	return h.p
}

//go:noinline
func leakContent(pp **int) {
	gPtr = *pp
}

//go:noinline
func leakSliceContent(s []*int) {
	gPtr = s[1]
}

//go:noinline
func leakSlice(s []byte) {
	gBytes = s
}

//go:noinline
func sliceParamToResult(s []int) []int {
	return s[1:]
}

//go:noinline
func sliceParamLen(s []int) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n += s[i]
	}
	return n
}

//go:noinline
func linkParams(a *Node, b *Node) {
	a.next = b
}

//go:noinline
func structParamToResult(h Holder) *int {
	return h.p
}

//go:noinline
func pickOne(a *int, b *int, first bool) *int {
	if first {
		return a
	}
	return b
}

//go:noinline
func stringParam(s string) int {
	return len(s)
}

//go:noinline
func stringParamToGlobal(s string) {
	gString = s
}
