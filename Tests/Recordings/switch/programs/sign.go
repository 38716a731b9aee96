// Functions that end in a switch with a default clause need no return after it.
package main

import "fmt"

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	default:
		return 0
	}
}

func abs(x float64) float64 {
	switch {
	case x < 0:
		return -x
	}
	return x
}

func collatzSteps(n int) int {
	steps := 0
	for n != 1 {
		switch n % 2 {
		case 0:
			n /= 2
		case 1:
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func main() {
	fmt.Println(sign(-7), sign(0), sign(42))
	fmt.Println(abs(-2.5), abs(3.25))
	for _, n := range []int{1, 6, 7, 27} {
		fmt.Println("collatz", n, collatzSteps(n))
	}
}
