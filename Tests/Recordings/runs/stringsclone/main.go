// stringsclone: strings.Clone (Go 1.18+) — the substring-retention fix. What a clone costs when
// it escapes and when it stays in the function (Go 1.25+ keeps a make of run-time size up to 32
// bytes in the frame; Go 1.19 does not), and that the clone lets the big string be collected.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var m runtime.MemStats
var sink string

func measure(label string, f func()) {
	runtime.ReadMemStats(&m)
	a, t := m.Mallocs, m.TotalAlloc
	f()
	runtime.ReadMemStats(&m)
	fmt.Println(label, m.Mallocs-a, m.TotalAlloc-t)
}

//go:noinline
func local(s string, n int) int {
	c := strings.Clone(s[:n])
	return len(c) + int(c[0])
}

//go:noinline
func kept(s string, n int) string {
	return strings.Clone(s[:n])
}

func wrap(s string) string { return strings.Clone(s) }

func main() {
	big := strings.Repeat("z", 1<<20)
	for _, n := range []int{1, 8, 32, 33, 100} {
		n := n
		measure(fmt.Sprint("local ", n), func() { local(big, n) })
		measure(fmt.Sprint("kept ", n), func() { sink = kept(big, n) })
	}
	measure("empty", func() { sink = strings.Clone("") })
	measure("wrap", func() { sink = wrap(big[:5]) })
	prefix := big[:16]
	small := strings.Clone(prefix)
	big, prefix = "", ""
	runtime.GC()
	runtime.ReadMemStats(&m)
	fmt.Println(small == strings.Repeat("z", 16), m.HeapAlloc < 1<<20)
}
