// bytesbuffer: what bytes.Buffer allocates (bytes/buffer.go: grow, growSlice,
// tryGrowByReslice, smallBufferSize = 64). Each case is a //go:noinline function
// with a local `var b bytes.Buffer` that does not escape (except the i_ and
// j_*_esc cases, whose Buffer is returned or stored in a package variable).
// MemStats is read into package variables (ms[k], no allocation) before and
// after each case, and once more inside a case where two windows are wanted
// (c, d, g); everything is printed at the end. A window's deltas are its
// reading minus the reading before. Cap sequences (b.Cap() after each write,
// repeated values dropped) go to package arrays.
//
//	control          nothing between two readings
//	a_ws10           1 WriteString of a 10-byte string
//	b_wb100          100 WriteByte (cap sequence)
//	b_wb5000         5000 WriteByte (cap sequence)
//	c_ws7x100        100 WriteString of a 7-byte string (cap sequence) ...
//	c_string         ... then String() of the 700 bytes, kept in a package variable
//	d_grow1000       Grow(1000) on an empty buffer ...
//	d_wb1000         ... then 1000 WriteByte (cap after Grow and after the writes)
//	e_wr3x50         50 WriteRune of U+20AC (3 bytes in UTF-8) (cap sequence)
//	f_w100x3         3 Write of a 100-byte []byte (cap sequence)
//	g_first500       50 WriteString of 10 bytes ...
//	g_reset500       ... then Reset() and the same 50 writes again (cap sequence over both)
//	h_empty          Bytes() and String() of an empty buffer (results used locally)
//	h_bytes10        WriteString 10 bytes, Bytes() kept in a package variable
//	h_string10       WriteString 10 bytes, String() kept in a package variable
//	h_stringlocal10  WriteString 10 bytes, String() only summed locally
//	i_new            new(bytes.Buffer) returned from a function, kept
//	i_lit            &bytes.Buffer{} returned from a function, kept
//	i_new_ws10       new(bytes.Buffer) returned, then 1 WriteString of 10 bytes
//	j_nbs_esc        bytes.NewBufferString("hello") kept in a package variable
//	j_nb_esc         bytes.NewBuffer(make([]byte, 0, 100)) kept
//	j_nbs_local      bytes.NewBufferString("hello"), only Len/Cap used
//	j_nb_local       bytes.NewBuffer(make([]byte, 0, 100)), only Len/Cap used
//	j_nb_local_w101  bytes.NewBuffer(make([]byte, 0, 100)), then 101 WriteByte (cap sequence)
//
// Inputs are package variables, so nothing is constant-folded.
package main

import (
	"bytes"
	"fmt"
	"runtime"
)

const maxSnaps = 40

type seq struct {
	n int
	v [32]int
}

func (s *seq) add(c int) {
	if s.n == 0 || s.v[s.n-1] != c {
		s.v[s.n] = c
		s.n++
	}
}

var (
	ms     [maxSnaps]runtime.MemStats
	labels [maxSnaps]string
	nsnap  int

	s5   = "hello"
	s7   = "abcdefg"
	s10  = "abcdefghij"
	p100 []byte
	r3   rune = 0x20AC // €, 3 bytes

	sink      int
	sinkStr   string
	sinkBytes []byte
	sinkBuf   *bytes.Buffer

	seqB100, seqB5000, seqC, seqD, seqE, seqF, seqG, seqJ seq

	hBytesNil                 bool
	hStringLen                int
	jNBSEscCap, jNBEscCap     int
	jNBSLocalCap, jNBLocalCap int
)

//go:noinline
func snap(label string) {
	runtime.ReadMemStats(&ms[nsnap])
	labels[nsnap] = label
	nsnap++
}

//go:noinline
func caseA(s string) int {
	var b bytes.Buffer
	b.WriteString(s)
	return b.Len() + b.Cap()
}

//go:noinline
func caseB(n int, sq *seq) int {
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		b.WriteByte(byte(i))
		sq.add(b.Cap())
	}
	return b.Len()
}

//go:noinline
func caseC(s string) {
	var b bytes.Buffer
	for i := 0; i < 100; i++ {
		b.WriteString(s)
		seqC.add(b.Cap())
	}
	snap("c_ws7x100")
	sinkStr = b.String()
}

//go:noinline
func caseD() int {
	var b bytes.Buffer
	b.Grow(1000)
	seqD.add(b.Cap())
	snap("d_grow1000")
	for i := 0; i < 1000; i++ {
		b.WriteByte(byte(i))
	}
	seqD.add(b.Cap())
	return b.Len()
}

//go:noinline
func caseE(r rune) int {
	var b bytes.Buffer
	for i := 0; i < 50; i++ {
		b.WriteRune(r)
		seqE.add(b.Cap())
	}
	return b.Len()
}

//go:noinline
func caseF(p []byte) int {
	var b bytes.Buffer
	for i := 0; i < 3; i++ {
		b.Write(p)
		seqF.add(b.Cap())
	}
	return b.Len()
}

//go:noinline
func caseG(s string) int {
	var b bytes.Buffer
	for i := 0; i < 50; i++ {
		b.WriteString(s)
		seqG.add(b.Cap())
	}
	snap("g_first500")
	b.Reset()
	seqG.add(b.Cap())
	for i := 0; i < 50; i++ {
		b.WriteString(s)
		seqG.add(b.Cap())
	}
	return b.Len()
}

//go:noinline
func caseHEmpty() int {
	var b bytes.Buffer
	bs := b.Bytes()
	s := b.String()
	hBytesNil = bs == nil
	hStringLen = len(s)
	return len(bs) + len(s)
}

//go:noinline
func caseHBytes(s string) {
	var b bytes.Buffer
	b.WriteString(s)
	sinkBytes = b.Bytes()
}

//go:noinline
func caseHString(s string) {
	var b bytes.Buffer
	b.WriteString(s)
	sinkStr = b.String()
}

//go:noinline
func caseHStringLocal(s string) int {
	var b bytes.Buffer
	b.WriteString(s)
	t := b.String()
	n := 0
	for i := 0; i < len(t); i++ {
		n += int(t[i])
	}
	return n
}

//go:noinline
func newBuf() *bytes.Buffer {
	return new(bytes.Buffer)
}

//go:noinline
func litBuf() *bytes.Buffer {
	return &bytes.Buffer{}
}

//go:noinline
func caseJNBSEsc(s string) {
	sinkBuf = bytes.NewBufferString(s)
	jNBSEscCap = sinkBuf.Cap()
}

//go:noinline
func caseJNBEsc() {
	sinkBuf = bytes.NewBuffer(make([]byte, 0, 100))
	jNBEscCap = sinkBuf.Cap()
}

//go:noinline
func caseJNBSLocal(s string) int {
	b := bytes.NewBufferString(s)
	jNBSLocalCap = b.Cap()
	return b.Len()
}

//go:noinline
func caseJNBLocal() int {
	b := bytes.NewBuffer(make([]byte, 0, 100))
	jNBLocalCap = b.Cap()
	return b.Len()
}

//go:noinline
func caseJNBLocalW101() int {
	b := bytes.NewBuffer(make([]byte, 0, 100))
	seqJ.add(b.Cap())
	for i := 0; i < 101; i++ {
		b.WriteByte(byte(i))
		seqJ.add(b.Cap())
	}
	return b.Len()
}

func showSeq(name string, s *seq) {
	fmt.Printf("caps %s:", name)
	for i := 0; i < s.n; i++ {
		fmt.Printf(" %d", s.v[i])
	}
	fmt.Println()
}

func main() {
	p100 = make([]byte, 100)
	for i := range p100 {
		p100[i] = byte('a' + i%26)
	}

	snap("start")
	snap("control")
	sink += caseA(s10)
	snap("a_ws10")
	sink += caseB(100, &seqB100)
	snap("b_wb100")
	sink += caseB(5000, &seqB5000)
	snap("b_wb5000")
	caseC(s7)
	snap("c_string")
	sink += caseD()
	snap("d_wb1000")
	sink += caseE(r3)
	snap("e_wr3x50")
	sink += caseF(p100)
	snap("f_w100x3")
	sink += caseG(s10)
	snap("g_reset500")
	sink += caseHEmpty()
	snap("h_empty")
	caseHBytes(s10)
	snap("h_bytes10")
	caseHString(s10)
	snap("h_string10")
	sink += caseHStringLocal(s10)
	snap("h_stringlocal10")
	sinkBuf = newBuf()
	snap("i_new")
	sinkBuf = litBuf()
	snap("i_lit")
	sinkBuf = newBuf()
	sinkBuf.WriteString(s10)
	snap("i_new_ws10")
	caseJNBSEsc(s5)
	snap("j_nbs_esc")
	caseJNBEsc()
	snap("j_nb_esc")
	sink += caseJNBSLocal(s5)
	snap("j_nbs_local")
	sink += caseJNBLocal()
	snap("j_nb_local")
	sink += caseJNBLocalW101()
	snap("j_nb_local_w101")

	fmt.Println(runtime.Version())
	for k := 1; k < nsnap; k++ {
		a, b := &ms[k-1], &ms[k]
		fmt.Printf("%-16s Mallocs %d Frees %d TotalAlloc %d BySize", labels[k],
			b.Mallocs-a.Mallocs, b.Frees-a.Frees, b.TotalAlloc-a.TotalAlloc)
		for i := range b.BySize {
			if d := b.BySize[i].Mallocs - a.BySize[i].Mallocs; d != 0 {
				fmt.Printf(" %d:%d", b.BySize[i].Size, d)
			}
		}
		fmt.Println()
	}
	showSeq("b_wb100", &seqB100)
	showSeq("b_wb5000", &seqB5000)
	showSeq("c_ws7x100", &seqC)
	showSeq("d_grow1000+wb1000", &seqD)
	showSeq("e_wr3x50", &seqE)
	showSeq("f_w100x3", &seqF)
	showSeq("g_first500+reset500", &seqG)
	showSeq("j_nb_local_w101", &seqJ)
	fmt.Printf("h_empty Bytes()==nil %v len(String()) %d\n", hBytesNil, hStringLen)
	fmt.Printf("j caps: nbs_esc %d nb_esc %d nbs_local %d nb_local %d\n",
		jNBSEscCap, jNBEscCap, jNBSLocalCap, jNBLocalCap)
	fmt.Printf("lens: sinkStr %d sinkBytes %d sinkBuf %d\n", len(sinkStr), len(sinkBytes), sinkBuf.Len())
	fmt.Printf("NumGC start %d end %d sink %d\n", ms[0].NumGC, ms[nsnap-1].NumGC, sink)
}
