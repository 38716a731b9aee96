//go:build go1.23

// iterators: Go 1.23's iterator packages as a program uses them: iter.Seq and
// iter.Seq2 in its own functions, slices' All, Values, Backward, Collect,
// AppendSeq, Sorted, SortedFunc and Chunk, and maps' Keys, Values, All, Collect,
// Insert, Equal, EqualFunc, Copy and DeleteFunc (gcsh compiles them from Go's
// source). Output only: Go inlines the functions that return literals, which
// gcsh does not yet, so its Mallocs differ by the literals it allocates.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func Enumerate[E any](s []E) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func Filter[V any](seq iter.Seq[V], keep func(V) bool) iter.Seq[V] {
	return func(yield func(V) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func main() {
	ages := map[string]int{"ann": 31, "bob": 27, "cy": 45, "dee": 19}
	names := slices.Sorted(maps.Keys(ages))
	fmt.Println(names)
	fmt.Println(slices.Sorted(maps.Values(ages)))
	byAge := slices.SortedFunc(maps.Keys(ages), func(a, b string) int { return ages[a] - ages[b] })
	fmt.Println(byAge)
	for i, n := range slices.All(names) {
		fmt.Println(i, n, ages[n])
	}
	for i, n := range slices.Backward(names) {
		if i < 2 {
			break
		}
		fmt.Println("back", i, n)
	}
	evens := slices.Collect(Filter(Count(20), func(n int) bool { return n%2 == 0 }))
	fmt.Println(evens, len(evens), cap(evens))
	fmt.Println(slices.AppendSeq([]int{-1}, slices.Values(evens[:3])))
	for c := range slices.Chunk(evens, 4) {
		fmt.Println("chunk", c, len(c), cap(c))
	}
	for i, s := range Enumerate([]string{"x", "y"}) {
		fmt.Println(i, strings.ToUpper(s))
	}
	older := maps.Collect(maps.All(ages))
	maps.DeleteFunc(older, func(_ string, age int) bool { return age < 30 })
	fmt.Println(len(older), maps.Equal(older, ages))
	copyOf := map[string]int{}
	maps.Copy(copyOf, ages)
	fmt.Println(maps.Equal(copyOf, ages), maps.EqualFunc(copyOf, ages, func(a, b int) bool { return a == b }))
	maps.Insert(copyOf, maps.All(map[string]int{"zed": 60}))
	fmt.Println(len(copyOf), copyOf["zed"])
	total := 0
	for v := range maps.Values(ages) {
		total += v
	}
	fmt.Println("total", total)
	defer func() { fmt.Println("recovered:", recover()) }()
	slices.Chunk(evens, 0)
}
