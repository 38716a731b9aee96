// runtime.SetFinalizer on several objects: after they become unreachable and
// GC runs, the finalizers run (on their own goroutine), reporting on a channel.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"time"
)

type Resource struct {
	name string
	data []byte
}

func main() {
	ch := make(chan string, 10)
	var keep *Resource
	for i := 0; i < 5; i++ {
		r := &Resource{name: fmt.Sprintf("res%d", i), data: make([]byte, 1024)}
		runtime.SetFinalizer(r, func(r *Resource) {
			ch <- "finalized " + r.name
		})
		if i == 2 {
			keep = r
		}
	}
	runtime.GC()
	runtime.GC()
	var got []string
	timeout := time.After(2 * time.Second)
loop:
	for len(got) < 4 {
		select {
		case s := <-ch:
			got = append(got, s)
		case <-timeout:
			break loop
		}
	}
	sort.Strings(got)
	for _, s := range got {
		fmt.Println(s)
	}
	fmt.Println("kept:", keep.name, len(keep.data))
	runtime.SetFinalizer(keep, nil)
	keep = nil
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("pending after clearing finalizer:", len(ch))
}
