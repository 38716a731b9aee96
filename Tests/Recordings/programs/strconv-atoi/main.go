// strconv.Atoi returns (int, error): a *strconv.NumError on failure, whose
// Mallocs show what a failing parse costs (the error, and a copy of the input
// since Go 1.20).
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

func p1(s string) (int, error) { return strconv.Atoi(s) }

func main() {
	var m runtime.MemStats
	for _, s := range []string{"42", "-7", "x", "12a45", "", "99999999999999999999", "+5", "1234567890123456789x", "-9223372036854775808", "-99999999999999999999", "00000000000000000000042"} {
		runtime.ReadMemStats(&m)
		before := m.Mallocs
		n, err := p1(s)
		runtime.ReadMemStats(&m)
		fmt.Println(n, err, m.Mallocs-before)
		if ne, ok := err.(*strconv.NumError); ok {
			fmt.Printf("%T %q %q %v\n", ne, ne.Func, ne.Num, ne.Err)
		}
	}
}
