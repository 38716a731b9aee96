// continue with a label goes on with the outer loop: trial division finds
// primes and keeps them in a slice whose capacity grows as it fills.
package main

import "fmt"

func main() {
	var primes []int
	caps := []int{}
next:
	for n := 2; len(primes) < 100; n++ {
		for _, p := range primes {
			if p*p > n {
				break
			}
			if n%p == 0 {
				continue next
			}
		}
		primes = append(primes, n)
		if len(caps) == 0 || caps[len(caps)-1] != cap(primes) {
			caps = append(caps, cap(primes))
		}
	}
	fmt.Println("100th prime:", primes[99])
	fmt.Println("first ten:", primes[:10])
	fmt.Println("capacities:", caps)

	total := 0
outer:
	for i := 0; i < 10; i++ {
		j := 0
		for {
			j++
			if j > i {
				continue outer
			}
			if i+j == 12 {
				break outer
			}
			total += j
		}
	}
	fmt.Println("total:", total)
}
