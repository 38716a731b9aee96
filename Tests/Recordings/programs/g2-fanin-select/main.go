// Fan-in: two producers send on their own channels; main selects over both
// until both are closed (a nil channel disables its select case).
package main

import (
	"fmt"
	"sort"
)

func producer(name string, n int) <-chan string {
	ch := make(chan string)
	go func() {
		for i := 0; i < n; i++ {
			ch <- fmt.Sprintf("%s-%d", name, i)
		}
		close(ch)
	}()
	return ch
}

func main() {
	a := producer("a", 3)
	b := producer("b", 5)
	var got []string
	countA, countB := 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			countA++
			got = append(got, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			countB++
			got = append(got, v)
		}
	}
	sort.Strings(got)
	fmt.Println(got)
	fmt.Println("from a:", countA, "from b:", countB, "a==nil:", a == nil)
	var nilch chan int
	select {
	case v := <-nilch:
		fmt.Println("impossible", v)
	default:
		fmt.Println("nil channel never ready")
	}
}
