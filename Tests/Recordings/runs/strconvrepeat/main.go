// strconvrepeat: what strconv.Itoa and strings.Repeat allocate. Itoa of 0..99
// returns a piece of a constant table (nothing); other numbers a new string
// (3 bytes: tiny allocations, 5 to a 16-byte block). Repeat allocates its
// result once — except, in Go 1.20+, runs of spaces and the like that are
// prefixes of its constants.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
)

var keep []string
var total int

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	m0, t0 := m.Mallocs, m.TotalAlloc
	for i := 0; i < 1000; i++ {
		total += len(strconv.Itoa(i))
	}
	runtime.ReadMemStats(&m)
	m1, t1 := m.Mallocs, m.TotalAlloc
	for i := -500; i < 1500; i++ {
		keep = append(keep, strconv.Itoa(i))
	}
	runtime.ReadMemStats(&m)
	m2, t2 := m.Mallocs, m.TotalAlloc
	s := strings.Repeat("ab", 1000)
	s2 := strings.Repeat(" ", 40)
	s3 := strings.Repeat("x", 100000)
	runtime.ReadMemStats(&m)
	m3, t3 := m.Mallocs, m.TotalAlloc
	keep = append(keep, s, s2, s3)
	fmt.Println(m1-m0, t1-t0, m2-m1, t2-t1, m3-m2, t3-t2, total, len(keep))
}
