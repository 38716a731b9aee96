// One-line wrappers of sort.Reverse, the slice types' methods and the AreSorted functions:
// -m=2's "can inline ... with cost N" gives what a call of each costs its caller in Go 1.27.3
// and 1.19.8.
package main

import "sort"

func wReverse(x sort.Interface) sort.Interface   { return sort.Reverse(x) }
func wIntSliceSort(x []int)                      { sort.IntSlice(x).Sort() }
func wIntSliceLen(x sort.IntSlice) int           { return x.Len() }
func wIntSliceLess(x sort.IntSlice) bool         { return x.Less(0, 1) }
func wIntSliceSwap(x sort.IntSlice)              { x.Swap(0, 1) }
func wIntSliceSearch(x sort.IntSlice) int        { return x.Search(3) }
func wStringSliceSort(x sort.StringSlice)        { x.Sort() }
func wStringSliceLess(x sort.StringSlice) bool   { return x.Less(0, 1) }
func wFloat64SliceLess(x sort.Float64Slice) bool { return x.Less(0, 1) }
func wIntsAreSorted(x []int) bool                { return sort.IntsAreSorted(x) }
func wStringsAreSorted(x []string) bool          { return sort.StringsAreSorted(x) }
func wFloat64sAreSorted(x []float64) bool        { return sort.Float64sAreSorted(x) }

func main() {}
