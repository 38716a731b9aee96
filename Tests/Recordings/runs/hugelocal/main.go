// hugelocal: a local array too large for the stack (800 TiB) is moved to the heap (-m: "moved
// to heap: pad"), that is runtime.newobject at the declaration: the same death as hugenew.
package main

//go:noinline
func f() int {
	var pad [100 << 40]int
	pad[0] = 1
	return pad[0]
}

func main() { println(f()) }
