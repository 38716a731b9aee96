// bigglobals: a program whose package-level variables are large — 8 MiB of pointer slots (bss)
// and 4 MiB of ints (noptrbss) — then 64 MiB of 64 KiB garbage. The runtime counts every
// module's data and bss in the pacer's globalsScan (symtab.go modulesinit → addGlobals), not
// noptrdata or noptrbss, so the first goal is the pointer slots' size, not the 4 MiB minimum,
// and every later goal adds them: gctrace's "MB globals" and gcpacertrace's globals work show it.
package main

import "gcsh.test/runs/ckpt"

var (
	table  [1 << 20]*int
	counts [1 << 19]int
	sink   []byte
)

func main() {
	ckpt.CP("start")
	for i := 0; i < 1024; i++ {
		sink = make([]byte, 64<<10)
	}
	table[0] = new(int)
	counts[0] = 1
	ckpt.CP("churned")
}
