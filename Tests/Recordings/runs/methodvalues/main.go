// Method values: a pointer, a value and a sync method bound to variables (the value copied
// where written), method values that escape (16 B each) and one that does not, a nil
// interface's method value panicking where it is written.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type Counter struct{ n int }

func (c *Counter) Inc()          { c.n++ }
func (c Counter) Get() int       { return c.n }
func (c *Counter) Add(k int) int { c.n += k; return c.n }

var sink func()
var sinkGet func() int

func call(f func()) { f() }

//go:noinline
func callNI(f func()) { f() }

func main() {
	var c Counter
	inc := c.Inc
	inc()
	inc()
	get := c.Get
	c.n = 100
	fmt.Println(c.n, get())
	add := c.Add
	fmt.Println(add(5))
	var wg sync.WaitGroup
	wg.Add(1)
	done := wg.Done
	done()
	wg.Wait()
	var m1, m2 runtime.MemStats
	runtime.ReadMemStats(&m1)
	for i := 0; i < 1000; i++ {
		sink = c.Inc
	}
	runtime.ReadMemStats(&m2)
	fmt.Println("escaping ptr method value mallocs", m2.Mallocs-m1.Mallocs, m2.TotalAlloc-m1.TotalAlloc)
	runtime.ReadMemStats(&m1)
	for i := 0; i < 1000; i++ {
		sinkGet = c.Get
	}
	runtime.ReadMemStats(&m2)
	fmt.Println("escaping value method value mallocs", m2.Mallocs-m1.Mallocs, m2.TotalAlloc-m1.TotalAlloc)
	runtime.ReadMemStats(&m1)
	for i := 0; i < 1000; i++ {
		callNI(c.Inc)
	}
	runtime.ReadMemStats(&m2)
	fmt.Println("non-escaping mallocs", m2.Mallocs-m1.Mallocs, c.n)
	var s fmt.Stringer
	defer func() { fmt.Println("recovered:", recover()) }()
	f := s.String
	fmt.Println("not reached", f)
}
