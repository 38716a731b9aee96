// break with a label leaves both loops at once: search a grid of buffers
// for the first one that holds a marker byte.
package main

import "fmt"

func main() {
	grid := make([][][]byte, 4)
	for r := range grid {
		grid[r] = make([][]byte, 5)
		for c := range grid[r] {
			grid[r][c] = make([]byte, 64)
		}
	}
	grid[2][3][17] = 0xFF
	grid[3][1][5] = 0xFF

	found := false
	visited := 0
	fr, fc, fi := -1, -1, -1
search:
	for r := range grid {
		for c := range grid[r] {
			for i, b := range grid[r][c] {
				visited++
				if b == 0xFF {
					fr, fc, fi = r, c, i
					found = true
					break search
				}
			}
		}
	}
	fmt.Println("found:", found, "at", fr, fc, fi, "after", visited, "bytes")

	count := 0
rows:
	for r := 0; r < len(grid); r++ {
		for c := 0; c < len(grid[r]); c++ {
			if c > r {
				continue rows
			}
			count++
		}
	}
	fmt.Println("cells on or below the diagonal:", count)
}
