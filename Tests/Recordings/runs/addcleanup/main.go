// addcleanup: runtime.AddCleanup (Go 1.24+) as a learner uses it — a cleanup runs after the
// collection that finds its object unreachable, on a goroutine of the runtime's; unlike a
// finalizer it does not resurrect the object (the cycle frees it); Stop cancels a cleanup;
// several cleanups on one object all run; what AddCleanup allocates (Mallocs, TotalAlloc) and
// what HeapAlloc does around the collections.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var ms runtime.MemStats

type file struct {
	name string
	buf  [1 << 20]byte
}

var log = make(chan string, 16)

func open(name string) *file {
	f := &file{name: name}
	runtime.AddCleanup(f, func(n string) { log <- "closed " + n }, name)
	return f
}

func drain() {
	for {
		select {
		case s := <-log:
			fmt.Println(s)
		case <-time.After(20 * time.Millisecond):
			return
		}
	}
}

func heapMiB() uint64 {
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc >> 20
}

func main() {
	a := open("a")
	b := open("b")
	fmt.Println("open:", a.name, heapMiB())
	a = nil
	runtime.GC()
	fmt.Println("after first GC (a freed at once):", heapMiB())
	drain()
	c := open("c")
	stop := runtime.AddCleanup(c, func(int) { log <- "never" }, 0)
	stop.Stop()
	fmt.Println("c:", c.name)
	c = nil
	runtime.GC()
	drain()
	d := &file{name: "d"}
	for i := 0; i < 3; i++ {
		runtime.AddCleanup(d, func(k int) { log <- fmt.Sprint("d cleanup ", k) }, i)
	}
	fmt.Println("d:", d.name)
	d = nil
	runtime.GC()
	drain()
	fmt.Println("still open:", b.name, heapMiB())
	runtime.KeepAlive(b)
	x := new([64]byte)
	runtime.ReadMemStats(&ms)
	m, t := ms.Mallocs, ms.TotalAlloc
	runtime.AddCleanup(x, func(s string) {}, "x")
	runtime.ReadMemStats(&ms)
	fmt.Println("AddCleanup allocs:", ms.Mallocs-m, ms.TotalAlloc-t)
	runtime.KeepAlive(x)
}
