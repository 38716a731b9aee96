// hugenew: new of an array type past maxAlloc (800 TiB; maxAlloc is 256 TiB on linux/amd64).
// newobject passes the size to mallocgc unchecked, so the program dies where the heap cannot
// grow for it: mheap.grow's "cannot allocate" line, then allocLarge's throw.
package main

func main() {
	p := new([100 << 40]int)
	p[0] = 1
	println(p[0])
}
