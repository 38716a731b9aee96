// One-line wrappers of math's trigonometric functions: -m=2's cost for a call of each.
package main

import "math"

func wSin(x float64) float64      { return math.Sin(x) }
func wCos(x float64) float64      { return math.Cos(x) }
func wTan(x float64) float64      { return math.Tan(x) }
func wAsin(x float64) float64     { return math.Asin(x) }
func wAcos(x float64) float64     { return math.Acos(x) }
func wAtan(x float64) float64     { return math.Atan(x) }
func wAtan2(y, x float64) float64 { return math.Atan2(y, x) }

func main() {}
