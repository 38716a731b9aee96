// Goroutines each allocate a slice, send a summary back through a channel and
// drop the slice; after runtime.GC the heap should be small again.
package main

import (
	"fmt"
	"runtime"
	"sort"
)

type summary struct {
	id  int
	sum int
}

func heapKiB() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 10
}

func main() {
	out := make(chan summary)
	for i := 0; i < 8; i++ {
		go func(id int) {
			data := make([]int, 100000)
			s := 0
			for j := range data {
				data[j] = j % (id + 2)
				s += data[j]
			}
			out <- summary{id, s}
		}(i)
	}
	var res []summary
	for i := 0; i < 8; i++ {
		res = append(res, <-out)
	}
	fmt.Printf("~ heap after workers: %d KiB\n", heapKiB())
	sort.Slice(res, func(a, b int) bool { return res[a].id < res[b].id })
	for _, r := range res {
		fmt.Printf("worker %d sum %d\n", r.id, r.sum)
	}
	runtime.GC()
	h := heapKiB()
	fmt.Printf("~ heap after GC: %d KiB\n", h)
	fmt.Println("heap under 1 MiB after GC:", h < 1024)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("at least one GC:", m.NumGC >= 1)
	fmt.Printf("~ mallocs %d frees %d\n", m.Mallocs, m.Frees)
}
