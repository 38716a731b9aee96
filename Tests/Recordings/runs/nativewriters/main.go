// nativewriters: a *bytes.Buffer and a *strings.Builder as io.Writer values — under
// io.MultiWriter (Fprintf, io.WriteString), under a bufio.Writer flushed into the Buffer, and
// given to fmt through an io.Writer variable — then a nil *bytes.Buffer's WriteString through
// io.WriteString, recovered. Prints the lengths, the Builder's text and the Mallocs between.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
)

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	a := mallocs()
	var buf bytes.Buffer
	var sb strings.Builder
	w := io.MultiWriter(&buf, &sb)
	fmt.Fprintf(w, "x=%d;", 42)
	io.WriteString(w, "tail")
	bw := bufio.NewWriter(&buf)
	for i := 0; i < 100; i++ {
		fmt.Fprint(bw, i, ",")
	}
	bw.Flush()
	var ww io.Writer = &sb
	fmt.Fprint(ww, "!")
	b := mallocs()
	fmt.Println(buf.Len(), sb.String(), b-a)
	var bb *bytes.Buffer
	defer func() { fmt.Println("recovered:", recover()) }()
	io.WriteString(bb, "x")
}
