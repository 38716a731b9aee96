// boxing: what passing a value to fmt costs when it becomes an interface
// (walk/convert.go dataWord, runtime/iface.go convT*). Each case is one fmt
// call to stderr between two ReadMemStats; its Mallocs and TotalAlloc deltas
// are printed at the end. A long warm-up line first sets up fmt's printer
// (sync.Pool ppFree) with a buffer that no later line outgrows, until the
// last case, which outgrows it.
package main

import (
	"fmt"
	"os"
	"runtime"
)

type pair struct{ a, b int }

type node struct {
	next *node
	v    int
}

// Package variables: never constants to the compiler, so their conversions
// happen at run time.
var (
	small   = 7
	big     = 123456
	i8      = int8(-3)
	i16     = int16(1000)
	i16s    = int16(200)
	i32     = int32(100000)
	u64     = uint64(1 << 40)
	f64     = 3.5
	f64z    = 0.0
	flag    = true
	name    = string([]byte("dynamic"))
	empty   = string([]byte(""))
	ints    = []int{1, 2, 3}
	nilInts []int
	pr      = pair{1, 2}
	nd      = node{nil, 5}
	ptr     = &pair{3, 4}
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
	local := 123456
	moved := 123456
	moved += 0

	start()
	fmt.Fprintln(os.Stderr, "warm-up: a line longer than any other that follows, but the last")
	stop("warm-up")
	start()
	fmt.Fprintln(os.Stderr, small)
	stop("int 7")
	start()
	fmt.Fprintln(os.Stderr, big)
	stop("int 123456")
	start()
	fmt.Fprintln(os.Stderr, i8)
	stop("int8")
	start()
	fmt.Fprintln(os.Stderr, i16)
	stop("int16 1000")
	start()
	fmt.Fprintln(os.Stderr, i16s)
	stop("int16 200")
	start()
	fmt.Fprintln(os.Stderr, i32)
	stop("int32")
	start()
	fmt.Fprintln(os.Stderr, u64)
	stop("uint64")
	start()
	fmt.Fprintln(os.Stderr, f64)
	stop("float64 3.5")
	start()
	fmt.Fprintln(os.Stderr, f64z)
	stop("float64 0")
	start()
	fmt.Fprintln(os.Stderr, flag)
	stop("bool")
	start()
	fmt.Fprintln(os.Stderr, name)
	stop("string")
	start()
	fmt.Fprintln(os.Stderr, empty)
	stop("empty string")
	start()
	fmt.Fprintln(os.Stderr, "constant")
	stop("constant string")
	start()
	fmt.Fprintln(os.Stderr, 123456)
	stop("constant 123456")
	start()
	fmt.Fprintln(os.Stderr, 2.5)
	stop("constant 2.5")
	start()
	fmt.Fprintln(os.Stderr, ints)
	stop("slice")
	start()
	fmt.Fprintln(os.Stderr, nilInts)
	stop("nil slice")
	start()
	fmt.Fprintln(os.Stderr, pr)
	stop("struct")
	start()
	fmt.Fprintln(os.Stderr, nd)
	stop("struct with pointer")
	start()
	fmt.Fprintln(os.Stderr, ptr)
	stop("pointer")
	start()
	fmt.Fprintln(os.Stderr, local)
	stop("local never reassigned")
	start()
	fmt.Fprintln(os.Stderr, moved)
	stop("local reassigned")
	start()
	fmt.Fprintln(os.Stderr, big+1, small+1, i16+1)
	stop("3 expressions")
	start()
	fmt.Fprint(os.Stderr, big, "\n")
	stop("Fprint")
	start()
	fmt.Fprintf(os.Stderr, "%d %v\n", big, f64)
	stop("Fprintf")
	start()
	s := fmt.Sprint(big)
	stop("Sprint")
	start()
	s2 := fmt.Sprintf("item-%04d", big)
	stop("Sprintf")
	start()
	fmt.Fprintln(os.Stderr, "a constant line of a hundred bytes, which is longer than the warm-up line was: the buffer grows")
	stop("longer line")

	fmt.Println(s, s2)
	for i := 0; i < n; i++ {
		fmt.Println(labels[i]+":", mallocs[i], bytes[i])
	}
}
