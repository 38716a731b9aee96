// learner: the small functions a Go learner writes with several results,
// named results and variadic parameters — (value, ok) lookups, divmod,
// sum(nums ...int), min/max and average helpers, a recursive pair, a string
// joiner — printing with fmt to stdout, which gcsh must reproduce exactly.
package main

import "fmt"

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func find(names []string, want string) (int, bool) {
	for i, n := range names {
		if n == want {
			return i, true
		}
	}
	return -1, false
}

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func minMax(first int, rest ...int) (lo, hi int) {
	lo, hi = first, first
	for _, n := range rest {
		if n < lo {
			lo = n
		}
		if n > hi {
			hi = n
		}
	}
	return
}

func average(nums ...float64) (avg float64, ok bool) {
	if len(nums) == 0 {
		return 0, false
	}
	total := 0.0
	for _, n := range nums {
		total += n
	}
	return total / float64(len(nums)), true
}

func swap(a, b string) (string, string) {
	return b, a
}

func stats(nums ...int) (count, total int, mean float64) {
	count = len(nums)
	total = sum(nums...)
	if count > 0 {
		mean = float64(total) / float64(count)
	}
	return
}

// fib returns fib(n) and fib(n+1).
func fib(n int) (a, b int) {
	if n == 0 {
		return 0, 1
	}
	a, b = fib(n - 1)
	return b, a + b
}

func join(sep string, words ...string) string {
	out := ""
	for i, w := range words {
		if i > 0 {
			out += sep
		}
		out += w
	}
	return out
}

func parseDigits(s string) (n int, ok bool) {
	if len(s) == 0 {
		return
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	ok = true
	return
}

func counts(words ...string) (short, long int) {
	for _, w := range words {
		if len(w) < 4 {
			short++
		} else {
			long++
		}
	}
	return
}

func main() {
	q, r := divmod(17, 5)
	fmt.Println("17 / 5 =", q, "remainder", r)
	fmt.Println(divmod(100, 7))

	names := []string{"ada", "grace", "linus"}
	if i, ok := find(names, "grace"); ok {
		fmt.Println("found grace at", i)
	}
	if _, ok := find(names, "ken"); !ok {
		fmt.Println("ken not found")
	}

	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	nums := []int{4, 8, 15, 16, 23, 42}
	fmt.Println("sum of", len(nums), "numbers:", sum(nums...))

	lo, hi := minMax(7, 3, 9, 1)
	fmt.Printf("min %d max %d\n", lo, hi)
	fmt.Println(minMax(5))

	if avg, ok := average(1.5, 2.5, 4); ok {
		fmt.Printf("average %.2f\n", avg)
	}
	_, ok := average()
	fmt.Println("average of nothing ok?", ok)

	a, b := swap("hello", "world")
	fmt.Println(a, b)
	a, b = b, a
	fmt.Println(a, b)
	fmt.Println(fmt.Sprint(swap("x", "y")))

	count, total, mean := stats(nums...)
	fmt.Println(count, total, mean)
	fmt.Println(stats())

	for i := 0; i < 10; i++ {
		x, _ := fib(i)
		fmt.Print(x, " ")
	}
	fmt.Println()

	fmt.Println(join(", ", "red", "green", "blue"))
	fmt.Printf("%q\n", join("-"))
	parts := []string{"a", "b", "c"}
	fmt.Println(join("/", parts...))

	for _, s := range []string{"2024", "12x", ""} {
		n, ok := parseDigits(s)
		fmt.Printf("%q -> %d %v\n", s, n, ok)
	}

	short, long := counts("go", "is", "a", "small", "language")
	fmt.Println("short words:", short, "long words:", long)
}
