// make(map[K]V, n) sizes the table once; growing from an empty map
// allocates again at every doubling.
package main

import (
	"fmt"
	"runtime"
)

var grown, sized map[int]int

func counts() (uint64, uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs, m.TotalAlloc
}

func main() {
	const n = 100000
	m0, t0 := counts()
	grown = map[int]int{}
	for i := 0; i < n; i++ {
		grown[i] = i
	}
	m1, t1 := counts()
	sized = make(map[int]int, n)
	for i := 0; i < n; i++ {
		sized[i] = i
	}
	m2, t2 := counts()

	fmt.Println("entries:", len(grown), len(sized), "equal at 777:", grown[777] == sized[777])
	fmt.Println("sized allocated less:", t2-t1 < t1-t0, "and fewer times:", m2-m1 < m1-m0)
	fmt.Printf("~ grown: %d mallocs, %.1f MiB\n", m1-m0, float64(t1-t0)/(1<<20))
	fmt.Printf("~ sized: %d mallocs, %.1f MiB\n", m2-m1, float64(t2-t1)/(1<<20))
}
