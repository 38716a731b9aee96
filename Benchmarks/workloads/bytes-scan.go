// The Go twin of bytes-scan.gcs: build a 10 MB []byte of words, count the words.
package main

import "fmt"

const size = 10_000_000

func main() {
	b := make([]byte, size)
	gap := 0
	for i := 0; i < len(b); i++ {
		if gap == 0 {
			b[i] = ' '
			gap = 3 + i%7
		} else {
			b[i] = 'a' + byte(i%26)
			gap--
		}
	}
	words := 0
	inWord := false
	for i := 0; i < len(b); i++ {
		if b[i] == ' ' {
			inWord = false
		} else if !inWord {
			words++
			inWord = true
		}
	}
	fmt.Println(words)
}
