// Panics raised by deferred calls while a panic unwinds (runtime/panic.go gopanic, printpanics):
// recovered where they are raised, recovered by a later deferred call of the same frame, or
// aborting the panic they interrupted — whose chain the program prints when it dies.
package main

import (
	"errors"
	"fmt"
)

// A deferred call panics; the frame's earlier-deferred call recovers the new panic, and the
// function returns its named result.
func replaced() (n int) {
	defer func() { fmt.Println("replaced: caught", recover()); n = 7 }()
	defer fmt.Println("replaced: runs for the second panic")
	defer func() { panic("second") }()
	panic("first")
}

// A deferred call's own panic is recovered inside it: the first panic goes on unwinding.
func inside() {
	defer func() {
		defer func() { fmt.Println("inside: inner caught", recover()) }()
		panic("nested")
	}()
	panic("first")
}

// A deeper call of a deferred call panics and recovers on its own.
func deeper() {
	defer func() {
		func() {
			defer func() { fmt.Println("deeper: helper caught", recover()) }()
			var m map[string]int
			m["x"] = 1
		}()
		fmt.Println("deeper: deferred call goes on")
	}()
	panic("first")
}

// Recovered and raised again: the caller recovers the same value.
func repanic() {
	defer func() { r := recover(); panic(r) }()
	panic(errors.New("again"))
}

// A run-time error, then a panic in a deferred call.
func runtimeThenPanic() {
	defer func() { panic(fmt.Sprintf("after %v", recover())) }()
	var s []int
	_ = s[5]
}

func try(name string, f func()) {
	defer func() { fmt.Printf("%s: recovered %v\n", name, recover()) }()
	f()
}

func main() {
	fmt.Println("replaced returned", replaced())
	try("inside", inside)
	try("deeper", deeper)
	try("repanic", repanic)
	try("runtimeThenPanic", runtimeThenPanic)

	// The program dies with the whole chain: the first panic recovered then aborted by a
	// second, which is recovered and raised again.
	defer fmt.Println("main: last deferred call runs")
	defer func() { r := recover(); panic(r) }()
	defer func() { recover(); panic(errors.New("second")) }()
	panic("first")
}
