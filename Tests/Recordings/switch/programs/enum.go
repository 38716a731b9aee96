// A named integer type used as an enum, with a switch in a method-free String function.
package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func colorName(c Color) string {
	switch c {
	case Red:
		return "red"
	case Green:
		return "green"
	case Blue:
		return "blue"
	default:
		return fmt.Sprintf("Color(%d)", int(c))
	}
}

func mix(a, b Color) string {
	switch {
	case a == b:
		return colorName(a)
	case a == Red && b == Blue, a == Blue && b == Red:
		return "purple"
	case a == Red && b == Green, a == Green && b == Red:
		return "yellow"
	}
	return "brown"
}

func main() {
	for c := Red; c <= Blue+1; c++ {
		fmt.Println(c, colorName(c))
	}
	fmt.Println(mix(Red, Blue), mix(Green, Red), mix(Blue, Blue), mix(Green, Blue))
}
