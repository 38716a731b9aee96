// A slice of `any` holding values of different kinds, printed with %v and
// %T, counted by kind with comma-ok assertions, and compared with ==.
package main

import "fmt"

type Point struct{ X, Y int }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func main() {
	p := Point{1, 2}
	values := []any{42, "hello", 3.5, true, nil, p, []int{1, 2, 3}, Celsius(21.5), 'x', uint8(7)}
	for i, v := range values {
		fmt.Printf("%2d: %-12v %T\n", i, v, v)
	}
	fmt.Println(values...)
	fmt.Printf("%v\n", values)
	ints, strs := 0, 0
	for _, v := range values {
		if _, ok := v.(int); ok {
			ints++
		}
		if s, ok := v.(string); ok {
			strs += len(s)
		}
	}
	fmt.Println("ints:", ints, "string bytes:", strs)
	var a, b any = Point{1, 2}, Point{1, 2}
	fmt.Println("a == b:", a == b, "a == p:", a == p, "a == 42:", a == 42)
	var c any = &p
	fmt.Println("c == &p:", c == &p, "c == a:", c == a)
	var s fmt.Stringer = Celsius(-3)
	fmt.Println(s, s.String())
	var e any
	fmt.Printf("%v %T %d\n", e, e, e)
}
