// stringsfuncpreds: strings.IndexFunc, LastIndexFunc, TrimFunc, TrimLeftFunc and
// TrimRightFunc with unicode's predicates and with a closure that records its calls (their
// order: TrimFunc trims the left, then the right from the end); none allocates.
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

var isink int
var ssink string

func main() {
	s := "  ¡Hola, mundo 42!  "
	fmt.Println(strings.IndexFunc(s, unicode.IsDigit), strings.LastIndexFunc(s, unicode.IsLetter), strings.IndexFunc(s, unicode.IsUpper))
	fmt.Println(strings.IndexFunc("abc", unicode.IsDigit), strings.IndexFunc("", unicode.IsSpace))
	fmt.Printf("%q %q %q\n", strings.TrimFunc(s, unicode.IsSpace), strings.TrimLeftFunc(s, unicode.IsSpace), strings.TrimRightFunc(s, unicode.IsSpace))
	notLetter := func(r rune) bool { return !unicode.IsLetter(r) }
	fmt.Printf("%q %q %q\n", strings.TrimFunc(s, notLetter), strings.TrimFunc("1234", unicode.IsDigit), strings.TrimFunc("é\xffé", func(r rune) bool { return r == 'é' }))
	var seen []rune
	rec := func(r rune) bool {
		seen = append(seen, r)
		return r == '-'
	}
	fmt.Printf("%q %q\n", strings.TrimFunc("--a-b--", rec), string(seen))
	seen = nil
	fmt.Println(strings.LastIndexFunc("a-b-c", rec), string(seen), strings.LastIndexFunc("a\xff", func(r rune) bool { return r == unicode.ReplacementChar }))
	m1, b1 := allocs(func() { isink = strings.IndexFunc(s, unicode.IsDigit) })
	m2, b2 := allocs(func() { ssink = strings.TrimFunc(s, unicode.IsSpace) })
	fmt.Println("allocs:", m1, b1, m2, b2)
}
