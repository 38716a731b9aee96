// Wrappers around a subset of package math, one call per wrapper, so that
// `go build -gcflags=-m=2` reports each wrapper's inlining cost. base is the
// baseline: a wrapper whose body is only `return x`. See costs.md and record.sh.
package main

import (
	"fmt"
	"math"
)

func base(x float64) float64 { return x }

func wSqrt(x float64) float64            { return math.Sqrt(x) }
func wPow(x, y float64) float64          { return math.Pow(x, y) }
func wAbs(x float64) float64             { return math.Abs(x) }
func wFloor(x float64) float64           { return math.Floor(x) }
func wCeil(x float64) float64            { return math.Ceil(x) }
func wTrunc(x float64) float64           { return math.Trunc(x) }
func wRound(x float64) float64           { return math.Round(x) }
func wRoundToEven(x float64) float64     { return math.RoundToEven(x) }
func wMax(x, y float64) float64          { return math.Max(x, y) }
func wMin(x, y float64) float64          { return math.Min(x, y) }
func wMod(x, y float64) float64          { return math.Mod(x, y) }
func wLog(x float64) float64             { return math.Log(x) }
func wLog2(x float64) float64            { return math.Log2(x) }
func wLog10(x float64) float64           { return math.Log10(x) }
func wExp(x float64) float64             { return math.Exp(x) }
func wExp2(x float64) float64            { return math.Exp2(x) }
func wInf(s int) float64                 { return math.Inf(s) }
func wNaN() float64                      { return math.NaN() }
func wIsNaN(x float64) bool              { return math.IsNaN(x) }
func wIsInf(x float64, sign int) bool    { return math.IsInf(x, sign) }
func wSignbit(x float64) bool            { return math.Signbit(x) }
func wCopysign(f, sign float64) float64  { return math.Copysign(f, sign) }
func wHypot(p, q float64) float64        { return math.Hypot(p, q) }
func wCbrt(x float64) float64            { return math.Cbrt(x) }
func wSin(x float64) float64             { return math.Sin(x) }
func wCos(x float64) float64             { return math.Cos(x) }
func wTan(x float64) float64             { return math.Tan(x) }
func wAtan(x float64) float64            { return math.Atan(x) }
func wAtan2(y, x float64) float64        { return math.Atan2(y, x) }
func wFloat64bits(f float64) uint64      { return math.Float64bits(f) }
func wFloat64frombits(b uint64) float64  { return math.Float64frombits(b) }
func wFloat32bits(f float32) uint32      { return math.Float32bits(f) }
func wFloat32frombits(b uint32) float32  { return math.Float32frombits(b) }
func wModf(x float64) (float64, float64) { return math.Modf(x) }
func wFrexp(x float64) (float64, int)    { return math.Frexp(x) }
func wMaxInt() int                       { return math.MaxInt }
func wPi() float64                       { return math.Pi }

func main() {
	x, y := 2.5, -1.75
	fmt.Println(base(x))
	fmt.Println(wSqrt(x), wPow(x, y), wAbs(y), wFloor(y), wCeil(y), wTrunc(y))
	fmt.Println(wRound(y), wRoundToEven(y), wMax(x, y), wMin(x, y), wMod(x, y))
	fmt.Println(wLog(x), wLog2(x), wLog10(x), wExp(x), wExp2(x))
	fmt.Println(wInf(1), wNaN(), wIsNaN(x), wIsInf(x, 0), wSignbit(y), wCopysign(x, y))
	fmt.Println(wHypot(x, y), wCbrt(x), wSin(x), wCos(x), wTan(x), wAtan(x), wAtan2(y, x))
	fmt.Println(wFloat64bits(x), wFloat64frombits(0x3ff0000000000000))
	fmt.Println(wFloat32bits(1.5), wFloat32frombits(0x3fc00000))
	fmt.Println(wModf(x))
	fmt.Println(wFrexp(x))
	fmt.Println(wMaxInt(), wPi())
}
