// sortedchecks: sort.IntsAreSorted, StringsAreSorted and Float64sAreSorted on sorted, unsorted,
// empty and NaN-holding slices (Float64s orders NaN first, as sort.Float64Slice.Less does);
// none allocates.
package main

import (
	"fmt"
	"math"
	"runtime"
	"sort"
)

var ms runtime.MemStats

func allocs(f func()) (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	m, b := ms.Mallocs, ms.TotalAlloc
	f()
	runtime.ReadMemStats(&ms)
	return ms.Mallocs - m, ms.TotalAlloc - b
}

var bsink bool

func main() {
	ints := []int{1, 2, 2, 5, 9}
	words := []string{"apple", "banana", "fig", "kiwi"}
	fl := []float64{math.NaN(), -1, 0, 2.5}
	fmt.Println(sort.IntsAreSorted(ints), sort.IntsAreSorted([]int{3, 1}), sort.IntsAreSorted(nil))
	fmt.Println(sort.StringsAreSorted(words), sort.StringsAreSorted([]string{"b", "a"}), sort.StringsAreSorted([]string{}))
	fmt.Println(sort.Float64sAreSorted(fl), sort.Float64sAreSorted([]float64{1, math.NaN()}), sort.Float64sAreSorted([]float64{2, 1}))
	sort.Ints(ints)
	m1, b1 := allocs(func() { bsink = sort.IntsAreSorted(ints) })
	m2, b2 := allocs(func() { bsink = sort.StringsAreSorted(words) })
	m3, b3 := allocs(func() { bsink = sort.Float64sAreSorted(fl) })
	fmt.Println("allocs:", m1, b1, m2, b2, m3, b3)
}
