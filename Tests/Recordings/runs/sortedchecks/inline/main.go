// One-line wrappers of sort's AreSorted functions: -m=2's cost for a call of each.
package main

import "sort"

func wIntsAreSorted(x []int) bool         { return sort.IntsAreSorted(x) }
func wStringsAreSorted(x []string) bool   { return sort.StringsAreSorted(x) }
func wFloat64sAreSorted(x []float64) bool { return sort.Float64sAreSorted(x) }

func main() {}
