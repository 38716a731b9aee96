// logpkg: the log package's output and what each call allocates. Mallocs and TotalAlloc
// deltas are taken with ReadMemStats into a global and printed at the end on stdout; the log
// lines go to stderr (the standard logger) or to stdout (a Logger made by log.New), where
// their dates are the machine's and so differ between runs.
package main

import (
	"fmt"
	"log"
	"os"
	"runtime"
)

var ms runtime.MemStats

type delta struct {
	what            string
	mallocs, totalB uint64
}

var deltas [40]delta
var nd int
var lastM, lastB uint64

func mark() {
	runtime.ReadMemStats(&ms)
	lastM, lastB = ms.Mallocs, ms.TotalAlloc
}

func note(what string) {
	runtime.ReadMemStats(&ms)
	deltas[nd] = delta{what, ms.Mallocs - lastM, ms.TotalAlloc - lastB}
	nd++
	lastM, lastB = ms.Mallocs, ms.TotalAlloc
}

func main() {
	n := 42
	s := "hello"
	mark()
	log.Println("first line")
	note("Println const (first call)")
	log.Println("second line")
	note("Println const (second)")
	log.Println("n is", n, s)
	note("Println n, s")
	log.Printf("n=%d s=%s", n, s)
	note("Printf n, s")
	log.Print("no newline")
	note("Print const")
	long := string(make([]byte, 300))
	note("(a 300-byte string)")
	log.Println(len(long), long[:200])
	note("Println a 200-byte value")
	log.Println("short again")
	note("Println const after a long one")
	runtime.GC()
	mark()
	log.Println("after GC")
	note("Println const after a GC")
	log.Println("after GC again")
	note("Println const, second after a GC")
	runtime.GC()
	runtime.GC()
	mark()
	log.Println("after two GCs")
	note("Println const after two GCs")
	log.SetFlags(0)
	log.SetPrefix("app: ")
	note("SetFlags, SetPrefix")
	log.Println("no date")
	note("Println with flags 0")
	l := log.New(os.Stdout, "[out] ", 0)
	note("log.New")
	l.Println("to stdout", n)
	note("Logger.Println to stdout")
	l.Printf("%5.2f|%v", 3.14159, []int{1, 2})
	note("Logger.Printf")
	l.SetFlags(log.Lmsgprefix)
	l.Println("msgprefix")
	l.SetPrefix("")
	l.Print("x", 1, 2, "y")
	fmt.Println("flags", log.Flags(), l.Flags(), log.Prefix(), log.LstdFlags, log.Lshortfile)
	for k := 0; k < nd; k++ {
		fmt.Printf("%-36s mallocs %d bytes %d\n", deltas[k].what, deltas[k].mallocs, deltas[k].totalB)
	}
}
