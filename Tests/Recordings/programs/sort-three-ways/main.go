// Three ways to sort the same records, and what each costs the heap:
// sort.Sort boxes the slice into a sort.Interface, sort.Slice also makes a
// swapper closure through reflection, slices.SortFunc (Go 1.21+) allocates
// nothing. All three call the comparison the same number of times.
package main

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sort"
)

type employee struct {
	name   string
	salary int
}

type bySalary []employee

func (s bySalary) Len() int           { return len(s) }
func (s bySalary) Less(i, j int) bool { compares++; return s[i].salary < s[j].salary }
func (s bySalary) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

var compares int

func staff(n int) []employee {
	e := make([]employee, n)
	for i := range e {
		e[i] = employee{fmt.Sprintf("e%04d", i), (i * 7907) % 10007}
	}
	return e
}

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	a, b, c := staff(1000), staff(1000), staff(1000)

	before := mallocs()
	for i := 0; i < 100; i++ {
		sort.Sort(bySalary(a))
	}
	fmt.Println("sort.Sort:       ", mallocs()-before, "mallocs for 100 sorts,", compares, "compares")

	compares = 0
	before = mallocs()
	for i := 0; i < 100; i++ {
		sort.Slice(b, func(i, j int) bool { compares++; return b[i].salary < b[j].salary })
	}
	fmt.Println("sort.Slice:      ", mallocs()-before, "mallocs for 100 sorts,", compares, "compares")

	compares = 0
	before = mallocs()
	for i := 0; i < 100; i++ {
		slices.SortFunc(c, func(x, y employee) int { compares++; return cmp.Compare(x.salary, y.salary) })
	}
	fmt.Println("slices.SortFunc: ", mallocs()-before, "mallocs for 100 sorts,", compares, "compares")
	fmt.Println(a[0], b[0], c[0], a[999] == b[999], b[999] == c[999])
}
