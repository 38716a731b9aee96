// Rule: &[]T{...} is two allocations, the slice header at & and the backing
// array at the literal; each escapes or not on its own flows.
package main

//go:noinline
func sliceAddrLocal() int {
	p := &[]int{1, 2}
	return len(*p)
}

//go:noinline
func sliceAddrReturned() *[]int {
	return &[]int{3, 4, 5}
}

//go:noinline
func sliceAddrHeaderLocal() []int {
	p := &[]int{6, 7}
	return *p
}
