// mathrand: math/rand as programs call it — the values a seeded Rand returns,
// what each call allocates, and what the package's init and its first
// top-level call allocate (Go 1.20+ seeds the top-level functions randomly:
// their values are printed as "~" lines; Go 1.19 seeds them with 1). MemStats
// is read into package variables around each step and everything is printed
// at the end. mathrandbase is the same program without math/rand, for the
// start-up heap.
package main

import (
	"fmt"
	"math/rand"
	"runtime"
)

var m runtime.MemStats
var labels [40]string
var mallocs, bytes [40]uint64
var n int
var m0, t0 uint64
var startHeap, startMallocs uint64

func start() {
	runtime.ReadMemStats(&m)
	m0, t0 = m.Mallocs, m.TotalAlloc
}

func stop(label string) {
	runtime.ReadMemStats(&m)
	labels[n] = label
	mallocs[n] = m.Mallocs - m0
	bytes[n] = m.TotalAlloc - t0
	n++
}

var topFirst, top5 [6]int
var seeded [5]int
var r *rand.Rand
var src rand.Source
var perm []int
var seeds = []int64{0, -1, 1, 2147483647, 2147483648, -5}

func main() {
	runtime.ReadMemStats(&m)
	startHeap, startMallocs = m.HeapAlloc, m.Mallocs
	start()
	topFirst[0] = rand.Intn(100)
	stop("top-level first Intn")
	start()
	for i := 1; i < 6; i++ {
		topFirst[i] = rand.Intn(100)
	}
	stop("top-level 5 more Intn")
	start()
	f := rand.Float64()
	stop("top-level Float64")
	start()
	src = rand.NewSource(42)
	stop("NewSource(42)")
	start()
	r = rand.New(src)
	stop("New(src)")
	start()
	for i := range seeded {
		seeded[i] = r.Intn(100)
	}
	stop("5 Intn")
	start()
	perm = r.Perm(10)
	stop("Perm(10)")
	start()
	deck := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	stop("Shuffle(10)")
	start()
	for i := 0; i < 100; i++ {
		r = rand.New(rand.NewSource(int64(i)))
	}
	stop("100 New(NewSource(i))")

	fmt.Println("start: HeapAlloc", startHeap, "Mallocs", startMallocs)
	for i := 0; i < n; i++ {
		fmt.Println(labels[i], mallocs[i], bytes[i])
	}
	fmt.Println("~ top-level:", topFirst, f > 0 && f < 1)
	fmt.Println("seeded 42:", seeded, perm, deck)
	r = rand.New(rand.NewSource(42))
	fmt.Println("Int63", r.Int63(), "Int31", r.Int31(), "Int", r.Int(), "Uint32", r.Uint32(), "Uint64", r.Uint64())
	fmt.Println("Float64", r.Float64(), "Float32", r.Float32(), "Int31n", r.Int31n(1000), "Int63n", r.Int63n(1e12))
	fmt.Println("Int63n(2^40)", r.Int63n(1<<40), "Intn(2^40)", r.Intn(1<<40), "Intn(7)", r.Intn(7), "Int31n(1<<20)", r.Int31n(1<<20))
	r.Seed(7)
	fmt.Println("Seed(7):", r.Intn(100), r.Intn(100), r.Intn(100))
	for _, s := range seeds {
		fmt.Print(" seed ", s, ": ", rand.New(rand.NewSource(s)).Int63())
	}
	fmt.Println()
	one := rand.New(rand.NewSource(1))
	fmt.Println("seed 1:", one.Intn(100), one.Intn(100), one.Intn(100), one.Intn(100), one.Intn(100), one.Intn(100))
	rand.Seed(42)
	fmt.Println("~ after rand.Seed(42):", rand.Intn(100), rand.Intn(100))
}
