// sortinterface: sort.Sort, sort.Stable and sort.IsSorted through the program's own
// sort.Interface (value and pointer receivers), and sort.Search, SearchInts, SearchStrings and
// SearchFloat64s — results, how many times Len, Less and Swap run (the algorithms' steps), and
// what each call allocates (Mallocs and TotalAlloc between two ReadMemStats).
package main

import (
	"fmt"
	"runtime"
	"sort"
)

var m runtime.MemStats
var m0, t0 uint64

func start() {
	runtime.ReadMemStats(&m)
	m0, t0 = m.Mallocs, m.TotalAlloc
}

func stop(label string) {
	runtime.ReadMemStats(&m)
	fmt.Println(label, "mallocs", m.Mallocs-m0, "bytes", m.TotalAlloc-t0)
}

var lens, lesses, swaps int

type byLen []string

func (b byLen) Len() int           { lens++; return len(b) }
func (b byLen) Less(i, j int) bool { lesses++; return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { swaps++; b[i], b[j] = b[j], b[i] }

type person struct {
	name string
	age  int
}

type byAge struct {
	people []person
}

func (a *byAge) Len() int           { lens++; return len(a.people) }
func (a *byAge) Less(i, j int) bool { lesses++; return a.people[i].age < a.people[j].age }
func (a *byAge) Swap(i, j int)      { swaps++; a.people[i], a.people[j] = a.people[j], a.people[i] }

func counts(label string) {
	fmt.Println(label, "Len", lens, "Less", lesses, "Swap", swaps)
	lens, lesses, swaps = 0, 0, 0
}

func words(n int) []string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprint((i * 7919) % (n + 3))
		if i%3 == 0 {
			w[i] += "x"
		}
	}
	return w
}

func main() {
	for _, n := range []int{0, 1, 5, 12, 13, 50, 200} {
		w := words(n)
		start()
		sort.Sort(byLen(w))
		stop(fmt.Sprint("Sort byLen ", n))
		counts(fmt.Sprint("Sort byLen ", n))
		if n <= 13 {
			fmt.Println(w)
		}
		fmt.Println(sort.IsSorted(byLen(w)))
		counts(fmt.Sprint("IsSorted ", n))
	}
	for _, n := range []int{5, 20, 200} {
		w := words(n)
		start()
		sort.Stable(byLen(w))
		stop(fmt.Sprint("Stable byLen ", n))
		counts(fmt.Sprint("Stable byLen ", n))
		if n <= 20 {
			fmt.Println(w)
		}
	}
	x := byLen(words(5))
	sort.Sort(x)
	counts("Sort named")
	fmt.Println(sort.IsSorted(x), x)
	counts("IsSorted named")
	people := []person{{"ann", 40}, {"bob", 25}, {"cid", 40}, {"dee", 31}, {"eve", 25}, {"fay", 52}}
	a := &byAge{people}
	start()
	sort.Stable(a)
	stop("Stable byAge")
	counts("Stable byAge")
	fmt.Println(people)
	local := byAge{[]person{{"x", 3}, {"y", 1}, {"z", 2}}}
	start()
	sort.Sort(&local)
	stop("Sort local byAge")
	counts("Sort local byAge")
	fmt.Println(local.people)

	ints := []int{1, 3, 5, 7, 9, 11}
	start()
	i := sort.SearchInts(ints, 7)
	j := sort.SearchInts(ints, 8)
	k := sort.Search(len(ints), func(x int) bool { return ints[x] >= 4 })
	s := sort.SearchStrings([]string{"a", "c", "e"}, "d")
	f := sort.SearchFloat64s([]float64{0.5, 1.5, 2.5}, 1.5)
	stop("searches")
	fmt.Println(i, j, k, s, f)
	calls := 0
	idx := sort.Search(1000, func(x int) bool { calls++; return x*x >= 500 })
	fmt.Println(idx, calls)
}
