// strings.Builder method by method: the capacities its buffer grows through,
// Grow, Reset, WriteRune, what building a string costs in Mallocs, and the
// panic of a Builder copied by value.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var m runtime.MemStats

func mallocs() uint64 { runtime.ReadMemStats(&m); return m.Mallocs }

func build(n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		sb.WriteString("ab")
		sb.WriteByte('-')
		sb.WriteRune('é')
	}
	return sb.String()
}

func main() {
	var sb strings.Builder
	caps := []int{}
	for i := 0; i < 100; i++ {
		sb.WriteByte('x')
		if len(caps) == 0 || caps[len(caps)-1] != sb.Cap() {
			caps = append(caps, sb.Cap())
		}
	}
	fmt.Println(sb.Len(), caps)
	n, err := sb.WriteString("hello")
	fmt.Println(n, err, sb.Len())
	r, _ := sb.WriteRune('世')
	fmt.Println(r, sb.Len(), sb.String()[100:])
	sb.Reset()
	fmt.Println(sb.Len(), sb.Cap(), sb.String() == "")
	sb.Grow(10)
	fmt.Println(sb.Cap())
	sb.Grow(5)
	fmt.Println(sb.Cap())
	before := mallocs()
	s := build(1000)
	after := mallocs()
	fmt.Println(len(s), after-before, strings.Count(s, "b-"), strings.Count("five", ""))
	var p *strings.Builder = &strings.Builder{}
	p.WriteString("ptr")
	fmt.Println(p.String(), p.Len())
	c := sb
	defer func() { fmt.Println("recovered:", recover()) }()
	c.WriteString("boom")
}
