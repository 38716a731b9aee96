// Switches inside loops that allocate: the program's output is the same wherever the
// values live.
package main

import "fmt"

type node struct {
	val  int
	next *node
}

func main() {
	var head *node
	count := 0
walk:
	for i := 0; i < 20; i++ {
		switch {
		case i%7 == 6:
			continue walk
		case i > 15:
			break walk
		case i%2 == 0:
			n := &node{val: i, next: head}
			head = n
			count++
		default:
			p := new(int)
			*p = i * i
			fmt.Println("square", *p)
		}
	}
	for n := head; n != nil; n = n.next {
		fmt.Print(n.val, " ")
	}
	fmt.Println()
	fmt.Println("nodes", count)

	words := []string{}
	for i := 0; i < 6; i++ {
		switch i % 3 {
		case 0:
			words = append(words, fmt.Sprint("zero-", i))
		case 1:
			words = append(words, "one")
		default:
			b := make([]byte, 0, 4)
			b = append(b, 't', 'w', 'o')
			words = append(words, string(b))
		}
	}
	fmt.Println(words, len(words))
}
