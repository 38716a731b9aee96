package main

// Arguments converted to a function's `any` parameter: where -m reports each
// conversion and how it names the operand. Go 1.19.8 places it at the
// operand's node (a binary operation at its operator, a call or conversion at
// its `(`, an index at its `[`, a selector at its `.`) and a plain name at the
// call's `(`; Go 1.20+ at the operand, and Go 1.25+ names a variable assigned
// once by its constant value and an inlined call by its result.

import "fmt"

var g any

//go:noinline
func sink(x any) { g = x }

//go:noinline
func sink2(a, b any) { g = a; g = b }

type S struct{ f int }

func triple(i int) int { return i * 3 }

func main() {
	i := 5000
	a := []int{i, i}
	s := S{i}
	sink(i + 1000)
	sink(triple(i))
	sink(a[1])
	sink(i)
	sink(s.f)
	sink(-i)
	sink(int64(i))
	sink2(a[0], i)
	sink2(i, s.f)
	fmt.Println(g)
}
