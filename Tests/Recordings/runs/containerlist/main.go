// containerlist: container/list as a learner uses it — a deque of values and of pointers, the
// moves, the list splices — with what its operations allocate (Mallocs and TotalAlloc
// deltas) and what a list of 100,000 elements keeps alive until Init drops them.
package main

import (
	"container/list"
	"fmt"
	"runtime"
)

var ms runtime.MemStats

func allocs(f func()) (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	m, b := ms.Mallocs, ms.TotalAlloc
	f()
	runtime.ReadMemStats(&ms)
	return ms.Mallocs - m, ms.TotalAlloc - b
}

type job struct {
	id   int
	name string
}

func main() {
	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len())
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	l.Remove(l.Front().Next())
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len(), l.Front().Value, l.Back().Value)
	var q list.List
	q.PushBack(&job{1, "a"})
	q.PushBack(&job{2, "b"})
	for q.Len() > 0 {
		j := q.Remove(q.Front()).(*job)
		fmt.Printf("%d %s %T\n", j.id, j.name, j)
	}
	other := list.New()
	other.PushBack("x")
	other.PushBack("y")
	l.PushBackList(other)
	l.PushFrontList(other)
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len(), other.Len())
	fmt.Printf("%T %T %v\n", l, l.Front(), l.Remove(&list.Element{Value: 9}))
	m1, b1 := allocs(func() { _ = list.New() })
	big := list.New()
	m2, b2 := allocs(func() {
		for i := 0; i < 1000; i++ {
			big.PushBack(i)
		}
	})
	m3, b3 := allocs(func() {
		for big.Len() > 0 {
			big.Remove(big.Front())
		}
	})
	fmt.Println("allocs:", m1, b1, m2, b2, m3, b3)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	keep := list.New()
	for i := 0; i < 100000; i++ {
		keep.PushBack(i)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("100k elements retain at least 4.8 MB:", ms.HeapAlloc-before > 4800000, keep.Len())
	keep.Init()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("after Init they are garbage:", ms.HeapAlloc-before < 100000)
}
