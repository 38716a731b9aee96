// Timing an allocation loop with time.Now and time.Since. The durations
// depend on the machine (and, in gcsh, on its model of one).
package main

import (
	"fmt"
	"runtime"
	"time"
)

type record struct {
	id    int
	score float64
	tags  []string
}

var all []*record

func main() {
	const n = 200000
	start := time.Now()
	for i := 0; i < n; i++ {
		all = append(all, &record{id: i, score: float64(i) / 2})
	}
	elapsed := time.Since(start)
	fmt.Println("records:", len(all), "last id:", all[n-1].id)
	fmt.Printf("~ allocation loop took %v\n", elapsed)
	fmt.Printf("~ per record: %.1f ns\n", float64(elapsed)/n)

	start = time.Now()
	runtime.GC()
	fmt.Printf("~ runtime.GC() with %d live records took %v\n", len(all), time.Since(start))
}
