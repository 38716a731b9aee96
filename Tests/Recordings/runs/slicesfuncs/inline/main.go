// One-line wrappers of the slices, cmp and Clone functions: -m=2's "can inline ... with cost N"
// gives what a call of each costs its caller (calibrated by strings.Contains, whose cost gcsh
// already has). Elements are ints unless the function's cost might depend on them.
package main

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
)

func wContains0(s, t string) bool            { return strings.Contains(s, t) }
func wBytesClone(b []byte) []byte            { return bytes.Clone(b) }
func wClone(s []int) []int                   { return slices.Clone(s) }
func wCloneP(s []*int) []*int                { return slices.Clone(s) }
func wClip(s []int) []int                    { return slices.Clip(s) }
func wGrow(s []int, n int) []int             { return slices.Grow(s, n) }
func wInsert(s []int, i, v int) []int        { return slices.Insert(s, i, v) }
func wInsertN(s []int, i int, v []int) []int { return slices.Insert(s, i, v...) }
func wDelete(s []int, i, j int) []int        { return slices.Delete(s, i, j) }
func wDeleteFunc(s []int, f func(int) bool) []int {
	return slices.DeleteFunc(s, f)
}
func wReplace(s []int, i, j, v int) []int { return slices.Replace(s, i, j, v) }
func wCompact(s []int) []int              { return slices.Compact(s) }
func wCompactFunc(s []int, f func(int, int) bool) []int {
	return slices.CompactFunc(s, f)
}
func wContains(s []int, v int) bool { return slices.Contains(s, v) }
func wContainsFunc(s []int, f func(int) bool) bool {
	return slices.ContainsFunc(s, f)
}
func wIndex(s []int, v int) int                { return slices.Index(s, v) }
func wIndexFunc(s []int, f func(int) bool) int { return slices.IndexFunc(s, f) }
func wEqual(s, t []int) bool                   { return slices.Equal(s, t) }
func wEqualFunc(s, t []int, f func(int, int) bool) bool {
	return slices.EqualFunc(s, t, f)
}
func wCompare(s, t []int) int                    { return slices.Compare(s, t) }
func wReverse(s []int)                           { slices.Reverse(s) }
func wMax(s []int) int                           { return slices.Max(s) }
func wMin(s []int) int                           { return slices.Min(s) }
func wMaxFunc(s []int, f func(int, int) int) int { return slices.MaxFunc(s, f) }
func wMinFunc(s []int, f func(int, int) int) int { return slices.MinFunc(s, f) }
func wSort(s []int)                              { slices.Sort(s) }
func wSortS(s []string)                          { slices.Sort(s) }
func wSortFunc(s []int, f func(int, int) int)    { slices.SortFunc(s, f) }
func wSortStableFunc(s []int, f func(int, int) int) {
	slices.SortStableFunc(s, f)
}
func wIsSorted(s []int) bool { return slices.IsSorted(s) }
func wIsSortedFunc(s []int, f func(int, int) int) bool {
	return slices.IsSortedFunc(s, f)
}
func wBinarySearch(s []int, v int) (int, bool) { return slices.BinarySearch(s, v) }
func wCmpCompare(a, b int) int                 { return cmp.Compare(a, b) }
func wCmpCompareS(a, b string) int             { return cmp.Compare(a, b) }
func wCmpCompareF(a, b float64) int            { return cmp.Compare(a, b) }
func wCmpLess(a, b int) bool                   { return cmp.Less(a, b) }

func main() {}
