// evalorder: where Go's compiler reads a plain operand (a variable, a field, an element) that a
// call in the same expression changes — after the call (walk/order.go copies calls into
// temporaries first), except a value converted to an interface through its address (a
// struct), which is copied where it stands. The spec leaves this order unspecified; this is
// gc's, the same in Go 1.19.8 and 1.27.3.
package main

import "fmt"

type pt struct{ x, y int }

type node struct{ v int }

type outer struct {
	in pt
	n  int
}

var gp = pt{1, 2}

func two(x *int, f func() int) (int, int) { return *x, f() }

type counter struct{ n int }

func (c *counter) next() int { c.n++; return c.n }

func (c counter) plus(a, b int) int { return c.n + a + b }

type adder interface{ add(a, b int) int }

type base struct{ k int }

func (b base) add(a, c int) int { return b.k + a*10 + c }

var g = 1

func bump() int { g += 10; return g }

func add(a, b int) int { return a*100 + b }

//go:noinline
func addNoInline(a, b int) int { return a*100 + b }

func pair() (int, int) { g++; return g, g }

func main() {
	x := 1
	f := func() int { x++; return x }
	fmt.Println(x, f())
	fmt.Println(x + f())
	y := x * f()
	fmt.Println(y, x)
	fmt.Println(add(x, f()), addNoInline(x, f()))
	p := pt{1, 2}
	h := func() int { p.x = 100; return 0 }
	fmt.Println(p, h(), p)
	fmt.Println(p.x, h())
	fmt.Println(g, bump(), g+bump())
	s := "a"
	k := func() string { s += "b"; return "c" }
	fmt.Println(s + k())
	fmt.Println(s, k(), s+"!")
	arr := []int{1, 2, 3}
	m := func() int { arr[0] = 9; return 0 }
	fmt.Println(arr[0], m())
	show := func(a, b int) { fmt.Println("show", a, b) }
	show(x, f())
	c := &counter{}
	fmt.Println(c.n, c.next(), c.n, c.next())
	fmt.Println(c.plus(c.n, c.next()))
	var ad adder = base{1}
	fmt.Println(ad.add(x, f()))
	fmt.Println(fmt.Sprint(x, f()), fmt.Sprintf("%d %d", x, f()))
	str := fmt.Sprintln(g, bump())
	fmt.Print(str)
	fmt.Println(x == f(), x < f())
	fl := 1.5
	ff := func() float64 { fl *= 2; return 1 }
	fmt.Println(fl+ff(), fl)
	fmt.Println(pair())

	// Literals, assignments and returns.
	lit := pt{x, f()}
	fmt.Println(lit)
	a, b := x, f()
	fmt.Println(a, b)
	fmt.Println(two(&x, f))
	sl := []int{x, f()}
	fmt.Println(sl, &pt{x, f()})
	mp := map[string]int{"a": x, "b": f()}
	fmt.Println(mp)
	i := 0
	el := []int{0, 0, 0}
	inc := func() int { i++; return 7 }
	el[i] = inc()
	fmt.Println(el)
	pn := &node{1}
	qn := &node{2}
	swap := func() int { pn = qn; return 5 }
	pn.v = swap()
	fmt.Println(*pn, *qn)
	keys := map[int]int{}
	set9 := func() int { i = 9; return 3 }
	keys[i] = set9()
	fmt.Println(keys)
	var words [3]string
	j := 0
	two2 := func() string { j = 2; return "x" }
	words[j] = two2()
	fmt.Println(words)

	// What order.go copies where it stands: len, a slice expression, a conversion to []byte,
	// a type assertion, && — and a value converted to an interface through its address, by
	// addrTemp's rule, which changed in Go 1.22: a local that fits in registers is copied (its
	// fields too since 1.22), a global or anything through a pointer is read in place.
	sz := []int{1}
	grow := func() int { sz = append(sz, 2, 3); return 0 }
	fmt.Println(len(sz), grow(), len(sz))
	hg := func() int { gp.x = 50; return 0 }
	fmt.Println(gp, hg(), gp)
	q := &pt{3, 4}
	hq := func() int { q.y = 40; return 0 }
	fmt.Println(*q, hq(), *q)
	o := outer{pt{1, 2}, 3}
	ho := func() int { o.in.x = 7; return 0 }
	fmt.Println(o.in, ho(), o.in)
	big := [6]int{1, 2, 3, 4, 5, 6}
	hb := func() int { big[0] = 0; return 0 }
	fmt.Println(big, hb(), big)
	pts := [2]pt{{1, 1}, {2, 2}}
	ha := func() int { pts[0].x = 9; return 0 }
	fmt.Println(pts[0], ha(), pts[0])
	one := [1]pt{{1, 1}}
	h1 := func() int { one[0].x = 9; return 0 }
	fmt.Println(one[0], h1(), one[0])
	r := pt{5, 5}
	pr := &r
	hr := func() int { pr.x = 8; return 0 }
	fmt.Println(r, hr(), r)
	bl := true
	hf := func() bool { bl = false; return true }
	fmt.Println(bl && true, hf())
	text := "ab"
	hs := func() int { text = "zz"; return 0 }
	fmt.Println([]byte(text), hs(), text[:1], hs())
	var e any = 5
	he := func() int { e = 6; return 0 }
	fmt.Println(e.(int), he(), e)

	// x op= f(), a shift, an interface comparison, append's operands, a[i] op= f().
	w := 1
	fw := func() int { w += 10; return 1 }
	w += fw()
	fmt.Println(w)
	u := uint(1)
	gu := func() uint { u = 5; return 1 }
	fmt.Println(u<<gu(), u)
	var iv any = 1
	hi := func() any { iv = 2; return 2 }
	fmt.Println(iv == hi())
	ap := []int{}
	nv := 1
	kv := func() int { nv = 7; return 0 }
	ap = append(ap, nv, kv())
	fmt.Println(ap)
	acc := []int{0, 0}
	ai := 0
	mi := func() int { ai = 1; return 5 }
	acc[ai] += mi()
	fmt.Println(acc)
}
