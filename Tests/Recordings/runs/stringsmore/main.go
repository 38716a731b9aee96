// stringsmore: strings.Trim, TrimLeft, TrimRight, SplitN, Cut, IndexAny, ContainsAny,
// LastIndexByte, IndexRune and Title — their results and what each allocates (Mallocs and
// TotalAlloc deltas, taken with ReadMemStats into a global and printed at the end).
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var ms runtime.MemStats

type delta struct {
	what            string
	mallocs, totalB uint64
}

var deltas [24]delta
var nd int
var lastM, lastB uint64

func mark() {
	runtime.ReadMemStats(&ms)
	lastM, lastB = ms.Mallocs, ms.TotalAlloc
}

func note(what string) {
	runtime.ReadMemStats(&ms)
	deltas[nd] = delta{what, ms.Mallocs - lastM, ms.TotalAlloc - lastB}
	nd++
	lastM, lastB = ms.Mallocs, ms.TotalAlloc
}

var sink []string
var ssink string

func main() {
	s := "  ,;hello, wörld;,  "
	mark()
	a, b, c := strings.Trim(s, " ,;"), strings.TrimLeft(s, " ,"), strings.TrimRight(s, "; ,")
	note("Trim, TrimLeft, TrimRight")
	d, e := strings.Trim(s, " "), strings.Trim("xxhixx", "x")
	note("Trim one byte")
	f := strings.Trim("¡¡hola!!", "¡!")
	note("Trim non-ASCII cutset")
	fmt.Printf("%q %q %q %q %q %q\n", a, b, c, d, e, f)
	mark()
	sink = strings.SplitN("a,b,c,d,e", ",", 3)
	note("SplitN 3 of 5")
	fmt.Printf("%q %d %d\n", sink, len(sink), cap(sink))
	mark()
	sink = strings.SplitN("a,b", ",", 10)
	note("SplitN 10 of 2")
	fmt.Printf("%q %d %d\n", sink, len(sink), cap(sink))
	mark()
	sink = strings.SplitN("abc", "", 2)
	note("SplitN empty sep")
	fmt.Printf("%q %d\n", sink, cap(sink))
	fmt.Println(strings.SplitN("x", ",", 0) == nil, len(strings.SplitN("a,b,c", ",", -1)))
	mark()
	before, after, found := strings.Cut("key=value=x", "=")
	note("Cut")
	fmt.Printf("%q %q %v\n", before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	fmt.Printf("%q %q %v\n", before, after, found)
	mark()
	fmt.Println(strings.IndexAny("golang", "xyzn"), strings.IndexAny("gö", "ö"), strings.IndexAny("", "a"), strings.ContainsAny("hello", "xyz"), strings.ContainsAny("hello", "oz"), strings.ContainsAny("x", ""))
	fmt.Println(strings.LastIndexByte("a/b/c", '/'), strings.LastIndexByte("abc", 'z'), strings.IndexRune("chicken", 'k'), strings.IndexRune("wörld", 'ö'), strings.IndexRune("abc", -1), strings.IndexRune("a\xffb", 0xFFFD))
	mark()
	t := strings.Title("hello wide world-of go_lang")
	note("Title (changes)")
	u := strings.Title("Hello World")
	note("Title (unchanged)")
	v := strings.Title("ünïcode ßtraße ǆemal")
	note("Title non-ASCII")
	ssink = t + u + v
	fmt.Printf("%q %q %q\n", t, u, v)
	for k := 0; k < nd; k++ {
		fmt.Printf("%-28s mallocs %d bytes %d\n", deltas[k].what, deltas[k].mallocs, deltas[k].totalB)
	}
}
