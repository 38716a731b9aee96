// Evaluation order: the tag once, then the cases top to bottom, left to right, only until one
// is equal.
package main

import "fmt"

var calls int

func pick(n int) int {
	calls++
	fmt.Println("  tag evaluated, call", calls)
	return n
}

func check(name string, v int) int {
	fmt.Println("  checking case", name)
	return v
}

func main() {
	for i := 1; i <= 4; i++ {
		fmt.Println("round", i)
		switch pick(i) {
		case check("a", 1), check("b", 2):
			fmt.Println("  matched a or b")
		case check("c", 3):
			fmt.Println("  matched c")
		default:
			fmt.Println("  no match")
		}
	}
	fmt.Println("tag calls:", calls)

	x := 10
	switch {
	case x > 100:
		fmt.Println("huge")
	case x > 5 && check("d", 1) == 1:
		fmt.Println("big and d")
	case x > 1:
		fmt.Println("never reached")
	}
}
