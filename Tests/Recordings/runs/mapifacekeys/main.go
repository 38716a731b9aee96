// mapifacekeys: maps with interface keys as learners write them — a set of any holding ints,
// strings, a struct, a float and an int64 (1 and int64(1) are different keys), a word count
// keyed by interface{}, nil as a key, keys of a non-empty interface and of error (two
// errors.New("x") are different keys: their pointers differ); how fmt prints such maps;
// what 1,000 int keys allocate (the boxes of the ints past 255 and the tables); and the panic
// of an unhashable key.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

type key struct {
	a, b int
}

type shape interface{ area() float64 }
type sq struct{ s float64 }

func (q sq) area() float64 { return q.s * q.s }

var ms runtime.MemStats

func allocs() (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	return ms.Mallocs, ms.TotalAlloc
}

func main() {
	fmt.Println("interface keys")
	set := map[any]bool{}
	set[1] = true
	set["one"] = true
	set[key{1, 2}] = true
	set[1.5] = true
	set[int64(1)] = true
	fmt.Println(len(set), set[1], set[int64(1)], set[int32(1)], set[key{1, 2}], set["one"])
	delete(set, 1)
	fmt.Println(len(set), set[1])
	counts := map[interface{}]int{}
	for _, w := range []string{"a", "b", "a", "c", "a"} {
		counts[w]++
	}
	fmt.Println(counts)
	ints := map[any]string{3: "c", 1: "a", 2: "b"}
	fmt.Println(ints)
	var nilKey any
	ints[nilKey] = "nil"
	fmt.Println(len(ints), ints[nil])
	shapes := map[shape]string{sq{1}: "unit", sq{2}: "big"}
	fmt.Println(shapes[sq{2}], len(shapes))
	errs := map[error]int{}
	e1 := errors.New("x")
	errs[e1]++
	errs[errors.New("x")]++
	errs[e1]++
	fmt.Println(len(errs), errs[e1])
	m0, t0 := allocs()
	big := make(map[any]int)
	for i := 0; i < 1000; i++ {
		big[i] = i
	}
	m1, t1 := allocs()
	fmt.Println("1000 int keys:", m1-m0, t1-t0)
	defer func() { fmt.Println("recovered:", recover()) }()
	set[[]int{1}] = true
}
