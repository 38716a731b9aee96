// Counting letters with a switch on runes and bytes.
package main

import "fmt"

func main() {
	text := "The quick brown fox jumps over the lazy dog, twice!"
	vowels, consonants, spaces, other := 0, 0, 0, 0
	for _, r := range text {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U':
			vowels++
		case ' ':
			spaces++
		default:
			switch {
			case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
				consonants++
			default:
				other++
			}
		}
	}
	fmt.Println("vowels", vowels, "consonants", consonants, "spaces", spaces, "other", other)

	var b byte
	digits := 0
	s := "room 101, floor 3"
	for i := 0; i < len(s); i++ {
		b = s[i]
		switch b {
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			digits++
		}
	}
	fmt.Println("digits", digits)
}
