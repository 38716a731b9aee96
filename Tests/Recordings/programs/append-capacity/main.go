// How append grows a slice: print len and cap every time the capacity
// changes. The growth factor falls from 2x towards 1.25x as the slice
// gets bigger, and each new array is rounded up to a size class.
package main

import "fmt"

func main() {
	var s []int
	last := -1
	grows := 0
	for i := 0; i < 10000; i++ {
		s = append(s, i)
		if cap(s) != last {
			if last > 0 {
				fmt.Printf("len=%-5d cap=%-5d (x%.2f)\n", len(s), cap(s), float64(cap(s))/float64(last))
			} else {
				fmt.Printf("len=%-5d cap=%-5d\n", len(s), cap(s))
			}
			last = cap(s)
			grows++
		}
	}
	fmt.Println("capacity changed", grows, "times for", len(s), "appends")
	fmt.Println("last element:", s[len(s)-1])
}
