//go:build go1.20

package main

// unsafe.String, StringData and SliceData (Go 1.20+): a substring shares its
// string's bytes (the retention lesson: the 1 MiB string stays alive while the
// 10-byte substring does), a string made over a []byte sees the slice's writes,
// and a slice's data pointer is its first element's address.

import (
	"fmt"
	"unsafe"
)

func main() {
	big := string(make([]byte, 1<<20))
	small := big[10:20]
	fmt.Println(uintptr(unsafe.Pointer(unsafe.StringData(small)))-uintptr(unsafe.Pointer(unsafe.StringData(big))), len(small))

	b := []byte("hello, world")
	s := unsafe.String(&b[0], 5)
	b[0] = 'J'
	fmt.Println(s, len(s))

	arr := [4]int32{1, 2, 3, 4}
	sl := arr[1:]
	fmt.Println(unsafe.SliceData(sl) == &arr[1], unsafe.SliceData([]int(nil)) == nil)

	defer func() { fmt.Println("recovered:", recover()) }()
	var nb *byte
	n := 3
	_ = unsafe.String(nb, n)
}
