package main

// strconv.QuoteToASCII beside Quote: the same quoteWith, with non-ASCII runes
// escaped (\u00e9, \u2713, \U0001f600); the buffer each makes (3*len(s)/2, or
// len(s)+2 when that is smaller) and the string it returns, between
// non-allocating checkpoints.

import (
	"fmt"
	"runtime"
	"strconv"
)

var ms runtime.MemStats

func snap() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

var sink []string

func main() {
	inputs := []string{"plain", "héllo\t✓", "emoji 😀 and ☺", "a much longer string with some ünïcödé in it, long enough for the heap"}
	sink = make([]string, 0, 16)
	for _, s := range inputs {
		m0, t0 := snap()
		q := strconv.Quote(s)
		m1, t1 := snap()
		a := strconv.QuoteToASCII(s)
		m2, t2 := snap()
		sink = append(sink, q, a)
		fmt.Println(q, a)
		fmt.Println("  Quote:", m1-m0, t1-t0, " QuoteToASCII:", m2-m1, t2-t1)
	}
}
