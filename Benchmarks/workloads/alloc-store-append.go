// The Go twin of alloc-store-append.gcs: 10 million small allocations, each stored into; every
// 1000th is kept by a package-level slice.
package main

import "fmt"

var keep []*[2]int64

func main() {
	for i := 0; i < 10_000_000; i++ {
		p := new([2]int64)
		p[0] = int64(i)
		if i%1000 == 0 {
			keep = append(keep, p)
		}
	}
	var sum int64
	for _, q := range keep {
		sum += q[0]
	}
	fmt.Println(len(keep), sum)
}
