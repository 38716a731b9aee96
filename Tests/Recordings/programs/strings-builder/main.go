// strings.Builder grows one buffer and hands it over as a string without
// copying: the usual fix for += in a loop.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	m0 := m.Mallocs
	var sb strings.Builder
	sb.Grow(4000)
	for i := 0; i < 2000; i++ {
		sb.WriteString("go")
	}
	s := sb.String()
	runtime.ReadMemStats(&m)
	fmt.Println("length:", len(s), "allocations:", m.Mallocs-m0)
	fmt.Println(strings.Repeat("=", 10), strings.Count(s, "og"))
}
