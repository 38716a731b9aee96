// A named type with a String method: fmt calls it for %v and Println, so
// sizes print in human units.
package main

import (
	"fmt"
	"runtime"
)

type ByteSize uint64

func (b ByteSize) String() string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.2fGiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.2fMiB", float64(b)/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.2fKiB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%dB", uint64(b))
}

var hold []byte

func main() {
	fmt.Println(ByteSize(1023), ByteSize(1536), ByteSize(5<<20), ByteSize(3<<30))
	hold = make([]byte, 10<<20)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("~ HeapAlloc %v, Sys %v\n", ByteSize(m.HeapAlloc), ByteSize(m.Sys))
}
