//go:build go1.20

// Rule: converting a slice to an array (Go 1.20+, escape/expr.go OSLICE2ARR) is
// "effectively a deref" of the slice: the array is a copy, so returning it leaks
// the parameter's content (level=1), and the slice it was copied from stays local.
// The build line sets this file's language version; Go 1.19 does not compile it
// and uses escape_slicetoarray_old.go's stub instead.
package main

//go:noinline
func sliceToArrReturned(s []*int) [2]*int {
	return [2]*int(s)
}

//go:noinline
func sliceToArrLocal() int {
	b := make([]byte, 8)
	a := [8]byte(b)
	return int(a[0]) + len(a)
}

func sliceToArrAll() {
	y := 2
	sinkInt += *sliceToArrReturned([]*int{&y, &y})[0] + sliceToArrLocal()
}
