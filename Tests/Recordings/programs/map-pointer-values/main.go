// A cache that maps names to pointers to big buffers: deleting a key drops
// the map's reference, and the collector can then free the buffer.
package main

import (
	"fmt"
	"runtime"
)

type blob [1 << 20]byte

var cache = map[string]*blob{}

func liveMiB() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

func main() {
	names := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	for i, n := range names {
		b := new(blob)
		b[0] = byte(i)
		cache[n] = b
	}
	fmt.Println("cached:", len(cache))
	fmt.Println("~ live:", liveMiB(), "MiB")

	kept := cache["gamma"]
	for _, n := range names[:6] {
		delete(cache, n)
	}
	fmt.Println("cached after deleting six:", len(cache), "gamma byte", kept[0])
	fmt.Println("~ live (two cached, one held):", liveMiB(), "MiB")

	kept = nil
	fmt.Println("~ live (two cached):", liveMiB(), "MiB")
	_, stillThere := cache["gamma"]
	fmt.Println("gamma still cached:", stillThere, "theta byte:", cache["theta"][0])
}
