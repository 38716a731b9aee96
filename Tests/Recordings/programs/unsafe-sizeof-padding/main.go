package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

// Field order changes a struct's size: the compiler pads each field to its
// alignment and the whole struct to its largest field's.
type Loose struct {
	Active bool
	ID     int64
	Done   bool
	Score  float32
	Flag   bool
}

type Tight struct {
	ID     int64
	Score  float32
	Active bool
	Done   bool
	Flag   bool
}

type Header struct {
	Name string
	Tags []string
	Next *Header
}

func main() {
	var l Loose
	var t Tight
	fmt.Printf("Loose: size %d, align %d\n", unsafe.Sizeof(l), unsafe.Alignof(l))
	fmt.Printf("  offsets: Active %d, ID %d, Done %d, Score %d, Flag %d\n",
		unsafe.Offsetof(l.Active), unsafe.Offsetof(l.ID), unsafe.Offsetof(l.Done),
		unsafe.Offsetof(l.Score), unsafe.Offsetof(l.Flag))
	fmt.Printf("Tight: size %d, align %d\n", unsafe.Sizeof(t), unsafe.Alignof(t))
	fmt.Printf("Header: size %d (string %d, slice %d, pointer %d)\n",
		unsafe.Sizeof(Header{}), unsafe.Sizeof(""), unsafe.Sizeof([]string(nil)), unsafe.Sizeof(&t))
	fmt.Println("int, int32, bool, any:", unsafe.Sizeof(0), unsafe.Sizeof(int32(0)), unsafe.Sizeof(true), unsafe.Sizeof(any(nil)))

	const n = 100_000
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	loose := make([]Loose, n)
	runtime.ReadMemStats(&after)
	fmt.Printf("~ %d Loose: %d bytes allocated\n", n, after.TotalAlloc-before.TotalAlloc)
	runtime.ReadMemStats(&before)
	tight := make([]Tight, n)
	runtime.ReadMemStats(&after)
	fmt.Printf("~ %d Tight: %d bytes allocated\n", n, after.TotalAlloc-before.TotalAlloc)
	fmt.Println(len(loose), len(tight))
}
