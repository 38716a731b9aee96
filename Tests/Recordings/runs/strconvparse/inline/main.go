// inline: the inliner's costs of one-line wrappers of strconv's parsers and formatters,
// strings.EqualFold and os.Args (-gcflags=-m=2), recorded by ../run.sh as ../go<version>.inl.txt.
package main

import (
	"os"
	"strconv"
	"strings"
)

func a1(s string) (int64, error)   { return strconv.ParseInt(s, 10, 64) }
func a2(s string) (uint64, error)  { return strconv.ParseUint(s, 10, 64) }
func a3(s string) (float64, error) { return strconv.ParseFloat(s, 64) }
func a4(s string) (bool, error)    { return strconv.ParseBool(s) }
func a5(f float64) string          { return strconv.FormatFloat(f, 'f', 2, 64) }
func a6(b bool) string             { return strconv.FormatBool(b) }
func a7(s string) string           { return strconv.Quote(s) }
func a8(s, t string) bool          { return strings.EqualFold(s, t) }
func a9() int                      { return len(os.Args) }
func a10() string                  { return os.Args[0] }

func main() {}
