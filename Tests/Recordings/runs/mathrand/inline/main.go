// inline: the inliner's costs of one-line wrappers of math/rand's functions and methods
// (-gcflags=-m=2), recorded by ../run.sh as ../go<version>.inl.txt.
package main

import "math/rand"

func a1(r *rand.Rand) int       { return r.Int() }
func a2(r *rand.Rand) int32     { return r.Int31() }
func a3(r *rand.Rand) uint32    { return r.Uint32() }
func a4(r *rand.Rand) float32   { return r.Float32() }
func a5(r *rand.Rand) int32     { return r.Int31n(9) }
func a6(r *rand.Rand) int64     { return r.Int63n(9) }
func a7(r *rand.Rand) uint64    { return r.Uint64() }
func a8(r *rand.Rand)           { r.Seed(1) }
func b1() int                   { return rand.Int() }
func b2() int64                 { return rand.Int63() }
func b3() float64               { return rand.Float64() }
func b4() []int                 { return rand.Perm(3) }
func b5()                       { rand.Seed(1) }
func b6() int32                 { return rand.Int31n(5) }
func b7() uint32                { return rand.Uint32() }
func b8(s rand.Source) int64    { return s.Int63() }
func b9(s rand.Source)          { s.Seed(3) }
func c1() int64                 { return rand.Int63n(5) }
func c2() int32                 { return rand.Int31() }
func c3() float32               { return rand.Float32() }
func c4() uint64                { return rand.Uint64() }
func c5(n int, f func(i, j int)) { rand.Shuffle(n, f) }


func f64(r *rand.Rand) float64 { return r.Float64() }
func i63(r *rand.Rand) int64 { return r.Int63() }
func in(r *rand.Rand, n int) int { return r.Intn(n) }
func pm(r *rand.Rand) []int { return r.Perm(5) }
func sh(r *rand.Rand, s []int) { r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] }) }
func ns(seed int64) rand.Source { return rand.NewSource(seed) }
func nw(s rand.Source) *rand.Rand { return rand.New(s) }

func main() {}
