// Functions with two results: a quotient and remainder, a value and an
// ok flag, and a snapshot of two MemStats fields.
package main

import (
	"fmt"
	"runtime"
)

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func find(xs []string, want string) (int, bool) {
	for i, x := range xs {
		if x == want {
			return i, true
		}
	}
	return -1, false
}

func heapAndGC() (uint64, uint32) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc, m.NumGC
}

func pages(size int) (full, rest int) {
	full, rest = divmod(size, 8192)
	return
}

var keep []byte

func main() {
	q, r := divmod(100003, 8192)
	fmt.Println("100003 bytes =", q, "pages +", r, "bytes")
	q, _ = divmod(7, 2)
	fmt.Println("7/2 =", q)

	names := []string{"heap", "stack", "arena"}
	if i, ok := find(names, "stack"); ok {
		fmt.Println("stack at", i)
	}
	_, ok := find(names, "mmap")
	fmt.Println("mmap found:", ok)

	a, b := 1, 2
	a, b = b, a
	fmt.Println("swapped:", a, b)

	f, rest := pages(1 << 20)
	fmt.Println("1 MiB:", f, "pages, rest", rest)

	h0, g0 := heapAndGC()
	keep = make([]byte, 16<<20)
	runtime.GC()
	h1, g1 := heapAndGC()
	fmt.Println("forced collections:", g1-g0)
	fmt.Printf("~ heap grew by %d MiB\n", (h1-h0)>>20)
}
