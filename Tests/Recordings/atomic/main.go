// atomic: sync/atomic's functions and the Int32/Int64 types' methods, in one-line wrappers (for -m's
// costs and escape lines) and in a goroutine fan-out; record.sh keeps Go 1.27.3's and 1.19.8's
// stdout and -gcflags=-m.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var g int64
var c64 atomic.Int64
var c32 atomic.Int32

func wAdd64(p *int64, d int64) int64      { return atomic.AddInt64(p, d) }
func wAdd32(p *int32, d int32) int32      { return atomic.AddInt32(p, d) }
func wLoad64(p *int64) int64              { return atomic.LoadInt64(p) }
func wStore64(p *int64, v int64)          { atomic.StoreInt64(p, v) }
func wCAS64(p *int64, o, n int64) bool    { return atomic.CompareAndSwapInt64(p, o, n) }
func wSwap64(p *int64, n int64) int64     { return atomic.SwapInt64(p, n) }
func wAddU64(p *uint64, d uint64) uint64  { return atomic.AddUint64(p, d) }
func wLoad32(p *int32) int32              { return atomic.LoadInt32(p) }
func wMAdd(c *atomic.Int64, d int64) int64 { return c.Add(d) }
func wMLoad(c *atomic.Int64) int64         { return c.Load() }
func wMStore(c *atomic.Int64, v int64)     { c.Store(v) }
func wMCAS(c *atomic.Int64, o, n int64) bool { return c.CompareAndSwap(o, n) }
func wM32Add(c *atomic.Int32, d int32) int32 { return c.Add(d) }

func local() int64 {
	var n int64
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&n, 1)
		}()
	}
	wg.Wait()
	return atomic.LoadInt64(&n)
}

func localType() int64 {
	var n atomic.Int64
	n.Add(5)
	return n.Load()
}

func main() {
	var x int64
	var y int32
	var u uint64
	fmt.Println(wAdd64(&x, 2), wAdd32(&y, 3), wLoad64(&x), wCAS64(&x, 2, 7), wSwap64(&x, 9), wAddU64(&u, 4), wLoad32(&y))
	wStore64(&g, 11)
	fmt.Println(wMAdd(&c64, 3), wMLoad(&c64), wMCAS(&c64, 3, 4), wM32Add(&c32, 1), g)
	wMStore(&c64, 1)
	fmt.Println(local(), localType(), c64.Load())
}
