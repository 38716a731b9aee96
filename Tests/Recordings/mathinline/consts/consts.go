// How -gcflags=-m names constants and a call result passed to fmt.Println.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Pi, math.MaxInt64, math.Sqrt(2))
}
