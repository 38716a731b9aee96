// Primes below 60 by trial division, with a labelled continue.
package main

import "fmt"

func main() {
	var primes []int
next:
	for n := 2; n < 60; n++ {
		for _, p := range primes {
			if p*p > n {
				break
			}
			if n%p == 0 {
				continue next
			}
		}
		primes = append(primes, n)
	}
	fmt.Println(primes)
	fmt.Println(len(primes), "primes")
}
