// What runtime/metrics offers: walk metrics.All(), count the metrics of each
// kind and how many are cumulative, and list the /memory/classes/ ones (the
// breakdown of everything the runtime has mapped). Only descriptions, no
// values, so the output is the same on every run.
package main

import (
	"fmt"
	"runtime/metrics"
	"strings"
)

func kindName(k metrics.ValueKind) string {
	switch k {
	case metrics.KindUint64:
		return "uint64"
	case metrics.KindFloat64:
		return "float64"
	case metrics.KindFloat64Histogram:
		return "histogram"
	case metrics.KindBad:
		return "bad"
	}
	return "unknown"
}

func main() {
	descs := metrics.All()
	fmt.Println("metrics supported:", len(descs))

	counts := map[metrics.ValueKind]int{}
	cumulative := 0
	var memoryClasses []string
	for _, d := range descs {
		counts[d.Kind]++
		if d.Cumulative {
			cumulative++
		}
		if strings.HasPrefix(d.Name, "/memory/classes/") {
			memoryClasses = append(memoryClasses, d.Name)
		}
	}

	kinds := []metrics.ValueKind{metrics.KindUint64, metrics.KindFloat64, metrics.KindFloat64Histogram, metrics.KindBad}
	for _, k := range kinds {
		fmt.Printf("%-10s %3d\n", kindName(k), counts[k])
	}
	fmt.Printf("cumulative %3d of %d\n", cumulative, len(descs))

	fmt.Println("memory classes:", len(memoryClasses))
	for i, name := range memoryClasses {
		fmt.Printf("%2d. %s\n", i+1, name)
	}
}
