// Printing sizes in a table: widths, precision, left alignment, zero
// padding and the thousands a learner computes by hand.
package main

import "fmt"

type row struct {
	name  string
	bytes uint64
}

func human(b uint64) string {
	const unit = 1024
	if b < unit {
		return fmt.Sprintf("%d B", b)
	}
	div, exp := uint64(unit), 0
	for n := b / unit; n >= unit; n /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(b)/float64(div), "KMGTPE"[exp])
}

func main() {
	rows := []row{
		{"int64", 8},
		{"slice header", 24},
		{"page", 8192},
		{"1e6 ints", 8000000},
		{"arena", 64 << 20},
		{"4 GiB", 4 << 30},
	}
	fmt.Printf("%-14s|%12s|%12s|%10s\n", "what", "bytes", "human", "hex")
	fmt.Printf("%-14s+%12s+%12s+%10s\n", "--------------", "------------", "------------", "----------")
	for _, r := range rows {
		fmt.Printf("%-14s|%12d|%12s|%#10x\n", r.name, r.bytes, human(r.bytes), r.bytes)
	}
	fmt.Printf("%08b %o %O %X %x\n", 37, 64, 64, 3054, "gc")
	fmt.Printf("%6.2f%% %+d %q %v %5t|\n", 12.3456, 42, "tab\there", []string{"a", "b"}, true)
	fmt.Printf("%*d|%-*d|%.*f\n", 6, 7, 6, 7, 3, 3.14159)
	fmt.Printf("%e %g %G %.3e\n", 123456.789, 1e21, 1e-7, 0.000123)
	fmt.Printf("%c %U %#U %x\n", 'G', 'é', '⌘', "é")
}
