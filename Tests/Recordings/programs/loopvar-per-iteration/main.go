// Since Go 1.22 each iteration of a for loop has its own loop variable, so
// taking &i in the loop gives a different pointer each time (and each of
// them may escape to the heap). Under go 1.19 semantics they all alias.
package main

import "fmt"

func main() {
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	fmt.Println("same pointer:", ptrs[0] == ptrs[1])

	var vals []*string
	for _, s := range []string{"x", "y", "z"} {
		vals = append(vals, &s)
	}
	fmt.Println(*vals[0], *vals[1], *vals[2])
}
