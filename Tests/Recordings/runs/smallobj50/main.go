// smallobj: 3 million 16-byte pointer-free objects, each stored in a ring of 1,000 slots, so
// the live set stays ~16 KB while the program allocates 48 MB. A checkpoint after every
// million. The pacer's work: the heap minimum (4 MiB × GOGC/100), the trigger's runway and
// the cons/mark estimate decide how many cycles run (mgcpacer.go). run.sh runs it with
// GOGC=100; ../smallobj50 is the same program with GOGC=50.
package main

import "gcsh.test/runs/ckpt"

type pair struct {
	a, b int
}

var ring [1000]*pair

//go:noinline
func churn(from, n int) {
	for i := from; i < from+n; i++ {
		ring[i%1000] = &pair{a: i}
	}
}

func main() {
	ckpt.CP("start")
	for m := 0; m < 3; m++ {
		churn(m*1_000_000, 1_000_000)
		ckpt.CP("million")
	}
}
