//go:build !go1.22

package main

// Function literals and function values, under Go 1.19 (Go 1.22+ gives a literal an
// inlining budget of 800 and inlines nearly every one; gcsh does not inline literals yet,
// so the 1.27 corpus leaves them out). Every literal's body makes two calls of a
// go:noinline function, which puts it over the inlining budget (80): Go keeps each one a
// real closure, as gcsh does (gcsh does not inline literals yet). The functions holding
// literals are go:noinline for the same reason.

var cloSink func() int
var cloSinks []func() int
var cloStrings func() string

//go:noinline
func cloHeavy(n int) int { return n }

// n is reassigned: captured by reference, it moves to the heap with the closure.
//
//go:noinline
func cloCounter() func() int {
	n := 0
	return func() int {
		n++
		return cloHeavy(n) + cloHeavy(n)
	}
}

// k is never reassigned: captured by value, a copy in the funcval.
//
//go:noinline
func cloByValue(k int) func() int {
	return func() int { return cloHeavy(k) + cloHeavy(k) }
}

// Larger than 128 bytes: captured by reference.
//
//go:noinline
func cloBig() func() int {
	var a [20]int
	return func() int { return cloHeavy(a[1]) + cloHeavy(a[2]) }
}

// A literal called only through a local assigned once: a known callee, so it does not
// escape and neither does what it captures.
//
//go:noinline
func cloLocal(k int) int {
	f := func(x int) int { return cloHeavy(x+k) + cloHeavy(k) }
	return f(1) + f(2)
}

// Address taken: captured by reference (the closure does not escape).
//
//go:noinline
func cloAddr(k int) int {
	p := &k
	f := func() int { return cloHeavy(*p) + cloHeavy(k) }
	return f()
}

//go:noinline
func cloStore(k int) {
	cloSink = func() int { return cloHeavy(k) + cloHeavy(k) }
}

// Calling a function value whose callee is not known.
//
//go:noinline
func cloApply(f func(int) int, x int) int {
	return f(x) + f(x+1)
}

//go:noinline
func cloLeakArg(f func(*int) int) int {
	v := 5
	return f(&v)
}

// A literal called in place returning the address of a captured variable: the result goes
// only to this frame, so u stays on the stack.
//
//go:noinline
func cloResultStays() int {
	u := 7
	p := func() *int {
		cloHeavy(0)
		cloHeavy(1)
		return &u
	}()
	return *p
}

//go:noinline
func cloInLoop() {
	for i := 0; i < 3; i++ {
		cloSinks = append(cloSinks, func() int { return cloHeavy(i) + cloHeavy(i) })
	}
}

// A literal in a literal: both capture a, the inner one reassigns it.
//
//go:noinline
func cloNested() func() int {
	a := 1
	return func() int {
		b := 2
		inner := func() int {
			a++
			return cloHeavy(a+b) + cloHeavy(b)
		}
		return inner() + cloHeavy(a)
	}
}

//go:noinline
func cloFuncValue() func(int) int { return cloHeavy }

//go:noinline
func cloString(s string) func() string {
	return func() string {
		cloHeavy(0)
		cloHeavy(1)
		return s
	}
}

//go:noinline
func cloUses() {
	cloSink = cloCounter()
	cloSinks = append(cloSinks, cloByValue(1), cloBig(), cloNested())
	sinkInt += cloLocal(2) + cloAddr(3) + cloApply(cloFuncValue(), 4) + cloResultStays()
	sinkInt += cloLeakArg(func(p *int) int { return cloHeavy(*p) + cloHeavy(*p) })
	cloStore(5)
	cloInLoop()
	cloStrings = cloString("s")
}
