// Deleting from a slice with append(s[:i], s[i+1:]...) or copy shifts the
// tail left but keeps the capacity; the element left at the end of a
// slice of pointers still holds its object until it is cleared.
package main

import (
	"fmt"
	"runtime"
)

type item struct {
	id      int
	payload [1 << 16]byte
}

var items []*item

func heapKiB() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 10
}

func main() {
	nums := []int{10, 20, 30, 40, 50, 60}
	nums = append(nums[:2], nums[3:]...)
	fmt.Println("after deleting index 2:", nums, "len", len(nums), "cap", cap(nums))
	full := nums[:cap(nums)]
	fmt.Println("the backing array still:", full)

	n := copy(nums[1:], nums[2:])
	nums = nums[:len(nums)-1]
	fmt.Println("copy moved", n, "elements:", nums)

	for i := 0; i < 100; i++ {
		items = append(items, &item{id: i})
	}
	runtime.GC()
	fmt.Println("~ 100 items:", heapKiB(), "KiB")

	// Drop the last 50 without clearing: the array still points at them.
	items = items[:50]
	runtime.GC()
	fmt.Println("~ resliced to 50, not cleared:", heapKiB(), "KiB")

	tail := items[50:100]
	for i := range tail {
		tail[i] = nil
	}
	runtime.GC()
	fmt.Println("~ tail cleared:", heapKiB(), "KiB")
	fmt.Println("len", len(items), "cap", cap(items), "last id", items[len(items)-1].id)
}
