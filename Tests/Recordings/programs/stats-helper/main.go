// A MemStats helper named stats, and a pause helper named sleep: the names gcsh's own
// statements use, here the program's functions. A cache that is dropped and collected.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var calls int

func stats(label string) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	calls++
	fmt.Printf("~ [%d] %-10s HeapAlloc=%d KiB HeapObjects=%d\n", calls, label, m.HeapAlloc/1024, m.HeapObjects)
	fmt.Printf("[%d] %s: NumGC>0=%v\n", calls, label, m.NumGC > 0)
}

func sleep(ms int) {
	time.Sleep(time.Duration(ms) * time.Millisecond)
	fmt.Println("slept", ms, "ms")
}

type entry struct {
	key  string
	data []byte
}

func main() {
	stats("start")
	cache := make(map[int]*entry)
	for i := 0; i < 2000; i++ {
		cache[i] = &entry{key: fmt.Sprint("k", i), data: make([]byte, 1024)}
	}
	stats("filled")
	fmt.Println("entries:", len(cache), "first key:", cache[0].key, nil)
	cache = nil
	runtime.GC()
	sleep(5)
	stats("dropped")
	why := func(n int) string { return fmt.Sprint("collected after ", n, " helper calls") }
	fmt.Println(why(calls))
}
