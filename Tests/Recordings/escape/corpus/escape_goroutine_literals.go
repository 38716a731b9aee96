//go:build !go1.22

package main

// Goroutines started with function literals, under Go 1.19 (Go 1.22+ gives a literal an
// inlining budget of 800 and inlines nearly every one; gcsh does not inline literals yet, so
// the 1.27 corpus leaves them out, as escape_closures.go does). Every literal's body makes
// two calls of a go:noinline function, which puts it over the inlining budget (80).

import "sync"

// A function literal without captures, and one capturing a local by reference.
//
//go:noinline
func goLiteralNoCapture() {
	go func() {
		gorTick()
		gorTick()
	}()
}

//go:noinline
func goLiteralCapture() int {
	total := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		gorTick()
		gorTick()
		total += 10
		wg.Done()
	}()
	wg.Wait()
	return total
}

// The loop variable captured by the literal (one variable for the loop in Go 1.19 terms),
// against the same value passed as an argument.
//
//go:noinline
func goLoopVarCaptured() int {
	results := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func() {
			gorTick()
			gorTick()
			results <- i
		}()
	}
	return <-results + <-results + <-results
}

//go:noinline
func goLoopVarArgument() int {
	results := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func(n int) {
			gorTick()
			gorTick()
			results <- n * n
		}(i)
	}
	return <-results + <-results + <-results
}

//go:noinline
func mutexShared() int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			gorTick()
			gorTick()
			mu.Lock()
			counter++
			mu.Unlock()
		}()
	}
	wg.Wait()
	return counter
}

func goroutineLiterals() {
	goLiteralNoCapture()
	gorSinkInt += goLiteralCapture()
	gorSinkInt += goLoopVarCaptured()
	gorSinkInt += goLoopVarArgument()
	gorSinkInt += mutexShared()
}
