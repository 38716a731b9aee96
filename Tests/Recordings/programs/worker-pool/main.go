// A worker pool: jobs go out on a buffered channel to 4 workers, results come
// back on another, and a WaitGroup tells us when to close the results so that
// main can range over them and add them up.
package main

import (
	"fmt"
	"sync"
)

type result struct {
	job    int
	square int
}

func worker(id int, jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- result{job: j, square: j * j}
	}
}

func main() {
	const numJobs = 100
	jobs := make(chan int, numJobs)
	results := make(chan result, numJobs)

	var wg sync.WaitGroup
	for w := 1; w <= 4; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}

	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)

	go func() {
		wg.Wait()
		close(results)
	}()

	sum, count := 0, 0
	squares := make([]int, numJobs+1)
	for r := range results {
		sum += r.square
		count++
		squares[r.job] = r.square
	}
	fmt.Println("results received:", count, "sum of squares 1..100:", sum)
	fmt.Println("square of 7:", squares[7], "len(jobs):", len(jobs), "cap(results):", cap(results))
}
