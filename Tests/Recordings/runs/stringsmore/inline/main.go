// One-line wrappers of the strings functions of stringsmore: -m=2's "can inline ... with cost N"
// gives what a call of each costs its caller in Go 1.27.3 and 1.19.8.
package main

import "strings"

func wTrim(s, c string) string                  { return strings.Trim(s, c) }
func wTrimLeft(s, c string) string              { return strings.TrimLeft(s, c) }
func wTrimRight(s, c string) string             { return strings.TrimRight(s, c) }
func wSplitN(s, sep string, n int) []string     { return strings.SplitN(s, sep, n) }
func wCut(s, sep string) (string, string, bool) { return strings.Cut(s, sep) }
func wIndexAny(s, c string) int                 { return strings.IndexAny(s, c) }
func wContainsAny(s, c string) bool             { return strings.ContainsAny(s, c) }
func wLastIndexByte(s string, b byte) int       { return strings.LastIndexByte(s, b) }
func wIndexRune(s string, r rune) int           { return strings.IndexRune(s, r) }
func wTitle(s string) string                    { return strings.Title(s) }

func main() {}
