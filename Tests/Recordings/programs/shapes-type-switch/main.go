// Shapes behind an interface: the area through the interface method, a
// type switch that picks out each concrete type, and a sum over a slice.
package main

import "fmt"

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct{ Side float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64    { return 3.14159 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * 3.14159 * c.R }
func (s Square) Area() float64     { return s.Side * s.Side }
func (s Square) Perimeter() float64 { return 4 * s.Side }

func describe(s Shape) string {
	switch v := s.(type) {
	case Rect:
		return fmt.Sprintf("rect %gx%g", v.W, v.H)
	case *Circle:
		return fmt.Sprintf("circle r=%g", v.R)
	case nil:
		return "no shape"
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func largest(shapes []Shape) (Shape, float64) {
	var best Shape
	max := 0.0
	for _, s := range shapes {
		if a := s.Area(); a > max {
			best, max = s, a
		}
	}
	return best, max
}

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}, Square{2}, Rect{W: 1, H: 10}}
	total := 0.0
	for _, s := range shapes {
		fmt.Printf("%-14s area %6.2f perimeter %6.2f\n", describe(s), s.Area(), s.Perimeter())
		total += s.Area()
	}
	fmt.Printf("total area %.3f\n", total)
	best, a := largest(shapes)
	fmt.Println("largest:", describe(best), a)
	var none Shape
	fmt.Println(describe(none), none == nil)
	if _, ok := best.(Square); !ok {
		fmt.Println("largest is not a square")
	}
	fmt.Println(shapes[0], shapes[1].(*Circle).R)
}
