//go:build go1.23

// rangefunc: what a range-over-func loop does (rewrite.go): break, continue,
// return of one or several results from nested loops, labelled break and continue
// across them and across plain loops, assignment to outer variables, and the
// runtime errors of an iterator that misbehaves (panicrangestate). Output only:
// Go inlines Count and its literal, which gcsh does not yet.
package main

import (
	"errors"
	"fmt"
)

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func Pairs(yield func(string, int) bool) {
	for i, s := range []string{"a", "b", "c", "d"} {
		if !yield(s, i) {
			return
		}
	}
}

func bad(yield func(int) bool) {
	yield(1)
	yield(2)
}

func swallow(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

func find(target int) (idx int, err error) {
	for i := range Count(10) {
		for j := range Count(10) {
			if i*j == target {
				return i*10 + j, nil
			}
		}
	}
	return -1, errors.New("not found")
}

func unnamed(n int) (int, string) {
	for k, v := range Pairs {
		if v == n {
			return v, k
		}
	}
	return 0, ""
}

func labeled() []int {
	var out []int
outer:
	for i := range Count(4) {
		for j := range Count(4) {
			switch {
			case j > i:
				continue outer
			case i == 3:
				break outer
			}
			out = append(out, i*10+j)
		}
	}
	return out
}

func mixed() int {
	total := 0
	for i := 0; i < 5; i++ {
		for x := range Count(5) {
			if x == 3 {
				continue
			}
			if x == i {
				break
			}
			if i == 4 {
				total += 1000
				break
			}
			total += x
		}
	}
	// break of a plain loop from inside a range-over-func body
loop:
	for i := 0; i < 3; i++ {
		for x := range Count(3) {
			if x == 1 && i == 1 {
				break loop
			}
			total += 100
		}
	}
	return total
}

func main() {
	fmt.Println(find(12))
	fmt.Println(find(1000))
	fmt.Println(unnamed(2))
	fmt.Println(unnamed(9))
	fmt.Println(labeled())
	fmt.Println(mixed())
	var k string
	var v int
	for k, v = range Pairs {
	}
	fmt.Println(k, v)
	for range Count(2) {
		fmt.Println("tick")
	}
	n := 0
	for range Pairs {
		n++
	}
	fmt.Println(n)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		for x := range bad {
			fmt.Println("bad", x)
			break
		}
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		for x := range swallow {
			panic(fmt.Sprint("body panic ", x))
		}
	}()
	func() {
		defer func() {
			r := recover()
			err, ok := r.(error)
			fmt.Println("recovered:", r, ok, err)
		}()
		var saved func(int) bool
		for x := range func(y func(int) bool) { saved = y; y(5) } {
			fmt.Println("x", x)
		}
		saved(6)
	}()
}
