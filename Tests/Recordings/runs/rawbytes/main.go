// Output that is not valid UTF-8: a string cut inside a rune goes out byte for byte through
// fmt (Println, Printf %s and %v, Print of a Builder's string, Fprintln to os.Stderr), the
// builtin println and log.
package main

import (
	"fmt"
	"log"
	"os"
	"strings"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(s[:2], s[2:3])
	fmt.Printf("%s|%v|%x\n", s[:2], []string{s[1:2]}, s[:2])
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		b.WriteByte(' ')
	}
	fmt.Print(b.String(), "\n")
	fmt.Fprintln(os.Stderr, s[len(s)-2:])
	println(s[:2])
	log.SetFlags(0)
	log.Println(s[:2])
}
