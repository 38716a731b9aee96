// fmt.Fprint* write to any writer: os.Stdout is what Println uses,
// os.Stderr is where diagnostics go (and is not in the recorded output).
package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	var m runtime.MemStats
	total := 0
	for i := 1; i <= 5; i++ {
		total += i * i
		fmt.Fprintf(os.Stderr, "progress: step %d of 5\n", i)
		fmt.Fprintln(os.Stdout, "step", i, "total", total)
	}
	runtime.ReadMemStats(&m)
	fmt.Fprint(os.Stdout, "done", " ", total, "\n")
	fmt.Fprintf(os.Stderr, "heap: %d bytes\n", m.HeapAlloc)
	fmt.Fprintln(os.Stdout, "sum of squares", "1..5", "=", total)
}
