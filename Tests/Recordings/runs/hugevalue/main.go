// hugevalue: values of 2 GiB and more that Go moves in memory, never through a frame: a struct
// with a huge array field, constant and variable indexes past 2 GiB, == of two huge arrays, a
// huge array copied into a variable, an element of a slice of huge arrays. Each prints what it
// read. Only the copy writes much memory (2 GiB); the rest touches a few pages.
package main

type Big [1 << 28]int

type Holder struct {
	pad  Big
	last int
}

//go:noinline
func copied() int {
	var a Big
	a[7] = 3
	b := a
	b[8] = 4
	return b[7] + b[8] + a[8]
}

func main() {
	h := new(Holder)
	h.last = 7
	println("field", h.last)

	p := new([1<<28 + 10]int)
	p[1<<28+5] = 6
	i := 1<<28 + 5
	println("index", p[1<<28+5], p[i])

	x, y := new(Big), new(Big)
	println("equal", *x == *y)
	y[1<<28-1] = 1
	println("differ", *x == *y, *x != *y)

	println("copy", copied())

	s := make([]Big, 2)
	s[1][5] = 9
	println("slice", s[1][5], len(s))
}
