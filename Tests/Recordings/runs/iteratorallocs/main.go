//go:build go1.23

// iteratorallocs: the library's iterators inlined with their literals and the loop bodies
// given to them (Go 1.27.3). slices.Sorted(maps.Keys(m)) sorts a slice that escapes to the
// result (its appends allocate as append grows it); slices.Collect(maps.Values(m)), whose
// result stays in main, builds it in the frame's append buffer (no malloc for 4 ints); ranging
// over slices.All and slices.Backward allocates nothing.
package main

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
)

var ms runtime.MemStats

func mallocs() uint64 {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4}
	s := []int{5, 6, 7, 8}
	m0 := mallocs()
	keys := slices.Sorted(maps.Keys(m))
	m1 := mallocs()
	vals := slices.Collect(maps.Values(m))
	m2 := mallocs()
	t := 0
	for i, v := range slices.All(s) {
		t += i * v
	}
	for _, v := range slices.Backward(s) {
		t += v
	}
	m3 := mallocs()
	fmt.Println(len(keys), len(vals), t, m1-m0, m2-m1, m3-m2)
}
