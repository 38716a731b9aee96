// A substring shares the bytes of the string it was cut from, so a short
// substring of a huge string keeps all of it alive; copying the bytes
// into a new string lets the big one go.
package main

import (
	"fmt"
	"runtime"
)

var token string

func heapMiB() float64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

func readDocument() string {
	buf := make([]byte, 8<<20)
	copy(buf, "token=abc123;")
	for i := 13; i < len(buf); i += 4096 {
		buf[i] = '.'
	}
	return string(buf)
}

func main() {
	doc := readDocument()
	token = doc[6:12]
	doc = ""
	runtime.GC()
	fmt.Println("token:", token, len(token))
	fmt.Printf("~ substring kept: %.1f MiB live\n", heapMiB())

	token = string([]byte(token))
	runtime.GC()
	fmt.Println("token:", token, len(token))
	fmt.Printf("~ copied: %.1f MiB live\n", heapMiB())
}
