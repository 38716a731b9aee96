// contextpkg: package context as goroutine-leak lessons use it — a worker stopped by
// WithCancel's cancel (and NumGoroutine after), WithTimeout's deadline, a child of a context that
// is already done and of a live one (the parent's children map), WithValue's lookups, and how fmt
// prints a context; what each allocates (Mallocs, TotalAlloc).
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

var ms runtime.MemStats

func allocs() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

func worker(ctx context.Context, out chan<- int) {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			fmt.Println("worker stopped:", ctx.Err())
			return
		case out <- i:
		}
	}
}

func main() {
	fmt.Println("context")
	m0, t0 := allocs()
	ctx, cancel := context.WithCancel(context.Background())
	m1, t1 := allocs()
	fmt.Println("WithCancel:", m1-m0, t1-t0)
	done := ctx.Done()
	m2, t2 := allocs()
	fmt.Println("Done:", m2-m1, t2-t1, done == ctx.Done())
	out := make(chan int)
	go worker(ctx, out)
	fmt.Println(<-out, <-out, <-out)
	cancel()
	time.Sleep(time.Millisecond)
	fmt.Println(ctx.Err(), runtime.NumGoroutine())
	m3, t3 := allocs()
	tctx, tcancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	m4, t4 := allocs()
	fmt.Println("WithTimeout:", m4-m3, t4-t3)
	<-tctx.Done()
	fmt.Println(tctx.Err())
	tcancel()
	m5, t5 := allocs()
	child, ccancel := context.WithCancel(tctx)
	m6, t6 := allocs()
	fmt.Println("child of done:", m6-m5, t6-t5, child.Err())
	ccancel()
	parent, pcancel := context.WithCancel(context.Background())
	m7, t7 := allocs()
	c2, c2cancel := context.WithCancel(parent)
	m8, t8 := allocs()
	fmt.Println("child of live:", m8-m7, t8-t7)
	pcancel()
	fmt.Println(c2.Err())
	c2cancel()
	vctx := context.WithValue(context.Background(), "k", 42)
	fmt.Println(vctx.Value("k"), vctx.Value("x"))
	fmt.Println(ctx)
}
