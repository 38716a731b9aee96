// errgroup-like error collection: each task reports an error (or nil) on a
// buffered chan error; main collects them and reports the failures sorted.
package main

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

var ErrOdd = errors.New("odd input")

type TaskError struct {
	ID  int
	Err error
}

func (e *TaskError) Error() string { return fmt.Sprintf("task %d: %v", e.ID, e.Err) }
func (e *TaskError) Unwrap() error { return e.Err }

func task(id int) error {
	if id%3 == 0 {
		return &TaskError{ID: id, Err: ErrOdd}
	}
	if id == 7 {
		return fmt.Errorf("task %d: wrapped: %w", id, errors.New("boom"))
	}
	return nil
}

func main() {
	errc := make(chan error, 10)
	var wg sync.WaitGroup
	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			errc <- task(id)
		}(i)
	}
	wg.Wait()
	close(errc)
	var msgs []string
	nils, odd := 0, 0
	for err := range errc {
		if err == nil {
			nils++
			continue
		}
		if errors.Is(err, ErrOdd) {
			odd++
		}
		var te *TaskError
		if errors.As(err, &te) {
			msgs = append(msgs, fmt.Sprintf("TaskError id=%d", te.ID))
		}
		msgs = append(msgs, err.Error())
	}
	sort.Strings(msgs)
	for _, m := range msgs {
		fmt.Println(m)
	}
	fmt.Println("nil errors:", nils, "ErrOdd:", odd)
	var e error = (*TaskError)(nil)
	fmt.Println("typed nil != nil:", e != nil)
}
