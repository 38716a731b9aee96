// The Go twin of linked-list.gcs: build a 1-million-node list, sum it, drop it, collect it.
package main

import (
	"fmt"
	"runtime"
)

type Node struct {
	next *Node
	v    int
}

var head *Node

func main() {
	for i := 0; i < 1_000_000; i++ {
		head = &Node{next: head, v: i}
	}
	sum := 0
	for n := head; n != nil; n = n.next {
		sum += n.v
	}
	head = nil
	runtime.GC()
	fmt.Println(sum)
}
