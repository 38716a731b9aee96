// Nested and labelled switches, fallthrough into a clause with its own variables, pointer,
// unsigned and recursive switches.
package main

import "fmt"

func name(i int) string { return fmt.Sprint("n", i) }

func depth(n int) int {
	switch {
	case n <= 0:
		return 0
	case n%2 == 0:
		return 1 + depth(n/2)
	default:
		return 1 + depth(n-1)
	}
}

func main() {
	x := 2
sw:
	switch x {
	case 2:
		switch {
		case x > 1:
			fmt.Println("inner")
			break sw
		}
		fmt.Println("not printed")
	}
	for i := 0; i < 4; i++ {
		switch s := name(i); s {
		case name(0), name(1):
			v := i * 10
			fmt.Println("low", s, v)
			fallthrough
		case name(2):
			v := "two-ish"
			fmt.Println("mid", s, v)
		default:
			fmt.Println("hi", s)
		}
	}
	fmt.Println(depth(100), depth(7))
	var p *int
	q := new(int)
	for _, ptr := range []*int{p, q, nil} {
		switch ptr {
		case nil:
			fmt.Println("nil pointer")
		case q:
			fmt.Println("q")
		}
	}
	var u uint8 = 200
	switch u {
	case 200:
		fmt.Println("u is 200")
	}
	var big uint64 = 1 << 63
	switch big {
	case 1 << 63:
		fmt.Println("big")
	}
	switch i := int8(-5); {
	case i < 0:
		fmt.Println("negative int8")
	}
}
