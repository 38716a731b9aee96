// inline: the inliner's costs of one-line wrappers of Get and Put (-gcflags=-m=2),
// recorded by ../run.sh as ../go<version>.inl.txt.
package main

import "sync"

type T struct{ a, b int }

var pool = sync.Pool{New: func() any { return new(T) }}

func g(p *sync.Pool) any { return p.Get() }
func gt(p *sync.Pool) *T { return p.Get().(*T) }
func pu(p *sync.Pool, x any) { p.Put(x) }
func put(p *sync.Pool, x *T) { p.Put(x) }
func puti(p *sync.Pool, x int) { p.Put(x) }
func gg() *T { return pool.Get().(*T) }

func main() {
	x := gg()
	put(&pool, x)
	puti(&pool, 3)
	_ = g(&pool)
	_ = gt(&pool)
	pu(&pool, nil)
}
