// Goroutines, channels, select and sync: the order a one-P scheduler runs goroutines in (real
// runs under GOMAXPROCS=1, GOROUTINE-FACTS.md), what each construct allocates (the recorded
// chan-mallocs figures), Go's panics and fatal errors, and that the collector keeps what a
// blocked goroutine holds — and frees it once the goroutine has ended. The learner programs
// of Tests/Recordings/programs (worker-pool, producer-consumer, mutex-counter, select-timeout,
// deadlock, goroutine-leak, goroutine-stack-growth) are compared with Go in ProgramCorpusTests.

@testable import GCScript
import GoHeap
import Testing

/// Five goroutines that print and call wg.Done: Go 1.27.3 and 1.19.8 under GOMAXPROCS=1 print
/// 4 0 1 2 3 every run (newproc's runnext: the last one made runs first, then the local
/// queue in order).
@Test(arguments: [RuntimeProfile.go127, .go119])
func goroutinesRunInTheOrderOfOneP(_ profile: RuntimeProfile) throws {
  let (out, _, _) = try run("""
    var wg sync.WaitGroup
    for i := 0; i < 5; i++ {
      wg.Add(1)
      go func(n int) {
        defer wg.Done()
        fmt.Println("goroutine", n)
      }(i)
    }
    wg.Wait()
    fmt.Println("done")
    """, profile: profile)
  #expect(out == "goroutine 4\ngoroutine 0\ngoroutine 1\ngoroutine 2\ngoroutine 3\ndone\n")
}

/// Channel semantics: a buffer is FIFO; a closed channel drains then gives the zero value and
/// false; range stops at close; an unbuffered send waits for its receiver; a nil channel's case
/// never fires in a select; select's default runs when nothing is ready.
@Test func channelsBehaveAsGoSpecifies() throws {
  let (out, _, _) = try run("""
    ch := make(chan int, 3)
    ch <- 1
    ch <- 2
    print len(ch), cap(ch)
    close(ch)
    a := <-ch
    b, ok1 := <-ch
    c, ok2 := <-ch
    print a, b, ok1, c, ok2
    words := make(chan string)
    go func() {
      for _, w := range []string{"x", "y", "z"} { words <- w }
      close(words)
    }()
    got := ""
    for w := range words { got += w }
    print got
    var never chan int
    ready := make(chan int, 1)
    ready <- 9
    select {
    case v := <-never:
      print "nil fired", v
    case v := <-ready:
      print "ready", v
    }
    select {
    case v := <-ready:
      print "again", v
    default:
      print "default"
    }
    """)
  #expect(out == "2 3\n1 2 true 0 false\nxyz\nready 9\ndefault\n")
}

/// A goroutine blocked in select wakes on whichever channel fires, and leaves the others'
/// queues: the later send on the other channel is not taken by it.
@Test func aBlockedSelectWakesOnOneChannel() throws {
  let (out, _, _) = try run("""
    a := make(chan int)
    b := make(chan int, 1)
    done := make(chan string)
    go func() {
      select {
      case v := <-a:
        done <- fmt.Sprint("a ", v)
      case v := <-b:
        done <- fmt.Sprint("b ", v)
      }
    }()
    runtime.Gosched()
    b <- 2
    print <-done
    b <- 3
    print len(b)
    """)
  #expect(out == "b 2\n1\n")
}

/// time.After's channel receives when the virtual clock reaches it, as a timer fires: the
/// select below times out at 100 ms (and the timer latency gcsh models, 1 ms), not at the
/// sleeper's 500 ms.
@Test func timeAfterFiresOnTheVirtualClock() throws {
  let (out, _, _) = try run("""
    result := make(chan string, 1)
    go func() {
      time.Sleep(500 * time.Millisecond)
      result <- "late"
    }()
    start := time.Now()
    select {
    case r := <-result:
      print r
    case <-time.After(100 * time.Millisecond):
      print "timeout after", time.Since(start) >= 100*time.Millisecond && time.Since(start) < 102*time.Millisecond
    }
    """)
  #expect(out == "timeout after true\n")
}

/// Go's run-time errors, in its words (chan.go, sync/waitgroup.go, sync/mutex.go, proc.go).
@Test(arguments: [
  ("ch := make(chan int)\nclose(ch)\nch <- 1", "panic: send on closed channel"),
  ("ch := make(chan int)\nclose(ch)\nclose(ch)", "panic: close of closed channel"),
  ("var ch chan int\nclose(ch)", "panic: close of nil channel"),
  ("var wg sync.WaitGroup\nwg.Done()", "panic: sync: negative WaitGroup counter"),
  ("var mu sync.Mutex\nmu.Unlock()", "fatal error: sync: unlock of unlocked mutex"),
  ("n := -1\nch := make(chan int, n)\nprint len(ch)", "panic: runtime error: makechan: size out of range"),
])
func channelAndSyncErrors(_ c: (String, String)) throws {
  let e = try #require(failure(c.0))
  #expect(e.kind.message == c.1)
  #expect(e.kind.goExitStatus == 2)
}

/// checkdead: main blocked with nothing else to run and no timer pending is Go's fatal error,
/// at main's blocked statement, with its wait reason (Go 1.21+ names sync's; 1.19 says
/// semacquire).
@Test func deadlockIsFatalAtMainsBlockedStatement() throws {
  let e = try #require(failure("ch := make(chan int)\ngo func() { ch <- 1 }()\n<-ch\n<-ch"))
  #expect(e.kind.message == "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:")
  #expect(e.line == 4)
  #expect(e.kind.endsProcess)
  let wg = "var wg sync.WaitGroup\nwg.Add(1)\nwg.Wait()"
  #expect(failure(wg)?.kind.message.hasSuffix("goroutine 1 [sync.WaitGroup.Wait]:") == true)
  #expect(failure(wg, profile: .go119)?.kind.message.hasSuffix("goroutine 1 [semacquire]:") == true)
  // A sleeping goroutine is not a deadlock: its timer will fire.
  let (out, _, _) = try run("ch := make(chan int)\ngo func() { time.Sleep(time.Second); ch <- 7 }()\nprint <-ch")
  #expect(out == "7\n")
}

/// After main's blocked line, the other goroutines as Go's traceback lists them: each one's wait
/// reason, the function it waits in and the line (Go 1.27.3 prints `goroutine 7 [chan send]:`,
/// `main.producer(...)`, `main.go:7` for this program; gcsh numbers goroutines its own way).
@Test func aDeadlockListsTheBlockedGoroutines() throws {
  let program = """
    package main

    func producer(ch chan int) {
    	for i := 0; ; i++ {
    		ch <- i
    	}
    }

    func main() {
    	ch := make(chan int)
    	done := make(chan bool)
    	go producer(ch)
    	go func() { done <- <-ch == 0 }()
    	<-done
    	<-done
    }
    """
  let e = try #require(failure(program))
  let text = e.located(in: Source(name: "main.go", text: program)).rendered
  #expect(e.line == 15)
  let parts = text.components(separatedBy: "\n\n")
  #expect(parts.count == 3, "\(text)")
  #expect(parts[1] == "goroutine 1 [chan receive]:\n\t<-done\n\t^")
  // (The literal's goroutine returned: only producer waits.)
  #expect(parts.count == 3 && parts[2].hasPrefix("goroutine ") && parts[2].contains(" [chan send]:\nmain.producer(...)\n\t") && parts[2].hasSuffix(":5"), "\(text)")
}

/// What channels and goroutines allocate, as the recorded chan-mallocs program measured (Go
/// 1.27.3: make(chan int) 1 malloc of 112 B, make(chan int, 8) 1 of 176, make(chan *int, 8) 2;
/// Go 1.19.8: 96 and 160 B), and a go statement with arguments its wrapper closure (16 B for
/// one int: `go f(i, 2)` captures i; the constant is evaluated in the wrapper).
@Test(arguments: [(RuntimeProfile.go127, 112, 176), (.go119, 96, 160)])
func channelsAllocateAsMakechanDoes(_ c: (RuntimeProfile, Int, Int)) throws {
  let (out, _, _) = try run("""
    var m runtime.MemStats
    keep := make([]chan int, 0, 200)
    keepP := make([]chan *int, 0, 100)
    runtime.ReadMemStats(&m)
    m0, b0 := m.Mallocs, m.TotalAlloc
    for i := 0; i < 100; i++ { keep = append(keep, make(chan int)) }
    runtime.ReadMemStats(&m)
    m1, b1 := m.Mallocs, m.TotalAlloc
    for i := 0; i < 100; i++ { keep = append(keep, make(chan int, 8)) }
    runtime.ReadMemStats(&m)
    m2, b2 := m.Mallocs, m.TotalAlloc
    for i := 0; i < 100; i++ { keepP = append(keepP, make(chan *int, 8)) }
    runtime.ReadMemStats(&m)
    m3 := m.Mallocs
    print m1-m0, m2-m1, m3-m2
    print (b1-b0)/100, (b2-b1)/100
    """, profile: c.0)
  #expect(out == "100 100 200\n\(c.1) \(c.2)\n")
}

/// A goroutine blocked forever keeps what its frame holds (the goroutine-leak lesson); once it
/// is released and ends, a GC frees it all — its g stays (allgs), its stack goes back to the
/// pool.
@Test func blockedGoroutinesKeepTheirMemoryUntilTheyEnd() throws {
  let (_, host, _) = try run("""
    func worker(ch chan int, buf []byte) {
      <-ch
      buf[0] = 1
    }
    var chans []chan int
    for i := 0; i < 50; i++ {
      ch := make(chan int)
      chans = append(chans, ch)
      go worker(ch, make([]byte, 1<<20))
    }
    time.Sleep(time.Millisecond)
    runtime.GC()
    stats "blocked"
    for _, ch := range chans { close(ch) }
    time.Sleep(time.Millisecond)
    runtime.GC()
    stats "released"
    print runtime.NumGoroutine()
    """)
  let blocked = try #require(host.stats.first { $0.0 == "blocked" }?.1)
  let released = try #require(host.stats.first { $0.0 == "released" }?.1)
  #expect(blocked.heapAlloc > 50 << 20)
  #expect(released.heapAlloc < 2 << 20)
  // Each blocked goroutine holds a stack of stackMin, 2048 B (stack.go). After they end the g's
  // keep their stacks on the P's free list (gfput keeps up to 63), so StackInuse stays.
  #expect(blocked.stackInuse >= 50 * 2048)
  #expect(released.stackInuse == blocked.stackInuse)
  #expect(host.text == "1\n")
}

/// A goroutine that never blocks is preempted after 10 ms of virtual time (sysmon's
/// forcePreemptNS), so the others run: the spinner sees the flag main sets.
@Test func aSpinningGoroutineIsPreempted() throws {
  let (out, _, _) = try run("""
    var stop bool
    n := 0
    done := make(chan int)
    go func() {
      for !stop { n++ }
      done <- n
    }()
    time.Sleep(20 * time.Millisecond)
    stop = true
    print <-done > 0
    """)
  #expect(out == "true\n")
}

/// The checker's errors for channels, go and sync, as types2 words them.
@Test(arguments: [
  ("var ch <-chan int\nch <- 1", "invalid operation: cannot send to receive-only channel ch (variable of type <-chan int)"),
  ("var ch chan<- int\nprint <-ch", "invalid operation: cannot receive from send-only channel ch (variable of type chan<- int)"),
  ("x := 1\nprint <-x", "invalid operation: cannot receive from non-channel x (variable of type int)"),
  ("var ch <-chan int\nclose(ch)", "invalid operation: cannot close receive-only channel ch (variable of type <-chan int)"),
  ("ch := make(chan int)\nch <- \"s\"", "cannot use \"s\" (untyped string constant) as int value in send"),
  ("go len(\"x\")", "go discards result of len(\"x\") (constant 1 of type int)"),
  ("var wg sync.WaitGroup\nprint wg.state", "wg.state undefined (cannot refer to unexported field state)"),
])
func channelCheckErrors(_ c: (String, String)) throws {
  let e = try #require(failure(c.0))
  #expect(e.kind.message == c.1)
  #expect(e.kind.isCompileError)
}

/// A finalizer keeps its object, and what the object points to, through the cycle that finds
/// it unreachable; the finalizer runs on its own goroutine, receiving the object; the next
/// cycle frees it (the recorded finalizer-cycle program: 32 → 16 → 0 MiB in Go 1.27.3 and
/// 1.19.8). Setting nil removes a finalizer: the object then goes at the first cycle. The
/// finalizer has run when runtime.GC returns (its sweep yields after each span:
/// Tests/Recordings/runs/finalizeringc).
@Test(arguments: [RuntimeProfile.go127, .go119])
func finalizersDelayFreeingByOneCycle(_ profile: RuntimeProfile) throws {
  let (out, host, _) = try run("""
    type T struct { name string; data []byte }
    var names []string
    a := &T{name: "a", data: make([]byte, 32<<20)}
    b := &T{name: "b", data: make([]byte, 16<<20)}
    runtime.SetFinalizer(a, func(t *T) { names = append(names, t.name) })
    runtime.SetFinalizer(b, func(t *T) { names = append(names, t.name) })
    runtime.SetFinalizer(b, nil)
    a, b = nil, nil
    runtime.GC()
    stats "kept"
    print len(names)
    time.Sleep(time.Millisecond)
    print names
    runtime.GC()
    stats "freed"
    """, profile: profile)
  #expect(out == "1\n[a]\n")
  let kept = try #require(host.stats.first { $0.0 == "kept" }?.1)
  let freed = try #require(host.stats.first { $0.0 == "freed" }?.1)
  #expect(kept.heapAlloc > 32 << 20 && kept.heapAlloc < 33 << 20)
  #expect(freed.heapAlloc < 1 << 20)
}

/// SetFinalizer's run-time checks, in mfinal.go's words: throws, so fatal errors (a recover does
/// not stop them), with reflect's type names.
@Test(arguments: [
  ("type T struct{ n int }\nruntime.SetFinalizer(T{1}, nil)", "fatal error: runtime.SetFinalizer: first argument is main.T, not pointer"),
  ("type T struct{ a, b int }\np := &T{}\nruntime.SetFinalizer(&p.b, func(q *int) {})",
   "fatal error: runtime.SetFinalizer: pointer not at beginning of allocated block"),
  ("p := new(int)\nruntime.SetFinalizer(p, func(q *string) {})",
   "fatal error: runtime.SetFinalizer: cannot pass *int to finalizer func(*string)"),
])
func setFinalizerErrors(_ c: (String, String)) throws {
  let e = try #require(failure(c.0))
  #expect(e.kind.message == c.1)
}

/// time.Tick sends on the virtual clock every period; ticks nobody takes are dropped (its
/// buffer holds one); a ticker nobody waits on does not keep an otherwise deadlocked program
/// alive (Go 1.23+'s timers); Tick of a non-positive duration is nil.
@Test func tickersTickOnTheVirtualClock() throws {
  let (out, _, _) = try run("""
    tick := time.Tick(10 * time.Millisecond)
    start := time.Now()
    for i := 0; i < 3; i++ { <-tick }
    print time.Since(start) >= 30*time.Millisecond, time.Since(start) < 40*time.Millisecond
    time.Sleep(100 * time.Millisecond)
    print len(tick)
    print time.Tick(0) == nil
    """)
  #expect(out == "true true\n1\ntrue\n")
  let e = try #require(failure("t := time.Tick(time.Second)\nch := make(chan int)\n<-ch\nprint len(t)"))
  #expect(e.kind.message.hasPrefix("fatal error: all goroutines are asleep - deadlock!"))
}

/// Timers a program no longer references: before Go 1.23 the timer heap keeps each time.After
/// channel (and its timer) until it fires; from Go 1.23 a channel timer is in the heap only
/// while a goroutine waits on it, so the unreferenced ones are garbage (the recorded
/// g2-time-after-loop: 20,000 abandoned time.After(time.Hour) keep ~4 MB in Go 1.19.8, 60 KiB
/// after a GC in Go 1.27.3).
@Test(arguments: [(RuntimeProfile.go127, false), (.go119, true)])
func abandonedTimersLiveAsLongAsTheirEra(_ c: (RuntimeProfile, Bool)) throws {
  let (_, host, _) = try run("""
    ch := make(chan int, 1)
    for i := 0; i < 20000; i++ {
      ch <- i
      select {
      case <-ch:
      case <-time.After(time.Hour):
      }
    }
    runtime.GC()
    stats "after"
    """, profile: c.0)
  let after = try #require(host.stats.first { $0.0 == "after" }?.1)
  #expect((after.heapAlloc > 3 << 20) == c.1, "HeapAlloc \(after.heapAlloc)")
}

/// finalizeringc (Go 1.27.3 and 1.19.8, GOMAXPROCS=2, three runs each): the finalizer a
/// runtime.GC() queues runs before the call returns — GC sweeps what is left itself and
/// yields after each span (mgc.go), and the finalizer goroutine the sweep readied runs then.
@Test(arguments: ["1.27.3", "1.19.8"])
func finalizersRunBeforeRuntimeGCReturns(_ version: String) throws {
  let run = try RecordedRun("finalizeringc")
  let c = try run.compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.expected.hasPrefix("after GC 1: 1 [a]\n"))
}
