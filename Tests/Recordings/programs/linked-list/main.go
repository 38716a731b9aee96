// A linked list of 100,000 nodes is 100,000 heap objects; cutting the list
// after the tenth node lets the collector free the rest.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	value int
	next  *node
}

var head *node

func objects() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapObjects
}

func main() {
	base := objects()
	for i := 100000; i > 0; i-- {
		head = &node{value: i, next: head}
	}
	n, sum := 0, 0
	for p := head; p != nil; p = p.next {
		n++
		sum += p.value
	}
	fmt.Println("nodes:", n, "sum:", sum)
	fmt.Println("~ heap objects added:", objects()-base)

	p := head
	for i := 1; i < 10; i++ {
		p = p.next
	}
	p.next = nil
	runtime.GC()
	n = 0
	for p := head; p != nil; p = p.next {
		n++
	}
	fmt.Println("nodes after the cut:", n)
	fmt.Println("~ heap objects added, after GC:", int64(objects())-int64(base))
}
