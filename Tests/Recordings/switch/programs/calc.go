// A tiny calculator: a switch on the operator string, errors in the default clause.
package main

import "fmt"

func apply(a int, op string, b int) int {
	switch op {
	case "+":
		return a + b
	case "-":
		return a - b
	case "*", "x":
		return a * b
	case "/":
		if b == 0 {
			fmt.Println("  division by zero!")
			return 0
		}
		return a / b
	case "%":
		return a % b
	}
	fmt.Println("  unknown operator", op)
	return 0
}

func main() {
	ops := []string{"+", "-", "*", "x", "/", "%", "^"}
	for _, op := range ops {
		fmt.Println(17, op, 5, "=", apply(17, op, 5))
	}
	fmt.Println(1, "/", 0, "=", apply(1, "/", 0))
}
