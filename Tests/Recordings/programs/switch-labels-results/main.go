// All three parallel features together: a toy first-fit allocator over a
// free list, with a switch on the request size, a labelled loop over the
// free blocks, and a function returning an offset and an ok flag.
package main

import "fmt"

type block struct {
	offset, size int
}

func alloc(free []block, size int) (int, []block, bool) {
	switch {
	case size <= 0:
		return 0, free, false
	case size%8 != 0:
		size += 8 - size%8
	}
scan:
	for i := range free {
		switch {
		case free[i].size < size:
			continue scan
		case free[i].size == size:
			off := free[i].offset
			return off, append(free[:i], free[i+1:]...), true
		default:
			off := free[i].offset
			free[i].offset += size
			free[i].size -= size
			return off, free, true
		}
	}
	return -1, free, false
}

func main() {
	free := []block{{0, 64}, {128, 16}, {256, 512}}
	for _, req := range []int{16, 0, 60, 13, 512, 8, 400} {
		off, rest, ok := alloc(free, req)
		free = rest
		fmt.Printf("alloc(%3d) -> offset %4d ok=%-5t free=%v\n", req, off, ok, free)
	}
}
