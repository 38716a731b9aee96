//go:build go1.22

// Rule (the build line gives this file Go 1.22's loop semantics under Go 1.27.3;
// Go 1.19 compiles escape_loopvar_old.go, the same code): since Go 1.22 a for
// loop's variables are per iteration, declared
// inside the loop: the address of one kept past its iteration moves it to
// the heap. Before, they were declared once outside the loop, at the depth
// of the variable that keeps the address, and stay on the stack.
package main

//go:noinline
func loopVarFirst() int {
	var p *int
	for i := 0; i < 3; i++ {
		if i == 0 {
			p = &i
		}
	}
	return *p
}

//go:noinline
func rangeVarFirst() string {
	var p *string
	for _, s := range []string{"a", "b"} {
		if p == nil {
			p = &s
		}
	}
	return *p
}
