// sortreverse: sort.Reverse over sort.IntSlice, StringSlice, Float64Slice and a program's
// sort.Interface; the slice types' methods called directly; IntsAreSorted and friends — their
// results and what each allocates (Mallocs and TotalAlloc deltas, taken with ReadMemStats
// into a global and printed at the end).
package main

import (
	"fmt"
	"runtime"
	"sort"
)

var ms runtime.MemStats

type delta struct {
	what            string
	mallocs, totalB uint64
}

var deltas [16]delta
var nd int
var lastM, lastB uint64

func mark() {
	runtime.ReadMemStats(&ms)
	lastM, lastB = ms.Mallocs, ms.TotalAlloc
}

func note(what string) {
	runtime.ReadMemStats(&ms)
	deltas[nd] = delta{what, ms.Mallocs - lastM, ms.TotalAlloc - lastB}
	nd++
	lastM, lastB = ms.Mallocs, ms.TotalAlloc
}

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	nums := []int{5, 2, 8, 1, 9, 3, 7, 3}
	words := []string{"pear", "fig", "banana", "kiwi", "apple"}
	fl := []float64{2.5, -1, 3.25, 0}
	mark()
	sort.Sort(sort.Reverse(sort.IntSlice(nums)))
	note("Sort(Reverse(IntSlice))")
	sort.Sort(sort.Reverse(sort.StringSlice(words)))
	note("Sort(Reverse(StringSlice))")
	sort.Stable(sort.Reverse(sort.Float64Slice(fl)))
	note("Stable(Reverse(Float64Slice))")
	fmt.Println(nums, words, fl)
	mark()
	sort.IntSlice(nums).Sort()
	note("IntSlice.Sort")
	s := sort.StringSlice(words)
	s.Sort()
	note("StringSlice.Sort")
	fmt.Println(nums, words, s.Len(), s.Less(0, 1), sort.IntsAreSorted(nums), sort.StringsAreSorted(words), sort.Float64sAreSorted(fl))
	s.Swap(0, 1)
	fmt.Println(words, s.Search("kiwi"), sort.IntSlice(nums).Search(8))
	mark()
	sort.Sort(sort.Reverse(byLen(words)))
	note("Sort(Reverse(byLen))")
	fmt.Println(words, sort.IsSorted(sort.Reverse(byLen(words))))
	var r sort.Interface = sort.Reverse(sort.IntSlice(nums))
	fmt.Println(r.Len(), r.Less(0, 1))
	r.Swap(0, 1)
	fmt.Println(nums)
	for k := 0; k < nd; k++ {
		fmt.Printf("%-30s mallocs %d bytes %d\n", deltas[k].what, deltas[k].mallocs, deltas[k].totalB)
	}
}
