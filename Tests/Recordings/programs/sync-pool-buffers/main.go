package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"sync"
)

var created int

// A pool of buffers: each request takes one, writes into it and puts it back,
// so the buffers are reused instead of allocated again.
var bufPool = sync.Pool{
	New: func() any {
		created++
		return new(bytes.Buffer)
	},
}

func render(id int) int {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString("request ")
	buf.WriteString(strconv.Itoa(id))
	buf.WriteString(": ok")
	n := buf.Len()
	bufPool.Put(buf)
	return n
}

func renderNoPool(id int) int {
	buf := new(bytes.Buffer)
	buf.WriteString("request ")
	buf.WriteString(strconv.Itoa(id))
	buf.WriteString(": ok")
	sink = buf
	return buf.Len()
}

var sink *bytes.Buffer

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	total := 0
	start := mallocs()
	for i := 0; i < 10000; i++ {
		total += render(i)
	}
	fmt.Println("with a pool:   ", mallocs()-start, "allocations,", created, "buffers created")

	start = mallocs()
	for i := 0; i < 10000; i++ {
		total += renderNoPool(i)
	}
	fmt.Println("without a pool:", mallocs()-start, "allocations")

	// The pool is emptied over two collections: the first moves its buffers
	// to the victim cache, the second drops them, so the next Get makes one.
	before := created
	runtime.GC()
	runtime.GC()
	render(2)
	fmt.Println("a new buffer after two GCs:", created == before+1)
	fmt.Println("bytes rendered:", total)
}
