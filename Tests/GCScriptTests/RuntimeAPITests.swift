// The runtime and time functions programs call to look at themselves: NumGoroutine, NumCPU,
// GOMAXPROCS, time.Now and time.Since on the virtual clock.

import GCScript
import GoHeap
import Testing

@Test func runtimeQueriesDescribeTheModelledMachine() throws {
  let (out, _, _) = try run("print runtime.NumGoroutine(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOMAXPROCS(2)")
  #expect(out == "1 2 2 2\n")
  // Changing GOMAXPROCS would change the collector's workers: a located run-time error.
  let e = failure("n := 4\nruntime.GOMAXPROCS(n)")
  #expect(e?.line == 2 && e?.kind.message.contains("GOMAXPROCS(4)") == true)
}

/// time.Since measures the virtual clock: a 2 s sleep returns 1 ms after its deadline (the
/// timer's latency, CostModel.timerLatencyNs), and each statement between costs its ns.
@Test func timeSinceReadsTheVirtualClock() throws {
  let (out, _, rt) = try run("""
    start := time.Now()
    time.Sleep(2 * time.Second)
    d := time.Since(start)
    print d, d >= 2*time.Second, d < 2*time.Second+2*time.Millisecond
    """)
  #expect(out.hasPrefix("2.001") && out.hasSuffix(" true true\n"), "\(out)")
  #expect(rt.virtualTime >= 2_001_000_000)
  // A time.Time is 24 bytes with a pointer word (loc), as Go lays it out: new(time.Time) is a
  // 24-byte object in a span that is scanned.
  let (_, _, with) = try run("var g *time.Time\ng = new(time.Time)")
  let (_, _, without) = try run("var g *time.Time")
  #expect(with.memStats().totalAlloc - without.memStats().totalAlloc == 24)
  // Printing one prints its String: the playground's clock, with the monotonic reading.
  let (now, _, _) = try run("fmt.Println(time.Now())")
  #expect(now.hasPrefix("2009-11-10 23:00:00.") && now.contains(" +0000 UTC m=+0.0"), "\(now)")
}

/// GOGC is an int32 in the runtime: debug.SetGCPercent passes int32(percent) on, so a value
/// past it wraps as in Go (1 << 62 is 0, MaxInt64 is -1: off), and the pacer's goal arithmetic
/// (uint64 in mgcpacer.go) cannot trap however large the percentage.
@Test func gcPercentIsAnInt32() throws {
  let (out, _, rt) = try run("""
    print debug.SetGCPercent(1 << 62), debug.SetGCPercent(9223372036854775807), debug.SetGCPercent(2147483647)
    x := make([]*int, 1<<20)
    gc
    _ = x
    """)
  #expect(out == "100 0 -1\n")
  #expect(rt.gcPercent == 2_147_483_647)
  try rt.checkInvariants()
}

/// A sleep past the end of the monotonic clock (runtime/time.go saturates `when` at
/// math.MaxInt64 ns: time.Sleep(math.MaxInt64) never returns) stops the program at its statement;
/// one that ends before it is replayed, its steady forced-GC periods advanced at once.
@Test func sleepBeyondTheHorizonIsALocatedError() throws {
  let e = failure("x := 1\ntime.Sleep(9223372036854775807)\nprint x")
  #expect(e?.line == 2)
  #expect(e?.kind.message.contains("past the end of the monotonic clock") == true)
  #expect(failure("sleep 2562047h") != nil)  // past it too
  #expect(failure("sleep 87000h") == nil)  // ten years: replayed
  #expect(failure("sleep 2555000h") == nil)  // 291 years: replayed
  // With goroutines the sleep parks main and the scheduler idles to its timer: the limit is
  // found when the sleep starts, at its statement (it was found idling, with no frame to point
  // at: gen_programs seed 423).
  let parked = failure("ch := make(chan int)\ngo func() { <-ch }()\ntime.Sleep(time.Millisecond)\nclose(ch)\ntime.Sleep(9223372036854775807)")
  #expect(parked?.line == 5)
  #expect(parked?.kind.message.contains("past the end of the monotonic clock") == true)
  // A timer's channel that every goroutine ends up waiting on: the idle scheduler's wait is
  // reported at main's blocked statement, also when the goroutine that ran last has exited
  // (it was `:0:0:`, the dead goroutine's missing frame).
  for program in [
    "c := time.After(9223372036854775807)\n<-c",
    "go func() {}()\nt := time.NewTimer(9223372036854775807)\n<-t.C",
    "go func() { time.Sleep(time.Second) }()\ntk := time.NewTicker(9223372036854775807)\n<-tk.C",
  ] {
    let idle = failure(program)
    #expect(idle?.line == program.split(separator: "\n").count, "\(program)")
    #expect(idle?.kind.message.hasPrefix("every goroutine is blocked: the wait for the next timer") == true)
  }
}

/// os.Getenv reads the host's idea of the process environment without allocating (Go's value is
/// a substring of the environment block); its key leaks, as -m says for Go's
/// `func g2(k string) { sink = os.Getenv(k) }`: "leaking param: k" (Go 1.27.3 and 1.19.8).
@Test func getenvAllocatesNothingAndItsKeyLeaks() throws {
  let (out, _, _) = try run("v := os.Getenv(\"HOME_OF_NOTHING\")\nprint len(v)")
  #expect(out == "0\n")  // unset: "" (the test host has no environment)
  let (host, _, interp) = try interpret("""
    var sink string
    func g2(k string) { sink = os.Getenv(k) }
    g2("GOGC")
    stats
    g2("GOGC")
    stats
    """)
  #expect(host.stats[1].1.mallocs == host.stats[0].1.mallocs)
  #expect(interp.escapeDecisions.contains { $0.hasSuffix("leaking param: k") })
}

/// fmt.Fprintln(os.Stderr, f()) with f returning two values prints both on stderr (the results
/// are spilled first, as Go's OAS2FUNC rewrite does; the stream stays the call's).
@Test func fprintOfSeveralResultsKeepsItsStream() throws {
  let (host, _, _) = try interpret("func two() (int, string) { return 1, \"x\" }\nfmt.Fprintln(os.Stderr, two())")
  #expect(host.errorText == "1 x\n")
  #expect(host.text == "")
}

/// runtime.GOOS and GOARCH are the build's constants: the simulated machine's system (`--os`)
/// and amd64, usable in constant declarations as in Go.
@Test func goosIsTheSimulatedSystem() throws {
  let (out, _, _) = try run("const os = runtime.GOOS\nfmt.Printf(\"%s %s %T\\n\", os, runtime.GOARCH, os)")
  #expect(out == "linux amd64 string\n")
  var darwin = MachineConfig()
  darwin.os = .darwin
  let (mac, _, _) = try run("fmt.Println(runtime.GOOS)", machine: darwin)
  #expect(mac == "darwin\n")
}

/// addcleanup (Go 1.27.3, one P): runtime.AddCleanup's cleanup runs after the collection that
/// finds its object unreachable, on the runtime's cleanup goroutine, and — unlike a finalizer —
/// that collection frees the object (HeapAlloc falls by its 1 MiB at once); Stop cancels one;
/// an object's cleanups run most recently added first; AddCleanup allocates its argument's box
/// and callCleanup's closure (2 mallocs, 32 B for a string). -m's lines for the program as Go
/// prints them. Go 1.19 has no AddCleanup: `undefined: runtime.AddCleanup`, as its compiler says.
@Test func addCleanupIsGos() throws {
  let run = try RecordedRun("addcleanup")
  let c = try run.compared("1.27.3") { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains("after first GC (a freed at once): 1\nclosed a\n"))
  #expect(c.expected.hasSuffix("AddCleanup allocs: 2 32\n"))
  #expect(c.gcsh == c.go)
  #expect(failure("p := new(int)\nruntime.AddCleanup(p, func(int) {}, 1)", profile: .go119)?.kind.message == "undefined: runtime.AddCleanup")
  #expect(failure("var p *int\nruntime.AddCleanup(p, func(int) {}, 1)")?.kind.message == "panic: runtime.AddCleanup: ptr is nil")
  #expect(failure("p := new(int)\nruntime.AddCleanup(p, func(*int) {}, p)")?.kind.message == "panic: runtime.AddCleanup: ptr is equal to arg, cleanup will never run")
  #expect(failure("runtime.AddCleanup(1, func(int) {}, 1)")?.kind.message.hasPrefix("in call to runtime.AddCleanup, type int of 1 does not match *T") == true)
  // A cleanup that closes over its object (Go 1.27.3 panics so, checked with go run).
  #expect(failure("type T struct{ n int; b [64]byte }\nfunc f() {\n  p := &T{}\n  runtime.AddCleanup(p, func(int) { p.n++ }, 0)\n}\nf()")?.kind.message == "panic: runtime.AddCleanup: cleanup function closes over ptr, cleanup will never run")
}

/// weakpointer (Go 1.27.3, one P): a weak pointer does not keep its object — Value is the
/// object while something else holds it and nil after the collection that finds it
/// unreachable (HeapAlloc falls by its 1 MiB at once); weak pointers made from one pointer are
/// equal, and stay so once nil; a finalized object's weak pointers are nil from the cycle that
/// queues its finalizer (which runs inside runtime.GC's sweep, before GC returns), though the
/// object is resurrected; a pointer to a global never goes nil; a cache of weak pointers
/// reloads what was collected. Make's first call allocates the 16-byte handle, a second none.
/// -m's lines for the program as Go prints them: Value inlined with its shape, Make's call
/// spelled with its dictionary, type arguments qualified (`weak.Pointer[main.blob]`).
@Test func weakPointersAreGos() throws {
  let run = try RecordedRun("weakpointer")
  let c = try run.compared("1.27.3") { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains("Make allocs: 1 16\nMake again allocs: 1 32 equal: true\n"))
  #expect(c.expected.contains("after GC, b held: true 1\nafter GC, b dropped: true true 0\n"))
  #expect(c.expected.contains("finalizer ran for finalized\nfinalized object's weak pointer: true 1\n"))
  #expect(c.gcsh == c.go)
}

/// weak's type errors as Go 1.27.3's compiler words them (checked with go run), and the
/// package in Go 1.19.
@Test func weakPointerErrorsAreGos() throws {
  let program = { (body: String) in "import \"weak\"\nfunc main() {\n\(body)\n}" }
  let errors: [(String, String)] = [
    ("w := weak.Make(5); _ = w", "in call to weak.Make, cannot infer T (declared at $GOROOT/src/weak/pointer.go:68:11)"),
    ("var w weak.Pointer[int]; w.Foo()", "w.Foo undefined (type weak.Pointer[int] has no field or method Foo)"),
    ("var w weak.Pointer; _ = w", "cannot use generic type weak.Pointer[T any] without instantiation"),
    ("var w weak.Pointer[int, int]; _ = w", "too many type arguments for type Pointer: have 2, want 1"),
    ("var w weak.Pointer[int]; var p *string = w.Value(); _ = p", "cannot use w.Value() (value of type *int) as *string value in variable declaration"),
    ("var w weak.Pointer[int]; var v weak.Pointer[string]; _ = w == v", "invalid operation: w == v (mismatched types weak.Pointer[int] and weak.Pointer[string])"),
    ("w := weak.Make(new(int)); w.u = nil", "w.u undefined (cannot refer to unexported field u)"),
    ("x := weak.Make[int, int](nil); _ = x", "got 2 type arguments but want 1"),
    // An instantiation of what is not a generic type (go vet of Go 1.27.3).
    ("x := a[1]{2}; _ = x", "undefined: a"),
    ("type T int; x := T[1]{2}; _ = x", "invalid operation: T[1] (T is not a generic type)"),
  ]
  for (body, message) in errors {
    #expect(failure(program(body))?.kind.message == message, "\(body)")
  }
  #expect(failure(program("w := weak.Make(new(int)); _ = w"), profile: .go119)?.kind.message == "package weak does not exist in go1.19: it arrived in Go 1.24")
  // A script names packages without importing them, so a package younger than the profile's
  // Go is refused at each of its uses as its import is (examples/18 under --profile go1.19,
  // where Go 1.19.8 says `package weak is not in GOROOT`), in every position a package's member
  // can take, and before a library's source is checked (context in go1.0 was an internal error).
  let young: [(String, RuntimeProfile, String)] = [
    ("x := 1\nw := weak.Make(&x)\n_ = w", .go119, "2:6: package weak does not exist in go1.19: it arrived in Go 1.24"),
    ("type D struct{ n int }\nvar c map[string]weak.Pointer[D]\n_ = c", .go119, "2:18: package weak does not exist in go1.19: it arrived in Go 1.24"),
    ("var x iter.Seq[int]\n_ = x", .go119, "1:7: package iter does not exist in go1.19: it arrived in Go 1.23"),
    ("f := slices.Sort[[]int]\n_ = f", .go119, "1:6: package slices does not exist in go1.19: it arrived in Go 1.21"),
    ("ctx := context.Background()\n_ = ctx", RuntimeProfile.named("go1.0")!, "1:8: package context does not exist in go1.0: it arrived in Go 1.7"),
    ("var s []metrics.Sample\n_ = s", RuntimeProfile.named("go1.0")!, "1:9: runtime/metrics does not exist in go1.0: it arrived in Go 1.16"),
  ]
  for (script, profile, message) in young {
    let e = failure(script, profile: profile)
    #expect(e.map { "\($0.line):\($0.column): \($0.kind.message)" } == message, "\(script)")
  }
  // What gcsh lacks is named: Value as a method value.
  #expect(failure(program("x := 1; w := weak.Make(&x); f := w.Value; _ = f"))?.kind.message.hasSuffix("is not supported by gcsh yet") == true)
  // %T and %v of weak pointers, as Go prints them; the zero Pointer's Value is nil.
  let (out, _, _) = try run("type point struct{ x int }\nvar z weak.Pointer[point]\nfmt.Printf(\"%T %v %v\\n\", z, z, z.Value())\nfmt.Println(weak.Make[point](nil) == z)")
  #expect(out == "weak.Pointer[main.point] {[] <nil>} <nil>\ntrue\n")
}
