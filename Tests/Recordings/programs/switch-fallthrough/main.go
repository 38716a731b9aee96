// switch with an init statement, fallthrough, and break inside a case,
// used to grade how much of a memory budget a heap uses.
package main

import (
	"fmt"
	"runtime"
)

func grade(usedPct int) string {
	out := ""
	switch {
	case usedPct >= 90:
		out += "critical "
		fallthrough
	case usedPct >= 75:
		out += "warn "
		fallthrough
	case usedPct >= 50:
		out += "notice"
	default:
		out = "ok"
	}
	return out
}

var hold [][]byte

func main() {
	for _, p := range []int{10, 50, 80, 95} {
		fmt.Printf("%3d%%: %s\n", p, grade(p))
	}
	for i := 0; i < 3; i++ {
		hold = append(hold, make([]byte, 8<<20))
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	switch mib := m.HeapAlloc >> 20; {
	case mib >= 24:
		fmt.Println("at least 24 MiB live:", grade(int(mib*100/32)))
	default:
		fmt.Println("less than 24 MiB live")
	}
	for i := 0; i < 5; i++ {
		switch i % 3 {
		case 0:
			if i > 2 {
				break
			}
			fmt.Println(i, "is a multiple of 3")
		case 1:
			fmt.Println(i, "leaves 1")
		default:
			fmt.Println(i, "leaves 2")
		}
	}
}
