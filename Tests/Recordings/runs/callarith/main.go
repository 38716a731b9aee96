// callarith: fmt operands that are arithmetic on package calls, for the -m lines that name
// them (cmd/compile/internal/ir/fmt.go exprfmt: an inlined call is its result in parentheses,
// the operators parenthesized by precedence, constants folded in Go 1.20+).
package main

import (
	"fmt"
	"strings"
	"time"
)

func main() {
	t := time.Unix(1700000000, 0).UTC()
	fmt.Println((t.Unix()-5)*2, t.Unix()-(5-t.Unix()), t.Unix()*2+1)
	fmt.Println(t.Year()*12+int(t.Month()), (t.Hour()+1)%24, t.Minute()-t.Second()*3)
	s := "a,b,,c"
	fmt.Println(strings.Count(s, ",")+1, len(s)-strings.Index(s, "c"), 2*(strings.LastIndex(s, ",")-1))
}
