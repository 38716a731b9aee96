// writerpanics: writers at the edges — a logger whose message's String method collects and
// allocates while the log buffer is being built (the buffer must survive), a Write that panics
// (fmt's printer is lost, the next prints make a new one: 2 mallocs for 100 Sprints), a nil
// io.Writer (the operands are formatted, String called, before the panic), a logger whose
// Write panicked once, a callee writing through a pointer to a []byte (the conversion is a
// copy), and a *bytes.Buffer and *strings.Builder asserted to other interfaces.
package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"runtime"
	"strings"
)

var ms runtime.MemStats

func mallocs() uint64 {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

type keep struct{ lines []string }

func (k *keep) Write(p []byte) (int, error) {
	k.lines = append(k.lines, string(p))
	return len(p), nil
}

var hold [][]byte

type G struct{}

func (G) String() string {
	runtime.GC()
	for i := 0; i < 2000; i++ {
		b := make([]byte, 32)
		for j := range b {
			b[j] = 'A'
		}
		hold = append(hold, b)
	}
	return "g"
}

type boom struct{ n int }

func (w *boom) Write(p []byte) (int, error) {
	w.n++
	if w.n == 1 {
		panic("boom")
	}
	return len(p), nil
}

type S struct{}

func (S) String() string { fmt.Println("String called"); return "S" }

//go:noinline
func pokeP(pp *[]byte) int { (*pp)[0] = 'P'; return 1 }

func main() {
	k := &keep{}
	l := log.New(k, "", 0)
	for i := 0; i < 3; i++ {
		l.Print(G{})
	}
	bad := 0
	for _, b := range hold {
		for _, c := range b {
			if c != 'A' {
				bad++
				break
			}
		}
	}
	fmt.Println("corrupted:", bad, k.lines)

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Fprintln(&boom{}, "x")
	}()
	m0 := mallocs()
	for i := 0; i < 100; i++ {
		fmt.Sprint("a")
	}
	fmt.Println("sprints after a panicking Write:", mallocs()-m0)

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var w io.Writer
		fmt.Fprintln(w, S{})
	}()

	bl := log.New(&boom{}, "", 0)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		bl.Print("first")
	}()
	m0 = mallocs()
	for i := 0; i < 10; i++ {
		bl.Print("again")
	}
	fmt.Println("prints after a panicking Write:", mallocs()-m0)

	s := "hello"
	b := []byte(s)
	fmt.Println(pokeP(&b), s, string(b))

	var buf bytes.Buffer
	var sb strings.Builder
	var w io.Writer = &buf
	var w2 io.Writer = &sb
	fmt.Fprint(w, "hello")
	fmt.Fprint(w2, "world")
	_, ok1 := w.(interface{ Len() int })
	_, ok2 := w.(fmt.Stringer)
	_, ok3 := w2.(fmt.Stringer)
	_, ok4 := w.(io.ByteWriter)
	fmt.Println(ok1, ok2, ok3, ok4, w.(fmt.Stringer).String(), w2.(interface{ Len() int }).Len())
}
