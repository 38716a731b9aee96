// TraceLines: the runtime's own trace output, byte for byte in each era's format.
//
// gctrace (mgc.go gcMarkTermination), Go 1.18+:
//   gc N @S.sssS P%: W1+W2+W3 ms clock, C1+C2/C3/C4+C5 ms cpu, H0->H1->H2 MB, G MB goal,
//   K MB stacks, L MB globals, NP P[ (forced)]
// sysmon's periodic GC is preceded by a `GC forced` line (proc.go forcegchelper).
// scavtrace (mgcscavenge.go printScavTrace):
//   go1.19: scav W KiB work, T KiB total, U% util[ (forced)]
//   go1.27: scav B KiB work (bg), E KiB work (eager), R KiB now, U% util[ (forced)]
// Every "MB" is bytes >> 20 and every "KiB" bytes >> 10, truncated, as the runtime prints them.

import GoHeap

public enum TraceLines {
  /// runtime.fmtNSAsMS: whole ms from 10 ms up; otherwise two significant digits with at most
  /// three decimals; under 1 us prints 0.
  public static func fmtNSAsMS(_ ns: Int) -> String {
    if ns >= 10_000_000 { return "\(ns / 1_000_000)" }
    var x = ns / 1_000
    if x == 0 { return "0" }
    var dec = 3
    while x >= 100 {
      x /= 10
      dec -= 1
    }
    return itoaDiv(x, dec)
  }

  /// runtime.itoaDiv: val / 10^dec with a decimal point.
  static func itoaDiv(_ val: Int, _ dec: Int) -> String {
    var digits = String(val)
    if dec == 0 { return digits }
    while digits.count <= dec { digits = "0" + digits }
    let idx = digits.index(digits.endIndex, offsetBy: -dec)
    return digits[..<idx] + "." + digits[idx...]
  }

  /// The gctrace line of a completed cycle in the era's format.
  public static func gcLine(_ c: GCCycle, format: TraceFormat) -> String {
    switch format {
    case .go119, .go127: return gcLine(c)
    case .go10: return gcLine10(c)
    }
  }

  /// Go 1.0 (mgc0.c): `gc%d(%d): %D+%D+%D ms %D -> %D MB %D -> %D (%D-%D) objects %D handoff`,
  /// times in whole milliseconds (mark, sweep, the rest of the pause), sizes heap_alloc >> 20.
  static func gcLine10(_ c: GCCycle) -> String {
    "gc\(c.number)(\(c.procs)): \(c.markNs / 1_000_000)+0+0 ms "
      + "\(c.heapAllocBefore >> 20) -> \(c.heapAllocAfter >> 20) MB "
      + "\(c.objectsBefore) -> \(c.objectsAfter) (\(c.mallocs)-\(c.frees)) objects 0 handoff"
  }

  /// Go 1.0's scavenger lines for one tick (mheap.c): `GC forced` after its gc line, the
  /// released amount in hexadecimal MB (`%p`), and the summary, always.
  public static func scvgLines(_ t: ScavengerTick) -> [String] {
    var out: [String] = []
    if t.forcedGC { out.append("scvg\(t.k): GC forced") }
    if t.released > 0 { out.append("scvg\(t.k): 0x" + String(t.released >> 20, radix: 16) + " MB released") }
    out.append("scvg\(t.k): inuse: \(t.inuse >> 20), idle: \(t.idle >> 20), sys: \(t.sys >> 20), "
      + "released: \(t.heapReleased >> 20), consumed: \((t.sys - t.heapReleased) >> 20) (MB)")
    return out
  }

  /// The modern gctrace line (Go 1.18+).
  public static func gcLine(_ c: GCCycle) -> String {
    let clock = [c.sweepTermNs, c.markNs, c.markTermNs].map(fmtNSAsMS).joined(separator: "+")
    let cpu = fmtNSAsMS(c.cpuSweepTermNs) + "+" + fmtNSAsMS(c.cpuAssistNs) + "/"
      + fmtNSAsMS(c.cpuBackgroundNs) + "/" + fmtNSAsMS(c.cpuIdleNs) + "+" + fmtNSAsMS(c.cpuMarkTermNs)
    let mb = { (b: Int) in b == Int.max ? "\(Int.max >> 20)" : "\(b >> 20)" }
    return "gc \(c.number) @\(itoaDiv(c.startNs / 1_000_000, 3))s \(c.cpuPercent)%: \(clock) ms clock, "
      + "\(cpu) ms cpu, \(mb(c.heapStart))->\(mb(c.heapEnd))->\(mb(c.heapMarked)) MB, "
      + "\(mb(c.goal)) MB goal, \(mb(c.stacks)) MB stacks, \(mb(c.globals)) MB globals, "
      + "\(c.procs) P" + (c.trigger == .user ? " (forced)" : "")
  }

  /// gcpacertrace's line at a cycle's start (mgcpacer.go startCycle): the assist ratio, and the
  /// scannable heap, heapLive and goal in MB (>> 20), and the workers: dedicated ones, then the
  /// fractional utilisation goal. Floats as the era's runtime prints them (`+2.500000e-001` in
  /// Go 1.19, `0.25` in Go 1.27: Tests/Recordings/runs/pacertrace).
  public static func pacerStartLine(_ p: PacerStart, floats: PrintFloats) -> String {
    "pacer: assist ratio=\(floats.format(p.assistRatio)) (scan \(p.heapScan >> 20) MB in "
      + "\(p.heapLive >> 20)->\(p.heapGoal >> 20) MB) workers=\(p.dedicatedWorkers)+"
      + floats.format(p.fractionalGoal)
  }

  /// gcpacertrace's line at mark termination (mgcpacer.go endCycle): the utilisation (int of the
  /// percent), the scan work done and expected, heapLive from `triggered` to the end, its
  /// distance from the goal, and the cons/mark estimate the cycle began with. Go 1.18-1.20 add
  /// `[controller reset]` when the PI controller's output was not finite.
  public static func pacerEndLine(_ p: PacerEnd, floats: PrintFloats, resets: Bool) -> String {
    "pacer: \(Int(p.utilization * 100))% CPU (25 exp.) for \(p.heapScanWork)+\(p.stackScanWork)+"
      + "\(p.globalsScanWork) B work (\(p.expectedScanWork) B exp.) in \(p.triggered) B -> "
      + "\(p.heapLive) B (∆goal \(p.heapLive &- p.heapGoal), cons/mark \(floats.format(p.oldConsMark)))"
      + (resets && p.controllerReset ? "[controller reset]" : "")
  }

  /// sysmon's line before its periodic GC.
  public static let sysmonForced = "GC forced"

  /// The scavtrace line.
  public static func scavLine(_ r: ScavengeReport, format: TraceFormat) -> String {
    let tail = "\(r.utilPercent)% util" + (r.forced ? " (forced)" : "")
    switch format {
    case .go119:
      return "scav \((r.backgroundBytes + r.eagerBytes) >> 10) KiB work, \(r.heapReleased >> 10) KiB total, " + tail
    case .go127:
      return "scav \(r.backgroundBytes >> 10) KiB work (bg), \(r.eagerBytes >> 10) KiB work (eager), "
        + "\(r.heapReleased >> 10) KiB now, " + tail
    case .go10:
      return "scvg: \(r.heapReleased >> 20) MB released"
    }
  }
}
