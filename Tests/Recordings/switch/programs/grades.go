// Grades: a tagless switch tests conditions top to bottom; the first true one wins.
package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	case score >= 60:
		return "D"
	default:
		return "F"
	}
}

func main() {
	scores := []int{95, 83, 71, 65, 12, 90, 80, 100, 0, 59}
	counts := make([]int, 5)
	for _, s := range scores {
		g := grade(s)
		fmt.Printf("%3d -> %s\n", s, g)
		switch g {
		case "A":
			counts[0]++
		case "B":
			counts[1]++
		case "C":
			counts[2]++
		case "D":
			counts[3]++
		default:
			counts[4]++
		}
	}
	fmt.Println("A B C D F:", counts)
}
