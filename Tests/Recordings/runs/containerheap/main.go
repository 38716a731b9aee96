// container/heap's own examples (example_intheap_test.go, example_pq_test.go),
// then what a heap of ints costs: each heap.Push(h, i) boxes i into an any
// (an 8-byte object for i > 255) and the slice grows by append; heap.Pop's
// result is the box. Mallocs and TotalAlloc between non-allocating checkpoints.
package main

import (
	"container/heap"
	"fmt"
	"runtime"
)

var ms runtime.MemStats

func checkpoint() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

// An IntHeap is a min-heap of ints.
type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }

func (h *IntHeap) Push(x any) {
	*h = append(*h, x.(int))
}

func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[0 : n-1]
	return x
}

// An Item is something we manage in a priority queue.
type Item struct {
	value    string
	priority int
	index    int
}

type PriorityQueue []*Item

func (pq PriorityQueue) Len() int { return len(pq) }

func (pq PriorityQueue) Less(i, j int) bool {
	return pq[i].priority > pq[j].priority
}

func (pq PriorityQueue) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}

func (pq *PriorityQueue) Push(x any) {
	n := len(*pq)
	item := x.(*Item)
	item.index = n
	*pq = append(*pq, item)
}

func (pq *PriorityQueue) Pop() any {
	old := *pq
	n := len(old)
	item := old[n-1]
	old[n-1] = nil
	item.index = -1
	*pq = old[0 : n-1]
	return item
}

func (pq *PriorityQueue) update(item *Item, value string, priority int) {
	item.value = value
	item.priority = priority
	heap.Fix(pq, item.index)
}

func main() {
	h := &IntHeap{2, 1, 5}
	heap.Init(h)
	heap.Push(h, 3)
	fmt.Printf("minimum: %d\n", (*h)[0])
	for h.Len() > 0 {
		fmt.Printf("%d ", heap.Pop(h))
	}
	fmt.Println()

	items := map[string]int{"banana": 3, "apple": 2, "pear": 4}
	pq := make(PriorityQueue, len(items))
	i := 0
	for _, name := range []string{"banana", "apple", "pear"} {
		pq[i] = &Item{value: name, priority: items[name], index: i}
		i++
	}
	heap.Init(&pq)
	item := &Item{value: "orange", priority: 1}
	heap.Push(&pq, item)
	pq.update(item, item.value, 5)
	for pq.Len() > 0 {
		item := heap.Pop(&pq).(*Item)
		fmt.Printf("%.2d:%s ", item.priority, item.value)
	}
	fmt.Println()

	m0, t0 := checkpoint()
	big := &IntHeap{}
	for i := 0; i < 10000; i++ {
		heap.Push(big, 1000+(i*7919)%10000)
	}
	m1, t1 := checkpoint()
	sum := 0
	for big.Len() > 5000 {
		sum += heap.Pop(big).(int)
	}
	heap.Remove(big, 10)
	heap.Fix(big, 0)
	m2, t2 := checkpoint()
	fmt.Println("push:", m1-m0, "mallocs,", t1-t0, "bytes")
	fmt.Println("pop:", m2-m1, "mallocs,", t2-t1, "bytes; sum", sum, "left", big.Len())
}
