// A one-line wrapper of strings.FieldsFunc: -m=2's cost for a call of it.
package main

import "strings"

func wFieldsFunc(s string, f func(rune) bool) []string { return strings.FieldsFunc(s, f) }

func main() {}
