// writers: writing through io.Writer as Go programs do — a bufio.Writer over os.Stdout (a
// default one and one smaller than what is written), a type of the program's with a Write
// method, io.WriteString, io.MultiWriter with io.Discard, *os.File's own Write and
// WriteString, a Write that keeps copies of what it is given (fmt reuses its buffer), writers
// that fail, one that wraps another, Fprintf's results, and a nil writer's panic recovered.
// Prints the Mallocs and TotalAlloc of the buffered and counting parts.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
)

var ms runtime.MemStats

func mallocs() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

func report(label string, m0, t0 uint64) {
	m1, t1 := mallocs()
	fmt.Println(label, m1-m0, t1-t0)
}

type counter struct{ n, calls int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	c.calls++
	return len(p), nil
}

// keeper keeps a copy of every slice it is given.
type keeper struct{ lines [][]byte }

func (k *keeper) Write(p []byte) (int, error) {
	k.lines = append(k.lines, append([]byte(nil), p...))
	return len(p), nil
}

// failing takes `room` more bytes, then fails.
type failing struct{ room int }

var errFull = errors.New("disk full")

func (f *failing) Write(p []byte) (int, error) {
	if len(p) > f.room {
		n := f.room
		f.room = 0
		return n, errFull
	}
	f.room -= len(p)
	return len(p), nil
}

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	q := make([]byte, len(p))
	for i, c := range p {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		q[i] = c
	}
	return u.w.Write(q)
}

func buffered() {
	m0, t0 := mallocs()
	w := bufio.NewWriter(os.Stdout)
	for i := 0; i < 5; i++ {
		fmt.Fprintf(w, "row %d: %s\n", i, "abc")
	}
	w.WriteString("direct\n")
	w.WriteByte('!')
	w.WriteRune('é')
	w.WriteRune('\n')
	fmt.Println("buffered before flush:", w.Buffered(), w.Available(), w.Size())
	w.Flush()
	report("buffered", m0, t0)
}

func small() {
	w := bufio.NewWriterSize(os.Stdout, 16)
	fmt.Fprintln(w, "a line longer than sixteen bytes")
	fmt.Fprint(w, "short")
	w.Write([]byte(" and more than the buffer holds\n"))
	w.WriteString("and a string longer than sixteen\n")
	w.Flush()
}

func counting() {
	m0, t0 := mallocs()
	var c counter
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&c, "%d\n", i)
	}
	n, err := io.WriteString(&c, "tail")
	fmt.Println(c.n, c.calls, n, err)
	report("counting", m0, t0)
}

func keeping() {
	var k keeper
	fmt.Fprintln(&k, "first")
	fmt.Fprintln(&k, "second", 2)
	fmt.Fprintf(&k, "%s-%d", "third", 3)
	for _, l := range k.lines {
		fmt.Printf("%q\n", l)
	}
}

func multi() {
	var c counter
	w := io.MultiWriter(os.Stdout, &c, io.Discard)
	fmt.Fprintf(w, "to %d writers\n", 3)
	io.WriteString(w, "via WriteString\n")
	fmt.Println(c.n, c.calls)
}

func results() {
	n, err := fmt.Fprintf(io.Discard, "%05d|%-4s|", 42, "go")
	fmt.Println(n, err)
	f := &failing{room: 5}
	n, err = fmt.Fprintf(f, "%s", "too long")
	fmt.Println(n, err, errors.Is(err, errFull))
	bw := bufio.NewWriterSize(&failing{room: 10}, 8)
	n, err = fmt.Fprint(bw, "0123456789abcdef")
	fmt.Println(n, err)
	err = bw.Flush()
	fmt.Println(err, bw.Buffered())
	_, err = bw.WriteString("x")
	fmt.Println(err)
	n, err = fmt.Fprintln(os.Stdout, "to stdout")
	fmt.Println(n, err)
	n, err = os.Stdout.WriteString("file WriteString\n")
	fmt.Println(n, err)
	n, err = os.Stdout.Write([]byte("file Write\n"))
	fmt.Println(n, err, os.Stdout.Name())
	fmt.Fprintln(os.Stderr, "to stderr")
	var e io.Writer = os.Stderr
	fmt.Fprintf(e, "through %T\n", e)
	_, isFile := e.(*os.File)
	fmt.Println(isFile)
}

func wrapped() {
	u := upper{os.Stdout}
	fmt.Fprintf(u, "shout %d times\n", 3)
	bw := bufio.NewWriter(upper{w: os.Stdout})
	fmt.Fprintln(bw, "buffered and shouted")
	bw.Flush()
}

func nilWriter() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var w io.Writer
	fmt.Fprintln(w, "never")
}

func main() {
	buffered()
	small()
	counting()
	keeping()
	multi()
	results()
	wrapped()
	nilWriter()
	var nf *os.File
	_, err := nf.Write([]byte("x"))
	fmt.Println(err)
}
