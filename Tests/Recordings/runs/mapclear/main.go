// mapclear: clear(m) (Go 1.21+; its own module, recorded with Go 1.27.3
// only): every entry deleted, the memory kept, the map still usable.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	clear(m)
	fmt.Println(m, len(m), m == nil)
	m["x"] = 1
	fmt.Println(m)
	big := make(map[int]int)
	for i := 0; i < 5000; i++ {
		big[i] = i
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	clear(big)
	runtime.GC()
	runtime.ReadMemStats(&after)
	// clear frees nothing: the tables stay (HeapAlloc moves only by the runtime's own few
	// objects).
	fmt.Println(len(big), after.HeapAlloc+4096 >= before.HeapAlloc)
	big[1] = 2
	fmt.Println(big)
}
