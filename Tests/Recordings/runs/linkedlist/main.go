// linkedlist: a linked list of 1,000,000 24-byte nodes built by pushing at the head, so every
// node stays reachable and each cycle's mark follows one pointer per node: the mark's speed
// against the mutator decides how far the heap overshoots each goal. Checkpoints every
// 100,000 nodes, after the build, and after dropping the list and a runtime.GC().
package main

import (
	"runtime"

	"gcsh.test/runs/ckpt"
)

type node struct {
	next *node
	v    [2]int
}

var head *node

//go:noinline
func push(n int) {
	for i := 0; i < n; i++ {
		head = &node{next: head}
	}
}

func main() {
	ckpt.CP("start")
	for k := 0; k < 10; k++ {
		push(100_000)
		ckpt.CP("nodes")
	}
	head = nil
	runtime.GC()
	ckpt.CP("dropped")
}
