// Named results are variables: they start at zero, a bare return returns
// them, and a function can set them along the way.
package main

import (
	"fmt"
	"runtime"
)

func human(b uint64) (value float64, unit string) {
	value, unit = float64(b), "B"
	units := []string{"KiB", "MiB", "GiB"}
	for i := 0; i < len(units) && value >= 1024; i++ {
		value /= 1024
		unit = units[i]
	}
	return
}

func stats() (heap, sys uint64, gcs uint32) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	heap, sys, gcs = m.HeapAlloc, m.Sys, m.NumGC
	return
}

func minMax(xs []int) (lo, hi int) {
	if len(xs) == 0 {
		return
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return lo, hi
}

var data [][]int

func main() {
	for _, b := range []uint64{512, 1536, 3 << 20, 5 << 30} {
		v, u := human(b)
		fmt.Printf("%12d = %6.2f %s\n", b, v, u)
	}
	fmt.Println(minMax(nil))
	fmt.Println(minMax([]int{5, -2, 9, 3}))

	for i := 0; i < 10; i++ {
		data = append(data, make([]int, 100000))
	}
	heap, sys, gcs := stats()
	v, u := human(heap)
	fmt.Printf("~ heap %.1f %s, sys %d MiB, %d GCs\n", v, u, sys>>20, gcs)
}
