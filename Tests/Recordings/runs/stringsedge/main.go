// stringsedge: strings' functions at their edges — empty inputs and separators, invalid UTF-8
// (a lone 0xff byte), runes whose case mapping is not one rune, limits on Replace — printed with
// %q, and Mallocs around the cases that return their input.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var m runtime.MemStats

func mallocs() uint64 {
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	raw := []byte("a-b")
	raw[1] = 0xff
	bad := string(raw)
	fmt.Printf("%q %q %q\n", strings.Split("", ","), strings.Split("", ""), strings.Split("a", "a"))
	fmt.Printf("%q %q\n", strings.Split(bad, ""), strings.Split("a,b,", ","))
	fmt.Printf("%q %q %q\n", strings.Fields(""), strings.Fields(" \t\n"), strings.Fields("a\u00a0b\u2003c"))
	fmt.Println(strings.Index("abc", ""), strings.LastIndex("abc", ""), strings.Index("", "a"), strings.LastIndex("aaa", "aa"))
	fmt.Println(strings.ContainsRune(bad, '\uFFFD'), strings.ContainsRune("x\uFFFDy", '\uFFFD'), strings.ContainsRune("abc", -1), strings.IndexByte(bad, 0xff))
	fmt.Printf("%q %q %q\n", strings.TrimSpace("   "), strings.TrimSpace(" \u0085x\u00a0 "), strings.TrimSpace("\u3000"))
	fmt.Printf("%q %q %q\n", strings.ToUpper("straße ǆ"), strings.ToLower("İ ΣΑΣ"), strings.ToUpper(bad))
	fmt.Printf("%q %q %q %q\n", strings.Replace("aaaa", "a", "b", 0), strings.Replace("aaaa", "a", "bb", 3),
		strings.Replace("héllo", "", "|", 3), strings.ReplaceAll("", "", "x"))
	fmt.Printf("%q %q\n", strings.Join([]string{"", ""}, ""), strings.Join([]string{"a", "b"}, ""))
	upper := strings.Repeat("X", 30)
	before := mallocs()
	same := strings.ToUpper(upper) + strings.TrimSpace(upper)
	after := mallocs()
	fmt.Println(len(same), after-before)
}
