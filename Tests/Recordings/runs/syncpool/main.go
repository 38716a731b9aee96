// syncpool: what sync.Pool allocates and keeps (sync/pool.go, poolqueue.go;
// runtime/mgc.go clearpools). Each case is a //go:noinline function between two
// ReadMemStats; its Mallocs and TotalAlloc deltas, and whether Get returned the
// object put before, are printed at the end (nothing is printed before, so fmt's
// own pool is not in allPools yet).
//
//	first_get      Get on a fresh package Pool whose New returns new(T) (T: 40 B)
//	put            Put of that object (its P's private slot)
//	get            Get: the object back (same pointer)
//	put2           Put a, Put b: b goes to the shared chain (its first element)
//	get2           Get, Get: a (private) then b (shared head)
//	put20          20 Puts: 1 private, 19 on the chain (8 in the old element, 11 in a new one of 16)
//	get20          20 Gets: all back, none made
//	gc1_get        Put x; runtime.GC(); Get: x from the victim cache (same pointer?)
//	gc2_get        Put x; runtime.GC() twice; Get: New (x dropped)
//	put_slice      Put of a []byte value (boxed: 24 B)
//	put_int        Put of an int value 1000 (boxed: 8 B)
//	nil_new        Get on a second Pool without New: nil
//	local_pool     a Pool in a local variable, Get (New) then Put
//	big_gc1        Put a 1 MiB []byte's pointer, drop it, GC: still live (HeapAlloc)
//	big_gc2        a second GC: freed
//
// Inputs are package variables, so nothing is constant-folded.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type T struct {
	a, b, c, d int
	p       *int
}

var pool = sync.Pool{New: func() any { return new(T) }}
var bare sync.Pool

var m runtime.MemStats
var labels [40]string
var mallocs, bytes [40]uint64
var same [40]string
var heapKiB [40]int64
var n int
var m0, t0 uint64
var h0 uint64

var keep *T
var keep2 *T
var bufs [20]*T
var sink any
var mib = 1 << 20
var thousand = 1000

func start() {
	runtime.ReadMemStats(&m)
	m0, t0, h0 = m.Mallocs, m.TotalAlloc, m.HeapAlloc
}

func stop(label string, s string) {
	runtime.ReadMemStats(&m)
	labels[n] = label
	mallocs[n] = m.Mallocs - m0
	bytes[n] = m.TotalAlloc - t0
	heapKiB[n] = (int64(m.HeapAlloc) - int64(h0)) / 1024
	same[n] = s
	n++
}

func yes(b bool) string {
	if b {
		return "same"
	}
	return "other"
}

//go:noinline
func firstGet() { keep = pool.Get().(*T) }

//go:noinline
func put() { pool.Put(keep) }

//go:noinline
func get() bool { x := pool.Get().(*T); r := x == keep; keep = x; return r }

//go:noinline
func put2() { pool.Put(keep); keep2 = new(T); pool.Put(keep2) }

//go:noinline
func get2() bool {
	a := pool.Get().(*T)
	b := pool.Get().(*T)
	return a == keep && b == keep2
}

//go:noinline
func put20() {
	for i := range bufs {
		bufs[i] = new(T)
	}
	start()
	for i := range bufs {
		pool.Put(bufs[i])
	}
}

//go:noinline
func get20() bool {
	all := true
	for range bufs {
		x := pool.Get().(*T)
		found := false
		for _, b := range bufs {
			if b == x {
				found = true
			}
		}
		all = all && found
	}
	return all
}

//go:noinline
func gc1Get() bool {
	pool.Put(keep)
	runtime.GC()
	start()
	x := pool.Get().(*T)
	return x == keep
}

//go:noinline
func gc2Get() bool {
	pool.Put(keep)
	runtime.GC()
	runtime.GC()
	start()
	x := pool.Get().(*T)
	return x == keep
}

//go:noinline
func putSlice() { pool.Put(make([]byte, 10)) }

//go:noinline
func putInt() { pool.Put(thousand) }

//go:noinline
func nilNew() bool { return bare.Get() == nil }

//go:noinline
func localPool() bool {
	var p sync.Pool
	p.New = func() any { return new(T) }
	x := p.Get().(*T)
	p.Put(x)
	return p.Get().(*T) == x
}

//go:noinline
func bigPut() {
	b := make([]byte, mib)
	pool.Put(&b)
}

func main() {
	start()
	firstGet()
	stop("first_get", "")
	start()
	put()
	stop("put", "")
	start()
	r := get()
	stop("get", yes(r))
	start()
	put2()
	stop("put2", "")
	start()
	r = get2()
	stop("get2", yes(r))
	put20()
	stop("put20", "")
	start()
	r = get20()
	stop("get20", yes(r))
	r = gc1Get()
	stop("gc1_get", yes(r))
	r = gc2Get()
	stop("gc2_get", yes(r))
	// Empty the pool of what the cases left (a GC pair), then the value cases.
	runtime.GC()
	runtime.GC()
	start()
	putSlice()
	stop("put_slice", "")
	start()
	putInt()
	stop("put_int", "")
	start()
	r = nilNew()
	stop("nil_new", yes(r))
	start()
	r = localPool()
	stop("local_pool", yes(r))
	runtime.GC()
	runtime.GC()
	sink = pool.Get()
	sink = pool.Get()
	start()
	bigPut()
	runtime.GC()
	stop("big_gc1", "")
	start()
	runtime.GC()
	stop("big_gc2", "")
	for i := 0; i < n; i++ {
		fmt.Println(labels[i], mallocs[i], bytes[i], heapKiB[i], same[i])
	}
}
