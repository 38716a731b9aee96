// Two slices of one array see each other's writes, and append writes into
// the shared array while there is room: a classic surprise.
package main

import "fmt"

func main() {
	base := make([]int, 5, 8)
	for i := range base {
		base[i] = i + 1
	}
	a := base[:3]
	b := append(a, 100)
	fmt.Println("base:", base, "a:", a, "b:", b)
	fmt.Println("len/cap a:", len(a), cap(a), "b:", len(b), cap(b))

	c := append(base, 6, 7, 8)
	c[0] = -1
	fmt.Println("still shared (cap 8):", base[0], c[0])
	d := append(c, 9)
	d[0] = -2
	fmt.Println("after growing past cap:", c[0], d[0], len(d), cap(d))

	x := []int{1, 2, 3}
	y := x[1:2]
	y = append(y, 42)
	fmt.Println("x:", x, "y:", y)
}
