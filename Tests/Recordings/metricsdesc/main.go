// metricsdesc: runtime/metrics.All() of the toolchain that builds it, as JSON lines (name,
// description, kind, cumulative), in the order All returns them. gen.sh records it for Go 1.27.3
// and Go 1.19.8 and writes gcsh's table of the metrics each profile has from the recordings.
package main

import (
	"encoding/json"
	"fmt"
	"runtime/metrics"
)

func main() {
	for _, d := range metrics.All() {
		b, err := json.Marshal(map[string]any{
			"name": d.Name, "description": d.Description, "kind": int(d.Kind), "cumulative": d.Cumulative,
		})
		if err != nil {
			panic(err)
		}
		fmt.Println(string(b))
	}
}
