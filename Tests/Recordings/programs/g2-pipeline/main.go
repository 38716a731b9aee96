// A 3-stage pipeline: generate numbers, square them, keep the even ones.
// Each stage closes its output channel when its input is drained.
package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

func evens(in <-chan int) <-chan int {
	out := make(chan int, 2)
	go func() {
		defer close(out)
		for n := range in {
			if n%2 == 0 {
				out <- n
			}
		}
	}()
	return out
}

func main() {
	total := 0
	for v := range evens(square(gen(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))) {
		fmt.Println("got", v)
		total += v
	}
	fmt.Println("total:", total)
	v, ok := <-gen()
	fmt.Println("empty gen:", v, ok)
}
