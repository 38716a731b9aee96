// unicode/utf8 as learners use it: len against the rune count, decoding rune by rune,
// validity, encoding (a surrogate becomes U+FFFD) and its constants. gcsh compiles the
// package from each Go's source: its inlining and -m lines are the program's.
package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.RuneLen('世'), utf8.ValidString(s), utf8.ValidString(s[:2]))
	r, size := utf8.DecodeRuneInString(s[1:])
	fmt.Printf("%c %d %q\n", r, size, r)
	r, size = utf8.DecodeLastRuneInString(s)
	fmt.Println(string(r), size)
	buf := make([]byte, 0, 8)
	buf = utf8.AppendRune(buf, '界')
	fmt.Println(buf, utf8.RuneCount(buf), utf8.FullRune(buf[:2]))
	var b [4]byte
	n := utf8.EncodeRune(b[:], 0xD800)
	fmt.Println(b[:n], utf8.RuneError, utf8.UTFMax, utf8.ValidRune(0x10FFFF+1))
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		fmt.Print(string(r), w, " ")
		i += w
	}
	fmt.Println()
}
