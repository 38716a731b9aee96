// switchlive: a switch's tag is evaluated once, into a temporary that the cases are
// compared with (walk/switch.go copyExpr). While a case is still to be compared the
// temporary is live, so a GC during a case's call keeps the 1 MiB block the tag points to;
// in the clause's body, after the last comparison, it is dead and a GC frees the block.
// The same for a tag that is a local variable: it is copied, and the copy dies at the last
// comparison. And a variable used in one clause only is not a root in another.
package main

import (
	"runtime"

	"gcsh.test/runs/ckpt"
)

type Block [1 << 20]byte

//go:noinline
func mk(v byte) *Block {
	p := new(Block)
	p[0] = v
	return p
}

//go:noinline
func gcInCase() *Block {
	runtime.GC()
	ckpt.CP("in_case")
	return nil
}

func main() {
	ckpt.CP("start")
	switch mk(7) {
	case gcInCase():
		println("equal")
	case nil:
		println("nil")
	default:
		runtime.GC()
		ckpt.CP("in_body")
		println("default")
	}
	p := mk(8)
	switch p {
	case gcInCase():
		println("equal")
	default:
		runtime.GC()
		ckpt.CP("in_body")
		println("default")
	}
	// A variable used in one clause only is dead on the paths through the others.
	q := mk(9)
	k := len(q) - 1<<20 + 2
	switch k {
	case 1:
		println(q[0])
	default:
		runtime.GC()
		ckpt.CP("in_other_clause")
		println("other")
	}
	runtime.GC()
	ckpt.CP("end")
}
