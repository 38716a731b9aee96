// Four ways to build one long string out of 10,000 small pieces: += in a
// loop, strings.Builder, bytes.Buffer, and strings.Join of a []string.
// runtime.ReadMemStats before and after each one shows how many allocations
// it made and how many bytes it asked for.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
)

const pieces = 10000

var piece = "abc"

func memNow() (uint64, uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs, m.TotalAlloc
}

func withPlus() string {
	s := ""
	for i := 0; i < pieces; i++ {
		s += piece
	}
	return s
}

func withBuilder() string {
	var sb strings.Builder
	for i := 0; i < pieces; i++ {
		sb.WriteString(piece)
	}
	return sb.String()
}

func withBuffer() string {
	var buf bytes.Buffer
	for i := 0; i < pieces; i++ {
		buf.WriteString(piece)
	}
	return buf.String()
}

func withJoin() string {
	parts := make([]string, 0, pieces)
	for i := 0; i < pieces; i++ {
		parts = append(parts, piece)
	}
	return strings.Join(parts, "")
}

func main() {
	fmt.Println("building a string from", pieces, "pieces of", len(piece), "bytes")

	m0, t0 := memNow()
	s1 := withPlus()
	m1, t1 := memNow()
	fmt.Println("s += piece:      length", len(s1))
	fmt.Printf("~   mallocs %d, bytes allocated %d\n", m1-m0, t1-t0)
	plusBytes := t1 - t0

	m0, t0 = memNow()
	s2 := withBuilder()
	m1, t1 = memNow()
	fmt.Println("strings.Builder: length", len(s2))
	fmt.Printf("~   mallocs %d, bytes allocated %d\n", m1-m0, t1-t0)
	builderBytes := t1 - t0

	m0, t0 = memNow()
	s3 := withBuffer()
	m1, t1 = memNow()
	fmt.Println("bytes.Buffer:    length", len(s3))
	fmt.Printf("~   mallocs %d, bytes allocated %d\n", m1-m0, t1-t0)
	bufferBytes := t1 - t0

	m0, t0 = memNow()
	s4 := withJoin()
	m1, t1 = memNow()
	fmt.Println("strings.Join:    length", len(s4))
	fmt.Printf("~   mallocs %d, bytes allocated %d\n", m1-m0, t1-t0)
	joinBytes := t1 - t0

	fmt.Println("all four the same:", s1 == s2 && s2 == s3 && s3 == s4)
	fmt.Println("+= asked for over 100x more than the Builder:", plusBytes > 100*builderBytes)
	fmt.Println("+= asked for over 100x more than the Buffer:", plusBytes > 100*bufferBytes)
	fmt.Println("+= asked for over 100x more than Join:", plusBytes > 100*joinBytes)
}
