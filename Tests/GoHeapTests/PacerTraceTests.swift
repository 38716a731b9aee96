// The pacer's own trace (GODEBUG=gcpacertrace=1) of real Go 1.19.8 runs, against gcsh's pacer:
// Tests/Recordings/runs/pacertrace (its run.sh says how they were made).

import Foundation
@testable import GoHeap
import Testing

/// One cycle as Go 1.19.8 traced it: mgcpacer.go endCycle's `pacer: U% CPU (25 exp.) for
/// H+S+G B work (E B exp.) in T B -> L B (∆goal D, cons/mark X)` and the gctrace line after it.
struct TracedCycle {
  /// int(utilization × 100): the background goal (0.25) plus the assists' share.
  let utilizationPercent: Int
  let scanWork: Int
  let triggered: Int
  let heapLive: Int
  /// c.consMark before this cycle's update (oldConsMark).
  let oldConsMark: Double
  /// gctrace's mark clock and idle-worker CPU, ms.
  let markMs: Double
  let idleMs: Double

  static func parse(_ text: String) -> [TracedCycle] {
    let end = /pacer: (\d+)% CPU \(25 exp\.\) for (\d+)\+(\d+)\+(\d+) B work \(\d+ B exp\.\) in (\d+) B -> (\d+) B \(∆goal -?\d+, cons\/mark ([-+.\de]+)\)/
    let gc = /gc \d+ @[\d.]+s \d+%: [\d.]+\+([\d.]+)\+[\d.]+ ms clock, [\d.]+\+[\d.]+\/[\d.]+\/([\d.]+)\+[\d.]+ ms cpu/
    var cycles: [TracedCycle] = []
    var pending: (Int, Int, Int, Int, Double)? = nil
    for line in text.split(separator: "\n") {
      if let m = line.firstMatch(of: end) {
        pending = (
          Int(m.1)!, Int(m.2)! + Int(m.3)! + Int(m.4)!, Int(m.5)!, Int(m.6)!, Double(m.7)!
        )
      } else if let m = line.firstMatch(of: gc), let p = pending {
        cycles.append(
          TracedCycle(
            utilizationPercent: p.0, scanWork: p.1, triggered: p.2, heapLive: p.3,
            oldConsMark: p.4, markMs: Double(m.1)!, idleMs: Double(m.2)!))
        pending = nil
      }
    }
    return cycles
  }
}

/// endCycle's cons/mark counts the idle worker's time (mgcpacer.go: `(heapLive - triggered) *
/// (utilization + idleUtilization) / (scanWork * (1 - utilization))`), which gcsh now does
/// (GoRuntime+Collector finishCycle). The trace prints the estimate each cycle starts from, not
/// the cycle's measurement; running Go 1.19's PI controller backwards with gcsh's constants
/// (RuntimeProfile.go119: kp 0.9, ti 4, as mgcpacer.go init sets them) recovers each
/// measurement, and the idle share it implies is gctrace's idle column over twice the mark's
/// clock (2 Ps), cycle for cycle, in mixedsizes' three runs: 0.35-0.45 in the steady cycles,
/// about half of the cons/mark on a 2-P machine. Replaying the recovered measurements through
/// gcsh's Pacer gives every estimate the trace printed next.
@Test func goNineteensPacerCountsIdleMarkTime() throws {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Recordings/runs/pacertrace/mixedsizes")
  guard case .piController(let kp, let ti, _, _, _) = RuntimeProfile.go119.consMarkSmoothing else {
    Issue.record("go1.19's cons/mark is not a PI controller")
    return
  }
  var compared = 0
  for run in ["go1.19.8.stderr", "go1.19.8.run2.stderr", "go1.19.8.run3.stderr"] {
    let text = try String(contentsOf: dir.appendingPathComponent(run), encoding: .utf8)
    let cycles = TracedCycle.parse(text)
    #expect(cycles.count >= 15, "\(run): \(cycles.count) cycles")
    // Every end line paired with its gctrace line: one left out would shift the inversion.
    #expect(cycles.count == text.components(separatedBy: "% CPU (25 exp.)").count - 1)
    var pacer = Pacer(profile: .go119, gcPercent: 100)
    var integral = 0.0
    for (n, c) in zip(cycles, cycles.dropFirst()).enumerated() {
      let (cycle, next) = c
      #expect(abs(pacer.consMark - cycle.oldConsMark) <= 1e-6 * max(1, abs(cycle.oldConsMark)), "\(run) cycle \(n + 1)")
      // next = kp × (m - old) + integral; the integral then gains kp/ti × (m - old).
      let error = (next.oldConsMark - integral) / kp
      integral += kp / ti * error
      let measured = cycle.oldConsMark + error
      pacer.commit(heapMarked: 0, heapScan: 0, consMark: measured)
      // u is printed truncated to a percent: its midpoint.
      let u = (Double(cycle.utilizationPercent) + 0.5) / 100
      let grown = Double(cycle.heapLive - cycle.triggered)
      let impliedIdle = measured * Double(cycle.scanWork) * (1 - u) / grown - u
      let gctraceIdle = cycle.idleMs / (2 * cycle.markMs)
      // Marks of a millisecond or more: gctrace's fields have two significant digits.
      guard cycle.markMs >= 1 else { continue }
      compared += 1
      #expect(abs(impliedIdle - gctraceIdle) <= 0.04, "\(run) cycle \(n + 1): \(impliedIdle) vs \(gctraceIdle)")
    }
  }
  #expect(compared >= 45)
}
