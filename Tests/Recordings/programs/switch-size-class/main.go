// Which path of the allocator a request takes, with a tagless switch: the
// tiny allocator (no pointers, under 16 bytes), size-classed small objects
// (up to 32 KiB), or a large object of whole pages.
package main

import "fmt"

func path(size int, hasPointers bool) string {
	switch {
	case size == 0:
		return "zerobase (no allocation)"
	case size < 16 && !hasPointers:
		return "tiny allocator"
	case size <= 32<<10:
		return "small, size-classed"
	default:
		return "large, whole pages"
	}
}

func unitOf(shift int) string {
	switch shift {
	case 0:
		return "B"
	case 10:
		return "KiB"
	case 20:
		return "MiB"
	case 30, 40:
		return "huge"
	}
	return "?"
}

func main() {
	requests := []int{0, 8, 8, 24, 1024, 32 << 10, 32<<10 + 1, 1 << 20}
	for i, size := range requests {
		ptrs := i%2 == 1
		fmt.Printf("%8d bytes pointers=%-5t -> %s\n", size, ptrs, path(size, ptrs))
	}
	for shift := 0; shift <= 40; shift += 10 {
		fmt.Print(unitOf(shift), " ")
	}
	fmt.Println()
	switch n := len(requests); {
	case n > 5:
		fmt.Println("many requests:", n)
	default:
		fmt.Println("few requests:", n)
	}
}
