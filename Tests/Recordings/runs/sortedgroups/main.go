//go:build go1.23

// sortedgroups: a program of the kind learners paste: slices.SortFunc with cmp.Or
// (Go 1.22) and cmp.Compare, an iter.Seq2 of its own built on
// slices.Sorted(maps.Keys(m)), slices.SortedFunc, IndexFunc and ContainsFunc.
package main

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"runtime"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func byAge(people []Person) iter.Seq2[int, []Person] {
	return func(yield func(int, []Person) bool) {
		groups := map[int][]Person{}
		for _, p := range people {
			groups[p.Age] = append(groups[p.Age], p)
		}
		for _, age := range slices.Sorted(maps.Keys(groups)) {
			if !yield(age, groups[age]) {
				return
			}
		}
	}
}

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	people := []Person{{"Ann", 30}, {"Bob", 25}, {"Cy", 30}, {"Di", 41}}
	slices.SortFunc(people, func(a, b Person) int {
		return cmp.Or(cmp.Compare(a.Age, b.Age), strings.Compare(a.Name, b.Name))
	})
	fmt.Println(people)
	for age, group := range byAge(people) {
		names := make([]string, 0, len(group))
		for _, p := range group {
			names = append(names, p.Name)
		}
		fmt.Printf("%d: %s\n", age, strings.Join(names, ", "))
	}
	words := strings.Fields("the quick brown fox jumps over the lazy dog the end")
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	top := slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(-cmp.Compare(counts[a], counts[b]), cmp.Compare(a, b))
	})
	fmt.Println(top[:3])
	idx := slices.IndexFunc(people, func(p Person) bool { return p.Age > 35 })
	fmt.Println(idx, slices.ContainsFunc(people, func(p Person) bool { return p.Name == "Bob" }))
	runtime.ReadMemStats(&after)
	fmt.Println(after.NumGC-before.NumGC >= 0)
}
