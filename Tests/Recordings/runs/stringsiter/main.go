//go:build go1.24

// stringsiter: Go 1.24's string sequences (strings/iter.go): Lines, SplitSeq,
// SplitAfterSeq, FieldsSeq and FieldsFuncSeq yield substrings of their argument,
// breaking off early when the loop does. Output only: Go inlines them and their
// literals, which gcsh does not yet.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	text := "alpha beta\ngamma  delta\nlast line without newline"
	for line := range strings.Lines(text) {
		fmt.Printf("%q\n", line)
	}
	n := 0
	for w := range strings.FieldsSeq(text) {
		n++
		if w == "delta" {
			break
		}
	}
	fmt.Println("words up to delta:", n)
	for p := range strings.SplitSeq("a,b,,c", ",") {
		fmt.Printf("%q ", p)
	}
	fmt.Println()
	for p := range strings.SplitAfterSeq("a,b,c", ",") {
		fmt.Printf("%q ", p)
	}
	fmt.Println()
	for p := range strings.SplitSeq("héllo, wörld", "") {
		fmt.Printf("%q ", p)
	}
	fmt.Println()
	for w := range strings.FieldsFuncSeq("a1b22c333", unicode.IsDigit) {
		fmt.Print(w, " ")
	}
	fmt.Println()
	for w := range strings.FieldsSeq("  tabs\tand\u00a0nbsp\u2003em  ") {
		fmt.Printf("[%s]", w)
	}
	fmt.Println()
}
