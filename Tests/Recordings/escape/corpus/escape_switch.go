// Switches and labelled loops: a switch is control flow, not a loop — an allocation in
// one of its clauses has the loop depth of the switch; a labelled loop is a loop like any
// other. A switch on a constant is folded before escape analysis sees it.
package main

// An allocation in a clause, used only in its iteration: it does not escape.
//
//go:noinline
func switchInLoopLocal(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		switch i % 3 {
		case 0:
			p := new(int)
			*p = i
			t += *p
		case 1:
			s := make([]int, 4)
			t += len(s)
		default:
			t++
		}
	}
	return t
}

// An allocation kept across iterations of a labelled loop, in a variable declared outside
// it: it escapes (its address outlives the iteration), although it never leaves the
// function.
//
//go:noinline
func labeledLoopKeepsAcrossIterations(n int) int {
	var prev *int
	sum := 0
outer:
	for i := 0; i < n; i++ {
		switch i {
		case 2:
			continue outer
		case 5:
			break outer
		}
		p := new(int)
		*p = i
		if prev != nil {
			sum += *prev
		}
		prev = p
	}
	return sum
}

// Comparing pointers does not leak them.
//
//go:noinline
func switchTagPointer(p *int, q *int) int {
	switch p {
	case q:
		return 1
	case nil:
		return 2
	}
	return 0
}

// Returned from a clause: escapes; through fallthrough into the default clause: the local
// whose address is returned moves to the heap.
//
//go:noinline
func switchReturnsAlloc(k int) *Point {
	switch k {
	case 0:
		return &Point{1, 2}
	case 1:
		fallthrough
	default:
		pt := Point{k, k}
		return &pt
	}
}

// A make in the switch's init statement, used in the clauses: does not escape.
//
//go:noinline
func switchInitLocal(n int) int {
	switch b := make([]byte, 8); {
	case n > 0:
		b[0] = byte(n)
		return int(b[0])
	default:
		return len(b)
	}
}

// A constant switch: only the clause that runs is left, so the other clause's allocation
// is never analysed (no line for it).
//
//go:noinline
func constantSwitchFolded() int {
	switch smallLen {
	case 16:
		x := new(int)
		return *x
	case 32:
		y := new(int)
		sinkPtr = y
		return 0
	}
	return 0
}

// Inlinable: a switch in a small helper, judged again in its caller.
func pickBuf(k int) []byte {
	switch k {
	case 0:
		return make([]byte, 16)
	default:
		return nil
	}
}

func pickBufLocal() int {
	return len(pickBuf(0))
}
