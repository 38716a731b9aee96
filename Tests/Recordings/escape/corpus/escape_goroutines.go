package main

// Goroutines, channels and sync: what a go statement, a channel send and a WaitGroup do to
// escape analysis. A go statement's call with arguments is wrapped by the compiler in a
// closure without parameters (`x1 := x; go func() { f(x1) }()`), and that closure flows to
// the heap (the new goroutine outlives the frame): whatever it captures by reference moves
// to the heap, even when the callee itself does not leak its parameter. A value sent on a
// channel flows to the heap (the receiver may be any goroutine); the channel itself is a
// runtime object (makechan): -m says nothing about it, whether it stays local or not. The
// functions are called from goroutineCorpus (main calls it); those that start goroutines
// with function literals are in escape_goroutine_literals.go (Go 1.19 only: Go 1.22+
// inlines literals, which gcsh does not yet).

import "sync"

var gorSinkInt int
var gorSinkPtr *int
var gorSinkChan chan int
var gorShared int

//go:noinline
func gorTick() { gorShared++ }

//go:noinline
func gorAdd(x, y int, wg *sync.WaitGroup) {
	gorShared += x + y
	wg.Done()
}

// The callee does not leak p; only the wrapper makes &x escape.
//
//go:noinline
func gorReadDone(p *int, wg *sync.WaitGroup) {
	gorShared += *p
	wg.Done()
}

// A go statement of a function without parameters: no wrapper, no diagnostic.
//
//go:noinline
func goNoArgs() {
	go gorTick()
}

// Arguments: the wrapper captures n by value and &wg, so wg moves to the heap.
//
//go:noinline
func goWithArgs(n int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go gorAdd(n, 2, &wg)
	wg.Wait()
}

// gorReadDone does not leak p, but the go statement's wrapper keeps &x: x moves to the heap.
//
//go:noinline
func goAddrOfLocal() {
	x := 7
	var wg sync.WaitGroup
	wg.Add(1)
	go gorReadDone(&x, &wg)
	wg.Wait()
}

// Channels that stay in the function, and one returned.
//
//go:noinline
func chanLocal() int {
	ch := make(chan int, 1)
	ch <- 5
	return <-ch
}

//go:noinline
func chanUnbufferedLocal() int {
	ch := make(chan int)
	close(ch)
	v, ok := <-ch
	if ok {
		return v
	}
	return -1
}

//go:noinline
func chanReturned() chan int {
	return make(chan int, 4)
}

//go:noinline
func chanToGlobal() {
	gorSinkChan = make(chan int)
}

// Sending a pointer on a channel: what it points to escapes, even if the channel is local.
//
//go:noinline
func chanSendPointer() int {
	x := 42
	ch := make(chan *int, 1)
	ch <- &x
	p := <-ch
	return *p
}

// A channel parameter: sending &v moves v to the heap; receiving returns heap content.
//
//go:noinline
func chanParamSend(ch chan *int) {
	v := 5
	ch <- &v
}

//go:noinline
func chanParamRecv(ch chan *int) *int {
	return <-ch
}

//go:noinline
func chanOfPointersNew() int {
	ch := make(chan *int, 2)
	ch <- new(int)
	return *<-ch
}

// A worker pool: the channels and the WaitGroup go to the goroutines, so they escape.
//
//go:noinline
func gorWorker(jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- j * 2
	}
}

//go:noinline
func workerPool() int {
	jobs := make(chan int, 10)
	results := make(chan int, 10)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go gorWorker(jobs, results, &wg)
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	return sum
}

// A WaitGroup and a Mutex used only in this goroutine stay in the frame; shared with a
// goroutine through a literal they move to the heap.
//
//go:noinline
func waitGroupLocal() int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	wg.Add(1)
	mu.Lock()
	n := 3
	mu.Unlock()
	wg.Done()
	wg.Wait()
	return n
}

// A WaitGroup parameter used through its methods.
//
//go:noinline
func waitGroupParam(wg *sync.WaitGroup, n int) {
	wg.Add(n)
	for i := 0; i < n; i++ {
		wg.Done()
	}
}

// select: a pointer sent in a case escapes; received values and a local done channel.
//
//go:noinline
func selectSendPointer() int {
	x := 1
	out := make(chan *int, 1)
	done := make(chan struct{})
	select {
	case out <- &x:
	case <-done:
	}
	return *<-out
}

//go:noinline
func selectDefault() int {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		return v
	default:
		return 0
	}
}

func goroutineCorpus() {
	goNoArgs()
	goWithArgs(1)
	goAddrOfLocal()
	goroutineLiterals()
	gorSinkInt += chanLocal()
	gorSinkInt += chanUnbufferedLocal()
	gorSinkChan = chanReturned()
	chanToGlobal()
	gorSinkInt += chanSendPointer()
	pc := make(chan *int, 1)
	chanParamSend(pc)
	gorSinkPtr = chanParamRecv(pc)
	gorSinkInt += chanOfPointersNew()
	gorSinkInt += workerPool()
	gorSinkInt += waitGroupLocal()
	var wg sync.WaitGroup
	waitGroupParam(&wg, 2)
	wg.Wait()
	gorSinkInt += selectSendPointer()
	gorSinkInt += selectDefault()
}
