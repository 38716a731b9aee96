// One-line wrappers of strconv's Append functions and Unquote: -m=2's cost for a call of each.
package main

import "strconv"

func wAppendInt(b []byte, i int64) []byte      { return strconv.AppendInt(b, i, 10) }
func wAppendUint(b []byte, u uint64) []byte    { return strconv.AppendUint(b, u, 10) }
func wAppendBool(b []byte, v bool) []byte      { return strconv.AppendBool(b, v) }
func wAppendQuote(b []byte, s string) []byte   { return strconv.AppendQuote(b, s) }
func wAppendFloat(b []byte, f float64) []byte  { return strconv.AppendFloat(b, f, 'f', 2, 64) }
func wUnquote(s string) (string, error)        { return strconv.Unquote(s) }

func main() {}
