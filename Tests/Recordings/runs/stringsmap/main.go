// stringsmap: strings.Map with unicode.ToUpper, literals that drop runes (-1), widen them
// (a -> é, past the Builder's len(s)+4), map invalid UTF-8, and change nothing (s itself comes
// back); the calls of the function (once per rune, in order) and what a call allocates.
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

func rot13(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+13)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+13)%26
	}
	return r
}

func dropVowels(r rune) rune {
	if strings.ContainsRune("aeiouAEIOU", r) {
		return -1
	}
	return r
}

func widen(r rune) rune {
	if r == 'a' {
		return 'é'
	}
	return r
}

var sink string

func main() {
	fmt.Println(strings.Map(unicode.ToUpper, "hello, wörld"), strings.Map(rot13, "Gopher 123"))
	fmt.Printf("%q %q\n", strings.Map(dropVowels, "education"), strings.Map(dropVowels, "aeiou"))
	fmt.Printf("%q %q\n", strings.Map(widen, "banana"), strings.Map(widen, "aaaaaaaaaaaaaaaaaaaa"))
	fmt.Printf("%q %q\n", strings.Map(func(r rune) rune { return r }, "a\xffb"), strings.Map(func(r rune) rune { return 'x' }, "a\xffb\uFFFD"))
	fmt.Printf("%q %q\n", strings.Map(func(r rune) rune { return 0x110000 }, "ab"), strings.Map(unicode.ToLower, ""))
	var seen []rune
	out := strings.Map(func(r rune) rune {
		seen = append(seen, r)
		return unicode.ToUpper(r)
	}, "añb")
	fmt.Println(out, string(seen), len(seen))
	same := "ALREADY UPPER"
	up := strings.Map(unicode.ToUpper, same)
	fmt.Println(up == same, len(up))
	text := strings.Repeat("go", 50)
	m1, b1 := allocs(func() { sink = strings.Map(unicode.ToUpper, same) })
	m2, b2 := allocs(func() { sink = strings.Map(unicode.ToUpper, text) })
	m3, b3 := allocs(func() { sink = strings.Map(widen, strings.Repeat("a", 40)) })
	m4, b4 := allocs(func() { sink = strings.Map(dropVowels, "aaaa") })
	m5, b5 := allocs(func() { sink = strings.Map(rot13, "x") })
	fmt.Println("unchanged:", m1, b1, "100 bytes:", m2, b2, "widened 40:", m3, b3, "all dropped:", m4, b4, "one byte:", m5, b5)
}
