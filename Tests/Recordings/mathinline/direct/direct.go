// How -gcflags=-m names math results and constants passed to fmt.Println
// directly (no wrappers): intrinsics, inlined calls and constant expressions.
package main

import (
	"fmt"
	"math"
)

func main() {
	x := 2.5
	fmt.Println(math.Floor(x), math.Abs(x), math.Pi*2, math.E, math.MaxInt8, math.Inf(1), math.Sqrt(x))
}
