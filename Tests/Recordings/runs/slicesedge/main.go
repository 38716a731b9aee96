// slicesedge: the slices and cmp packages at their edges — panics and their messages, named
// slice types, NaN and signed zeros, unsigned and small integers, structs compared with ==,
// functions of two element types, Insert of a slice into itself, and a sort whose comparison
// allocates (collections run while it sorts a slice of pointers).
package main

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
)

type IDs []int

type point struct{ x, y int }

type node struct {
	key  string
	next *node
}

func try(label string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(label, "panic:", r)
		}
	}()
	f()
}

func main() {
	try("Max empty", func() { fmt.Println(slices.Max([]int{})) })
	try("MinFunc empty", func() { fmt.Println(slices.MinFunc([]int(nil), func(a, b int) int { return cmp.Compare(a, b) })) })
	try("Grow negative", func() { fmt.Println(slices.Grow([]int{1}, -1)) })
	try("Delete past len", func() { fmt.Println(slices.Delete([]int{1, 2, 3}, 1, 5)) })
	try("Delete reversed", func() { fmt.Println(slices.Delete([]int{1, 2, 3}, 2, 1)) })
	try("Insert past len", func() { fmt.Println(slices.Insert([]int{1, 2}, 3, 9)) })
	try("Replace past len", func() { fmt.Println(slices.Replace([]int{1, 2}, 1, 3, 9)) })
	try("Replace past len, in cap", func() { fmt.Println(slices.Replace(make([]int, 2, 5), 1, 3, 9)) })
	try("Replace empty past len", func() { fmt.Println(slices.Replace(make([]int, 2, 5), 3, 3, 9)) })

	ids := IDs{30, 10, 20}
	c := slices.Clone(ids)
	slices.Sort(c)
	fmt.Printf("%T %v %v %v\n", c, c, ids, slices.Equal(c, ids))
	i, ok := slices.BinarySearch(c, 20)
	fmt.Println(i, ok, slices.Index(c, 30), slices.Contains(ids, 40))

	fs := []float64{3, math.NaN(), -1, math.Copysign(0, -1), 0, math.Inf(1), math.NaN()}
	fmt.Println(slices.Max(fs), slices.Min(fs), slices.Max([]float64{0, math.Copysign(0, -1)}), slices.Min([]float64{0, math.Copysign(0, -1)}))
	slices.Sort(fs)
	fmt.Println(fs, slices.IsSorted(fs))
	fmt.Println(cmp.Compare(math.NaN(), 1), cmp.Compare(1, math.NaN()), cmp.Compare(math.NaN(), math.NaN()), cmp.Less(math.NaN(), math.Inf(-1)))
	fmt.Println(cmp.Compare("b", "a"), cmp.Compare(2, 2), cmp.Less(uint8(200), 100), cmp.Compare(int8(-3), 4))

	us := []uint64{1 << 63, 5, 0, 1<<64 - 1}
	slices.Sort(us)
	bs := []int8{100, -100, 0, -1}
	slices.Sort(bs)
	fmt.Println(us, bs, slices.Max(bs), slices.Min(us))

	ps := []point{{1, 2}, {1, 2}, {3, 4}, {1, 2}}
	fmt.Println(slices.Compact(ps), slices.Index(ps, point{3, 4}), slices.Contains(ps, point{4, 3}))
	words := []string{"Go", "go", "GO", "rust", "Rust"}
	words = slices.CompactFunc(words, func(a, b string) bool { return strings.EqualFold(a, b) })
	fmt.Println(words, len(words), cap(words))
	pairs := 0
	near := slices.CompactFunc([]int{1, 2, 3, 7, 8, 20}, func(a, b int) bool { pairs++; return a-b >= -1 && a-b <= 1 })
	fmt.Println(near, pairs)
	lens := []int{2, 4}
	fmt.Println(slices.EqualFunc([]string{"ab", "cdef"}, lens, func(s string, n int) bool { return len(s) == n }))
	fmt.Println(slices.IsSortedFunc([]string{"a", "bb", "ccc"}, func(a, b string) int { return cmp.Compare(len(a), len(b)) }))
	fmt.Println(slices.MinFunc([]point{{2, 1}, {1, 5}, {1, 3}}, func(a, b point) int { return cmp.Compare(a.x, b.x) }))

	s := make([]int, 3, 10)
	s[0], s[1], s[2] = 1, 2, 3
	s = slices.Insert(s, 1, s...)
	fmt.Println(s, len(s), cap(s))
	s = slices.Replace(s, 0, 2, 7, 8, 9, 10, 11, 12, 13, 14)
	fmt.Println(s, len(s), cap(s))
	s = slices.Replace(s, 2, len(s), 0)
	fmt.Println(s, s[:cap(s)][:6])
	var none []int
	fmt.Println(slices.Insert(none, 0) == nil, slices.Clip(none) == nil, slices.Grow(none, 0) == nil, len(slices.Grow(none, 3)), cap(slices.Grow(none, 3)))

	// A comparison that allocates: collections run while the nodes are being sorted.
	nodes := make([]*node, 300)
	for k := range nodes {
		nodes[k] = &node{key: fmt.Sprintf("k%03d", (k*131)%300)}
	}
	calls := 0
	var junk [][]byte
	slices.SortStableFunc(nodes, func(a, b *node) int {
		calls++
		junk = append(junk, make([]byte, 4096))
		if calls%500 == 0 {
			junk = nil
			runtime.GC()
		}
		return strings.Compare(a.key, b.key)
	})
	fmt.Println(calls, nodes[0].key, nodes[299].key, slices.IsSortedFunc(nodes, func(a, b *node) int { return strings.Compare(a.key, b.key) }))
	calls = 0
	slices.SortFunc(nodes, func(a, b *node) int {
		calls++
		if calls%700 == 0 {
			runtime.GC()
		}
		return strings.Compare(b.key, a.key)
	})
	fmt.Println(calls, nodes[0].key, nodes[299].key)
}
