// Indexes walk proves in range (walk/expr.go bounded): -m says "index bounds check elided" for
// a byte into 256 counters, masks, an unsigned modulo and shift, a mask into a constant
// string — in a function and where it is inlined — and nothing for a constant or an int index.
package main

import "fmt"

func hist(data []byte) [256]int {
	var counts [256]int
	for _, b := range data {
		counts[b]++
	}
	return counts
}

var table [16]string

func main() {
	h := hist([]byte("hello"))
	x := uint32(len(h))
	i := 7
	fmt.Println(h['l'], table[x&15], table[x%16], table[x>>28], table[i&15], "0123456789abcdef"[x&0xf], h[i])
}
