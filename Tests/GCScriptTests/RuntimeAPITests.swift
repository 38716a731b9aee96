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
  #expect(failure("fmt.Println(time.Now())")?.kind.message
    == "printing a time.Time (gcsh's clock is virtual: print time.Since(t)) is not supported by gcsh yet")
}
