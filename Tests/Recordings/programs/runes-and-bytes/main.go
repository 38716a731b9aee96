// len counts bytes, not characters: ranging over a string walks runes and
// gives byte offsets; []rune(s) holds 4 bytes per character.
package main

import "fmt"

func main() {
	words := []string{"gc", "héap", "日本語", "🦫 go"}
	for _, w := range words {
		runes := []rune(w)
		fmt.Printf("%-8q bytes=%2d runes=%d  % x\n", w, len(w), len(runes), w)
	}
	s := "naïve"
	for i, r := range s {
		fmt.Printf("offset %d: %c (%U) width %d\n", i, r, r, len(string(r)))
	}
	b := []byte(s)
	b[0] = 'N'
	fmt.Println(string(b), s, b[2], b[3], string(b[2:4]))
	r := []rune(s)
	r[2] = 'i'
	fmt.Println(string(r), len(string(r)))
	fmt.Printf("%s %s %q % x %t\n", string(rune(65)), string(rune(0x263A)), s[1:3], s[1:3], s[2:4] == "ï")
}
