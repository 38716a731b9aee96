// Rule: even a non-escaping allocation goes to the heap when it is too big for
// the stack: implicit allocations (new, make, &T{}) above 64 KiB, explicit
// variables above the explicit limit (10 MiB in Go 1.19, 128 KiB in Go 1.27),
// and make with a size that is not a compile-time constant.
package main

//go:noinline
func makeConst64K() int {
	b := make([]byte, 65536)
	b[100] = 1
	return int(b[100])
}

//go:noinline
func makeConst64KPlus1() int {
	b := make([]byte, 65537)
	b[100] = 1
	return int(b[100])
}

//go:noinline
func makeInts8192() int {
	s := make([]int, 8192)
	s[1] = 2
	return s[1]
}

//go:noinline
func makeInts8193() int {
	s := make([]int, 8193)
	s[1] = 2
	return s[1]
}

//go:noinline
func makeVarSize(n int) int {
	b := make([]byte, n)
	b[0] = 1
	return int(b[0]) + len(b)
}

//go:noinline
func makeVarCap(n int) int {
	b := make([]byte, 0, n)
	b = append(b, 1, 2, 3)
	return len(b)
}

//go:noinline
func makeSmallLenVarCap(n int) int {
	s := make([]int, 2, n)
	s[1] = 3
	return s[1] + cap(s)
}

//go:noinline
func makeConstFromConst() int {
	b := make([]byte, smallLen)
	b[1] = 2
	return int(b[1])
}

//go:noinline
func newArray64K() int {
	p := new([65536]byte)
	p[10] = 1
	return int(p[10])
}

//go:noinline
func newArray64KPlus1() int {
	p := new([65537]byte)
	p[10] = 1
	return int(p[10])
}

//go:noinline
func compositeArray64KPlus1() int {
	p := &[65537]byte{}
	p[10] = 1
	return int(p[10])
}

//go:noinline
func varArray128K(i int) int {
	var a [131072]byte
	a[i] = 1
	return int(a[i/2])
}

//go:noinline
func varArray128KPlus1(i int) int {
	var a [131073]byte
	a[i] = 1
	return int(a[i/2])
}

//go:noinline
func varArray10M(i int) int {
	var a [10485760]byte
	a[i] = 1
	return int(a[i/2])
}

//go:noinline
func varArray10MPlus1(i int) int {
	var a [10485761]byte
	a[i] = 1
	return int(a[i/2])
}

//go:noinline
func varArraySmallAddr(i int) int {
	var a [64]int
	p := &a
	p[i] = 3
	return a[i]
}
