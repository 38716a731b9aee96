// Switches on constants: the compiler picks the clause at compile time, the program
// behaves the same.
package main

import "fmt"

const debug = false
const level = 2

func main() {
	switch debug {
	case true:
		fmt.Println("debugging")
	case false:
		fmt.Println("not debugging")
	}
	switch level {
	case 1:
		fmt.Println("level one")
	case 2:
		fmt.Println("level two")
		fallthrough
	case 3:
		fmt.Println("level two or three")
	}
	switch {
	case level > 5:
		fmt.Println("high")
	default:
		fmt.Println("low")
	}
	switch level * 2 {
	}
	fmt.Println("end")
}
