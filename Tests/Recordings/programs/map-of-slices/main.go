// A map from keys to slices: appending to m[k] must store the slice back,
// and fmt prints maps with their keys sorted.
package main

import "fmt"

func main() {
	bySize := map[int][]string{}
	objects := []string{"a", "bb", "cc", "ddd", "e", "ffff", "ggg", "hh"}
	for _, o := range objects {
		bySize[len(o)] = append(bySize[len(o)], o)
	}
	fmt.Println(bySize)
	fmt.Println("sizes:", len(bySize), "of length 2:", bySize[2], len(bySize[2]))

	missing := bySize[9]
	fmt.Println("missing key gives", missing, missing == nil)

	s := bySize[1]
	s = append(s, "z")
	fmt.Println("appended to a copy of the header:", bySize[1], s)
	bySize[1] = s
	fmt.Println("stored back:", bySize[1])

	counts := map[string]int{}
	for k, v := range bySize {
		if k%2 == 0 {
			counts["even"] += len(v)
		} else {
			counts["odd"] += len(v)
		}
	}
	fmt.Println(counts)
	fmt.Printf("%v %d\n", map[string]bool{"gc": true, "arena": false}, map[string]int{"b": 2, "a": 1})
}
