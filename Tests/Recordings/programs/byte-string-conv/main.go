// Converting between string and []byte copies the bytes, unless the
// compiler can prove the copy is not needed: a conversion used only in a
// comparison, or a small result that does not escape.
package main

import (
	"fmt"
	"runtime"
)

var kept []string
var keptBytes [][]byte

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	const n = 100
	text := "the quick brown fox jumps over the lazy dog, again and again"
	b := []byte(text)

	m0 := mallocs()
	for i := 0; i < n; i++ {
		kept = append(kept[:0], string(b))
	}
	fmt.Println("string(b) kept:        ", (mallocs()-m0)/n, "allocation(s) each")

	m0 = mallocs()
	for i := 0; i < n; i++ {
		keptBytes = append(keptBytes[:0], []byte(text))
	}
	fmt.Println("[]byte(s) kept:        ", (mallocs()-m0)/n, "allocation(s) each")

	m0 = mallocs()
	same := 0
	for i := 0; i < n; i++ {
		if string(b) == text {
			same++
		}
	}
	fmt.Println("string(b) == s:        ", (mallocs()-m0)/n, "allocation(s) each, equal", same, "times")

	m0 = mallocs()
	total := 0
	for i := 0; i < n; i++ {
		short := string(b[4:9])
		total += len(short)
	}
	fmt.Println("small local string(b): ", (mallocs()-m0)/n, "allocation(s) each, total length", total)
	fmt.Println(kept[0][:9], string(keptBytes[0][10:15]))
}
