// Variadic functions take any number of arguments as a slice; a slice is
// passed on with s... (sharing it, not copying).
package main

import (
	"fmt"
	"runtime"
)

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func zeroFirst(nums ...int) {
	if len(nums) > 0 {
		nums[0] = 0
	}
}

func mib(label string, values ...uint64) {
	fmt.Print(label)
	for _, v := range values {
		fmt.Printf(" %d", v>>20)
	}
	fmt.Println()
}

var hold []byte

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	xs := []int{10, 20, 30}
	fmt.Println(sum(xs...))
	zeroFirst(xs...)
	fmt.Println("after zeroFirst(xs...):", xs)
	zeroFirst(xs[1], xs[2])
	fmt.Println("after zeroFirst(xs[1], xs[2]):", xs)

	hold = make([]byte, 32<<20)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Print("~ ")
	mib("HeapAlloc HeapInuse HeapSys in MiB:", m.HeapAlloc, m.HeapInuse, m.HeapSys)
	mib("no values:")
	fmt.Println(append([]int{1}, xs...), len(hold)>>20)
}
