// methodprint: fmt's Stringer. A named type with a String method prints
// through it for %v %s %q %x and Println, but not for %d or %#v; a pointer
// receiver's method belongs to the pointer only; elements of slices and
// exported struct fields print through theirs, unexported fields do not; a
// nil pointer whose String panics prints <nil>.
package main

import "fmt"

type size uint64

func (s size) String() string {
	switch {
	case s >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(s)/(1<<20))
	case s >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(s)/(1<<10))
	}
	return fmt.Sprintf("%d B", uint64(s))
}

type point struct{ x, y int }

func (p *point) String() string { return fmt.Sprintf("(%d,%d)", p.x, p.y) }

type usage struct {
	Name  string
	Heap  size
	stack size
}

type stack struct{ items []int }

func (s *stack) Push(v int) { s.items = append(s.items, v) }

func (s *stack) Pop() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s stack) Len() int { return len(s.items) }

type temperature float64

func (t temperature) Fahrenheit() temperature { return t*9/5 + 32 }

func main() {
	fmt.Println(size(512), size(1536), size(3<<20))
	fmt.Printf("%v|%s|%q|%x|%d|%#v|%8v|%-10s|\n", size(2048), size(2048), size(2048), size(2048), size(2048), size(2048), size(7), size(7))
	sizes := []size{1, 1 << 10, 1 << 20}
	fmt.Println(sizes, len(sizes))
	fmt.Printf("%v %d\n", sizes, sizes)
	p := point{1, 2}
	fmt.Println(p, &p)
	fmt.Printf("%v %+v %s\n", p, &p, &p)
	var np *point
	fmt.Println(np)
	u := usage{"main", 5 << 20, 8 << 10}
	fmt.Printf("%v %+v\n", u, u)
	var s stack
	for i := 0; i < 5; i++ {
		s.Push(i * i)
	}
	v, ok := s.Pop()
	fmt.Println(v, ok, s.Len(), s.items)
	sp := &s
	sp.Push(100)
	fmt.Println(sp.Len(), (*sp).Len())
	t := temperature(100)
	fmt.Println(t.Fahrenheit(), temperature(-40).Fahrenheit())
}
