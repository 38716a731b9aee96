// fprintwriter: fmt.Fprintf and Fprint to a *bytes.Buffer and a *strings.Builder. fmt calls the
// writer's Write through io.Writer, so the variable whose address is passed moves to the heap
// (-m: `moved to heap: buf`), and what fmt printed is appended as the Buffer or Builder grows.
// Prints the lengths and each function's Mallocs and TotalAlloc deltas.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
)

var m0, m1, m2 runtime.MemStats

func f() int {
	var buf bytes.Buffer
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&buf, "%d,", i)
	}
	return buf.Len()
}

func g() int {
	var sb strings.Builder
	fmt.Fprint(&sb, "x", 1)
	return sb.Len()
}

func main() {
	runtime.ReadMemStats(&m0)
	n := f()
	runtime.ReadMemStats(&m1)
	k := g()
	runtime.ReadMemStats(&m2)
	fmt.Println(n, k, m1.Mallocs-m0.Mallocs, m1.TotalAlloc-m0.TotalAlloc, m2.Mallocs-m1.Mallocs, m2.TotalAlloc-m1.TotalAlloc)
}
