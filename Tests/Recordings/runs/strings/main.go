// strings: the runtime's string allocation paths (runtime/string.go), each
// case once with a result that does not escape (only summed locally) and once
// with a result stored in a package-level variable. Every case is a
// //go:noinline function called N = 1,000 times between two checkpoints; the
// checkpoint after the loop is labelled with the case, so a case's deltas are
// its line minus the line before. Inputs are package-level variables (not
// constants) passed as arguments, so nothing is constant-folded; that is why
// string(rune(65)) is written string(r) with r = 65 passed in.
//
//	cat2_*      a + b             concatstring2 (32-byte stack tmpBuf when the result does not escape)
//	cat3_*      a + b + c         concatstring3 (one call for the whole expression)
//	catEmpty_*  a + "" + b        concatstring3 with an empty literal operand
//	loop_*      s += x, 5 times in a loop (8-byte x; lengths 8, 16, 24, 32, 40)
//	unrolled_*  s += x written out 5 times (each += its own call site)
//	assignLoop_*, assignUnrolled_*  the same with s = s + x instead of s += x
//	b2s*_*      string(b)         slicebytetostring (n == 0, n == 1 staticuint64s, tmpBuf)
//	s2bRO*_*    []byte(s) read only (Go 1.22+: zero-copy if never mutated)
//	s2bMut*_*   []byte(s); b[0] = 'x'   stringtoslicebyte (tmpBuf) / rawbyteslice
//	s2r*_*      []rune(s)         stringtoslicerune ([32]rune buffer) / rawruneslice
//	r2s*_*      string(r) []rune  slicerunetostring (rawstringtmp(buf, size1+3))
//	i2s*_*      string(r) rune    intstring ([4]byte buffer / rawstring(4))
//
// Suffix _local: result does not escape; _esc: result stored in a global.
package main

import "gcsh.test/runs/ckpt"

const N = 1000

var (
	s5  = "abcde"
	s8  = "abcdefgh"
	s10 = "abcdefghij"
	s16 = "abcdefghijklmnop"
	s17 = "abcdefghijklmnopq"
	s20 = "abcdefghijklmnopqrst"
	s40 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"

	b0  []byte
	b1  []byte
	b10 []byte
	b40 []byte

	r5  []rune
	r20 []rune
	r30 []rune

	rA   rune = 65
	rCJK rune = 0x4e16

	gS  string
	gB  []byte
	gR  []rune
	acc int

	capMut10Local, capMut40Local, capMut10Esc, capMut40Esc int
	capS2R10Local, capS2R40Local, capS2R10Esc, capS2R40Esc int
)

func sumStr(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n += int(s[i])
	}
	return n
}

//go:noinline
func cat2Local(a, b string) int { s := a + b; return sumStr(s) }

//go:noinline
func cat2Esc(a, b string) { gS = a + b }

//go:noinline
func cat3Local(a, b, c string) int { s := a + b + c; return sumStr(s) }

//go:noinline
func cat3Esc(a, b, c string) { gS = a + b + c }

//go:noinline
func catEmptyLocal(a, b string) int { s := a + "" + b; return sumStr(s) }

//go:noinline
func catEmptyEsc(a, b string) { gS = a + "" + b }

//go:noinline
func loopLocal(x string) int {
	s := ""
	for i := 0; i < 5; i++ {
		s += x
	}
	return sumStr(s)
}

//go:noinline
func loopEsc(x string) {
	s := ""
	for i := 0; i < 5; i++ {
		s += x
	}
	gS = s
}

//go:noinline
func unrolledLocal(x string) int {
	s := ""
	s += x
	s += x
	s += x
	s += x
	s += x
	return sumStr(s)
}

//go:noinline
func unrolledEsc(x string) {
	s := ""
	s += x
	s += x
	s += x
	s += x
	s += x
	gS = s
}

//go:noinline
func assignLoopLocal(x string) int {
	s := ""
	for i := 0; i < 5; i++ {
		s = s + x
	}
	return sumStr(s)
}

//go:noinline
func assignLoopEsc(x string) {
	s := ""
	for i := 0; i < 5; i++ {
		s = s + x
	}
	gS = s
}

//go:noinline
func assignUnrolledLocal(x string) int {
	s := ""
	s = s + x
	s = s + x
	s = s + x
	s = s + x
	s = s + x
	return sumStr(s)
}

//go:noinline
func assignUnrolledEsc(x string) {
	s := ""
	s = s + x
	s = s + x
	s = s + x
	s = s + x
	s = s + x
	gS = s
}

//go:noinline
func b2sLocal(b []byte) int { s := string(b); return sumStr(s) }

//go:noinline
func b2sEsc(b []byte) { gS = string(b) }

//go:noinline
func s2bROLocal(s string) int {
	b := []byte(s)
	n := 0
	for i := 0; i < len(b); i++ {
		n += int(b[i])
	}
	return n
}

//go:noinline
func s2bROEsc(s string) { gB = []byte(s) }

//go:noinline
func s2bMutLocal(s string) int {
	b := []byte(s)
	b[0] = 'x'
	n := 0
	for i := 0; i < len(b); i++ {
		n += int(b[i])
	}
	return n<<10 | cap(b) // one result (gcsh has no multiple results yet)
}

//go:noinline
func s2bMutEsc(s string) int {
	b := []byte(s)
	b[0] = 'x'
	gB = b
	return cap(b)
}

//go:noinline
func s2rLocal(s string) int {
	r := []rune(s)
	n := 0
	for i := 0; i < len(r); i++ {
		n += int(r[i])
	}
	return n<<10 | cap(r) // one result (gcsh has no multiple results yet)
}

//go:noinline
func s2rEsc(s string) int {
	r := []rune(s)
	gR = r
	return cap(r)
}

//go:noinline
func r2sLocal(r []rune) int { s := string(r); return sumStr(s) }

//go:noinline
func r2sEsc(r []rune) { gS = string(r) }

//go:noinline
func i2sLocal(r rune) int { s := string(r); return sumStr(s) }

//go:noinline
func i2sEsc(r rune) { gS = string(r) }

func main() {
	b0 = make([]byte, 0)
	b1 = []byte(s5[:1])
	b10 = []byte(s10)
	b40 = []byte(s40)
	r5 = []rune(s5)
	r20 = []rune(s20)
	r30 = []rune(s20 + s10)
	var c int

	ckpt.CP("start")

	for i := 0; i < N; i++ {
		acc += cat2Local(s5, s5)
	}
	ckpt.CP("cat2_10_local")
	for i := 0; i < N; i++ {
		cat2Esc(s5, s5)
	}
	ckpt.CP("cat2_10_esc")
	for i := 0; i < N; i++ {
		acc += cat2Local(s16, s16)
	}
	ckpt.CP("cat2_32_local")
	for i := 0; i < N; i++ {
		acc += cat2Local(s16, s17)
	}
	ckpt.CP("cat2_33_local")
	for i := 0; i < N; i++ {
		acc += cat2Local(s20, s20)
	}
	ckpt.CP("cat2_40_local")
	for i := 0; i < N; i++ {
		cat2Esc(s20, s20)
	}
	ckpt.CP("cat2_40_esc")

	for i := 0; i < N; i++ {
		acc += cat3Local(s10, s10, s10)
	}
	ckpt.CP("cat3_30_local")
	for i := 0; i < N; i++ {
		cat3Esc(s10, s10, s10)
	}
	ckpt.CP("cat3_30_esc")
	for i := 0; i < N; i++ {
		acc += cat3Local(s10, s10, s20)
	}
	ckpt.CP("cat3_40_local")
	for i := 0; i < N; i++ {
		cat3Esc(s10, s10, s20)
	}
	ckpt.CP("cat3_40_esc")

	for i := 0; i < N; i++ {
		acc += catEmptyLocal(s5, s5)
	}
	ckpt.CP("catEmpty_10_local")
	for i := 0; i < N; i++ {
		catEmptyEsc(s5, s5)
	}
	ckpt.CP("catEmpty_10_esc")
	for i := 0; i < N; i++ {
		acc += catEmptyLocal(s20, s20)
	}
	ckpt.CP("catEmpty_40_local")
	for i := 0; i < N; i++ {
		catEmptyEsc(s20, s20)
	}
	ckpt.CP("catEmpty_40_esc")

	for i := 0; i < N; i++ {
		acc += loopLocal(s8)
	}
	ckpt.CP("loop_5x8_local")
	for i := 0; i < N; i++ {
		loopEsc(s8)
	}
	ckpt.CP("loop_5x8_esc")
	for i := 0; i < N; i++ {
		acc += unrolledLocal(s8)
	}
	ckpt.CP("unrolled_5x8_local")
	for i := 0; i < N; i++ {
		unrolledEsc(s8)
	}
	ckpt.CP("unrolled_5x8_esc")
	for i := 0; i < N; i++ {
		acc += assignLoopLocal(s8)
	}
	ckpt.CP("assignLoop_5x8_local")
	for i := 0; i < N; i++ {
		assignLoopEsc(s8)
	}
	ckpt.CP("assignLoop_5x8_esc")
	for i := 0; i < N; i++ {
		acc += assignUnrolledLocal(s8)
	}
	ckpt.CP("assignUnrolled_5x8_local")
	for i := 0; i < N; i++ {
		assignUnrolledEsc(s8)
	}
	ckpt.CP("assignUnrolled_5x8_esc")

	for i := 0; i < N; i++ {
		acc += b2sLocal(b0)
	}
	ckpt.CP("b2s0_local")
	for i := 0; i < N; i++ {
		b2sEsc(b0)
	}
	ckpt.CP("b2s0_esc")
	for i := 0; i < N; i++ {
		acc += b2sLocal(b1)
	}
	ckpt.CP("b2s1_local")
	for i := 0; i < N; i++ {
		b2sEsc(b1)
	}
	ckpt.CP("b2s1_esc")
	for i := 0; i < N; i++ {
		acc += b2sLocal(b10)
	}
	ckpt.CP("b2s10_local")
	for i := 0; i < N; i++ {
		b2sEsc(b10)
	}
	ckpt.CP("b2s10_esc")
	for i := 0; i < N; i++ {
		acc += b2sLocal(b40)
	}
	ckpt.CP("b2s40_local")
	for i := 0; i < N; i++ {
		b2sEsc(b40)
	}
	ckpt.CP("b2s40_esc")

	for i := 0; i < N; i++ {
		acc += s2bROLocal(s10)
	}
	ckpt.CP("s2bRO10_local")
	for i := 0; i < N; i++ {
		s2bROEsc(s10)
	}
	ckpt.CP("s2bRO10_esc")
	for i := 0; i < N; i++ {
		acc += s2bROLocal(s40)
	}
	ckpt.CP("s2bRO40_local")
	for i := 0; i < N; i++ {
		s2bROEsc(s40)
	}
	ckpt.CP("s2bRO40_esc")
	for i := 0; i < N; i++ {
		nc := s2bMutLocal(s10)
		n, c := nc>>10, nc&1023
		acc += n
		capMut10Local = c
	}
	ckpt.CP("s2bMut10_local")
	for i := 0; i < N; i++ {
		capMut10Esc = s2bMutEsc(s10)
	}
	ckpt.CP("s2bMut10_esc")
	for i := 0; i < N; i++ {
		nc := s2bMutLocal(s40)
		n, c := nc>>10, nc&1023
		acc += n
		capMut40Local = c
	}
	ckpt.CP("s2bMut40_local")
	for i := 0; i < N; i++ {
		capMut40Esc = s2bMutEsc(s40)
	}
	ckpt.CP("s2bMut40_esc")

	for i := 0; i < N; i++ {
		nc := s2rLocal(s10)
		n, c := nc>>10, nc&1023
		acc += n
		capS2R10Local = c
	}
	ckpt.CP("s2r10_local")
	for i := 0; i < N; i++ {
		capS2R10Esc = s2rEsc(s10)
	}
	ckpt.CP("s2r10_esc")
	for i := 0; i < N; i++ {
		nc := s2rLocal(s40)
		n, c := nc>>10, nc&1023
		acc += n
		capS2R40Local = c
	}
	ckpt.CP("s2r40_local")
	for i := 0; i < N; i++ {
		capS2R40Esc = s2rEsc(s40)
	}
	ckpt.CP("s2r40_esc")

	for i := 0; i < N; i++ {
		acc += r2sLocal(r5)
	}
	ckpt.CP("r2s5_local")
	for i := 0; i < N; i++ {
		r2sEsc(r5)
	}
	ckpt.CP("r2s5_esc")
	for i := 0; i < N; i++ {
		acc += r2sLocal(r20)
	}
	ckpt.CP("r2s20_local")
	for i := 0; i < N; i++ {
		r2sEsc(r20)
	}
	ckpt.CP("r2s20_esc")
	for i := 0; i < N; i++ {
		acc += r2sLocal(r30)
	}
	ckpt.CP("r2s30_local")
	for i := 0; i < N; i++ {
		r2sEsc(r30)
	}
	ckpt.CP("r2s30_esc")

	for i := 0; i < N; i++ {
		acc += i2sLocal(rA)
	}
	ckpt.CP("i2sA_local")
	for i := 0; i < N; i++ {
		i2sEsc(rA)
	}
	ckpt.CP("i2sA_esc")
	for i := 0; i < N; i++ {
		acc += i2sLocal(rCJK)
	}
	ckpt.CP("i2sCJK_local")
	for i := 0; i < N; i++ {
		i2sEsc(rCJK)
	}
	ckpt.CP("i2sCJK_esc")

	c = len(gS) + len(gB) + len(gR)
	println("acc", acc, "last", c)
	println("cap []byte(s) mutated: 10 local", capMut10Local, "40 local", capMut40Local,
		"10 esc", capMut10Esc, "40 esc", capMut40Esc)
	println("cap []rune(s): 10 local", capS2R10Local, "40 local", capS2R40Local,
		"10 esc", capS2R10Esc, "40 esc", capS2R40Esc)
}
