// A switch's init statement is scoped to the switch; each clause is its own block.
package main

import "fmt"

func next() int {
	counter++
	return counter
}

var counter int

func main() {
	x := "outer"
	switch x := next(); x {
	case 1:
		x := "shadowed in case 1"
		fmt.Println(x)
	case 2:
		fmt.Println("two")
	}
	fmt.Println(x)

	switch n := next() * 10; {
	case n > 15:
		y := n + 1
		fmt.Println("n is", n, "y is", y)
	default:
		y := "a different y"
		fmt.Println(y)
	}

	for i := 0; i < 3; i++ {
		switch v := i * i; v {
		case 0, 1:
			fmt.Println("small square", v)
		default:
			fmt.Println("square", v)
		}
	}
}
