// fmtprinter: what fmt's printer allocates besides the operands' boxes. The
// pp it takes from a sync.Pool keeps its buffer between calls: a line longer
// than any before grows it as append grows a []byte, padding makes a new one
// of 2*cap+n bytes, a buffer over 64 KiB is not kept; two collections empty
// the pool. Printing a value below the top level through reflect copies each
// addressable element (Value.Interface). Each case is one fmt call between two
// ReadMemStats; its Mallocs and TotalAlloc deltas are printed at the end.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
)

type Point struct {
	X, Y int
	Name string
	tag  string
}

var (
	words = []string{"alpha", "beta", "gamma"}
	pt    = &Point{1, 2, "p", "t"}
	grid  = [2][2]int{{1, 2}, {3, 4}}
	gridp = &grid
	long  = strings.Repeat("x", 70000)
	ages  = map[string]int{"ann": 31, "bob": 42}
)

var m runtime.MemStats
var labels [40]string
var mallocs, bytes [40]uint64
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

func main() {
	start()
	fmt.Fprint(os.Stderr, "1234567\n")
	stop("first call, 8 bytes")
	start()
	fmt.Fprint(os.Stderr, "12345678\n")
	stop("9 bytes")
	start()
	fmt.Fprint(os.Stderr, "1234\n")
	stop("5 bytes")
	start()
	fmt.Fprint(os.Stderr, "0123456789012345678901234567890123456789\n")
	stop("41 bytes")
	start()
	fmt.Fprintf(os.Stderr, "%100s\n", "x")
	stop("padded to 100")
	start()
	fmt.Fprintf(os.Stderr, "%300s|\n", "x")
	stop("padded to 300")
	start()
	fmt.Fprintln(os.Stderr, words)
	stop("[]string")
	start()
	fmt.Fprintln(os.Stderr, pt)
	stop("pointer to struct")
	start()
	fmt.Fprintf(os.Stderr, "%+v\n", *pt)
	stop("struct value")
	start()
	fmt.Fprintln(os.Stderr, grid)
	stop("array of arrays")
	start()
	fmt.Fprintln(os.Stderr, gridp)
	stop("pointer to array")
	start()
	fmt.Fprintln(os.Stderr, long)
	stop("70000 bytes")
	start()
	fmt.Fprint(os.Stderr, "1234\n")
	stop("after the long line")
	runtime.GC()
	start()
	fmt.Fprint(os.Stderr, "1234\n")
	stop("after one GC")
	runtime.GC()
	runtime.GC()
	start()
	fmt.Fprint(os.Stderr, "1234\n")
	stop("after two GCs")
	start()
	fmt.Fprintln(os.Stderr, ages)
	stop("map")

	for i := 0; i < n; i++ {
		fmt.Println(labels[i]+":", mallocs[i], bytes[i])
	}
}
