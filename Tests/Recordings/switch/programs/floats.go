// Switching on floats, bools and strings built at run time.
package main

import "fmt"

func classify(f float64) string {
	switch f {
	case 0:
		return "zero"
	case 0.5, 0.25:
		return "a simple fraction"
	case 1.0 / 3.0:
		return "a third"
	}
	return "something else"
}

func main() {
	for _, f := range []float64{0, 0.5, 0.25, 1.0 / 3.0, 0.1} {
		fmt.Println(f, classify(f))
	}
	ready := len("go") == 2
	switch ready {
	case true:
		fmt.Println("ready")
	case false:
		fmt.Println("not ready")
	}
	greeting := "hel" + "lo"
	w := "wor"
	switch greeting + ", " + w + "ld" {
	case "hello, world":
		fmt.Println("classic")
	default:
		fmt.Println("new")
	}
}
