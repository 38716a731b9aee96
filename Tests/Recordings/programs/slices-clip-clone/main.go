// Keeping a few elements of a huge slice keeps the whole backing array:
// a sub-slice points into it. slices.Clip only cuts the capacity; the
// array is still the same one. slices.Clone copies the elements into an
// array of their own, and the big one becomes garbage. Deleting from a
// slice of pointers with slices.Delete clears the vacated tail, so what
// it pointed to can be collected too.
package main

import (
	"fmt"
	"runtime"
	"slices"
)

type record struct {
	id      int
	payload [256]byte
}

var kept []int

func liveMiB() float64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

func load(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i * i
	}
	return s
}

func main() {
	kept = load(4 << 20)[:5]
	runtime.GC()
	fmt.Println("sub-slice:", kept, len(kept), cap(kept))
	fmt.Printf("~ sub-slice keeps %.1f MiB\n", liveMiB())

	kept = slices.Clip(kept)
	runtime.GC()
	fmt.Println("clipped:", kept, len(kept), cap(kept))
	fmt.Printf("~ clipped still keeps %.1f MiB\n", liveMiB())

	kept = slices.Clone(kept)
	runtime.GC()
	fmt.Println("cloned:", kept, len(kept), cap(kept))
	fmt.Printf("~ cloned keeps %.1f MiB\n", liveMiB())

	recs := make([]*record, 0, 20000)
	for i := 0; i < 20000; i++ {
		recs = append(recs, &record{id: i})
	}
	recs = slices.Delete(recs, 100, len(recs))
	runtime.GC()
	fmt.Println("after Delete:", len(recs), cap(recs), recs[99].id, recs[:cap(recs)][100] == nil)
	fmt.Printf("~ records left: %.1f MiB\n", liveMiB())

	ids := make([]int, 0, 8)
	for _, r := range recs[:10] {
		ids = slices.Insert(ids, 0, r.id)
	}
	slices.Sort(ids)
	i, found := slices.BinarySearch(ids, 7)
	fmt.Println(ids, len(ids), cap(ids), i, found, slices.Max(ids), slices.Contains(ids, 10))
}
