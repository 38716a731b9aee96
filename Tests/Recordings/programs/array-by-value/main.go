// Arrays are values: passing one copies it, and a local array small enough
// for the stack never touches the heap. A pointer to the array shares it.
package main

import (
	"fmt"
	"runtime"
)

type block [8192]int64

//go:noinline
func sumCopy(b block) int64 {
	b[0] = 1000
	var s int64
	for i := 0; i < len(b); i += 512 {
		s += b[i]
	}
	return s
}

//go:noinline
func sumPtr(b *block) int64 {
	var s int64
	for i := 0; i < len(b); i += 512 {
		s += b[i]
	}
	return s
}

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	mallocs := m.Mallocs

	var b block
	for i := 0; i < len(b); i += 512 {
		b[i] = int64(i)
	}
	copySum, ptrSum := sumCopy(b), sumPtr(&b)
	c := b
	c[512] = -1
	afterCopy, inCopy := b[512], c[512]
	p := &b
	p[512] = -2
	runtime.ReadMemStats(&m)

	fmt.Println("copy sum:", copySum, "pointer sum:", ptrSum, "b[0] still", b[0])
	fmt.Println("after c := b; c[512] = -1:", afterCopy, inCopy)
	fmt.Println("after p := &b; p[512] = -2:", b[512], p[512])
	fmt.Println("heap allocations:", m.Mallocs-mallocs)
	fmt.Printf("~ stack in use: %d KiB\n", m.StackInuse>>10)
}
