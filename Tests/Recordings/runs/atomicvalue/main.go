// atomicvalue: sync/atomic.Value as programs use it for a configuration swapped at run time —
// Load of an empty Value (nil), Store of a pointer, Load and a type assertion, Store of ints
// (a constant's box is read-only data: nothing allocated), Swap, CompareAndSwap that matches
// and one that does not, the panics of a value of another type and of nil, and how fmt prints
// a Value.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

type config struct {
	name  string
	limit int
}

var ms runtime.MemStats

func allocs() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

var current atomic.Value

func main() {
	fmt.Println("atomic.Value")
	fmt.Println(current.Load() == nil)
	m0, t0 := allocs()
	current.Store(&config{"a", 1})
	m1, t1 := allocs()
	fmt.Println("Store pointer:", m1-m0, t1-t0)
	c := current.Load().(*config)
	fmt.Println(c.name, c.limit)
	var v atomic.Value
	v.Store(1000)
	m2, t2 := allocs()
	v.Store(2000)
	m3, t3 := allocs()
	fmt.Println("Store int:", m3-m2, t3-t2, v.Load())
	old := v.Swap(3000)
	fmt.Println(old, v.Load(), v.CompareAndSwap(3000, 4000), v.CompareAndSwap(1, 2), v.Load())
	var s atomic.Value
	s.Store("hello")
	fmt.Println(s.Load().(string))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		s.Store(1)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		s.Store(nil)
	}()
	fmt.Printf("%v %+v\n", v, v)
	runtime.KeepAlive(c)
	_ = m2
	_ = t2
}
