// errors.Is, errors.As, errors.Unwrap and fmt.Errorf's %w: what they find along a chain of
// wrapped errors (a program type with Unwrap, fmt's wrapError and wrapErrors, strconv's
// NumError), what a misused %w prints, and what Errorf allocates with and without %w.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type TempErr struct{ code int }

func (t TempErr) Error() string        { return "temp " + strconv.Itoa(t.code) }
func (t TempErr) Is(target error) bool { return target == ErrNotFound && t.code == 404 }

var sink error

func count(what string, f func()) {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		f()
	}
	runtime.ReadMemStats(&b)
	fmt.Printf("%-16s %d mallocs %d bytes per call\n", what, (b.Mallocs-a.Mallocs)/100, (b.TotalAlloc-a.TotalAlloc)/100)
}

func main() {
	q := &QueryError{"select", ErrNotFound}
	w1 := fmt.Errorf("layer 1: %w", q)
	w2 := fmt.Errorf("layer 2: %w", w1)
	fmt.Println(w2)
	fmt.Println(errors.Is(w2, ErrNotFound), errors.Is(w2, errors.New("not found")))
	var qe *QueryError
	fmt.Println(errors.As(w2, &qe), qe.Query)
	fmt.Println(errors.Unwrap(w2) == w1, errors.Unwrap(w1) == q, errors.Unwrap(q) == ErrNotFound, errors.Unwrap(ErrNotFound) == nil)
	fmt.Println(errors.Is(TempErr{404}, ErrNotFound), errors.Is(TempErr{500}, ErrNotFound))
	var te TempErr
	fmt.Println(errors.As(fmt.Errorf("wrapped: %w", TempErr{7}), &te), te.code)
	_, err := strconv.Atoi("x")
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, errors.Is(err, strconv.ErrSyntax))
	fmt.Println(fmt.Errorf("not an error: %w", 5))
	fmt.Println(fmt.Sprintf("in Sprintf: %w", ErrNotFound))
	fmt.Println(errors.Is(nil, ErrNotFound), errors.Is(nil, nil), errors.Unwrap(nil) == nil)
	fmt.Printf("%v|%s|%+v|%T\n", w1, w1, w1, w1)
	count("Errorf const", func() { sink = fmt.Errorf("boom") })
	count("Errorf %d", func() { sink = fmt.Errorf("boom %d", 1) })
	count("Errorf %w", func() { sink = fmt.Errorf("boom: %w", ErrNotFound) })
	count("Is", func() { _ = errors.Is(w2, ErrNotFound) })
	count("As", func() { _ = errors.As(w2, &qe) })
}
