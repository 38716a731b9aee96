// deferloop: what a defer inside a loop allocates (it can be neither open-coded nor
// stack-allocated, so each iteration calls deferproc, which takes a _defer record from
// the per-P pool or allocates one, plus the heap closure holding the deferred call's
// arguments), and what the per-P / central defer pools do across calls and runtime.GC().
// Each step is one call of a function deferring N=100 times; MemStats is read into
// package variables before and after it, and everything is printed at the end.
package main

import (
	"fmt"
	"runtime"
)

const N = 100

var (
	sum   int
	order [8 * N]int // the i values in the order the deferred add calls ran
	nord  int
	kept  [N]*int
)

func noop() {}

//go:noinline
func add(i int) {
	sum += i
	if nord < len(order) {
		order[nord] = i
		nord++
	}
}

//go:noinline
func keep(p *int) { kept[*p%N] = p }

// a: no arguments.
func loopNoArgs(n int) {
	for i := 0; i < n; i++ {
		defer noop()
	}
}

// b, e, f: an int argument.
func loopIntArg(n int) {
	for i := 0; i < n; i++ {
		defer add(i)
	}
}

// c: a closure capturing the loop variable (shared: the module is go 1.19).
func loopClosureShared(n int) {
	for i := 0; i < n; i++ {
		defer func() { sum += i }()
	}
}

// c2: a closure capturing a per-iteration copy.
func loopClosureCopy(n int) {
	for i := 0; i < n; i++ {
		i := i
		defer func() { sum += i }()
	}
}

// d: a pointer argument.
func loopPtrArg(n int) {
	for i := 0; i < n; i++ {
		p := new(int)
		*p = i
		defer keep(p)
	}
}

// g: one defer not in a loop (open-coded). h: loopIntArg with 200 iterations (more
// records than the pools hold after a 100-defer call); i: loopIntArg with 100 again.
func single(n int) {
	defer add(n)
}

type step struct {
	label         string
	before, after runtime.MemStats
}

var steps [10]step
var marks [10]struct{ nordBefore, nordAfter, sumAfter int }

func measure(k int, label string, f func(int), n int) {
	steps[k].label = label
	marks[k].nordBefore = nord
	runtime.ReadMemStats(&steps[k].before)
	f(n)
	runtime.ReadMemStats(&steps[k].after)
	marks[k].nordAfter = nord
	marks[k].sumAfter = sum
}

func main() {
	measure(0, "a_noargs", loopNoArgs, N)
	measure(1, "b_intarg", loopIntArg, N)
	measure(2, "c_closure_shared", loopClosureShared, N)
	measure(3, "c2_closure_copy", loopClosureCopy, N)
	measure(4, "d_ptrarg", loopPtrArg, N)
	measure(5, "e_intarg_again", loopIntArg, N)
	runtime.GC()
	measure(6, "f_intarg_afterGC", loopIntArg, N)
	measure(7, "g_single", single, 7)
	measure(8, "h_intarg_200", loopIntArg, 2*N)
	measure(9, "i_intarg_after200", loopIntArg, N)

	for k := range steps {
		s := &steps[k]
		b, a := &s.before, &s.after
		fmt.Printf("%s dMallocs=%d dFrees=%d dTotalAlloc=%d dHeapAlloc=%d NumGC=%d->%d BySize",
			s.label, a.Mallocs-b.Mallocs, a.Frees-b.Frees, a.TotalAlloc-b.TotalAlloc,
			int64(a.HeapAlloc)-int64(b.HeapAlloc), b.NumGC, a.NumGC)
		for c := range a.BySize {
			dm := a.BySize[c].Mallocs - b.BySize[c].Mallocs
			df := a.BySize[c].Frees - b.BySize[c].Frees
			if dm != 0 || df != 0 {
				fmt.Printf(" %d:%d-%d", a.BySize[c].Size, dm, df)
			}
		}
		fmt.Println()
		m := marks[k]
		if m.nordAfter > m.nordBefore {
			o := order[m.nordBefore:m.nordAfter]
			k := 3
			if len(o) < k {
				k = len(o)
			}
			fmt.Printf("%s order n=%d first=%v last=%v sum=%d\n", s.label, len(o), o[:k], o[len(o)-k:], m.sumAfter)
		} else {
			fmt.Printf("%s sum=%d\n", s.label, m.sumAfter)
		}
	}
	nk := 0
	for _, p := range kept {
		if p != nil {
			nk++
		}
	}
	fmt.Println("kept", nk, "final sum", sum)
}
