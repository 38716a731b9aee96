// Passing a value to fmt.Println converts it to an interface, and that can
// allocate: small integers and constants are free, other integers and
// strings built at run time are copied to the heap.
package main

import (
	"fmt"
	"os"
	"runtime"
)

var m runtime.MemStats

func mallocs() uint64 {
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	// Output goes to stderr so that the printing itself is the only work.
	small, big := 7, 123456
	name := string([]byte("dynamic"))

	// The first call sets up fmt's printer cache: leave it out.
	fmt.Fprintln(os.Stderr, "warm-up")

	m0 := mallocs()
	fmt.Fprintln(os.Stderr, small)
	m1 := mallocs()
	fmt.Fprintln(os.Stderr, big)
	m2 := mallocs()
	fmt.Fprintln(os.Stderr, "constant")
	m3 := mallocs()
	fmt.Fprintln(os.Stderr, name)
	m4 := mallocs()
	fmt.Fprintln(os.Stderr, big, big+1, big+2)
	m5 := mallocs()

	fmt.Println("Println(7):        ", m1-m0)
	fmt.Println("Println(123456):   ", m2-m1)
	fmt.Println("Println(\"constant\"):", m3-m2)
	fmt.Println("Println(name):     ", m4-m3)
	fmt.Println("Println(3 ints):   ", m5-m4)
}
