// os.Exit ends the program at once with a status: nothing after it runs.
package main

import (
	"fmt"
	"os"
	"runtime"
)

func check(limitMiB uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapAlloc>>20 > limitMiB {
		fmt.Println("over the limit of", limitMiB, "MiB, giving up")
		os.Exit(3)
	}
	fmt.Println("under", limitMiB, "MiB")
}

var hold [][]byte

func main() {
	check(16)
	for i := 0; i < 8; i++ {
		hold = append(hold, make([]byte, 4<<20))
	}
	check(16)
	fmt.Println("never printed")
}
