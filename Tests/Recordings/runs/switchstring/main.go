// switchstring: `switch string(b)` whose cases are all constants compares a zero-cost view
// of b's bytes (walk/switch.go: OBYTES2STRTMP), so it allocates nothing; with a case that
// is not a constant the conversion is a real one, a new string each time (b is 40 bytes:
// too long for the 32-byte buffer a non-escaping conversion gets).
package main

import "gcsh.test/runs/ckpt"

//go:noinline
func constantCases(b []byte) int {
	switch string(b) {
	case "0123456789012345678901234567890123456789":
		return 1
	case "no":
		return 2
	}
	return 0
}

//go:noinline
func variableCase(b []byte, s string) int {
	switch string(b) {
	case s:
		return 1
	case "no":
		return 2
	}
	return 0
}

func main() {
	b := []byte("0123456789012345678901234567890123456789")
	s := "x"
	n := 0
	ckpt.CP("start")
	for i := 0; i < 1000; i++ {
		n += constantCases(b)
	}
	ckpt.CP("constant_cases")
	for i := 0; i < 1000; i++ {
		n += variableCase(b, s)
	}
	ckpt.CP("variable_case")
	println(n)
}
