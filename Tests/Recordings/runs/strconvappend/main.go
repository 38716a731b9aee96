// strconvappend: strconv's Append functions (AppendInt, AppendUint, AppendBool, AppendQuote,
// AppendFloat) and Unquote: their results, their errors, and what a call allocates — an
// append grows dst as append does; Unquote of a string with escapes builds a new one.
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

var ms runtime.MemStats

func allocs(f func()) (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	m, b := ms.Mallocs, ms.TotalAlloc
	f()
	runtime.ReadMemStats(&ms)
	return ms.Mallocs - m, ms.TotalAlloc - b
}

var sink []byte
var ssink string
var esink error

func main() {
	fmt.Println(strconv.AppendInt([]byte("n="), 7, 10), string(strconv.AppendInt(nil, -1234567890123, 10)))
	fmt.Println(string(strconv.AppendInt(nil, 255, 2)), string(strconv.AppendInt(nil, -255, 16)), string(strconv.AppendInt(nil, 35, 36)))
	fmt.Println(string(strconv.AppendUint([]byte("u:"), 18446744073709551615, 10)), string(strconv.AppendBool([]byte("b:"), true)))
	fmt.Println(string(strconv.AppendQuote([]byte("q:"), "tab\there \"x\" é\x01")), string(strconv.AppendFloat(nil, 3.25, 'f', -1, 64)))
	fmt.Println(string(strconv.AppendFloat([]byte("f="), 1.0/3, 'g', 5, 64)), string(strconv.AppendFloat(nil, 1e21, 'e', 3, 64)))
	for _, q := range []string{`"a\nb"`, `"plain"`, "`raw\\n`", `'x'`, `"\u00e9\x41\101"`, `"bad`, `abc`, `"a"b"`, `''`, `"\q"`, `"é"`, `""`} {
		s, err := strconv.Unquote(q)
		fmt.Printf("%s -> %q %v\n", q, s, err)
	}
	buf := make([]byte, 0, 64)
	m1, b1 := allocs(func() { sink = strconv.AppendInt(buf, 123456, 10) })
	m2, b2 := allocs(func() { sink = strconv.AppendInt(nil, 123456, 10) })
	m3, b3 := allocs(func() { sink = strconv.AppendInt([]byte("abcdefgh"), 42, 10) })
	m4, b4 := allocs(func() { sink = strconv.AppendInt(nil, 7, 10) })
	m5, b5 := allocs(func() { sink = strconv.AppendQuote(nil, "hello") })
	m6, b6 := allocs(func() { sink = strconv.AppendFloat(buf, 2.5, 'f', 2, 64) })
	fmt.Println("AppendInt cap 64:", m1, b1, "nil:", m2, b2, "full 8:", m3, b3, "small nil:", m4, b4, "AppendQuote nil:", m5, b5, "AppendFloat cap 64:", m6, b6)
	plain := `"plain text"`
	escaped := `"line\nline\tend"`
	m7, b7 := allocs(func() { ssink, esink = strconv.Unquote(plain) })
	m8, b8 := allocs(func() { ssink, esink = strconv.Unquote(escaped) })
	m9, b9 := allocs(func() { ssink, esink = strconv.Unquote(`"bad`) })
	fmt.Println("Unquote plain:", m7, b7, "escaped:", m8, b8, "bad:", m9, b9)
	// A loop that reuses its buffer allocates nothing after the first growth.
	out := []byte{}
	m10, b10 := allocs(func() {
		for i := 0; i < 100; i++ {
			out = strconv.AppendInt(out[:0], int64(i*1000), 10)
		}
	})
	fmt.Println("reuse:", m10, b10, string(out))
}
