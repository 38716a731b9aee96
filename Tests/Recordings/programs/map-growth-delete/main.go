// A map grows as it fills, but deleting every key does not shrink it: the
// buckets stay allocated until the map itself is dropped.
package main

import (
	"fmt"
	"runtime"
)

var table map[int][64]byte

func heapMiB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

func main() {
	fmt.Printf("~ empty:        %6.1f MiB\n", heapMiB())
	table = make(map[int][64]byte)
	for i := 0; i < 200000; i++ {
		var v [64]byte
		v[0] = byte(i)
		table[i] = v
	}
	fmt.Println("entries:", len(table))
	fmt.Printf("~ filled:       %6.1f MiB\n", heapMiB())

	for i := 0; i < 200000; i++ {
		delete(table, i)
	}
	fmt.Println("entries after delete:", len(table))
	fmt.Printf("~ all deleted:  %6.1f MiB\n", heapMiB())

	table = nil
	fmt.Printf("~ map = nil:    %6.1f MiB\n", heapMiB())
	fmt.Println("nil map len:", len(table), "lookup:", table[7][0])
}
