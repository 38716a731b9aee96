// The three-index slice s[lo:hi:max] limits the capacity, so a later
// append must copy instead of writing over the original's elements.
package main

import "fmt"

func main() {
	orig := []string{"a", "b", "c", "d", "e", "f"}

	shared := orig[1:3]
	fmt.Println("shared:", shared, "len", len(shared), "cap", cap(shared))
	shared = append(shared, "X")
	fmt.Println("orig after append to shared:", orig)

	orig[3] = "d"
	limited := orig[1:3:3]
	fmt.Println("limited:", limited, "len", len(limited), "cap", cap(limited))
	limited = append(limited, "Y")
	fmt.Println("orig after append to limited:", orig)
	fmt.Println("limited now:", limited, "len", len(limited), "cap", cap(limited))

	tail := orig[4:]
	fmt.Println("tail:", tail, len(tail), cap(tail))
	empty := orig[6:]
	fmt.Println("empty:", empty, len(empty), cap(empty), empty == nil)
	var nilSlice []string
	fmt.Println("nil slice:", nilSlice, len(nilSlice), nilSlice == nil)
	fmt.Printf("%v %q %d\n", orig[:0:0], orig[2:4], cap(orig[:0:0]))
}
