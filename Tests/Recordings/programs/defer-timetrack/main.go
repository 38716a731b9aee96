// The timing idiom: defer a call whose arguments (time.Now()) are
// evaluated at once, so it reports how long the function took.
package main

import (
	"fmt"
	"time"
)

func timeTrack(start time.Time, name string) {
	fmt.Printf("~ %s took %v\n", name, time.Since(start))
}

func fill(n int) []int {
	defer timeTrack(time.Now(), "fill")
	s := make([]int, 0, n)
	for i := 0; i < n; i++ {
		s = append(s, i%7)
	}
	return s
}

func main() {
	s := fill(1000000)
	fmt.Println("len:", len(s), "s[10]:", s[10])
	defer fmt.Println("deferred: printed last")
	fmt.Println("main returns")
}
