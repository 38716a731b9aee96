// One-line wrappers of the unicode package's functions: -m=2's "can inline ... with cost N"
// gives what a call of each costs its caller in Go 1.27.3 and 1.19.8.
package main

import "unicode"

func wIsLetter(r rune) bool  { return unicode.IsLetter(r) }
func wIsDigit(r rune) bool   { return unicode.IsDigit(r) }
func wIsNumber(r rune) bool  { return unicode.IsNumber(r) }
func wIsSpace(r rune) bool   { return unicode.IsSpace(r) }
func wIsUpper(r rune) bool   { return unicode.IsUpper(r) }
func wIsLower(r rune) bool   { return unicode.IsLower(r) }
func wIsTitle(r rune) bool   { return unicode.IsTitle(r) }
func wIsPunct(r rune) bool   { return unicode.IsPunct(r) }
func wIsSymbol(r rune) bool  { return unicode.IsSymbol(r) }
func wIsControl(r rune) bool { return unicode.IsControl(r) }
func wIsPrint(r rune) bool   { return unicode.IsPrint(r) }
func wIsGraphic(r rune) bool { return unicode.IsGraphic(r) }
func wIsMark(r rune) bool    { return unicode.IsMark(r) }
func wToUpper(r rune) rune   { return unicode.ToUpper(r) }
func wToLower(r rune) rune   { return unicode.ToLower(r) }
func wToTitle(r rune) rune   { return unicode.ToTitle(r) }

func main() {}
