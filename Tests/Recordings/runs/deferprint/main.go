// deferprint: deferred calls run last-deferred-first when a function returns,
// with arguments evaluated at the defer statement, a method's receiver
// included; a panic runs every frame's deferred calls before it ends the
// program (their output comes before the panic's message).
package main

import "fmt"

var total int

func add(n int) { total += n }

func work(k int) (r int) {
	defer add(k)
	defer fmt.Println("work done", k)
	r = k * 2
	if k > 5 {
		return 100
	}
	return r + 1
}

type res struct{ name string }

func (r *res) Close() { fmt.Println("closing", r.name) }

func use(name string, fail bool) {
	r := &res{name}
	defer r.Close()
	defer fmt.Println("deferred args are evaluated at once:", total)
	total += 1000
	if fail {
		var s []int
		fmt.Println(s[3])
	}
	fmt.Println("using", r.name)
}

func main() {
	fmt.Println(work(3), work(9), total)
	use("a", false)
	defer fmt.Println("main's defer runs during the panic")
	use("b", true)
	fmt.Println("not reached")
}
