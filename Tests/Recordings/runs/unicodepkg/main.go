// unicodepkg: the unicode package's classes and case mappings over runes from ASCII, Latin-1,
// Greek, Cyrillic, CJK, digits of other scripts, marks, symbols, spaces and invalid values.
// Each line is a rune and the answers of every function, as 0/1 and the mapped runes.
package main

import (
	"fmt"
	"unicode"
)

func b(x bool) int {
	if x {
		return 1
	}
	return 0
}

func main() {
	runes := []rune{
		'a', 'Z', '5', ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, '_', '-', '!', '~', '$', '+', '<',
		'é', 'ß', 'ÿ', 'Ā', 'ǅ', 'Σ', 'ς', 'ω', 'Я', 'ж', 'ﬀ', '中', '日', '٣', '۵', '४', 'Ⅷ', '½', '²',
		0x301, 0x2028, 0x2029, 0x3000, 0x200B, 0xFEFF, 0x1F600, '€', '©', '°', 0x7F, 0x0, 0x10FFFF,
		0x110000, -1, 0xD800, 'İ', 'ı', 'K', 0x212A, 'ǈ', 'ǲ', 'Ω', 0x2126,
	}
	for _, r := range runes {
		fmt.Printf("%U L%d D%d N%d S%d U%d l%d T%d P%d Sy%d C%d Pr%d G%d M%d up=%U lo=%U ti=%U\n", r,
			b(unicode.IsLetter(r)), b(unicode.IsDigit(r)), b(unicode.IsNumber(r)), b(unicode.IsSpace(r)),
			b(unicode.IsUpper(r)), b(unicode.IsLower(r)), b(unicode.IsTitle(r)), b(unicode.IsPunct(r)),
			b(unicode.IsSymbol(r)), b(unicode.IsControl(r)), b(unicode.IsPrint(r)), b(unicode.IsGraphic(r)),
			b(unicode.IsMark(r)), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
	}
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1)
}
