// hugemakelen: make with a length whose bytes pass maxAlloc (1<<46 ints = 512 TiB): makeslice's
// panic, before any allocation.
package main

var n = 1 << 46

func main() {
	s := make([]int, n)
	println(len(s))
}
