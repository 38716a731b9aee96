// globalerrors/base: the same program without the package-level errors.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.Mallocs, ms.HeapAlloc)
}
