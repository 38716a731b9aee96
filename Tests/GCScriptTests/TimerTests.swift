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
