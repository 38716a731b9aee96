package main

// unsafe.Pointer (Go 1.0+), unsafe.Add and unsafe.Slice (Go 1.17+): a pointer
// converted to another type reads and writes the same memory; a slice's header
// seen through a struct of three words; unsafe.Add steps through an array;
// unsafe.Slice makes a slice over it; a negative length panics.

import (
	"fmt"
	"unsafe"
)

type header struct {
	data uintptr
	len  int
	cap  int
}

func main() {
	x := 42
	p := unsafe.Pointer(&x)
	q := (*int)(p)
	*q = 7
	fmt.Println(x, p == nil, uintptr(p) != 0)

	s := make([]int, 3, 10)
	h := (*header)(unsafe.Pointer(&s))
	fmt.Println(h.len, h.cap, h.data == uintptr(unsafe.Pointer(&s[0])))

	f := 1.5
	bits := *(*uint64)(unsafe.Pointer(&f))
	fmt.Printf("%#x %T\n", bits, p)

	arr := [4]int32{1, 2, 3, 4}
	a := unsafe.Pointer(&arr[0])
	third := *(*int32)(unsafe.Add(a, 2*unsafe.Sizeof(arr[0])))
	fmt.Println(third)

	sl := unsafe.Slice(&arr[1], 3)
	sl[2] = 40
	fmt.Println(sl, len(sl), cap(sl), arr)

	var np *int
	fmt.Println(len(unsafe.Slice(np, 0)))
	defer func() { fmt.Println("recovered:", recover()) }()
	n := -1
	_ = unsafe.Slice(&arr[0], n)
}
