// deferloopvalues: what defers in a loop capture — an int8, a float32 changed after the defer, a
// func() passed as an argument (a wrapper, not the func value itself), a 256-byte array
// (captured by reference: a heap copy and a pointer) — the calls' output, last deferred first,
// and the function's Mallocs and TotalAlloc.
package main

import (
	"fmt"
	"runtime"
)

var m0, m1 runtime.MemStats

type big [32]int

func showBig(b big)      { fmt.Print(b[0], " ") }
func show8(x int8)       { fmt.Print(x, " ") }
func showf(f float32)    { fmt.Print(f, " ") }
func run(f func())       { f() }

func loops() {
	for i := int8(-3); i < 0; i++ {
		defer show8(i)
	}
	f := float32(1.5)
	for i := 0; i < 2; i++ {
		defer showf(f)
		f += 1
	}
	cb := func() { fmt.Print("cb ") }
	for i := 0; i < 2; i++ {
		defer run(cb)
	}
	var b big
	for i := 0; i < 3; i++ {
		b[0] = i
		defer showBig(b)
	}
}

func main() {
	runtime.ReadMemStats(&m0)
	loops()
	runtime.ReadMemStats(&m1)
	fmt.Println()
	fmt.Println(m1.Mallocs-m0.Mallocs, m1.TotalAlloc-m0.TotalAlloc)
}
