// atomicpointer: sync/atomic.Pointer[T] (Go 1.19+) as programs use it for a configuration swapped
// at run time — Load of the zero Pointer, Store, Load, Swap, CompareAndSwap that matches and one
// that does not, a Pointer[int] to a variable, %T, a Pointer to a slice type; what Store
// allocates.
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

var current atomic.Pointer[config]

func main() {
	fmt.Println("atomic.Pointer")
	fmt.Println(current.Load() == nil)
	m0, t0 := allocs()
	current.Store(&config{"a", 1})
	m1, t1 := allocs()
	fmt.Println("Store:", m1-m0, t1-t0)
	c := current.Load()
	fmt.Println(c.name, c.limit)
	next := &config{"b", 2}
	old := current.Swap(next)
	fmt.Println(old.name, current.Load().name)
	fmt.Println(current.CompareAndSwap(old, c), current.CompareAndSwap(next, old), current.Load().name)
	var p atomic.Pointer[int]
	x := 5
	p.Store(&x)
	*p.Load() += 1
	fmt.Println(x, *p.Load())
	fmt.Printf("%T %v\n", p, p.Load() == &x)
	var s atomic.Pointer[[]string]
	fmt.Println(s.Load() == nil)
}
