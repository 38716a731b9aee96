// appendpass: which appends get a stack backing store, and when the backing store is moved to
// the heap (Go 1.26+: the stack buffer of ssagen's append, and the move2heap pass of
// cmd/compile/internal/slice). Each function appends in a loop and records cap(s) after every
// append; main checkpoints around each call and prints the caps.
//
//	bytesRet:      []byte built and returned, capacity never observed (move2heap, no capacity)
//	ptrsRet:       []*int built and returned, capacity never observed
//	smallCapRet:   []int of 3, cap observed, returned (growsliceBuf walk, move2heap keeps cap)
//	noLeakCallRet: passed to a function that does not leak it (cap used), then returned
//	leakCall:      passed to a function whose parameter leaks (the pass gives up)
//	twoExits:      returned on one path, stored in a global on another (two transitions)
//	exitInLoop:    stored in a global inside the loop (a transition in a loop)
//	usedOnce:      a slice declared in a loop body: the buffer serves one use per call
//	bytesCap:      []byte of 20, cap observed, returned (size classes 8, 16, 24 in the buffer)
//	threes:        [][3]byte of 5, returned (3-byte elements: 15 bytes copied into 16)
//	twelves:       []T of 2 with 12-byte T, cap observed, returned
//	strs:          []string of 3, cap observed (2 fit the buffer, then growslice)
//	param:         a parameter appended to and returned, called with nil and with a slice of 1
//	declInLoop:    declared, built and stored in a global within each iteration of a loop
//	literal:       s := []int{} then appends, returned (the literal reveals a capacity)
package main

import "gcsh.test/runs/ckpt"

var (
	capsSmall  [3]int
	capsNoLeak [20]int
	capsLeak   [20]int
	capsTwo    [20]int
	capsLoop   [20]int
	capsUsed   [9]int
	capsBytes  [20]int
	capsT      [2]int
	capsStrs   [3]int
	gEsc       []int
	gSink      []int
	gInts      [8]int
	sinkSum    int
)

//go:noinline
func bytesRet(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, byte(i))
	}
	return b
}

//go:noinline
func ptrsRet(n int) []*int {
	var s []*int
	for i := 0; i < n; i++ {
		s = append(s, &gInts[i])
	}
	return s
}

//go:noinline
func smallCapRet() []int {
	var s []int
	for i := 0; i < 3; i++ {
		s = append(s, i)
		capsSmall[i] = cap(s)
	}
	return s
}

//go:noinline
func sum(x []int) int {
	n := 0
	for i := 0; i < len(x); i++ {
		n += x[i]
	}
	return n
}

//go:noinline
func noLeakCallRet() []int {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i)
		capsNoLeak[i] = cap(s)
	}
	sinkSum += sum(s)
	return s
}

//go:noinline
func sink(x []int) {
	gSink = x
}

//go:noinline
func leakCall() {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i)
		capsLeak[i] = cap(s)
	}
	sink(s)
}

//go:noinline
func twoExits(flag bool) []int {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i)
		capsTwo[i] = cap(s)
	}
	if flag {
		return s
	}
	gEsc = s
	return nil
}

//go:noinline
func exitInLoop() {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i)
		capsLoop[i] = cap(s)
		if i == 10 {
			gEsc = s
		}
	}
}

//go:noinline
func usedOnce() int {
	n := 0
	for j := 0; j < 3; j++ {
		var s []int
		for i := 0; i < 3; i++ {
			s = append(s, i)
			capsUsed[j*3+i] = cap(s)
		}
		n += s[2]
	}
	return n
}

//go:noinline
func bytesCap(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, byte(i))
		capsBytes[i] = cap(b)
	}
	return b
}

//go:noinline
func threes(n int) [][3]byte {
	var s [][3]byte
	for i := 0; i < n; i++ {
		s = append(s, [3]byte{byte(i), 1, 2})
	}
	return s
}

type T struct{ a, b, c int32 }

//go:noinline
func twelves() []T {
	var s []T
	for i := 0; i < 2; i++ {
		s = append(s, T{int32(i), 0, 0})
		capsT[i] = cap(s)
	}
	return s
}

//go:noinline
func strs() []string {
	var s []string
	for i := 0; i < 3; i++ {
		s = append(s, "x")
		capsStrs[i] = cap(s)
	}
	return s
}

//go:noinline
func param(s []int) []int {
	for i := 0; i < 3; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func declInLoop() {
	for j := 0; j < 2; j++ {
		var s []int
		for i := 0; i < 3; i++ {
			s = append(s, i)
		}
		gEsc = s
	}
}

//go:noinline
func literal() []int {
	s := []int{}
	for i := 0; i < 3; i++ {
		s = append(s, i)
	}
	return s
}

func main() {
	ckpt.CP("start")
	b20 := bytesRet(20)
	ckpt.CP("bytes20")
	b40 := bytesRet(40)
	ckpt.CP("bytes40")
	p3 := ptrsRet(3)
	ckpt.CP("ptrs3")
	s3 := smallCapRet()
	ckpt.CP("small3")
	nl := noLeakCallRet()
	ckpt.CP("noleak")
	leakCall()
	ckpt.CP("leak")
	two := twoExits(true)
	ckpt.CP("two")
	exitInLoop()
	ckpt.CP("loop")
	sinkSum += usedOnce()
	ckpt.CP("used")
	bc := bytesCap(20)
	ckpt.CP("bytesCap")
	t3 := threes(5)
	ckpt.CP("threes")
	tw := twelves()
	ckpt.CP("twelves")
	ss := strs()
	ckpt.CP("strs")
	pn := param(nil)
	ckpt.CP("param_nil")
	h := make([]int, 1, 1)
	ph := param(h)
	ckpt.CP("param_slice")
	declInLoop()
	ckpt.CP("declInLoop")
	lt := literal()
	ckpt.CP("literal")
	println("bytes20", len(b20), cap(b20), b20[19])
	println("bytes40", len(b40), cap(b40), b40[39])
	println("ptrs3", len(p3), cap(p3), p3[2] == &gInts[2])
	printCaps("small3", len(s3), cap(s3), capsSmall[:])
	printCaps("noleak", len(nl), cap(nl), capsNoLeak[:])
	printCaps("leak", 0, 0, capsLeak[:])
	printCaps("two", len(two), cap(two), capsTwo[:])
	printCaps("loop", 0, 0, capsLoop[:])
	printCaps("used", 0, 0, capsUsed[:])
	printCaps("bytesCap", len(bc), cap(bc), capsBytes[:])
	println("threes", len(t3), cap(t3), t3[4][0])
	printCaps("twelves", len(tw), cap(tw), capsT[:])
	printCaps("strs", len(ss), cap(ss), capsStrs[:])
	println("param", len(pn), cap(pn), len(ph), cap(ph))
	println("declInLoop", len(gEsc), cap(gEsc))
	println("literal", len(lt), cap(lt))
}

// printCaps prints a returned slice's length and capacity, then the capacities recorded.
func printCaps(label string, n, c int, caps []int) {
	print(label, " ", n, " ", c, ":")
	for _, v := range caps {
		print(" ", v)
	}
	println()
}
