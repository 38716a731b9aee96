// Maps: the header (and a small map's first group) of a map that does not escape lives in the
// frame; keys and values stored in a map escape (assign.go: "key of map put"; expr.go OMAPLIT:
// "map keys and values are always stored in the heap"), keys used in lookups and deletes do
// not; a map parameter that is only read, written or ranged over does not escape.
package main

var gMap map[string]int

//go:noinline
func mapLocal() int {
	m := make(map[int]int)
	m[1] = 2
	return m[1] + len(m)
}

//go:noinline
func mapReturned() map[string]int {
	return make(map[string]int, 4)
}

//go:noinline
func mapLiteralLocal() int {
	m := map[string]int{"a": 1, "b": 2}
	return m["a"]
}

//go:noinline
func mapLiteralGlobal() {
	gMap = map[string]int{"x": 1}
}

//go:noinline
func mapValueEscapes() int {
	m := make(map[int]*int)
	x := 5
	m[0] = &x
	return *m[0]
}

//go:noinline
func mapKeyEscapes() int {
	m := make(map[*int]bool)
	k := new(int)
	m[k] = true
	return len(m)
}

//go:noinline
func mapLookupKeyLocal(m map[*int]int) int {
	x := 1
	return m[&x]
}

//go:noinline
func mapDeleteKeyLocal(m map[*int]int) {
	x := 1
	delete(m, &x)
}

//go:noinline
func mapParamStore(m map[string]*Point, p *Point) {
	m["p"] = p
}

//go:noinline
func mapRangeValues(m map[int]*Point) *Point {
	for _, v := range m {
		return v
	}
	return nil
}

//go:noinline
func mapHinted(n int) int {
	m := make(map[int]int, n)
	for i := 0; i < n; i++ {
		m[i] = i
	}
	return len(m)
}

//go:noinline
func mapLiteralValues() int {
	m := map[string]*Point{"a": &Point{1, 2}}
	return m["a"].x
}

//go:noinline
func mapCommaOk(m map[string][]byte) int {
	v, ok := m["k"]
	if ok {
		return len(v)
	}
	return 0
}

//go:noinline
func mapOfMaps() int {
	outer := make(map[string]map[string]int)
	outer["a"] = make(map[string]int)
	outer["a"]["b"] = 1
	return len(outer["a"])
}
