// Counting words in a map, testing membership with the comma-ok form and
// printing in a fixed order by sorting the keys by hand (map iteration
// order is random).
package main

import "fmt"

func words(text string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' {
			if start >= 0 {
				out = append(out, text[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func main() {
	text := "the heap grows and the heap shrinks when the collector runs and runs"
	count := make(map[string]int)
	for _, w := range words(text) {
		count[w]++
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	for _, k := range keys {
		fmt.Printf("%-10s %d\n", k, count[k])
	}
	if n, ok := count["heap"]; ok {
		fmt.Println("heap appears", n, "times")
	}
	_, ok := count["stack"]
	fmt.Println("stack present:", ok, "zero value:", count["stack"])
	delete(count, "the")
	delete(count, "absent")
	fmt.Println("distinct words:", len(count))
}
