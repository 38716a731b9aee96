package main

// Rule: converting a slice to a pointer to an array (Go 1.17+, escape/expr.go
// OSLICE2ARRPTR): the slice's pointer flows to the result, so the pointer aliases
// the backing array — returned, it leaks the parameter at level 0; stored in a
// global, the slice's backing array escapes.

//go:noinline
func sliceToArrPtrReturned(s []*int) *[2]*int {
	return (*[2]*int)(s)
}

//go:noinline
func sliceToArrPtrLocal() int {
	b := make([]int, 4)
	p := (*[4]int)(b)
	p[1] = 7
	return p[1] + len(p)
}

//go:noinline
func sliceToArrPtrGlobal() {
	b := make([]int, 4)
	gArrPtr = (*[4]int)(b)
}

var gArrPtr *[4]int
