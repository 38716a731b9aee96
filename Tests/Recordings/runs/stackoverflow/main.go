// stackoverflow: unbounded recursion. The stack doubles until the next size would exceed
// maxstacksize (1,000,000,000 bytes on 64-bit, proc.go main): newstack prints the limit and the
// stack's bounds and throws "stack overflow" (stack.go). The checkpoint before shows the
// start; nothing after it runs.
package main

import "gcsh.test/runs/ckpt"

var result int

//go:noinline
func down(n int) int {
	return down(n+1) + 1
}

func main() {
	ckpt.CP("start")
	result = down(0)
	ckpt.CP("unreachable")
}
