// methods: what a method's receiver costs. A pointer method called on a
// local variable takes the variable's address, so the variable moves to the
// heap exactly when the method leaks its receiver: add does not (the counter
// stays in main's frame), register does (every counter is an allocation).
// A value method called through a pointer copies the value: no allocation.
package main

import "gcsh.test/runs/ckpt"

type counter struct {
	n    int
	hist [4]int
}

func (c *counter) add(v int) {
	c.n += v
	c.hist[v%4]++
}

var registry []*counter

//go:noinline
func (c *counter) register() { registry = append(registry, c) }

//go:noinline
func (c counter) total() int { return c.n + c.hist[0] }

var sink int

func main() {
	ckpt.CP("start")
	for i := 0; i < 1000; i++ {
		var c counter
		c.add(i)
		sink += c.total()
	}
	ckpt.CP("local counters")
	registry = make([]*counter, 0, 1000)
	ckpt.CP("registry")
	for i := 0; i < 1000; i++ {
		var c counter
		c.add(i)
		c.register()
	}
	ckpt.CP("registered counters")
	for _, p := range registry {
		sink += p.total()
	}
	ckpt.CP("totals through pointers")
	println("sink", sink, "registered", len(registry))
}
