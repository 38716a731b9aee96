// The substring lesson with Go's own cure: strings.Clone copies a
// substring into a string of its own, so the document it was cut from can
// be collected. A clone that stays inside the function costs nothing on
// the heap when it is small (Go 1.25+ keeps it in the frame).
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var tokens []string

func stats() (uint64, uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc, m.Mallocs
}

func extract(doc string) string {
	i := strings.Index(doc, "token=")
	j := strings.IndexByte(doc[i:], ';')
	return doc[i+6 : i+j]
}

func countUpper(s string) int {
	c := strings.Clone(s[:16])
	n := 0
	for _, r := range c {
		if r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n
}

func main() {
	for k := 0; k < 4; k++ {
		doc := strings.Repeat("x", 1<<20) + fmt.Sprintf("token=T%d;", k)
		tokens = append(tokens, extract(doc))
	}
	runtime.GC()
	live, _ := stats()
	fmt.Println("tokens:", tokens)
	fmt.Printf("~ substrings keep %.1f MiB\n", float64(live)/(1<<20))

	for k := range tokens {
		tokens[k] = strings.Clone(tokens[k])
	}
	runtime.GC()
	live, _ = stats()
	fmt.Printf("~ clones keep %.1f MiB\n", float64(live)/(1<<20))

	s := strings.ToUpper(strings.Repeat("ab", 20))
	_, before := stats()
	n := 0
	for i := 0; i < 1000; i++ {
		n += countUpper(s)
	}
	_, after := stats()
	fmt.Println("upper:", n, "mallocs in the loop:", after-before)
}
