// Package stk reads the running goroutine's stack bounds: g.stack{lo, hi}, the first field of
// the runtime's g (runtime2.go, Go 1.19 and 1.27), through the g pointer in thread-local
// storage. For diagnostics only (stackbounds): it relies on the runtime's private layout.
package stk

import "unsafe"

func getg() uintptr

type stack struct{ lo, hi uintptr }

// Bounds returns the goroutine's stack size (hi - lo) and how much of it is in use down to
// `at`, an address in the caller's frame.
func Bounds(at unsafe.Pointer) (size, used uintptr) {
	s := *(*stack)(unsafe.Pointer(getg()))
	return s.hi - s.lo, s.hi - uintptr(at)
}
