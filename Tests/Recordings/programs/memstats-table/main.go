// A table of the MemStats fields learners look at first, before and after
// building a live data structure, with the change in a third column.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	id       int
	children []*node
}

var root *node

func build(depth, fanout int) *node {
	n := &node{id: depth}
	if depth == 0 {
		return n
	}
	for i := 0; i < fanout; i++ {
		n.children = append(n.children, build(depth-1, fanout))
	}
	return n
}

func count(n *node) int {
	c := 1
	for _, ch := range n.children {
		c += count(ch)
	}
	return c
}

func row(name string, before, after uint64) {
	fmt.Printf("~ %-13s %12d %12d %+12d\n", name, before, after, int64(after)-int64(before))
}

func main() {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	root = build(6, 6)
	runtime.ReadMemStats(&b)
	fmt.Println("nodes:", count(root))
	fmt.Printf("%-15s %12s %12s %12s\n", "field", "before", "after", "change")
	row("Alloc", a.Alloc, b.Alloc)
	row("TotalAlloc", a.TotalAlloc, b.TotalAlloc)
	row("Mallocs", a.Mallocs, b.Mallocs)
	row("Frees", a.Frees, b.Frees)
	row("HeapObjects", a.HeapObjects, b.HeapObjects)
	row("HeapInuse", a.HeapInuse, b.HeapInuse)
	row("HeapSys", a.HeapSys, b.HeapSys)
	row("NextGC", a.NextGC, b.NextGC)
	row("NumGC", uint64(a.NumGC), uint64(b.NumGC))
}
