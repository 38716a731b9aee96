// slotlifetimes: variables whose slots must outlive the statement that made them — a grouped
// `var ( ... )` in a function, read after later declarations, and a select case's received
// value and ok (a string, a struct of two words' fields) read after the case declares more.
package main

import (
	"fmt"
	"strings"
)

type pair struct {
	name string
	tags []string
}

func main() {
	var (
		a = []int{1, 2, 3}
		b = "hello"
	)
	var (
		c = 7
		d = []string{"x", "y"}
	)
	x := []int{9, 9, 9, 9}
	fmt.Println(a, b, c, d, x)

	strs := make(chan string, 1)
	pairs := make(chan pair, 1)
	for i := 0; i < 2; i++ {
		if i == 0 {
			strs <- strings.Repeat("ab", 3)
		} else {
			pairs <- pair{"p", []string{"t1", "t2"}}
		}
		select {
		case s, ok := <-strs:
			n := len(s)
			fmt.Println("string", s, ok, !ok, n)
		case p, ok := <-pairs:
			q := p
			fmt.Println("pair", q.name, q.tags, ok, !ok)
		}
	}
	close(strs)
	s, ok := <-strs
	fmt.Printf("%q %v %v\n", s, ok, !ok)
}
