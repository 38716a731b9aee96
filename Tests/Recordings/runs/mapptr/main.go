// mapptr: a map[string]*T whose values keep 1,000 objects alive through
// collections; half the entries deleted (their objects become garbage),
// then the map dropped (everything freed).
package main

import (
	"runtime"

	"gcsh.test/runs/ckpt"
)

type T struct {
	id  int
	pad [127]int
}

var objs map[string]*T

//go:noinline
func key(i int) string {
	var b [8]byte
	for k := 0; k < 8; k++ {
		b[k] = byte('a' + i%26)
		i = i / 26
	}
	return string(b[:])
}

func main() {
	runtime.GC()
	ckpt.CP("start")
	objs = make(map[string]*T)
	for i := 0; i < 1000; i++ {
		objs[key(i)] = &T{id: i}
	}
	ckpt.CP("filled")
	runtime.GC()
	ckpt.CP("filled_gc")
	for i := 0; i < 500; i++ {
		delete(objs, key(i))
	}
	runtime.GC()
	ckpt.CP("half_deleted_gc")
	sum := 0
	for i := 500; i < 1000; i++ {
		sum += objs[key(i)].id
	}
	println("sum", sum, len(objs))
	objs = nil
	runtime.GC()
	ckpt.CP("nil_gc")
}
