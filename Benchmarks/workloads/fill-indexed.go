// The Go twin of fill-indexed.gcs: fill an 800 MB []int64 with an indexed loop.
package main

import "fmt"

func main() {
	s := make([]int64, 100_000_000)
	for i := 0; i < len(s); i++ {
		s[i] = 7
	}
	fmt.Println(len(s), s[0], s[len(s)/2], s[len(s)-1])
}
