// Shared types and package-level variables of the escape corpus.
// Everything a function stores "globally" goes into one of the g* variables;
// main stores every result into a sink* variable so that nothing is dead code.
package main

const smallLen = 16

type Node struct {
	val  int
	next *Node
}

type Holder struct {
	p *int
}

type Pair struct {
	a *int
	b *int
}

type Buf struct {
	buf []byte
	n   int
}

type Point struct {
	x int
	y int
}

var (
	gPtr    *int
	gBytes  []byte
	gInts   []int
	gNode   *Node
	gHolder Holder
	gPairs  []Pair
	gPtrs   []*int
	gString string
)

var (
	sinkInt    int
	sinkPtr    *int
	sinkBytes  []byte
	sinkInts   []int
	sinkNode   *Node
	sinkHolder Holder
	sinkPoint  *Point
	sinkPtrs   []*int
	sinkArr    [4]*int
	sinkString string
	sinkBool   bool
	sinkBuf    *Buf
	sinkPair   Pair
)
