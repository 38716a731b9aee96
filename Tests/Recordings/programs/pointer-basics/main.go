// new(T) and &T{} give pointers to zeroed or initialised values; copying a
// struct copies its fields, copying a pointer shares the value.
package main

import "fmt"

type counter struct {
	name string
	hits int
	last *int
}

func bump(c *counter, by int) {
	c.hits += by
	v := c.hits
	c.last = &v
}

func bumpCopy(c counter, by int) int {
	c.hits += by
	return c.hits
}

func main() {
	p := new(counter)
	fmt.Printf("%+v %v\n", *p, p.last == nil)
	bump(p, 3)
	bump(p, 4)
	fmt.Println(p.hits, *p.last)

	q := &counter{name: "q", hits: 10}
	r := q
	r.hits++
	fmt.Println(q.hits, r.hits, q == r)

	v := *q
	v.hits = 100
	fmt.Println(q.hits, v.hits, bumpCopy(v, 1), v.hits)

	n := new(int)
	*n = 42
	m := n
	*m++
	fmt.Println(*n, *m)

	arr := [3]int{1, 2, 3}
	pa := &arr
	pa[1] = 20
	s := pa[:]
	s[2] = 30
	fmt.Println(arr, len(pa), cap(s))
}
