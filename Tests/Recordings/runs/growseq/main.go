// growseq: growslice's capacities for element types of several sizes, pointer-free and
// pointerful. Each function appends one element at a time and stores the slice in a global
// inside the loop, so the compiler gives up any frame buffer (Go 1.26+ move2heap) and every
// growth is runtime.growslice from the first append: nextslicecap, then roundupsize with the
// malloc header a pointerful object of more than 512 bytes carries since Go 1.22. A new
// capacity is recorded in a global array (print allocates nothing, but is kept out of the
// loop anyway); the checkpoints around each function count its mallocs and bytes.
package main

import "gcsh.test/runs/ckpt"

type ptr24 struct {
	p    *int
	a, b int
}

type ptr40 struct {
	p *int
	a [4]int
}

type ptr96 struct {
	p *int
	a [11]int
}

type ptr1000 struct {
	p *int
	a [124]int
}

var (
	caps  [64]int
	ncaps int

	gByte    []byte
	gInt32   []int32
	gInt     []int
	gPtr     []*int
	gString  []string
	gArr24   [][3]int
	gPtr24   []ptr24
	gArr40   [][5]int
	gPtr40   []ptr40
	gArr13   [][13]byte
	gArr96   [][12]int
	gPtr96   []ptr96
	gArr1000 [][1000]byte
	gPtr1000 []ptr1000
)

func note(c int) {
	if ncaps == 0 || caps[ncaps-1] != c {
		caps[ncaps] = c
		ncaps++
	}
}

func show(name string) {
	print(name)
	for i := 0; i < ncaps; i++ {
		print(" ", caps[i])
	}
	println()
	ncaps = 0
}

//go:noinline
func growByte(n int) {
	var s []byte
	for i := 0; i < n; i++ {
		s = append(s, 1)
		gByte = s
		note(cap(s))
	}
}

//go:noinline
func growInt32(n int) {
	var s []int32
	for i := 0; i < n; i++ {
		s = append(s, 1)
		gInt32 = s
		note(cap(s))
	}
}

//go:noinline
func growInt(n int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, 1)
		gInt = s
		note(cap(s))
	}
}

//go:noinline
func growPtr(n int) {
	var s []*int
	for i := 0; i < n; i++ {
		s = append(s, nil)
		gPtr = s
		note(cap(s))
	}
}

//go:noinline
func growString(n int) {
	var s []string
	for i := 0; i < n; i++ {
		s = append(s, "x")
		gString = s
		note(cap(s))
	}
}

//go:noinline
func growArr24(n int) {
	var s [][3]int
	var v [3]int
	for i := 0; i < n; i++ {
		s = append(s, v)
		gArr24 = s
		note(cap(s))
	}
}

//go:noinline
func growPtr24(n int) {
	var s []ptr24
	var v ptr24
	for i := 0; i < n; i++ {
		s = append(s, v)
		gPtr24 = s
		note(cap(s))
	}
}

//go:noinline
func growArr40(n int) {
	var s [][5]int
	var v [5]int
	for i := 0; i < n; i++ {
		s = append(s, v)
		gArr40 = s
		note(cap(s))
	}
}

//go:noinline
func growPtr40(n int) {
	var s []ptr40
	var v ptr40
	for i := 0; i < n; i++ {
		s = append(s, v)
		gPtr40 = s
		note(cap(s))
	}
}

//go:noinline
func growArr13(n int) {
	var s [][13]byte
	var v [13]byte
	for i := 0; i < n; i++ {
		s = append(s, v)
		gArr13 = s
		note(cap(s))
	}
}

//go:noinline
func growArr96(n int) {
	var s [][12]int
	var v [12]int
	for i := 0; i < n; i++ {
		s = append(s, v)
		gArr96 = s
		note(cap(s))
	}
}

//go:noinline
func growPtr96(n int) {
	var s []ptr96
	var v ptr96
	for i := 0; i < n; i++ {
		s = append(s, v)
		gPtr96 = s
		note(cap(s))
	}
}

//go:noinline
func growArr1000(n int) {
	var s [][1000]byte
	var v [1000]byte
	for i := 0; i < n; i++ {
		s = append(s, v)
		gArr1000 = s
		note(cap(s))
	}
}

//go:noinline
func growPtr1000(n int) {
	var s []ptr1000
	var v ptr1000
	for i := 0; i < n; i++ {
		s = append(s, v)
		gPtr1000 = s
		note(cap(s))
	}
}

func main() {
	ckpt.CP("start")
	growByte(100000)
	ckpt.CP("byte")
	show("byte")
	growInt32(25000)
	ckpt.CP("int32")
	show("int32")
	growInt(12500)
	ckpt.CP("int")
	show("int")
	growPtr(12500)
	ckpt.CP("ptr")
	show("ptr")
	growString(6250)
	ckpt.CP("string")
	show("string")
	growArr24(4200)
	ckpt.CP("arr24")
	show("arr24")
	growPtr24(4200)
	ckpt.CP("ptr24")
	show("ptr24")
	growArr40(2500)
	ckpt.CP("arr40")
	show("arr40")
	growPtr40(2500)
	ckpt.CP("ptr40")
	show("ptr40")
	growArr13(7700)
	ckpt.CP("arr13")
	show("arr13")
	growArr96(1050)
	ckpt.CP("arr96")
	show("arr96")
	growPtr96(1050)
	ckpt.CP("ptr96")
	show("ptr96")
	growArr1000(100)
	ckpt.CP("arr1000")
	show("arr1000")
	growPtr1000(100)
	ckpt.CP("ptr1000")
	show("ptr1000")
}
