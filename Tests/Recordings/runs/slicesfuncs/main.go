// slicesfuncs: the slices package (Go 1.21+), strings.Clone and bytes.Clone as
// programs call them: results, and what each call allocates (Mallocs and
// TotalAlloc between two ReadMemStats). Results kept in package variables
// escape, as a program's results usually do; the "local" windows keep the
// result in the function, to show what inlining lets stay in the frame.
package main

import (
	"bytes"
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
)

var m runtime.MemStats
var labels [100]string
var mallocs, allocated [100]uint64
var n int
var m0, t0 uint64

func start() {
	runtime.ReadMemStats(&m)
	m0, t0 = m.Mallocs, m.TotalAlloc
}

func stop(label string) {
	runtime.ReadMemStats(&m)
	labels[n] = label
	mallocs[n] = m.Mallocs - m0
	allocated[n] = m.TotalAlloc - t0
	n++
}

type pair struct {
	k string
	v int
}

var (
	big   = strings.Repeat("x", 1<<20)
	bs    = []byte("hello, world")
	ints  = []int{5, 2, 8, 2, 9, 1, 5, 5, 3}
	ptrs  = []*int{new(int), new(int), new(int)}
	strs  = []string{"pear", "apple", "fig"}
	pairs = []pair{{"b", 2}, {"a", 1}, {"c", 3}, {"a", 0}}
	nilI  []int
	sinkS string
	sinkB []byte
	sinkI []int
	sinkP []*int
	sinkT []string
	sinkR []pair
	out   []string
)

func show(label string, v ...any) {
	out = append(out, label+": "+fmt.Sprint(v...))
}

//go:noinline
func localClone(s []int) int {
	t := slices.Clone(s)
	return len(t) + cap(t)
}

//go:noinline
func localGrow(s []int) int {
	t := slices.Grow(s, 10)
	return len(t) + cap(t)
}

func main() {
	start()
	sinkS = strings.Clone(big[:10])
	stop("strings.Clone 10 of 1MiB")
	show("strings.Clone", len(sinkS), sinkS)
	start()
	sinkS = strings.Clone("")
	stop("strings.Clone empty")
	start()
	sinkS = strings.Clone(big[:100])
	stop("strings.Clone 100")
	start()
	sinkB = bytes.Clone(bs)
	stop("bytes.Clone 12")
	show("bytes.Clone", len(sinkB), cap(sinkB), string(sinkB))
	start()
	sinkB = bytes.Clone(nil)
	stop("bytes.Clone nil")
	show("bytes.Clone nil", sinkB == nil)
	start()
	sinkB = bytes.Clone(bs[:0])
	stop("bytes.Clone empty")
	show("bytes.Clone empty", sinkB == nil, len(sinkB), cap(sinkB))

	start()
	sinkI = slices.Clone(ints)
	stop("slices.Clone []int 9")
	show("slices.Clone", sinkI, len(sinkI), cap(sinkI))
	start()
	sinkP = slices.Clone(ptrs)
	stop("slices.Clone []*int 3")
	show("slices.Clone ptrs", len(sinkP), cap(sinkP))
	start()
	sinkT = slices.Clone(strs)
	stop("slices.Clone []string 3")
	show("slices.Clone strs", sinkT, cap(sinkT))
	start()
	sinkR = slices.Clone(pairs)
	stop("slices.Clone []pair 4")
	show("slices.Clone pairs", sinkR, cap(sinkR))
	start()
	sinkI = slices.Clone(nilI)
	stop("slices.Clone nil")
	show("slices.Clone nil", sinkI == nil)
	start()
	sinkI = slices.Clone(ints[:0])
	stop("slices.Clone empty")
	show("slices.Clone empty", sinkI == nil, cap(sinkI))
	start()
	k := localClone(ints)
	stop("slices.Clone local 9")
	show("local clone", k)
	start()
	k = localClone(ints[:2])
	stop("slices.Clone local 2")
	show("local clone 2", k)

	start()
	sinkI = slices.Clip(ints[:3])
	stop("slices.Clip")
	show("slices.Clip", len(sinkI), cap(sinkI))
	start()
	sinkI = slices.Grow(ints[:3:3], 10)
	stop("slices.Grow 3+10")
	show("slices.Grow", len(sinkI), cap(sinkI))
	start()
	sinkI = slices.Grow(ints[:3], 4)
	stop("slices.Grow fits")
	show("slices.Grow fits", len(sinkI), cap(sinkI))
	start()
	sinkT = slices.Grow(strs, 100)
	stop("slices.Grow []string 3+100")
	show("slices.Grow strs", len(sinkT), cap(sinkT))
	start()
	k = localGrow(ints[:3:3])
	stop("slices.Grow local")
	show("local grow", k)

	base := make([]int, 5, 8)
	for i := range base {
		base[i] = i * 10
	}
	start()
	sinkI = slices.Insert(base, 2, 7, 8)
	stop("slices.Insert fits")
	show("slices.Insert fits", sinkI, cap(sinkI))
	start()
	sinkI = slices.Insert(sinkI, 1, 100, 101, 102)
	stop("slices.Insert grows")
	show("slices.Insert grows", sinkI, cap(sinkI))
	start()
	sinkI = slices.Insert(sinkI, len(sinkI), 1, 2, 3, 4, 5, 6)
	stop("slices.Insert at end")
	show("slices.Insert end", sinkI, cap(sinkI))
	start()
	sinkI = slices.Delete(sinkI, 1, 4)
	stop("slices.Delete")
	show("slices.Delete", sinkI, len(sinkI), cap(sinkI), sinkI[:cap(sinkI)])
	cp := slices.Clone(ints)
	start()
	cp = slices.Compact(cp)
	stop("slices.Compact")
	show("slices.Compact", cp, cp[:cap(cp)])
	start()
	cp = slices.Replace(cp, 1, 3, 42)
	stop("slices.Replace shrink")
	show("slices.Replace", cp, cp[:cap(cp)])
	start()
	cp = slices.DeleteFunc(cp, func(x int) bool { return x%2 == 1 })
	stop("slices.DeleteFunc")
	show("slices.DeleteFunc", cp, cp[:cap(cp)])

	s := slices.Clone(ints)
	start()
	slices.Sort(s)
	stop("slices.Sort")
	show("slices.Sort", s, slices.IsSorted(s))
	start()
	i, found := slices.BinarySearch(s, 5)
	stop("slices.BinarySearch")
	show("slices.BinarySearch", i, found)
	i, found = slices.BinarySearch(s, 4)
	show("slices.BinarySearch 4", i, found)
	start()
	slices.Reverse(s)
	stop("slices.Reverse")
	show("slices.Reverse", s)
	start()
	c := slices.Contains(s, 9)
	x := slices.Index(s, 2)
	mx, mn := slices.Max(s), slices.Min(s)
	eq := slices.Equal(s, ints)
	stop("searches")
	show("searches", c, x, mx, mn, eq, slices.Compare(s, ints), slices.Compare(ints, s))
	start()
	calls := 0
	ps := slices.Clone(pairs)
	stop("clone pairs")
	start()
	slices.SortFunc(ps, func(a, b pair) int { calls++; return strings.Compare(a.k, b.k) })
	stop("slices.SortFunc")
	show("slices.SortFunc", ps, calls)
	ps = slices.Clone(pairs)
	calls = 0
	start()
	slices.SortStableFunc(ps, func(a, b pair) int { calls++; return cmp.Compare(a.k, b.k) })
	stop("slices.SortStableFunc")
	show("slices.SortStableFunc", ps, calls)
	start()
	j := slices.IndexFunc(ps, func(p pair) bool { return p.v > 1 })
	ok := slices.ContainsFunc(ps, func(p pair) bool { return p.k == "c" })
	stop("IndexFunc ContainsFunc")
	show("IndexFunc", j, ok)
	ss := slices.Clone(strs)
	slices.Sort(ss)
	show("sorted strings", ss, slices.Max(ss), slices.Min(ss))
	fs := []float64{2.5, -1, 3}
	slices.Sort(fs)
	show("floats", fs, slices.Max(fs))
	long := make([]int, 100)
	for i := range long {
		long[i] = (i * 37) % 101
	}
	calls = 0
	slices.SortFunc(long, func(a, b int) int { calls++; return cmp.Compare(b, a) })
	show("long desc", long[:10], calls)
	mx2 := slices.MaxFunc(pairs, func(a, b pair) int { return cmp.Compare(a.v, b.v) })
	show("MaxFunc", mx2)
	show("EqualFunc", slices.EqualFunc(ints, ints, func(a, b int) bool { return a == b }))
	show("Compact strings", slices.Compact([]string{"a", "a", "b", "b", "a"}))

	for _, o := range out {
		fmt.Println(o)
	}
	for k := 0; k < n; k++ {
		fmt.Printf("%s: mallocs %d bytes %d\n", labels[k], mallocs[k], allocated[k])
	}
}
