// gogcmin: examples/10-gogc-and-the-heap-minimum.gcs as Go. 65,536 pointer-free 1 KiB objects
// (64 MiB), each dropped at the next, under GOGC=100, a checkpoint, then debug.SetGCPercent(400)
// and the same again. The live heap is ~0, so every goal is the heap minimum (4 MiB ×
// GOGC/100) unless a cycle's mark sees much allocation: what the loop allocates while the mark
// runs is allocated black and counted live (mgcpacer.go), and the next goal grows with it. How
// many cycles run, and the heap at each checkpoint, is the race between this allocation loop
// and the concurrent mark: replicates show its spread.
package main

import (
	"runtime/debug"

	"gcsh.test/runs/ckpt"
)

var p *[1024]byte

func main() {
	for i := 0; i < 65536; i++ {
		p = new([1024]byte)
	}
	ckpt.CP("GOGC=100")
	debug.SetGCPercent(400)
	for i := 0; i < 65536; i++ {
		p = new([1024]byte)
	}
	ckpt.CP("then GOGC=400")
}
