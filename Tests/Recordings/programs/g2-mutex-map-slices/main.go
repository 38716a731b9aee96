// A map of slices guarded by a sync.Mutex: 8 goroutines append to buckets
// keyed by value mod 4. RWMutex readers then sum each bucket.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Store struct {
	mu      sync.RWMutex
	buckets map[int][]int
}

func (s *Store) Add(v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buckets[v%4] = append(s.buckets[v%4], v)
}

func (s *Store) Sum(k int) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	total := 0
	for _, v := range s.buckets[k] {
		total += v
	}
	return total
}

func main() {
	s := &Store{buckets: make(map[int][]int)}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				s.Add(g*25 + i)
			}
		}(g)
	}
	wg.Wait()
	keys := make([]int, 0, len(s.buckets))
	for k := range s.buckets {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		b := s.buckets[k]
		sort.Ints(b)
		fmt.Printf("bucket %d: len=%d first=%v sum=%d\n", k, len(b), b[:3], s.Sum(k))
	}
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
}
