// pkgfuncvalues: package functions used as values (unicode.IsSpace given to strings.FieldsFunc,
// strings.ToUpper in a variable, math's functions in a map and a slice, passed to a program's
// function): each is a static funcval, so nothing is allocated.
package main

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"unicode"
)

var ms runtime.MemStats

func allocs(f func()) (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	m, b := ms.Mallocs, ms.TotalAlloc
	f()
	runtime.ReadMemStats(&ms)
	return ms.Mallocs - m, ms.TotalAlloc - b
}

func apply(f func(float64) float64, x float64) float64 { return f(x) }

func count(s string, pred func(rune) bool) int {
	n := 0
	for _, r := range s {
		if pred(r) {
			n++
		}
	}
	return n
}

var fsink func(float64) float64
var isink int

func main() {
	fmt.Printf("%q\n", strings.FieldsFunc("  a b\tc\n", unicode.IsSpace))
	up := strings.ToUpper
	fmt.Println(up("gopher"), apply(math.Sqrt, 2), apply(math.Abs, -3.5))
	ops := map[string]func(float64) float64{"sqrt": math.Sqrt, "floor": math.Floor, "abs": math.Abs}
	for _, k := range []string{"abs", "floor", "sqrt"} {
		fmt.Println(k, ops[k](-2.5), ops[k](6.25))
	}
	preds := []func(rune) bool{unicode.IsLetter, unicode.IsDigit, unicode.IsSpace, unicode.IsUpper}
	for _, p := range preds {
		fmt.Print(count("Go 1.27 Rocks!", p), " ")
	}
	fmt.Println()
	var conv func(rune) rune = unicode.ToUpper
	fmt.Println(string(conv('q')), up == nil, conv != nil)
	trim := strings.TrimSpace
	fmt.Printf("%q %T %T\n", trim("  x  "), trim, unicode.IsSpace)
	// A local that holds a package function Go inlines is a call of it (f(-2) is math.Abs's
	// body); one it does not inline stays a call through the value, g(' ').
	f := math.Abs
	g := unicode.IsSpace
	fmt.Println(f(-2), g(' '), math.Sqrt(f(-4)))
	m1, b1 := allocs(func() { fsink = math.Sqrt })
	m2, b2 := allocs(func() { isink = count("a b c", unicode.IsSpace) })
	m3, b3 := allocs(func() { fsink = ops["abs"] })
	fmt.Println("store:", m1, b1, "pass:", m2, b2, "map read:", m3, b3)
}
