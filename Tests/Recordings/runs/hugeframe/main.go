// hugeframe: functions whose frame would hold a gigabyte or more — a parameter or a result of
// 1 or 2 GiB by value, or the temporaries of calls passing such values — which the compiler
// refuses: "stack frame too large (>1GB)". Nothing is built, nothing runs.
package main

type Big [1 << 27]int

//go:noinline
func g(x Big) int { return x[3] }

//go:noinline
func h(x Big, y Big) int { return x[3] + y[3] }

//go:noinline
func r() Big {
	var a Big
	a[2] = 5
	return a
}

//go:noinline
func k() int {
	p := new(Big)
	q := new(Big)
	return h(*p, *q) + g(*p) + g(*q)
}

func main() {
	p := new(Big)
	*p = r()
	println(k(), p[2])
}
