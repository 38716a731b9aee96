// fieldsfunc: strings.FieldsFunc with function literals (one calling unicode.IsSpace), a declared function
// and a closure that counts its calls (once per rune, in order): the fields, and what
// a call allocates — its []string, and past 32 fields the span list it grows on the heap.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"unicode"
)

var ms runtime.MemStats

func allocs(f func()) (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	m, b := ms.Mallocs, ms.TotalAlloc
	f()
	runtime.ReadMemStats(&ms)
	return ms.Mallocs - m, ms.TotalAlloc - b
}

func isComma(r rune) bool { return r == ',' }

var sink []string

func main() {
	text := "Hello, wörld! Go's fields: one,two;three  four"
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	fmt.Printf("%q %d %d\n", words, len(words), cap(words))
	fmt.Printf("%q\n", strings.FieldsFunc("a,,b,c,", isComma))
	fmt.Printf("%q\n", strings.FieldsFunc("  x  y ", func(r rune) bool { return unicode.IsSpace(r) }))
	fmt.Println(strings.FieldsFunc("", isComma) == nil, len(strings.FieldsFunc(",,,", isComma)))
	calls := 0
	var seen []rune
	strings.FieldsFunc("ab c", func(r rune) bool {
		calls++
		seen = append(seen, r)
		return r == ' '
	})
	fmt.Println(calls, string(seen))
	few := strings.Repeat("w,", 10)
	many := strings.Repeat("w,", 40)
	lots := strings.Repeat("w,", 100)
	m1, b1 := allocs(func() { sink = strings.FieldsFunc(few, isComma) })
	m2, b2 := allocs(func() { sink = strings.FieldsFunc(many, isComma) })
	m3, b3 := allocs(func() { sink = strings.FieldsFunc(lots, isComma) })
	fmt.Println("10 fields:", m1, b1, "40 fields:", m2, b2, "100 fields:", m3, b3)
}
