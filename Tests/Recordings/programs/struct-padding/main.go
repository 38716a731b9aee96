// Field order changes a struct's size: alignment pads a bool before an
// int64. Measured by allocating 10,000 of each and reading TotalAlloc.
package main

import (
	"fmt"
	"runtime"
)

type loose struct {
	a bool
	b int64
	c bool
	d int32
	e bool
}

type tight struct {
	b int64
	d int32
	a bool
	c bool
	e bool
}

var keepLoose []*loose
var keepTight []*tight

func totalAlloc() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

func main() {
	const n = 10000
	keepLoose = make([]*loose, 0, n)
	keepTight = make([]*tight, 0, n)

	t0 := totalAlloc()
	for i := 0; i < n; i++ {
		keepLoose = append(keepLoose, &loose{d: int32(i)})
	}
	t1 := totalAlloc()
	for i := 0; i < n; i++ {
		keepTight = append(keepTight, &tight{d: int32(i)})
	}
	t2 := totalAlloc()
	fmt.Println("loose: bytes per struct:", (t1-t0)/n)
	fmt.Println("tight: bytes per struct:", (t2-t1)/n)
	fmt.Printf("%+v\n%+v\n", *keepLoose[7], *keepTight[7])
}
