// fallthrough runs the next clause's body without testing its case.
package main

import "fmt"

func describe(n int) {
	fmt.Print(n, ":")
	switch {
	case n > 100:
		fmt.Print(" huge")
		fallthrough
	case n > 10:
		fmt.Print(" big")
		fallthrough
	case n > 0:
		fmt.Print(" positive")
	case n == 0:
		fmt.Print(" zero")
	default:
		fmt.Print(" negative")
	}
	fmt.Println()
}

func levels(n int) []string {
	var out []string
	switch n {
	case 3:
		out = append(out, "three")
		fallthrough
	case 2:
		out = append(out, "two")
		fallthrough
	case 1:
		out = append(out, "one")
		fallthrough
	default:
		out = append(out, "liftoff")
	}
	return out
}

func main() {
	for _, n := range []int{500, 50, 5, 0, -5} {
		describe(n)
	}
	for n := 0; n <= 4; n++ {
		fmt.Println(n, levels(n))
	}
	// fallthrough into the default clause, which is not last.
	for _, s := range []string{"x", "y", "z"} {
		switch s {
		case "x":
			fmt.Println("x, then")
			fallthrough
		default:
			fmt.Println("  default for", s)
		case "z":
			fmt.Println("z only")
		}
	}
}
