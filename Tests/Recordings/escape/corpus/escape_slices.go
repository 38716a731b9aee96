// Rule: append, copy, slicing and string/[]byte conversions. The backing
// store of an append escapes when the slice does; slicing keeps the same
// allocation; self-assignment s.buf = s.buf[1:] is ignored.
package main

//go:noinline
func appendLocal() int {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i)
	}
	return len(s) + cap(s)
}

//go:noinline
func appendReturned() []int {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func appendToGlobal(v int) {
	gInts = append(gInts, v)
}

//go:noinline
func appendParam(s []int, v int) []int {
	return append(s, v, v+1)
}

//go:noinline
func appendSpread(a []int, b []int) []int {
	return append(a, b...)
}

//go:noinline
func appendSpreadLocal() int {
	a := make([]int, 0, 8)
	b := []int{1, 2, 3}
	a = append(a, b...)
	return len(a)
}

//go:noinline
func copyLocal() int {
	src := []byte{1, 2, 3, 4}
	dst := make([]byte, 4)
	n := copy(dst, src)
	return n + int(dst[3])
}

//go:noinline
func copyIntoParam(dst []byte) int {
	src := make([]byte, 8)
	src[0] = 9
	return copy(dst, src)
}

//go:noinline
func sliceLiteralLocal() int {
	s := []int{1, 2, 3}
	return s[0] + s[2]
}

//go:noinline
func sliceLiteralReturned() []int {
	return []int{4, 5, 6}
}

//go:noinline
func nestedLiteralLocal() int {
	m := [][]int{{1, 2}, {3, 4}}
	return m[1][0]
}

//go:noinline
func nestedLiteralToGlobal() {
	m := [][]int{{1, 2}, {3, 4}}
	gInts = m[1]
}

//go:noinline
func bytesFromConstString() int {
	b := []byte("hello")
	b[0] = 'H'
	return int(b[0])
}

//go:noinline
func bytesFromStringReadOnly(s string) int {
	b := []byte(s)
	n := 0
	for i := 0; i < len(b); i++ {
		n += int(b[i])
	}
	return n
}

//go:noinline
func bytesFromStringMutated(s string) int {
	b := []byte(s)
	b[0] = 'x'
	return int(b[0]) + len(b)
}

//go:noinline
func bytesFromStringReturned(s string) []byte {
	return []byte(s)
}

//go:noinline
func stringFromBytesCompared(b []byte) bool {
	return string(b) == "abc"
}

//go:noinline
func stringFromBytesLocal(b []byte) int {
	s := string(b)
	return len(s)
}

//go:noinline
func stringFromBytesReturned(b []byte) string {
	return string(b)
}

//go:noinline
func stringFromBytesToGlobal(b []byte) {
	gString = string(b)
}

//go:noinline
func selfAssignAdvance(s *Buf) {
	s.buf = s.buf[1:]
}

//go:noinline
func selfAssignLoop(s *Buf) int {
	n := 0
	for len(s.buf) > 0 {
		n += int(s.buf[0])
		s.buf = s.buf[1:]
	}
	return n
}

//go:noinline
func sliceOfPtrsLocal() int {
	a, b := 1, 2
	ps := []*int{&a, &b}
	return *ps[0] + *ps[1]
}

//go:noinline
func sliceOfPtrsReturned() []*int {
	a, b := 3, 4
	return []*int{&a, &b}
}

//go:noinline
func sliceOfPtrsToGlobal() {
	c := 5
	gPtrs = []*int{&c}
}

//go:noinline
func rangeTakeAddr(s []int) int {
	var ps []*int
	for _, v := range s {
		ps = append(ps, &v)
	}
	return len(ps)
}

//go:noinline
func rangeIndexAddr(s []int) *int {
	var last *int
	for i := range s {
		last = &s[i]
	}
	return last
}

//go:noinline
func rangeString(s string) int {
	n := 0
	for i, c := range s {
		n += i + int(c)
	}
	return n
}

//go:noinline
func arrayRange() int {
	a := [4]int{1, 2, 3, 4}
	n := 0
	for _, v := range a {
		n += v
	}
	return n
}
