// The Go twin of alloc-garbage.gcs, for timing gcsh against the real toolchain
// (Benchmarks/interpreter.py builds and runs it when a go command is available).

package main

import (
	"fmt"
	"runtime"
)

var p *[2]int64

func main() {
	for i := 0; i < 10_000_000; i++ {
		p = new([2]int64)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println(m.NumGC)
}
