//go:build go1.22

// Rule: `for i := range n` (Go 1.22+; the build line sets this file's language
// version, so Go 1.19 does not compile it and uses escape_rangeint_old.go).
package main

//go:noinline
func rangeIntLocal(n int) int {
	s := make([]int, 0, 4)
	for i := range n {
		s = append(s, i)
	}
	return len(s)
}

//go:noinline
func rangeIntAddr(n int) *int {
	var p *int
	for i := range n {
		p = &i
	}
	return p
}

func rangeIntAll() {
	sinkInt += rangeIntLocal(10)
	sinkPtr = rangeIntAddr(3)
}
