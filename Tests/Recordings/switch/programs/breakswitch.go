// break inside a switch ends the switch, not the loop around it; a labelled break ends
// the loop.
package main

import "fmt"

func main() {
	for i := 0; i < 5; i++ {
		switch i {
		case 2:
			fmt.Println("two: break leaves only the switch")
			break
		case 3:
			if i > 2 {
				break
			}
			fmt.Println("not printed")
		}
		fmt.Println("after switch", i)
	}

	nums := []int{4, 8, 15, 16, 23, 42}
	sum := 0
loop:
	for i, n := range nums {
		switch {
		case n%2 == 1:
			fmt.Println("first odd number", n, "at", i)
			break loop
		case n > 10:
			fmt.Println("big even", n)
		default:
			sum += n
		}
	}
	fmt.Println("sum of small evens before the first odd:", sum)
}
