// Several results, named results and variadic parameters: each result is a
// location of its own (leaking param: p to result ~r1), named results are
// variables (moved to heap: n), a call with several results flows each into
// its target, and a variadic call's implicit slice ("... argument") stays on
// the stack unless the callee leaks it.
package main

//go:noinline
func resSwap(a, b *int) (*int, *int) {
	return b, a
}

//go:noinline
func resDeref(pp **int) (*int, bool) {
	return *pp, true
}

//go:noinline
func resLeakBoth(p *int) (*int, *int) {
	gPtr = p
	return p, nil
}

//go:noinline
func resNamed(p *int) (q *int, ok bool) {
	q = p
	ok = q != nil
	return
}

//go:noinline
func resBlank(p *int) (_ *int, n int) {
	return p, 1
}

//go:noinline
func resNamedAddrEscapes() (n int) {
	gPtr = &n
	n = 3
	return
}

//go:noinline
func resNamedAddrLocal() (n int) {
	p := &n
	*p = 4
	return
}

//go:noinline
func resNamedNew() (p *int) {
	p = new(int)
	return
}

//go:noinline
func resTwoAllocs() (*int, []byte) {
	return new(int), make([]byte, 8)
}

//go:noinline
func resEight(p *int) (a, b, c, d, e, f, g, h *int) {
	a = p
	h = p
	return
}

//go:noinline
func resUseSwapLocal() int {
	x, y := 1, 2
	p, q := resSwap(&x, &y)
	return *p + *q
}

//go:noinline
func resUseSwapEscape() {
	x, y := 1, 2
	p, _ := resSwap(&x, &y)
	gPtr = p
}

//go:noinline
func resForward(a, b *int) (*int, *int) {
	return resSwap(a, b)
}

//go:noinline
func resTakeTwo(p, q *int) int {
	return *p + *q
}

//go:noinline
func resNestedCall() int {
	x, y := 5, 6
	return resTakeTwo(resSwap(&x, &y))
}

//go:noinline
func resAssignExisting(p *int) *int {
	var q *int
	var ok bool
	q, ok = resNamed(p)
	if !ok {
		return nil
	}
	return q
}

//go:noinline
func vaSum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

//go:noinline
func vaKeepPtrs(ps ...*int) {
	gPtr = ps[0]
}

//go:noinline
func vaKeepSlice(xs ...int) {
	gInts = xs
}

//go:noinline
func vaReturned(xs ...int) []int {
	return xs
}

//go:noinline
func vaPrefixed(n int, ps ...*int) *int {
	if n < len(ps) {
		return ps[n]
	}
	return nil
}

//go:noinline
func vaCallSum() int {
	return vaSum(1, 2, 3) + vaSum()
}

//go:noinline
func vaCallSpread() int {
	s := []int{4, 5}
	return vaSum(s...)
}

//go:noinline
func vaCallKeepPtrs() {
	x := 1
	vaKeepPtrs(&x)
}

//go:noinline
func vaCallKeepSlice() {
	vaKeepSlice(7, 8)
}

//go:noinline
func vaCallReturned() []int {
	return vaReturned(1, 2)
}

//go:noinline
func vaCallReturnedLocal() int {
	s := vaReturned(3, 4)
	return s[0]
}

//go:noinline
func vaCallPrefixed() *int {
	x, y := 1, 2
	return vaPrefixed(1, &x, &y)
}

//go:noinline
func vaInLoop() int {
	t := 0
	for i := 0; i < 3; i++ {
		t += vaSum(i, i)
	}
	return t
}

//go:noinline
func vaFromResults() int {
	return vaSum(resDivmod(7, 2))
}

// Inlinable: the callers below get copies of these bodies.

func resDivmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func resSwapInl(a, b *int) (*int, *int) {
	return b, a
}

func resNewPair() (*int, *int) {
	return new(int), new(int)
}

func resNamedInl(p *int) (q *int) {
	q = p
	return
}

func resForwardInl() (int, int) {
	return resDivmod(9, 4)
}

func vaSumInl(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func vaMinMax(xs ...int) (lo, hi int) {
	if len(xs) == 0 {
		return
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return
}

func resPairLocal() int {
	p, q := resNewPair()
	*p = 1
	return *p + *q
}

func resPairEscape() {
	p, _ := resNewPair()
	gPtr = p
}

func resSwapInlLocal() int {
	x, y := 1, 2
	p, q := resSwapInl(&x, &y)
	return *p - *q
}

func vaSumInlCall() int {
	return vaSumInl(1, 2, 3)
}

func vaMinMaxCall() int {
	lo, hi := vaMinMax(4, 1, 9)
	return hi - lo
}

//go:noinline
func resBuildNamed(n int) (s []int) {
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return
}
