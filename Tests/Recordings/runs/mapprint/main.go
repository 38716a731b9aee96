// mapprint: what map operations print (fmt sorts map keys, internal/fmtsort):
// lookups, comma-ok, compound assignment, delete, len, range sums, nil
// maps, and keys of every comparable kind gcsh has.
package main

import "fmt"

type P struct {
	x, y int
}

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(m, len(m))
	m["a"] += 10
	m["d"]++
	m["e"] = m["zz"] + 5
	v, ok := m["a"]
	w, ok2 := m["nope"]
	fmt.Println(m, v, ok, w, ok2)
	delete(m, "b")
	delete(m, "missing")
	fmt.Println(m, len(m))
	sum := 0
	keys := 0
	for k, v := range m {
		sum += v
		keys += len(k)
	}
	fmt.Println(sum, keys)
	fmt.Println(m == nil)
	var nm map[int]bool
	fmt.Println(nm, len(nm), nm[3], nm == nil)
	_, found := nm[1]
	fmt.Println(found)
	delete(nm, 1)
	ints := map[int]string{-5: "neg", 10: "ten", 2: "two", 0: "zero"}
	fmt.Println(ints)
	fmt.Printf("%v %d\n", ints, len(ints))
	floats := map[float64]int{2.5: 1, -1: 2, 0: 3, 1e10: 4}
	fmt.Println(floats)
	bools := map[bool]int{true: 1, false: 0}
	fmt.Println(bools)
	pts := map[P]string{{2, 1}: "b", {1, 5}: "a", {1, 2}: "c"}
	fmt.Println(pts)
	arr := map[[2]int]int{{3, 4}: 1, {1, 9}: 2}
	fmt.Println(arr)
	nested := map[string][]int{"x": {1, 2}, "a": nil}
	fmt.Println(nested, len(nested["x"]))
	big := make(map[int]int)
	for i := 0; i < 1000; i++ {
		big[i*7] = i
	}
	total := 0
	for k := range big {
		total += k
	}
	for i := 0; i < 1000; i += 2 {
		delete(big, i*7)
	}
	fmt.Println(len(big), total, big[7], big[14])
	u8 := map[uint8]int{200: 1, 3: 2}
	fmt.Println(u8)
	fmt.Printf("%v|%+v|%#v\n", map[string]bool{"k": true}, map[int]int{1: 2}, map[string]int{"z": 1, "y": 2})
}
