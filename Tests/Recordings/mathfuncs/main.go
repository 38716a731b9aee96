// mathfuncs: the math functions gcsh computes, on ordinary, special (±0, ±Inf, NaN, subnormal,
// huge) and generated arguments, printed with %v (shortest round-trip digits: one bit of
// difference shows), and one-line wrappers of each for -gcflags=-m (which can inline, which
// calls are inlined into them). record.sh keeps Go 1.27.3's and Go 1.19.8's stdout and -m.
package main

import (
	"fmt"
	"math"
)

func wSqrt(x float64) float64        { return math.Sqrt(x) }
func wPow(x, y float64) float64      { return math.Pow(x, y) }
func wAbs(x float64) float64         { return math.Abs(x) }
func wFloor(x float64) float64       { return math.Floor(x) }
func wCeil(x float64) float64        { return math.Ceil(x) }
func wTrunc(x float64) float64       { return math.Trunc(x) }
func wRound(x float64) float64       { return math.Round(x) }
func wRoundToEven(x float64) float64 { return math.RoundToEven(x) }
func wMax(x, y float64) float64      { return math.Max(x, y) }
func wMin(x, y float64) float64      { return math.Min(x, y) }
func wMod(x, y float64) float64      { return math.Mod(x, y) }
func wLog(x float64) float64         { return math.Log(x) }
func wLog2(x float64) float64        { return math.Log2(x) }
func wLog10(x float64) float64       { return math.Log10(x) }
func wExp(x float64) float64         { return math.Exp(x) }
func wCbrt(x float64) float64        { return math.Cbrt(x) }
func wCopysign(x, y float64) float64 { return math.Copysign(x, y) }
func wLdexp(x float64, e int) float64 {
	return math.Ldexp(x, e)
}
func wFrexp(x float64) (float64, int)    { return math.Frexp(x) }
func wModf(x float64) (float64, float64) { return math.Modf(x) }
func wIsInf(x float64, s int) bool       { return math.IsInf(x, s) }
func wIsNaN(x float64) bool              { return math.IsNaN(x) }
func wSignbit(x float64) bool            { return math.Signbit(x) }
func wBits(x float64) uint64             { return math.Float64bits(x) }
func wFromBits(b uint64) float64         { return math.Float64frombits(b) }
func wBits32(x float32) uint32           { return math.Float32bits(x) }
func wHypot(p, q float64) float64        { return math.Hypot(p, q) }
func wFromBits32(b uint32) float32       { return math.Float32frombits(b) }

func main() {
	special := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -2.5, 3.5, 1e-310, -1e-310, 1e300, -1e300,
		math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64, 709.78, -745.2, 710}
	for _, x := range special {
		fmt.Println("x", x, wSqrt(x), wAbs(x), wFloor(x), wCeil(x), wTrunc(x), wRound(x), wRoundToEven(x))
		fmt.Println("  ", wLog(x), wLog2(x), wLog10(x), wExp(x), wCbrt(x), wIsNaN(x), wSignbit(x), wBits(x))
		fr, ex := wFrexp(x)
		in, fp := wModf(x)
		fmt.Println("  ", fr, ex, in, fp, wLdexp(x, 3), wLdexp(x, -1074), wIsInf(x, 0), wIsInf(x, 1), wIsInf(x, -1))
		for _, y := range []float64{2, -3, 0.5, -0.5, 1.37, 0, math.Inf(1), math.NaN(), -0.0} {
			fmt.Println("  y", y, wPow(x, y), wMax(x, y), wMin(x, y), wMod(x, y), wCopysign(x, y), wHypot(x, y))
		}
	}
	var sum float64
	for i := 1; i <= 2000; i++ {
		x := float64(i)*0.731 - 300.5
		ax := math.Abs(x)
		sum += wLog(ax) + wExp(x/50) + wPow(ax, 1.0/3) + wLog10(ax)
		if i%97 == 0 {
			fmt.Println("g", x, wLog(ax), wExp(x/50), wPow(ax, 1.0/3), wPow(x, 7), wLog2(ax), wLog10(ax), wCbrt(x), wMod(x, 7.3), wRound(x/7))
		}
	}
	fmt.Println("sum", sum)
	fmt.Println(wBits32(1.5), wFromBits32(0x40490fdb), wFromBits(0x400921fb54442d18))
	fmt.Println(math.Pi, math.E, math.MaxInt64, math.MinInt64, uint64(math.MaxUint64), math.MaxUint32, math.MaxFloat32, math.SmallestNonzeroFloat32)
	fmt.Printf("%.3f %08.2f %g %e\n", math.Sqrt(2), math.Pi, math.Exp(1), math.Pow(10, 20))
}
