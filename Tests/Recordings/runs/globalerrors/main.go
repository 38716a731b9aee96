// globalerrors: eight package-level errors.New variables. Go 1.27.3 lays their errorStrings out as
// data (Mallocs at main as without them: base/main.go); Go 1.19.8 allocates each at start-up.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

var (
	E1 = errors.New("one")
	E2 = errors.New("two")
	E3 = errors.New("three")
	E4 = errors.New("four")
	E5 = errors.New("five")
	E6 = errors.New("six")
	E7 = errors.New("seven")
	E8 = errors.New("eight")
)

func main() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.Mallocs, ms.HeapAlloc, E1, E8)
}
