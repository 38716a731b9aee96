// One-line wrappers of strings.Clone and strings.Compare: -m=2's "can inline ... with cost N"
// gives what a call of each costs its caller in Go 1.27.3 and 1.19.8.
package main

import "strings"

func wStringsClone(s string) string   { return strings.Clone(s) }
func wStringsCompare(a, b string) int { return strings.Compare(a, b) }

func main() {}
