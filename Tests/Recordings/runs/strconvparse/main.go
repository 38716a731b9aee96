// strconvparse: strconv's ParseInt, ParseUint, ParseFloat, ParseBool, FormatFloat,
// FormatBool, Quote and strings.EqualFold, as programs call them: the values and
// errors they return, and what each call allocates (Mallocs and TotalAlloc
// between two ReadMemStats; results kept in package variables so that they
// escape as a program's results usually do; each label is made before its window).
// Inputs are package variables.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
)

var m runtime.MemStats
var labels [300]string
var mallocs, bytes [300]uint64
var n int
var m0, t0 uint64

func start() {
	runtime.ReadMemStats(&m)
	m0, t0 = m.Mallocs, m.TotalAlloc
}

func stop(label string) {
	runtime.ReadMemStats(&m)
	labels[n] = label
	mallocs[n] = m.Mallocs - m0
	bytes[n] = m.TotalAlloc - t0
	n++
}

var (
	ints   = []string{"42", "-17", "+8", "0x1F", "0b101", "0o17", "1_000", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "abc", "", "12a", "99999999999999999999999"}
	bases  = []int{10, 10, 10, 0, 0, 0, 0, 10, 10, 10, 10, 10, 10, 10}
	floats = []string{"3.14", "-0.5", "1e10", "1e400", "-1e400", "inf", "-Inf", "NaN", "0x1p-2", "1_0.5", ".5", "5.", "abc", "", "2.5e-324", "123456789012345678901234567890"}
	fvals  = []float64{3.14159, -0.001, 1e21, 123456789, 0.1, 2.5, 1.0 / 3.0}
	quotes = []string{"hi", "tab\there", "quote\"s", "é€", "\x00\x7f", "bell\a"}
	bools  = []string{"true", "1", "T", "FALSE", "f", "yes", ""}
	sinkI  int64
	sinkU  uint64
	sinkF  float64
	sinkB  bool
	sinkS  string
	sinkE  error
	out    []string
)

func main() {
	for k, s := range ints {
		label := "ParseInt " + s
		start()
		sinkI, sinkE = strconv.ParseInt(s, bases[k], 64)
		stop(label)
		out = append(out, fmt.Sprint("ParseInt(", strconv.Quote(s), ", ", bases[k], ", 64) = ", sinkI, " ", sinkE))
	}
	start()
	sinkI, sinkE = strconv.ParseInt("300", 10, 8)
	stop("ParseInt 300 8")
	out = append(out, fmt.Sprint("ParseInt 300 bitSize 8: ", sinkI, " ", sinkE))
	start()
	sinkI, sinkE = strconv.ParseInt("5", 1, 64)
	stop("ParseInt base 1")
	out = append(out, fmt.Sprint("ParseInt base 1: ", sinkI, " ", sinkE))
	start()
	sinkU, sinkE = strconv.ParseUint("18446744073709551615", 10, 64)
	stop("ParseUint max")
	out = append(out, fmt.Sprint("ParseUint max: ", sinkU, " ", sinkE))
	start()
	sinkU, sinkE = strconv.ParseUint("-1", 10, 64)
	stop("ParseUint -1")
	out = append(out, fmt.Sprint("ParseUint -1: ", sinkU, " ", sinkE))
	for _, s := range floats {
		label := "ParseFloat " + s
		start()
		sinkF, sinkE = strconv.ParseFloat(s, 64)
		stop(label)
		out = append(out, fmt.Sprint("ParseFloat(", strconv.Quote(s), ") = ", sinkF, " ", sinkE))
	}
	start()
	sinkF, sinkE = strconv.ParseFloat("3.4e39", 32)
	stop("ParseFloat32 3.4e39")
	out = append(out, fmt.Sprint("ParseFloat32 3.4e39: ", sinkF, " ", sinkE))
	start()
	sinkF, sinkE = strconv.ParseFloat("0.1", 32)
	stop("ParseFloat32 0.1")
	out = append(out, fmt.Sprint("ParseFloat32 0.1: ", sinkF, " ", sinkE))
	for _, s := range bools {
		label := "ParseBool " + s
		start()
		sinkB, sinkE = strconv.ParseBool(s)
		stop(label)
		out = append(out, fmt.Sprint("ParseBool(", strconv.Quote(s), ") = ", sinkB, " ", sinkE))
	}
	for _, f := range fvals {
		for _, c := range []byte{'f', 'e', 'g', 'E', 'G'} {
			for _, prec := range []int{-1, 0, 3} {
				start()
				sinkS = strconv.FormatFloat(f, c, prec, 64)
				stop("FormatFloat")
				out = append(out, fmt.Sprint("FormatFloat(", f, ", ", string(c), ", ", prec, ") = ", sinkS))
			}
		}
		start()
		sinkS = strconv.FormatFloat(f, 'g', -1, 32)
		stop("FormatFloat32")
		out = append(out, fmt.Sprint("FormatFloat32(", f, ") = ", sinkS))
	}
	start()
	sinkS = strconv.FormatBool(true)
	stop("FormatBool")
	out = append(out, "FormatBool: "+sinkS)
	for _, q := range quotes {
		start()
		sinkS = strconv.Quote(q)
		stop("Quote")
		out = append(out, "Quote: "+sinkS)
	}
	for _, p := range [][2]string{{"Go", "GO"}, {"straße", "STRASSE"}, {"Σ", "σ"}, {"k", "\u212a"}, {"abc", "abd"}, {"", ""}} {
		start()
		sinkB = strings.EqualFold(p[0], p[1])
		stop("EqualFold")
		out = append(out, fmt.Sprint("EqualFold(", strconv.Quote(p[0]), ", ", strconv.Quote(p[1]), ") = ", sinkB))
	}
	start()
	args := len(os.Args)
	stop("os.Args")
	out = append(out, fmt.Sprint("len(os.Args) = ", args))
	for _, line := range out {
		fmt.Println(line)
	}
	for i := 0; i < n; i++ {
		fmt.Println(labels[i], mallocs[i], bytes[i])
	}
}
