// One-line wrappers of strings' predicate functions: -m=2's cost for a call of each.
package main

import "strings"

func wIndexFunc(s string, f func(rune) bool) int         { return strings.IndexFunc(s, f) }
func wLastIndexFunc(s string, f func(rune) bool) int     { return strings.LastIndexFunc(s, f) }
func wTrimFunc(s string, f func(rune) bool) string       { return strings.TrimFunc(s, f) }
func wTrimLeftFunc(s string, f func(rune) bool) string   { return strings.TrimLeftFunc(s, f) }
func wTrimRightFunc(s string, f func(rune) bool) string  { return strings.TrimRightFunc(s, f) }

func main() {}
