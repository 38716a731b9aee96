// Rule: methods. A method is a function whose first parameter is its
// receiver: a pointer receiver that is stored leaks like any parameter, and
// calling a pointer method on a local variable takes the variable's address,
// so the variable moves to the heap exactly when the method leaks it.
package main

type Stack struct {
	items []int
}

func (s *Stack) Push(v int) {
	s.items = append(s.items, v)
}

func (s *Stack) Pop() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s Stack) Len() int { return len(s.items) }

var gStack *Stack

//go:noinline
func (s *Stack) register() { gStack = s }

//go:noinline
func (s *Stack) total() int {
	t := 0
	for _, v := range s.items {
		t += v
	}
	return t
}

//go:noinline
func (s *Stack) self() *Stack { return s }

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

type IntList []int

//go:noinline
func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (n *Node) Len() int {
	k := 0
	for p := n; p != nil; p = p.next {
		k++
	}
	return k
}

//go:noinline
func (n *Node) Prepend(v int) *Node { return &Node{val: v, next: n} }

//go:noinline
func stackLocalMethods(n int) int {
	var s Stack
	for i := 0; i < n; i++ {
		s.Push(i)
	}
	v, _ := s.Pop()
	return v + s.Len() + s.total()
}

//go:noinline
func stackRegistered() {
	var s Stack
	s.register()
}

//go:noinline
func stackSelfReturned() *Stack {
	var s Stack
	return s.self()
}

//go:noinline
func valueMethodThroughPointer(p *Stack) int { return p.Len() }

//go:noinline
func namedScalarMethods() float64 {
	c := Celsius(21.5)
	l := IntList{1, 2, 3}
	return c.Fahrenheit() + float64(l.Sum())
}

//go:noinline
func listMethods(n int) int {
	var head *Node
	for i := 0; i < n; i++ {
		head = head.Prepend(i)
	}
	return head.Len()
}
