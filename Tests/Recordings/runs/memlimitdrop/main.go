// memlimitdrop: memlimit with the slice dropped before each new one is allocated (`buf = nil`),
// so only one 40 MiB slice is ever live. GOGC=off with GOMEMLIMIT=200MiB. Each of 20
// iterations allocates a new one, writes every page of it and drops the previous one. With
// no GOGC goal only the memory limit starts a cycle (mgcpacer.go memoryLimitHeapGoal), and the
// allocation path scavenges eagerly to keep the mapped and resident total under the limit
// (mgcscavenge.go, mheap.go allocSpan: "scavenge eagerly if over the memory limit").
package main

import "gcsh.test/runs/ckpt"

var buf []byte

//go:noinline
func fill(b []byte) {
	for j := 0; j < len(b); j += 4096 {
		b[j] = 1
	}
}

func main() {
	ckpt.CP("start")
	for i := 0; i < 20; i++ {
		buf = nil
		buf = make([]byte, 40<<20)
		fill(buf)
		ckpt.CP("chunk")
	}
}
