// Narrator: `explain` — after each statement, a short plain-language account of what the runtime
// just did and why, derived from the events it emitted and the state before and after. Nothing
// is canned per script: every sentence comes from an event or a change in the numbers, in the
// profile's own terms (sysmon or the scavenger's tick, the density rule of Go 1.21+, MADV_FREE).

import GoHeap

final class Narrator {
  private var before: MemStats?
  private var garbageBefore = 0
  private var cycles: [GCCycle] = []
  /// Forced-GC periods advanced at once since the last narration, each with the number of
  /// cycles in `cycles` before it (its place in the narration).
  private var steadyRuns: [(after: Int, run: SteadyCycles)] = []
  private var grown = 0
  private var releasedBg = 0
  private var releasedEager = 0
  private var ticksReleased = 0

  func event(_ e: HeapEvent) {
    switch e {
    case .gcEnd(let c): cycles.append(c)
    case .steadyCycles(let s): steadyRuns.append((cycles.count, s))
    case .heapGrowth(let b, _, _): grown += b
    case .scavengerBurst(let b, _): releasedBg += b
    case .scavengeReport(let r, _) where r.forced: releasedEager += r.eagerBytes
    case .scavengerTick(let t, _): ticksReleased += t.released
    default: break
    }
  }

  /// Starts from the runtime's current state (at attach, after `explain`).
  func reset(_ rt: GoRuntime) {
    before = rt.memStats()
    garbageBefore = rt.rssBreakdownByCause().garbage
    cycles = []
    steadyRuns = []
    grown = 0
    releasedBg = 0
    releasedEager = 0
    ticksReleased = 0
  }

  private func mib(_ b: Int) -> String { StatsTable.size(b) }

  /// When the next GC would come if the program only waits.
  private func nextGCText(_ rt: GoRuntime, _ m: MemStats) -> String {
    let goal = m.nextGC == Int.max ? "never by heap size (GOGC=off)" : "when the heap reaches its goal (\(mib(m.nextGC)))"
    switch rt.profile.forcedGC {
    case .sysmon:
      let at = rt.nextForcedGCNs.map { " (at t=\(StatsTable.clock($0)))" } ?? ""
      return "the next GC comes \(goal), or when sysmon forces one 2 minutes after the last\(at)"
    case .scavengerTick:
      let at = rt.nextForcedGCNs.map { " (at t=\(StatsTable.clock($0)))" } ?? ""
      return "the next GC comes \(goal), or at the scavenger's first 60-second tick more than 2 minutes after the last GC\(at)"
    }
  }

  private func triggerText(_ c: GCCycle, _ rt: GoRuntime, goalBefore: Int) -> String {
    switch c.trigger {
    case .heap: return "an allocation took the heap past its goal"
    case .user: return "runtime.GC() asked for it"
    case .time:
      if case .scavengerTick = rt.profile.forcedGC { return "the scavenger's tick found more than 2 minutes without a GC" }
      return "sysmon found 2 minutes without a GC"
    }
  }

  /// The narration for the statement that just finished (empty when nothing is worth saying).
  func narrate(_ statement: String, _ rt: GoRuntime) -> [String] {
    guard let b = before else {
      reset(rt)
      return []
    }
    let a = rt.memStats()
    let garbage = rt.rssBreakdownByCause().garbage
    var out: [String] = []
    if grown > 0 {
      out.append("the heap grew by \(mib(grown)) (HeapSys \(mib(b.heapSys)) -> \(mib(a.heapSys))): new pages are not resident until written")
    }
    /// The advanced periods that came after the first `k` cycles.
    func narrateSteadyRuns(after k: Int) {
      for (after, s) in steadyRuns where after == k {
        guard let numbers = s.cycleNumbers else { continue }
        out.append(
          "GCs \(numbers.lowerBound)-\(numbers.upperBound) ran because sysmon found 2 minutes without a GC, "
            + "one every \(StatsTable.clock(s.periodNs)), each leaving the heap as the one before: "
            + "gcsh advanced these \(s.count) periods at once")
      }
    }
    for (k, c) in cycles.enumerated() {
      narrateSteadyRuns(after: k)
      let freed = c.freedBytes
      let found = c.finalizedObjects > 0
        ? "it found \(c.finalizedObjects) object\(c.finalizedObjects == 1 ? "" : "s") with a finalizer unreachable and kept \(c.finalizedObjects == 1 ? "it" : "them"), with all \(c.finalizedObjects == 1 ? "it points" : "they point") to, for the finalizer goroutine: a later cycle frees \(c.finalizedObjects == 1 ? "it" : "them")"
          + (freed >= MiB ? "; it freed \(mib(freed))" : "")
        : freed >= MiB
          ? "it freed \(mib(freed)), which stays with the process as idle heap (HeapIdle) until the scavenger returns it"
          : "everything it found was still reachable"
      out.append("GC \(c.number) ran because \(triggerText(c, rt, goalBefore: b.nextGC)); " + found)
      if freed >= 4 * MiB {
        switch rt.profile.scavenger {
        case .paced(let p) where p.densePagesThreshold != nil:
          out.append("Go 1.21+ does not return memory freed from full 4 MiB chunks until the next GC starts a new generation")
        case .unusedSpans(let limit):
          out.append("Go 1.0 returns a free span only when a scavenger tick finds it unused for more than \(limit / Duration.minute) minutes, counted from the GC after it was freed")
        default:
          out.append("the background scavenger returns what exceeds its goal within seconds")
        }
      }
    }
    narrateSteadyRuns(after: cycles.count)
    let released = releasedBg + releasedEager + ticksReleased
    if released > 0 {
      switch rt.releaseMechanism {
      case .dontNeed:
        out.append("\(mib(released)) went back to the OS (HeapReleased \(mib(b.heapReleased)) -> \(mib(a.heapReleased))); RSS \(mib(b.rss)) -> \(mib(a.rss))")
      case .free:
        out.append("\(mib(released)) was released with MADV_FREE: HeapReleased rose but the OS keeps counting the pages in RSS until memory pressure")
      case .freeReusable:
        out.append("\(mib(released)) was released as reusable: the footprint Activity Monitor shows fell to \(mib(a.footprint)); the resident size stays \(mib(a.rss)) until the pages are reused or reclaimed")
      case .none:
        out.append("\(mib(released)) counts as released (HeapReleased), but on this system the runtime's release does nothing: RSS stays \(mib(a.rss))")
      }
    }
    if a.rss > b.rss + MiB && released == 0 {
      out.append("writing memory made pages resident: RSS \(mib(b.rss)) -> \(mib(a.rss))")
    }
    if garbage > garbageBefore + MiB && cycles.isEmpty {
      out.append("\(mib(garbage - garbageBefore)) became unreachable, but nothing frees it until a GC runs: \(nextGCText(rt, a))")
    }
    if out.isEmpty && a.timeNs - b.timeNs >= Duration.second {
      out.append("nothing happened in the runtime: " + (garbage > 0 ? "\(mib(garbage)) of garbage waits; " : "") + nextGCText(rt, a))
    }
    before = a
    garbageBefore = garbage
    cycles = []
    steadyRuns = []
    grown = 0
    releasedBg = 0
    releasedEager = 0
    ticksReleased = 0
    return out
  }
}
