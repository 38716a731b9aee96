// time.NewTimer, time.NewTicker, Stop and Reset, and time.Duration's methods, against recorded
// runs of Go 1.27.3 and 1.19.8 (Tests/Recordings/runs/timers and timerdrain).

@testable import GCScript
import Foundation
import GoHeap
import Testing

/// timers, byte for byte: a timer fires after its duration on the virtual clock, Stop and
/// Reset report whether it was pending, a ticker ticks every period and after Reset every new
/// one, nothing ticks after Stop; NewTimer and NewTicker cost 3 mallocs a call, 248 B in Go
/// 1.27.3 (the channel, its buffer, the 112-byte timeTimer) and 220 B in 1.19.8 (an 80-byte
/// Timer, and the P's timer heap growing as 100 pending timers are appended to it); Stop and
/// Reset none; Duration's Seconds ... Abs and String as time.go computes and prints them.
/// -m: every line equal, but two of Go 1.27's inlining at work in the caller (the constant
/// `int64(1500300000)` where inlined Nanoseconds folded d, which gcsh names `~r0`; inlined
/// String's `string(time.arr[time.n:])`, whose string gcsh always allocates).
@Test(arguments: ["1.27.3", "1.19.8"])
func timersAsGo(_ version: String) throws {
  let r = try RecordedRun("timers").compared(version, { $0.contains("main.go:") && !$0.contains("main.func") })
  #expect(r.printed == r.expected)
  let strip = { (line: String) in line.hasPrefix("./") ? String(line.dropFirst(2)) : line }
  var goLines = Set(r.go.map(strip))
  var mine = Set(r.gcsh.map(strip))
  #expect(goLines.count > 80)
  if version == "1.27.3" {
    #expect(goLines.remove("main.go:60:79: int64(1500300000) escapes to heap") != nil)
    #expect(goLines.remove("main.go:61:74: string(time.arr[time.n:]) escapes to heap") != nil)
    #expect(mine.remove("main.go:60:79: ~r0 escapes to heap") != nil)
  }
  #expect(mine == goLines)
}

/// timerdrain, byte for byte: Go 1.23+ drains a value a stopped or reset timer sent that nobody
/// received (Stop reports it pending), Go 1.19 leaves it for the next receive; NewTicker(0)
/// and Stop on a zero Timer panic with time's messages.
@Test(arguments: ["1.27.3", "1.19.8"])
func stoppedTimersDrainFromGo123(_ version: String) throws {
  let r = try RecordedRun("timerdrain").compared(version, { _ in false })
  #expect(r.printed == r.expected)
}

/// Every timer enters the P's heap through one place, and the heap's array grows as append
/// grows it (Tests/Recordings/runs/sleepers100, sleepers1000: n goroutines in time.Sleep at
/// once). Go 1.19: a []*timer; for 100 sleepers, main's sleep and the scavenger's timer, from
/// capacity 1 to 128 — 7 arrays, 16 + 32 + ... + 1,024 = 2,032 B. Go 1.27: a []timerWhen of
/// 16-byte entries with a malloc header past 512 B — 32 + 64 + 128 + 256 + 512 + 1,152 + 2,304
/// = 4,448 B (caps 71, then 143). Each goroutine also costs its g, its closure and its sleep
/// timer (512 B in Go 1.19, 592 B in 1.27). What the real runs add beyond gcsh's is allgs'
/// growth (proc.go allgadd: `allgs = append(allgs, gp)`, not modelled) and the second P's
/// heap (the goroutines sleep on either P; gcsh runs one): at most 12 mallocs and 2.7 KB for
/// 100 goroutines, 20 mallocs and 27 KB for 1,000, in every run of both versions.
@Test(arguments: [("sleepers100", "1.19.8"), ("sleepers100", "1.27.3"), ("sleepers1000", "1.19.8"), ("sleepers1000", "1.27.3")])
func sleepingGoroutinesGrowTheTimerHeap(_ name: String, _ version: String) throws {
  let run = try RecordedRun(name)
  let n = name == "sleepers100" ? 100 : 1000
  let profile: RuntimeProfile = version == "1.27.3" ? .go127 : .go119
  let (host, _, _) = try interpret(run.source, name: "./main.go", profile: profile)
  let stats = host.stats.map(\.1)
  try #require(stats.count == 3)
  let mallocs = stats[1].mallocs - stats[0].mallocs
  let bytes = stats[1].totalAlloc - stats[0].totalAlloc
  let perGoroutine = version == "1.27.3" ? 592 : 512
  let growth: (mallocs: Int, bytes: Int) =
    switch (n, version) {
    case (100, "1.19.8"): (7, 2_032)
    case (100, _): (7, 4_448)
    // 1.19: caps 2 ... 512, then 848 (6,784 B) and 1,280 (10,240 B): 11 arrays. 1.27: ... 143,
    // 303 (4,864 B), 591 (9,472 B), 1,023 (16,384 B): 10 arrays.
    case (_, "1.19.8"): (11, 25_200)
    default: (10, 35_168)
    }
  #expect(mallocs == 3 * n + growth.mallocs)
  #expect(bytes == perGoroutine * n + growth.bytes)
  let files = try FileManager.default.contentsOfDirectory(atPath: run.directory.path)
    .filter { $0.hasPrefix("go\(version).") && $0.hasSuffix(".stdout") }
  #expect(files.count == 3)
  for f in files {
    let lines = try String(contentsOf: run.directory.appendingPathComponent(f), encoding: .utf8).split(separator: "\n")
    let cps = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    let realMallocs = (cps[1]["Mallocs"] as! Int) - (cps[0]["Mallocs"] as! Int)
    let realBytes = (cps[1]["TotalAlloc"] as! Int) - (cps[0]["TotalAlloc"] as! Int)
    #expect((0...(n == 100 ? 12 : 20)).contains(realMallocs - mallocs), "\(f): \(realMallocs) vs \(mallocs)")
    #expect((0...(n == 100 ? 2_700 : 27_000)).contains(realBytes - bytes), "\(f): \(realBytes) vs \(bytes)")
  }
}

/// afterfunc (one P): time.AfterFunc runs its function in a goroutine of its own when the
/// timer fires (2 goroutines inside it), in the order the timers are due; Stop and Reset report
/// whether it was pending, before and after firing. What it allocates: the timer alone (Go
/// 1.27.3: 112 B; 1.19.8: 80 B) — and in Go 1.19.8, 100 AfterFunc-and-Stop calls with nothing
/// scheduled grow the P's timer heap twice (1,536 B), as deltimer leaves stopped timers in it.
/// -m as Go prints it (a receive as an operand at its `<-`).
@Test(arguments: ["1.27.3", "1.19.8"])
func afterFuncIsGos(_ version: String) throws {
  let run = try RecordedRun("afterfunc")
  let c = try run.compared(version) { !$0.hasPrefix("#") }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains(version == "1.27.3" ? "allocs: 2 120 1 112 100 11200" : "allocs: 2 88 1 80 102 9536"))
  #expect(c.gcsh == c.go)
  #expect(try expectInlineCosts(run, "inline/main.go", version) { _ in false } == 3)
}

/// An AfterFunc's function and what it references live while its timer is pending, however
/// many collections run, and go with it once it has fired and nothing else holds them.
@Test func anAfterFuncTimerKeepsItsFunctionAlive() throws {
  let (out, _, rt) = try run("""
    done := make(chan int)
    func start() {
      big := make([]byte, 1 << 20)
      time.AfterFunc(50 * time.Millisecond, func() { done <- len(big) })
    }
    start()
    for i := 0; i < 3; i++ {
      runtime.GC()
    }
    fmt.Println(<-done)
    """)
  #expect(out == "1048576\n")
  try rt.checkInvariants()
}
