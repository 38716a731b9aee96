// finalizeringc: when a finalizer runs relative to the runtime.GC() that queued it. GC sweeps
// what is left of the heap itself, calling Gosched after each span (mgc.go GC), so the
// finalizer goroutine the sweep readied runs before GC returns: the program sees the
// finalizer's effect right after the call, with one P or several.
package main

import (
	"fmt"
	"runtime"
)

type T struct {
	name string
	data []byte
}

var names []string

func main() {
	a := &T{name: "a", data: make([]byte, 32<<20)}
	b := &T{name: "b", data: make([]byte, 1<<20)}
	runtime.SetFinalizer(a, func(t *T) { names = append(names, t.name) })
	runtime.SetFinalizer(b, func(t *T) { names = append(names, t.name) })
	a = nil
	runtime.GC()
	fmt.Println("after GC 1:", len(names), names)
	fmt.Println(b.name)
	b = nil
	runtime.GC()
	fmt.Println("after GC 2:", len(names), names)
}
