// sort.Slice, SliceStable and SliceIsSorted: Mallocs and TotalAlloc per call for several
// element types (the box of the slice, reflectlite.Swapper's closure and scratch element), and
// the order pdqsort and SymMerge leave equal keys in, with the number of less calls.
package main

import (
	"fmt"
	"runtime"
	"sort"
)

type pair struct{ id, v int }
type big struct {
	id  int
	pad [5]int
}

func count(what string, f func()) {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		f()
	}
	runtime.ReadMemStats(&b)
	fmt.Printf("%-12s %d mallocs %d bytes per call\n", what, (b.Mallocs-a.Mallocs)/100, (b.TotalAlloc-a.TotalAlloc)/100)
}

func main() {
	ints := []int{5, 2, 8, 1, 9, 3}
	strs := []string{"b", "a", "c"}
	pairs := []pair{{3, 1}, {1, 2}, {2, 3}}
	ptrs := []*pair{{3, 1}, {1, 2}, {2, 3}}
	bigs := []big{{id: 2}, {id: 1}, {id: 3}}
	one := []int{1}
	count("ints", func() { sort.Slice(ints, func(i, j int) bool { return ints[i] < ints[j] }) })
	count("strings", func() { sort.Slice(strs, func(i, j int) bool { return strs[i] < strs[j] }) })
	count("pairs", func() { sort.Slice(pairs, func(i, j int) bool { return pairs[i].id < pairs[j].id }) })
	count("pointers", func() { sort.Slice(ptrs, func(i, j int) bool { return ptrs[i].id < ptrs[j].id }) })
	count("bigs", func() { sort.Slice(bigs, func(i, j int) bool { return bigs[i].id < bigs[j].id }) })
	count("one", func() { sort.Slice(one, func(i, j int) bool { return one[i] < one[j] }) })
	count("issorted", func() { sort.SliceIsSorted(pairs, func(i, j int) bool { return pairs[i].id < pairs[j].id }) })
	var empty []int
	count("nil", func() { sort.Slice(empty, func(i, j int) bool { return empty[i] < empty[j] }) })
	count("stable", func() { sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].id < pairs[j].id }) })
	fmt.Println(ints, strs, pairs, *ptrs[0], bigs[0].id)
	// Equal keys: the order pdqsort leaves them in, and the calls it makes.
	xs := make([]pair, 40)
	for i := range xs {
		xs[i] = pair{(i * 7) % 5, i}
	}
	calls := 0
	sort.Slice(xs, func(i, j int) bool { calls++; return xs[i].id < xs[j].id })
	fmt.Println(xs, calls)
	ys := make([]pair, 40)
	for i := range ys {
		ys[i] = pair{(i * 7) % 5, i}
	}
	sort.SliceStable(ys, func(i, j int) bool { return ys[i].id < ys[j].id })
	fmt.Println(ys)
	zs := make([]int, 200)
	for i := range zs {
		zs[i] = (i * 7919) % 101
	}
	calls = 0
	sort.Slice(zs, func(i, j int) bool { calls++; return zs[i] > zs[j] })
	fmt.Println(zs[:10], calls, sort.SliceIsSorted(zs, func(i, j int) bool { return zs[i] > zs[j] }))
}
