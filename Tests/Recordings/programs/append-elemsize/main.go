// The capacity append picks depends on the element size: the new backing
// array is rounded up to the allocator's size classes, so a []byte, a
// []int64 and a slice of 24-byte structs grow through different caps.
package main

import "fmt"

type triple struct {
	a, b, c int64
}

func main() {
	var b []byte
	prev := -1
	fmt.Print("[]byte caps:")
	for i := 0; i < 2000; i++ {
		b = append(b, byte(i))
		if cap(b) != prev {
			prev = cap(b)
			fmt.Print(" ", prev)
		}
	}
	fmt.Println()

	var w []int64
	prev = -1
	fmt.Print("[]int64 caps:")
	for i := 0; i < 2000; i++ {
		w = append(w, int64(i))
		if cap(w) != prev {
			prev = cap(w)
			fmt.Print(" ", prev)
		}
	}
	fmt.Println()

	var t []triple
	prev = -1
	fmt.Print("[]triple caps:")
	for i := 0; i < 2000; i++ {
		t = append(t, triple{int64(i), 0, 0})
		if cap(t) != prev {
			prev = cap(t)
			fmt.Print(" ", prev)
		}
	}
	fmt.Println()

	var s []string
	prev = -1
	fmt.Print("[]string caps:")
	for i := 0; i < 2000; i++ {
		s = append(s, "x")
		if cap(s) != prev {
			prev = cap(s)
			fmt.Print(" ", prev)
		}
	}
	fmt.Println()
	fmt.Println(len(b), len(w), len(t), len(s), t[1999].a)
}
