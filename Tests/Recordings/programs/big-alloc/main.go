// A 256 MiB allocation: the heap grows to hold it, Sys counts what the
// runtime reserved, and writing to it is what makes pages resident.
package main

import (
	"fmt"
	"runtime"
)

func mib(b uint64) uint64 { return b >> 20 }

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("~ before: HeapSys %d MiB, Sys %d MiB\n", mib(m.HeapSys), mib(m.Sys))

	big := make([]byte, 256<<20)
	runtime.ReadMemStats(&m)
	fmt.Printf("~ after make: HeapAlloc %d MiB, HeapInuse %d MiB, HeapSys %d MiB, Sys %d MiB\n",
		mib(m.HeapAlloc), mib(m.HeapInuse), mib(m.HeapSys), mib(m.Sys))

	for i := 0; i < len(big); i += 4096 {
		big[i] = byte(i >> 12)
	}
	sum := 0
	for i := 0; i < len(big); i += 1 << 20 {
		sum += int(big[i])
	}
	fmt.Println("len", len(big), "sample sum", sum)

	big = nil
	runtime.GC()
	runtime.ReadMemStats(&m)
	fmt.Printf("~ after GC: HeapAlloc %d MiB, HeapIdle %d MiB, HeapSys %d MiB\n",
		mib(m.HeapAlloc), mib(m.HeapIdle), mib(m.HeapSys))
}
