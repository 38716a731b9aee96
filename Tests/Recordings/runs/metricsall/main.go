// metricsall: every entry of metrics.All() as `Name Kind Cumulative` (Kind as %d: 0 KindBad,
// 1 KindUint64, 2 KindFloat64, 3 KindFloat64Histogram), the count per kind, and the
// Description text of three entries (%q).
package main

import (
	"fmt"
	"runtime/metrics"
)

func main() {
	all := metrics.All()
	fmt.Printf("len(All)=%d\n", len(all))
	var kinds [4]int
	cumulative := 0
	for _, d := range all {
		fmt.Printf("%s %d %v\n", d.Name, d.Kind, d.Cumulative)
		kinds[d.Kind]++
		if d.Cumulative {
			cumulative++
		}
	}
	fmt.Printf("kinds bad=%d uint64=%d float64=%d histogram=%d cumulative=%d\n", kinds[0], kinds[1], kinds[2], kinds[3], cumulative)
	for _, name := range []string{"/gc/heap/goal:bytes", "/memory/classes/total:bytes", "/gc/cycles/total:gc-cycles"} {
		found := false
		for _, d := range all {
			if d.Name == name {
				fmt.Printf("%s %q\n", d.Name, d.Description)
				found = true
			}
		}
		if !found {
			fmt.Printf("%s not found\n", name)
		}
	}
}
