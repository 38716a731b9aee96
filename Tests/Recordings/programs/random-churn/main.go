package main

import (
	"fmt"
	"math/rand"
	"runtime"
)

// A cache that keeps a random sample of the buffers it is given: most of what
// the loop allocates becomes garbage at once, some of it lives on.
type cache struct {
	kept [][]byte
}

func (c *cache) offer(r *rand.Rand, b []byte) {
	if r.Intn(10) == 0 {
		c.kept = append(c.kept, b)
	}
}

func main() {
	r := rand.New(rand.NewSource(2024))
	c := &cache{}
	total := 0
	for i := 0; i < 20000; i++ {
		size := 64 + r.Intn(4096)
		buf := make([]byte, size)
		buf[0] = byte(i)
		total += size
		c.offer(r, buf)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	keptBytes := 0
	for _, b := range c.kept {
		keptBytes += len(b)
	}
	fmt.Println("allocated", total, "bytes in 20000 buffers")
	fmt.Println("kept", len(c.kept), "buffers,", keptBytes, "bytes")
	fmt.Printf("~ HeapAlloc %d KiB, NumGC %d\n", m.HeapAlloc/1024, m.NumGC)
	order := r.Perm(8)
	fmt.Println("next order:", order, "a coin:", r.Float64() < 0.5)
}
