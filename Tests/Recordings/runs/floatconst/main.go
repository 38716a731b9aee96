// floatconst: untyped float constants are exact (go/constant), rounded to float64 only where
// they meet a type: 0.1+0.2 is 0.3; math.Pi/6 and math.Pi/180 are rounded once; 1.1*10 is the
// integer 11; typed constants and variables compute in float64.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(0.1+0.2, 0.1*3, math.Pi/6, 1.0/3*3, int(1.1*10), math.Pi, math.MaxFloat64, 1e300*1e10/1e10, -0.0, 0.1 == 0.1*1)
	const r = math.Pi / 180
	fmt.Println(r, 30*r, 1e-320/10, 1_000.5e-2, math.E*math.E, math.Sqrt2*math.Sqrt2, 2/math.Pi)
	var x float64 = 0.1
	const typed float64 = 0.1
	fmt.Println(x*3, typed*3, 0.1 < 0.1000000000000000001, 0.1 == 0.1000000000000000001, float32(0.1)*3, 1e-330 == 0)
	const big = 1e200 * 1e200 / 1e300
	fmt.Println(big, 5.0/9*(100-32), (100-32)*5/9, 7/2.0, math.Ln2/math.Log2E, 1/3.0+1/3.0+1/3.0 == 1)
	const third = 1.0 / 3
	var y = third
	fmt.Println(third*3 == 1, y*3 == 1, y+y+y, third+third+third, 1e23, 8.589973e9, 0.000001, 1e21)
	fmt.Printf("%.20f %.20f %v %v\n", 0.1+0.2, x+0.2, 9007199254740993.0, 9007199254740993.0-1)
}
