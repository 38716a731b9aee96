// One-line wrappers of sort's Interface functions and searches: -m=2's "can inline ... with
// cost N" gives what a call of each costs its caller.
package main

import "sort"

func wSort(x sort.Interface)                     { sort.Sort(x) }
func wStable(x sort.Interface)                   { sort.Stable(x) }
func wIsSorted(x sort.Interface) bool            { return sort.IsSorted(x) }
func wSearch(n int, f func(int) bool) int        { return sort.Search(n, f) }
func wSearchInts(a []int, x int) int             { return sort.SearchInts(a, x) }
func wSearchStrings(a []string, x string) int    { return sort.SearchStrings(a, x) }
func wSearchFloat64s(a []float64, x float64) int { return sort.SearchFloat64s(a, x) }

func main() {}
