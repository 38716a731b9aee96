// smallgrow: the capacity after each of 20 one-element appends, for a slice
// that stays in its function (growLocal), for the same slice read back with a
// range loop (growLocalRange: Go 1.26+ treats the range as a point where the
// backing store may have to move to the heap), and for one that escapes into a
// package-level variable (growEscaping). The checkpoints count the mallocs.
package main

import "gcsh.test/runs/ckpt"

var (
	capsLocal [20]int
	capsRange [20]int
	capsEsc   [20]int
	gEsc      []int
	sinkSum   int
)

//go:noinline
func growLocal() int {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i)
		capsLocal[i] = cap(s)
	}
	return s[19]
}

//go:noinline
func growLocalRange() int {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i)
		capsRange[i] = cap(s)
	}
	n := 0
	for _, v := range s {
		n += v
	}
	return n
}

//go:noinline
func growEscaping() {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i)
		capsEsc[i] = cap(s)
	}
	gEsc = s
}

func main() {
	ckpt.CP("start")
	sinkSum += growLocal()
	ckpt.CP("after_local")
	sinkSum += growLocalRange()
	ckpt.CP("after_local_range")
	growEscaping()
	ckpt.CP("after_escaping")
	print("local")
	for i := 0; i < 20; i++ {
		print(" ", capsLocal[i])
	}
	println()
	print("local_range")
	for i := 0; i < 20; i++ {
		print(" ", capsRange[i])
	}
	println()
	print("escaping")
	for i := 0; i < 20; i++ {
		print(" ", capsEsc[i])
	}
	println()
}
