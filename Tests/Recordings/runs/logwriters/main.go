// logwriters: log with io.Writers of every kind — io.Discard (Print, Printf and Println return
// before formatting: only the operands' boxes and strings.Repeat's results are allocated, 200
// mallocs for 100 calls), a line-counting Write of the program's, a bufio.Writer over os.Stdout
// (the lines appear at its Flush), os.Stdout again, and a nil io.Writer (a nil dereference at the
// first write, recovered).
package main

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"strings"
)

type lines struct{ n int }

func (l *lines) Write(p []byte) (int, error) {
	for _, b := range p {
		if b == '\n' {
			l.n++
		}
	}
	return len(p), nil
}

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	log.SetFlags(0)
	log.SetOutput(io.Discard)
	a := mallocs()
	for i := 0; i < 100; i++ {
		log.Printf("dropped %d %s", i, strings.Repeat("x", 10))
	}
	b := mallocs()
	fmt.Println("discard:", b-a)
	var c lines
	l := log.New(&c, "c: ", 0)
	for i := 0; i < 10; i++ {
		l.Println("line", i)
	}
	fmt.Println("counted:", c.n)
	w := bufio.NewWriter(os.Stdout)
	bl := log.New(w, "[buf] ", log.Lmsgprefix)
	bl.Print("one")
	bl.Printf("two %d", 2)
	fmt.Println("before flush")
	w.Flush()
	log.SetOutput(os.Stdout)
	log.Println("back to stdout")
	var nilw io.Writer
	defer func() { fmt.Println("recovered:", recover()) }()
	log.SetOutput(nilw)
	log.Print("boom")
}
