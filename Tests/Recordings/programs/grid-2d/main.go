// A 2D grid as a slice of row slices costs one allocation per row; one
// flat backing array sliced into rows costs two allocations in all.
package main

import (
	"fmt"
	"runtime"
)

const rows, cols = 300, 400

var gridA, gridB [][]float64

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	m0 := mallocs()
	gridA = make([][]float64, rows)
	for i := range gridA {
		gridA[i] = make([]float64, cols)
	}
	fmt.Println("row by row:", mallocs()-m0, "allocations")

	m0 = mallocs()
	gridB = make([][]float64, rows)
	flat := make([]float64, rows*cols)
	for i := range gridB {
		gridB[i] = flat[i*cols : (i+1)*cols : (i+1)*cols]
	}
	fmt.Println("one backing array:", mallocs()-m0, "allocations")

	gridA[2][3] = 6
	gridB[2][3] = 6
	fmt.Println("flat index of [2][3]:", 2*cols+3, flat[2*cols+3])
	fmt.Println("lens:", len(gridA), len(gridA[0]), len(gridB), len(gridB[rows-1]), cap(gridB[0]))
}
