// recover in a deferred function turns a panic into an error: a safe
// division, an index out of range, and a panic with a custom value.
package main

import (
	"errors"
	"fmt"
)

func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return q, nil
}

func safeIndex(s []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return s[i], nil
}

func mustPositive(n int) int {
	if n < 0 {
		panic(errors.New("negative value"))
	}
	return n
}

func check(n int) (result string) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			result = "caught error: " + err.Error()
		}
	}()
	return fmt.Sprint("fine: ", mustPositive(n))
}

func main() {
	fmt.Println(safeDivide(10, 2))
	fmt.Println(safeDivide(1, 0))
	fmt.Println(safeIndex([]int{1, 2, 3}, 1))
	fmt.Println(safeIndex([]int{1, 2, 3}, 5))
	fmt.Println(check(5))
	fmt.Println(check(-1))
	fmt.Println("recover outside a panic:", recover())
	fmt.Println("done")
}
