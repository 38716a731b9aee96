// Reusing one buffer with buf = buf[:0] instead of making a new one for
// every record: the allocations drop to the first growths.
package main

import (
	"fmt"
	"runtime"
)

func encode(dst []byte, id int) []byte {
	dst = append(dst, "id="...)
	if id == 0 {
		return append(dst, '0', ';')
	}
	var digits [20]byte
	n := len(digits)
	for v := id; v > 0; v /= 10 {
		n--
		digits[n] = byte('0' + v%10)
	}
	dst = append(dst, digits[n:]...)
	return append(dst, ';')
}

var out []byte

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	const records = 10000
	total := 0

	m0 := mallocs()
	for i := 0; i < records; i++ {
		buf := make([]byte, 0, 64)
		out = encode(buf, i)
		total += len(out)
	}
	fresh := mallocs() - m0

	m0 = mallocs()
	buf := make([]byte, 0, 64)
	for i := 0; i < records; i++ {
		buf = encode(buf[:0], i)
		total += len(buf)
	}
	reused := mallocs() - m0
	out = buf

	fmt.Println("bytes encoded:", total, "last:", string(out))
	fmt.Println("new buffer each time:", fresh, "allocations")
	fmt.Println("one reused buffer:   ", reused, "allocations")
}
