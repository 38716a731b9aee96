//go:build go1.22

package main

// Go 1.22+ builds leave out the goroutines started with function literals
// (escape_goroutine_literals.go): gcsh does not inline literals yet.
func goroutineLiterals() {}
