// weakpointer: the weak package (Go 1.24+) as a learner uses it — a weak pointer does not keep
// its object alive: Value is the object while something else holds it and nil after the
// collection that finds it unreachable; two weak pointers made from the same pointer are equal;
// an object with a finalizer has its weak pointers cleared when the finalizer is queued (before
// the object is resurrected); a cache of weak pointers lets its values go; what Make allocates
// (Mallocs, TotalAlloc) the first time and again for the same object.
package main

import (
	"fmt"
	"runtime"
	"weak"
)

var ms runtime.MemStats

type blob struct {
	name string
	buf  [1 << 20]byte
}

type point struct{ x, y int }

var global point

func heapMiB() uint64 {
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc >> 20
}

func allocs() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

type cache struct {
	m map[string]weak.Pointer[blob]
}

func (c *cache) get(name string) *blob {
	if w, ok := c.m[name]; ok {
		if b := w.Value(); b != nil {
			return b
		}
		fmt.Println("cache: reloading", name)
	}
	b := &blob{name: name}
	c.m[name] = weak.Make(b)
	return b
}

func main() {
	// The first print makes fmt's printer pool (its poolLocal array has GOMAXPROCS entries):
	// done before anything is measured.
	fmt.Println("weak pointers")
	b := &blob{name: "big"}
	m0, t0 := allocs()
	w := weak.Make(b)
	m1, t1 := allocs()
	fmt.Println("Make allocs:", m1-m0, t1-t0)
	w2 := weak.Make(b)
	m2, t2 := allocs()
	fmt.Println("Make again allocs:", m2-m1, t2-t1, "equal:", w == w2)
	fmt.Println("Value:", w.Value() == b, w.Value().name, heapMiB())
	runtime.GC()
	fmt.Println("after GC, b held:", w.Value() != nil, heapMiB())
	runtime.KeepAlive(b)
	runtime.GC()
	fmt.Println("after GC, b dropped:", w.Value() == nil, w2.Value() == nil, heapMiB())
	fmt.Println("still equal:", w == w2)

	p := &point{1, 2}
	wx := weak.Make(&p.y)
	fmt.Println("interior:", *wx.Value(), wx.Value() == &p.y, wx != weak.Make(&p.x))
	runtime.KeepAlive(p)

	f := &blob{name: "finalized"}
	runtime.SetFinalizer(f, func(b *blob) { fmt.Println("finalizer ran for", b.name) })
	wf := weak.Make(f)
	f = nil
	runtime.GC()
	fmt.Println("finalized object's weak pointer:", wf.Value() == nil, heapMiB())
	runtime.GC()
	runtime.GC()
	fmt.Println("after finalizer:", heapMiB())

	wg := weak.Make(&global)
	runtime.GC()
	fmt.Println("global:", wg.Value() == &global)
	var zero weak.Pointer[point]
	fmt.Println("zero:", zero.Value() == nil, zero == weak.Pointer[point]{}, weak.Make[point](nil) == zero)

	c := &cache{m: map[string]weak.Pointer[blob]{}}
	x := c.get("x")
	fmt.Println("cached:", c.get("x") == x, heapMiB())
	x = nil
	runtime.GC()
	y := c.get("x")
	fmt.Println("cache len:", len(c.m), y.name, heapMiB())
	runtime.KeepAlive(y)
}
