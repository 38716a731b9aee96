// Labelled continue and break out of nested loops.
package main

import "fmt"

func main() {
	// Pairs (i, j) with j < i, skipping the rest of a row at the first j*i > 6.
outer:
	for i := 1; i <= 4; i++ {
		for j := 1; j < i; j++ {
			if i*j > 6 {
				fmt.Println("skip rest of row", i)
				continue outer
			}
			fmt.Println("pair", i, j)
		}
	}

	// Search a grid for a value, stopping both loops when found.
	grid := [3][4]int{{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}}
	target := 7
	found := false
	row, col := -1, -1
search:
	for r := 0; r < len(grid); r++ {
		for c := 0; c < len(grid[r]); c++ {
			if grid[r][c] == target {
				row, col = r, c
				found = true
				break search
			}
		}
	}
	fmt.Println("found", found, "at", row, col)

	// A labelled switch: break with its label from inside a loop in a clause.
	x := 2
choose:
	switch x {
	case 2:
		for k := 0; k < 10; k++ {
			if k == 3 {
				fmt.Println("leaving the switch from k =", k)
				break choose
			}
		}
		fmt.Println("not printed")
	default:
		fmt.Println("default")
	}
	fmt.Println("done")
}
