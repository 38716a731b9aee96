// formatuint: strconv.FormatUint, the twin of FormatInt for uint64 (MemStats' fields are
// uint64): every base, the edges, what it allocates (a decimal 0..99 is a piece of the
// package's table; one byte is the runtime's staticuint64s; else a new string), and -m's
// inlining of it in both versions.
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

func a(i uint64) string { return strconv.FormatUint(i, 10) }

func b(i int64) string { return strconv.FormatInt(i, 16) }

var sink string

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	for _, v := range []uint64{0, 7, 42, 99, 100, 255, 1 << 40, 18446744073709551615} {
		fmt.Println(strconv.FormatUint(v, 10), strconv.FormatUint(v, 2), strconv.FormatUint(v, 16), strconv.FormatUint(v, 36))
	}
	fmt.Println(a(5), b(-5))
	for _, v := range []uint64{5, 99, 100, 1 << 63} {
		before := mallocs()
		for i := 0; i < 100; i++ {
			sink = strconv.FormatUint(v, 10)
		}
		hex := mallocs()
		for i := 0; i < 100; i++ {
			sink = strconv.FormatUint(v, 16)
		}
		fmt.Println(v, hex-before, mallocs()-hex)
	}
}
