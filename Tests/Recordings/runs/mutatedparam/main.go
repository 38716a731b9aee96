// mutatedparam: []byte(s) passed to a function that is not inlined. Since Go 1.22 a conversion
// that does not escape and is never written shares the string's bytes (zero-copy); whether the
// callee writes through its parameter is part of the callee's escape tags, so poke's argument
// is a copy and peek's is not. Prints what the calls saw and the strings after them.
package main

import "fmt"

//go:noinline
func poke(b []byte) int {
	b[0] = 'X'
	return len(b)
}

//go:noinline
func peek(b []byte) byte {
	return b[len(b)-1]
}

//go:noinline
func pokeVia(b []byte) int {
	return poke(b[1:])
}

func main() {
	s := "hello"
	n := poke([]byte(s))
	c := peek([]byte(s))
	m := pokeVia([]byte(s))
	fmt.Println(s, n, string(c), m)
}
