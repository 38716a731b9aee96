package main

// Panic values with newlines, recovered and aborted: how the runtime prints
// each line of the chain (Go 1.23+ indents a value's later lines by a tab).

import "fmt"

func main() {
	defer func() {
		panic("second\nline two")
	}()
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(fmt.Sprint("again:\n", r))
	}()
	panic("first\nmore")
}
