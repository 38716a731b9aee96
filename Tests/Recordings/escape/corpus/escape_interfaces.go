// Interfaces: a value that is not pointer-shaped, converted to an interface, is spilled to a
// box (expr.go OCONVIFACE) that escapes when the interface does ("x escapes to heap") and
// stays in the frame when it does not ("x does not escape"); a pointer is the data word itself
// and flows on. A method called through an interface is a call of an unknown function: its
// receiver leaks. A type assertion's value comes out of the interface (ODOTTYPE).
package main

type areaer interface{ area() int }

type square struct{ side int }

func (q square) area() int { return q.side * q.side }

type box3 struct{ a, b, c int }

func (b *box3) area() int { return b.a * b.b * b.c }

var gAny any
var gAreaer areaer

//go:noinline
func ifaceLocal(n int) int {
	var x any = n
	if v, ok := x.(int); ok {
		return v
	}
	return 0
}

//go:noinline
func ifaceReturned(s string) any {
	return s
}

//go:noinline
func ifaceMethodCall(s areaer, n int) int {
	return s.area() + n
}

//go:noinline
func ifaceDevirtualized(n int) int {
	var s areaer = square{n}
	return s.area()
}

//go:noinline
func ifaceDevirtualizedPointer() int {
	var s areaer = &box3{1, 2, 3}
	return s.area()
}

//go:noinline
func ifaceCompositeGlobal(n int) {
	gAreaer = square{n}
}

//go:noinline
func ifacePointerGlobal() {
	gAreaer = &box3{1, 2, 3}
}

//go:noinline
func ifacePointerLocal() int {
	var s areaer = &box3{1, 2, 3}
	if b, ok := s.(*box3); ok {
		return b.a
	}
	return 0
}

//go:noinline
func ifaceTypeSwitch(x any) int {
	switch v := x.(type) {
	case int:
		return v
	case string:
		return len(v)
	}
	return 0
}

//go:noinline
func ifaceAssertPointer(x any) *box3 {
	return x.(*box3)
}

//go:noinline
func ifaceSliceOfAny(a, b int) int {
	xs := []any{a, b}
	return len(xs)
}
