// mathtrig: math's trigonometric functions to the last bit (pure Go on amd64: sin.go, tan.go,
// atan.go, asin.go, atan2.go, trig_reduce.go), at special values, ordinary angles, arguments
// past trig_reduce's threshold (1<<29) and a deterministic spread; and -m for the calls.
package main

import (
	"fmt"
	"math"
)

func show(name string, x, r float64) {
	fmt.Printf("%s(%v) = %v %#016x\n", name, x, r, math.Float64bits(r))
}

func main() {
	args := []float64{0, math.Copysign(0, -1), 1e-300, 1e-9, 0.1, 0.5, math.Pi / 6, math.Pi / 4, 0.7, 0.75, 1,
		math.Pi / 2, 2, math.Pi, 3, 4, 5, 2 * math.Pi, 10, 100, 1000, 12345.678, 1e6, 1 << 28,
		(1 << 29) - 1, 1 << 29, 1e10, 1e15, 1e22, 1e100, 1e300, math.MaxFloat64,
		math.Inf(1), math.Inf(-1), math.NaN()}
	// A deterministic spread of arguments: x_{k+1} = x_k * 1.37 + 0.11, wrapping.
	x := 0.3
	for k := 0; k < 200; k++ {
		args = append(args, x, -x)
		x = x*1.37 + 0.11
		if x > 1e7 {
			x = x / 9.7e6
		}
	}
	for _, a := range args {
		show("Sin", a, math.Sin(a))
		show("Cos", a, math.Cos(a))
		show("Tan", a, math.Tan(a))
		show("Atan", a, math.Atan(a))
	}
	for _, a := range []float64{0, math.Copysign(0, -1), 1e-9, 0.1, 0.5, 0.6, 0.7, 0.70001, 0.9, 0.999999, 1, -1, -0.3, -0.8, 1.0000001, 2, math.Inf(1), math.NaN()} {
		show("Asin", a, math.Asin(a))
		show("Acos", a, math.Acos(a))
	}
	pts := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -2.5, 3, 1e-300, 1e300, math.Inf(1), math.Inf(-1), math.NaN()}
	for _, y := range pts {
		for _, x := range pts {
			r := math.Atan2(y, x)
			fmt.Printf("Atan2(%v, %v) = %v %#016x\n", y, x, r, math.Float64bits(r))
		}
	}
	// As learners print them.
	fmt.Printf("%.4f %.4f %.4f\n", math.Sin(math.Pi/6), math.Cos(0), math.Atan2(1, 1))
	deg := 30.0
	fmt.Println(math.Sin(deg*math.Pi/180), math.Cos(deg*math.Pi/180), math.Tan(deg*math.Pi/180))
	fmt.Println(math.Asin(0.5)*180/math.Pi, math.Acos(0.5)*180/math.Pi, math.Atan(1)*4)
}
