// errorsjoin: errors.Join (Go 1.20+): its text (the errors' texts on lines of their own), nil
// for no non-nil errors, %T, errors.Is and errors.As through it and through a %w of it, and
// what Join and Error allocate.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

var ms runtime.MemStats

func allocs(f func()) (uint64, uint64) {
	runtime.ReadMemStats(&ms)
	m, b := ms.Mallocs, ms.TotalAlloc
	f()
	runtime.ReadMemStats(&ms)
	return ms.Mallocs - m, ms.TotalAlloc - b
}

var ErrNotFound = errors.New("not found")
var ErrDenied = errors.New("permission denied")

type CodeErr struct{ Code int }

func (e *CodeErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

var esink error
var ssink string

func main() {
	joined := errors.Join(ErrNotFound, ErrDenied)
	fmt.Println(joined)
	fmt.Printf("%T %q\n", joined, joined.Error())
	fmt.Println(errors.Join() == nil, errors.Join(nil, nil) == nil)
	one := errors.Join(nil, ErrDenied, nil)
	fmt.Println(one, errors.Is(one, ErrDenied), one == ErrDenied)
	three := errors.Join(ErrNotFound, &CodeErr{404}, fmt.Errorf("wrapped: %w", ErrDenied))
	fmt.Printf("%v|\n", three)
	var ce *CodeErr
	fmt.Println(errors.Is(three, ErrNotFound), errors.Is(three, ErrDenied), errors.As(three, &ce), ce.Code)
	outer := fmt.Errorf("outer: %w", three)
	fmt.Println(errors.Is(outer, ErrDenied), errors.Unwrap(outer) == three, errors.Unwrap(three) == nil)
	nested := errors.Join(joined, errors.New("third"))
	fmt.Printf("%q\n", nested.Error())
	m1, b1 := allocs(func() { esink = errors.Join(ErrNotFound, ErrDenied) })
	m2, b2 := allocs(func() { esink = errors.Join(ErrNotFound) })
	m3, b3 := allocs(func() { esink = errors.Join(nil) })
	m4, b4 := allocs(func() { ssink = joined.Error() })
	m5, b5 := allocs(func() { ssink = one.Error() })
	m6, b6 := allocs(func() { ssink = three.Error() })
	fmt.Println("Join 2:", m1, b1, "Join 1:", m2, b2, "Join nil:", m3, b3, "Error 2:", m4, b4, "Error 1:", m5, b5, "Error 3:", m6, b6)
}
