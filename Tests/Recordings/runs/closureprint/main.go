// closureprint: function values and literals (see run.sh).
package main

import "fmt"

type op struct {
	name string
	f    func(int, int) int
}

func divmod(a, b int) (int, int) { return a / b, a % b }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func main() {
	ops := []op{{"add", func(a, b int) int { return a + b }}, {"mul", func(a, b int) int { return a * b }}}
	for _, o := range ops {
		fmt.Println(o.name, o.f(6, 7))
	}
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(15))
	dm := divmod
	q, r := dm(17, 5)
	fmt.Println(q, r)
	s := sum
	fmt.Println(s(1, 2, 3), s([]int{4, 5}...))
	inc := func(x int) int { return x + 1 }
	dbl := func(x int) int { return x * 2 }
	fmt.Println(compose(inc, dbl)(5), compose(dbl, inc)(5))
	total := 0
	add := func(n int) { total += n }
	for i := 1; i <= 4; i++ {
		add(i)
	}
	fmt.Println(total)
	var nf func(int) int
	fmt.Println(nf == nil, fib != nil)
	defer func() {
		fmt.Println("deferred literal sees total", total)
	}()
	total = 100
}
