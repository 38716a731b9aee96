// The Go twin of store-indexed.gcs: write s[i] = i*3 into an 800 MB []int64 with an indexed loop.
package main

import "fmt"

func main() {
	s := make([]int64, 100_000_000)
	for i := 0; i < len(s); i++ {
		s[i] = int64(i) * 3
	}
	fmt.Println(s[0], s[len(s)/2], s[len(s)-1], len(s))
}
