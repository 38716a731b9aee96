// FizzBuzz with a switch instead of an if/else chain.
package main

import "fmt"

func main() {
	fizz, buzz, both := 0, 0, 0
	for i := 1; i <= 30; i++ {
		switch {
		case i%15 == 0:
			fmt.Println("FizzBuzz")
			both++
		case i%3 == 0:
			fmt.Println("Fizz")
			fizz++
		case i%5 == 0:
			fmt.Println("Buzz")
			buzz++
		default:
			fmt.Println(i)
		}
	}
	fmt.Println("fizz", fizz, "buzz", buzz, "fizzbuzz", both)
}
