// hugemap: allocations within maxAlloc but larger than the machine's memory (32 TiB on a
// 23 GiB machine): the address space is reserved, then the kernel refuses to map it read-write
// (Linux's heuristic overcommit refuses one mapping larger than RAM + swap) and sysMap throws
// "runtime: out of memory". The size comes from a variable, so make is makeslice.
package main

var n = 1 << 45

func main() {
	s := make([]byte, n)
	println(len(s))
}
