// Timeline: the run's memory over virtual time, recorded from the runtime's events.
//
// The recorder subscribes to a GoRuntime's events and samples `memStats()` (with the RSS, the
// heap goal, GOGC and GOMEMLIMIT) at every event and at every statement boundary — the end of
// each top-level statement (or each of main's), which the interpreter reports through its host.
// A GC's peak is never missed: the runtime reports `gcStart` with the heap at its trigger, and
// the sample there holds it. There is no fixed-rate sampling: between two samples nothing
// happened that the runtime reported and no statement ended, so the values hold (a step chart
// is the honest drawing; a fill loop's RSS shows as one step at the loop's end).
//
// Coalescing: a sample whose state equals the last kept one (every MemStats field, the RSS,
// GOGC and GOMEMLIMIT; only the time differs) is dropped — a 24-hour sleep with nothing to do
// costs no rows. `stats` checkpoints are always kept (their row is the checkpoint), and the
// markers (GC cycles, scavenger passes) are kept apart from the samples, so a dropped sample
// loses no marker. Memory therefore grows with what changed, not with virtual time.
//
// Bounds: a program that churns (a loop that collects 60,000 times) changes the state at every
// cycle, so coalescing alone does not bound it. Past `rowBudget` rows the timeline decimates
// itself as charting libraries do a series (min-max decimation): virtual time is cut into equal
// buckets (about rowBudget / 8 over the run so far, coarser each time the budget is passed
// again), and each bucket keeps only its rows with the lowest and the highest HeapAlloc and the
// highest RSS — the peaks and troughs a chart shows, at the same resolution over the whole run.
// A start, `stats`, death or end row is never dropped. Past `cycleBudget` the GC cycles kept
// for markers keep one heap-triggered cycle per time bucket (forced ones all stay; `cycleCount`
// still counts every cycle), and past `releaseBudget` neighbouring scavenger passes merge. The
// report says when it was thinned.
//
// The recorder reads the runtime and never changes it (DESIGN.md: GCReport never changes the
// heap). A fresh process (the REPL's :reset, :profile) starts a fresh timeline.

import GoHeap

/// Why a timeline sample was taken: the event or the statement that caused the row.
public enum TimelineCause: Sendable, Equatable {
  /// The process started (the state before the first statement).
  case start
  /// A top-level statement finished; index into `Timeline.statements`.
  case statement(Int)
  /// A `stats` statement; index into `Timeline.checkpoints`.
  case checkpoint(Int)
  /// A GC cycle started (sweep termination): the heap at its trigger.
  case gcStart(number: Int, trigger: GCTrigger)
  /// A GC cycle reached mark termination and was swept.
  case gcEnd(number: Int, trigger: GCTrigger)
  /// sysmon's forcegchelper woke to start a periodic GC.
  case sysmonForcedGC
  /// scavtrace's report (end of a cycle's sweep, or FreeOSMemory's forced release).
  case scavengeReport(released: Int, forced: Bool)
  /// One burst of the background scavenger.
  case scavengerBurst(bytes: Int)
  /// One tick of Go 1.0's scavenger goroutine.
  case scavengerTick(k: Int, released: Int)
  /// The heap mapped more address space.
  case heapGrowth(bytes: Int)
  /// The kernel reclaimed lazily freed (MADV_FREE) pages.
  case reclaimed(bytes: Int)
  /// The process died.
  case death(String)
  /// The end of the recording (the report or the CSV was written).
  case end

  /// The event's name as the CSV's `event` column and JSON lines spell it.
  public var name: String {
    switch self {
    case .start: return "start"
    case .statement: return "statement"
    case .checkpoint: return "stats"
    case .gcStart: return "gc-start"
    case .gcEnd: return "gc"
    case .sysmonForcedGC: return "sysmon-forced-gc"
    case .scavengeReport: return "scavenge"
    case .scavengerBurst: return "scavenger-burst"
    case .scavengerTick: return "scavenger-tick"
    case .heapGrowth: return "heap-growth"
    case .reclaimed: return "reclaimed"
    case .death: return "death"
    case .end: return "end"
    }
  }
}

/// The state at one moment.
public struct TimelineSample: Sendable {
  /// MemStats at the moment (its `timeNs` is the sample's time), RSS and footprint included.
  public var stats: MemStats
  /// GOGC in force (-1: off).
  public var gcPercent: Int
  /// GOMEMLIMIT in force, bytes (Int.max: none).
  public var memoryLimit: Int
  public var cause: TimelineCause

  public var timeNs: Int { stats.timeNs }

  /// Equal state, whatever the time and the cause (the coalescing test).
  func sameState(as o: TimelineSample) -> Bool {
    var a = stats
    a.timeNs = o.stats.timeNs
    return a == o.stats && gcPercent == o.gcPercent && memoryLimit == o.memoryLimit
  }
}

/// A source the recorded run executed: a file, `-e`, stdin, or one REPL entry.
public struct TimelineSource: Sendable {
  public var name: String
  public var text: String
  /// When it started running, virtual ns.
  public var startNs: Int
}

/// One top-level statement's moment: it ran from `startNs` to `endNs`.
public struct TimelineStatement: Sendable {
  /// Index into `Timeline.sources`.
  public var source: Int
  public var lines: ClosedRange<Int>
  public var startNs: Int
  public var endNs: Int
}

/// A `stats` statement's moment.
public struct TimelineCheckpoint: Sendable {
  /// The label as written (nil for a bare `stats`).
  public var label: String?
  public var stats: MemStats
  /// 1-based, in the order they ran: the chart's badges and the report's table share it.
  public var number: Int
  /// The label the report shows: the label, or `stats N` for a bare one.
  public var title: String { label ?? "stats \(number)" }
}

/// A scavenger pass: memory returned to the OS at one moment.
public struct TimelineRelease: Sendable {
  public enum Kind: String, Sendable {
    /// The background scavenger's burst (or Go 1.0's scavenger tick).
    case background
    /// debug.FreeOSMemory's release of every free page.
    case forced
  }
  public var timeNs: Int
  public var bytes: Int
  public var kind: Kind
}

/// The run's configuration as the report states it.
public struct TimelineConfiguration: Sendable {
  public var profile: String
  public var os: OperatingSystem
  public var gcPercent: Int
  public var memoryLimit: Int
  public var ramBytes: Int
  public var containerLimit: Int?
  public var release: ReleaseMechanism
  /// The MemStats fields the era has (nil: all).
  public var memStatsFields: Set<String>?

  /// Name-value rows, as the report's configuration table shows them.
  public var rows: [(String, String)] {
    var out: [(String, String)] = [
      ("profile", profile), ("OS", os.rawValue),
      ("GOGC", gcPercent < 0 ? "off" : "\(gcPercent)"),
      ("GOMEMLIMIT", memoryLimit == Int.max ? "off" : Units.bytes(memoryLimit)),
      ("machine memory", Units.bytes(ramBytes)),
    ]
    if let c = containerLimit { out.append(("container limit", Units.bytes(c))) }
    out.append(("pages returned with", release.rawValue))
    return out
  }
}

/// Records one process's timeline.
public final class Timeline {
  /// Samples in time order, coalesced (see the file comment).
  public private(set) var samples: [TimelineSample] = []
  /// Every completed GC cycle.
  public private(set) var cycles: [GCCycle] = []
  /// Times sysmon woke to force a GC, ns.
  public private(set) var sysmonWakeups: [Int] = []
  /// sysmon's forced GCs in periods advanced at once (HeapEvent.steadyCycles) that
  /// `sysmonWakeups` does not list (past the marker budget).
  public private(set) var advancedWakeups = 0
  /// Every forced GC sysmon started.
  public var forcedWakeupCount: Int { sysmonWakeups.count + advancedWakeups }
  public private(set) var releases: [TimelineRelease] = []
  public private(set) var statements: [TimelineStatement] = []
  public private(set) var checkpoints: [TimelineCheckpoint] = []
  public private(set) var sources: [TimelineSource] = []
  /// The process's death, if it died: what killed it and when.
  public private(set) var death: (String, Int)?
  public private(set) var configuration: TimelineConfiguration?
  /// The latest moment the recorder saw (a coalesced sample still advances it), ns.
  public private(set) var endNs = 0
  /// Samples dropped because nothing had changed.
  public private(set) var coalesced = 0
  /// Rows, cycles and passes dropped by thinning (see the file comment).
  public private(set) var thinned = 0
  /// Every completed GC cycle, counted (`cycles` may be thinned).
  public private(set) var cycleCount = 0
  /// Rows kept before thinning: the chart is about 1,100 px wide, so 8,000 rows are more than 7
  /// per pixel column; a thinned timeline holds between 4,000 and 8,000 more.
  public var rowBudget = 8_000
  /// GC cycles and scavenger passes kept before thinning.
  public var cycleBudget = 4_000
  /// The marker count past which the cycles are thinned next (at least `cycleBudget`).
  private var nextCycleThin = 0
  public var releaseBudget = 4_000
  /// Called with each sample kept (JSON lines write it).
  public var onSample: ((TimelineSample) -> Void)?

  private weak var runtime: GoRuntime?
  /// Once decimating: the width of a time bucket, ns (0 before), where the newest bucket's rows
  /// start in `samples`, and the row count that coarsens the buckets next.
  private var bucketNs = 0
  private var openStart = 0
  private var nextRebucket = 8_000
  /// Once thinning the cycles: the width of their time bucket, ns.
  private var cycleBucketNs = 0
  /// When the running statement started (the previous boundary), ns.
  private var statementStartNs = 0

  public init() {}

  /// Records `rt` from now on; a different runtime than before (a fresh process) starts a fresh
  /// timeline.
  public func attach(_ rt: GoRuntime) {
    if let old = runtime, old === rt { return }
    samples = []
    cycles = []
    sysmonWakeups = []
    advancedWakeups = 0
    releases = []
    statements = []
    checkpoints = []
    sources = []
    death = nil
    coalesced = 0
    thinned = 0
    cycleCount = 0
    nextCycleThin = 0
    bucketNs = 0
    cycleBucketNs = 0
    openStart = 0
    nextRebucket = rowBudget
    runtime = rt
    configuration = TimelineConfiguration(
      profile: rt.profile.name, os: rt.machine.os, gcPercent: rt.gcPercent,
      memoryLimit: rt.memoryLimit, ramBytes: rt.machine.ramBytes,
      containerLimit: rt.machine.containerLimit, release: rt.releaseMechanism,
      memStatsFields: rt.profile.memStatsFields)
    statementStartNs = rt.virtualTime
    rt.subscribe { [weak self, weak rt] e in
      guard let self, let rt, self.runtime === rt else { return }
      self.event(e)
    }
    sample(.start)
  }

  /// A run (a file, `-e`, a REPL entry) starts: its source, for the report's listing.
  public func runStarting(name: String, text: String) {
    guard let rt = runtime else { return }
    // The start row is announced when something first runs (an input that does not compile
    // runs nothing, and its stream holds only its errors).
    if sources.isEmpty, let first = samples.first, first.cause == .start { onSample?(first) }
    sources.append(TimelineSource(name: name, text: text, startNs: rt.virtualTime))
    statementStartNs = rt.virtualTime
  }

  /// A top-level statement of the latest source finished.
  public func statementFinished(lines: ClosedRange<Int>) {
    guard let rt = runtime, !sources.isEmpty else { return }
    statements.append(
      TimelineStatement(
        source: sources.count - 1, lines: lines, startNs: statementStartNs, endNs: rt.virtualTime))
    statementStartNs = rt.virtualTime
    sample(.statement(statements.count - 1))
  }

  /// A `stats` statement: always a row of its own.
  public func checkpoint(label: String?) {
    guard let rt = runtime else { return }
    let m = rt.memStats()
    checkpoints.append(TimelineCheckpoint(label: label, stats: m, number: checkpoints.count + 1))
    sample(.checkpoint(checkpoints.count - 1), keep: true)
  }

  /// Closes the recording at the runtime's current time: the last row (always kept) says the
  /// state held until then.
  public func finish() {
    guard let rt = runtime else { return }
    if let last = samples.last, last.cause == .end, last.timeNs == rt.virtualTime { return }
    sample(.end, keep: true)
  }

  private func event(_ e: HeapEvent) {
    switch e {
    case .gcStart(let n, let trigger, _, _, _): sample(.gcStart(number: n, trigger: trigger))
    case .gcEnd(let c):
      cycleCount += 1
      // Once thinning, a heap-triggered cycle in the bucket of the last kept one adds no marker.
      if cycleBucketNs > 0, c.trigger == .heap, let l = cycles.last(where: { $0.trigger == .heap }),
        l.startNs / cycleBucketNs == c.startNs / cycleBucketNs
      {
        thinned += 1
      } else {
        cycles.append(c)
      }
      if cycles.count > max(cycleBudget, nextCycleThin) {
        thinCycles()
        // Forced cycles are never thinned: when they alone pass the budget, thin again only
        // once the list has doubled (thinning at every cycle was quadratic, and doubled the
        // bucket width until it overflowed).
        nextCycleThin = cycles.count * 2
      }
      sample(.gcEnd(number: c.number, trigger: c.trigger))
    case .sysmonForcedGC(let t):
      sysmonWakeups.append(t)
      sample(.sysmonForcedGC)
    case .scavengeReport(let r, let t):
      // Eager releases (heap growth, the memory limit) and FreeOSMemory's are reported here;
      // the background scavenger's bursts have their own event.
      if r.forced && r.eagerBytes > 0 {
        releases.append(TimelineRelease(timeNs: t, bytes: r.eagerBytes, kind: .forced))
      }
      sample(.scavengeReport(released: r.backgroundBytes + r.eagerBytes, forced: r.forced))
    case .scavengerBurst(let bytes, let t):
      releases.append(TimelineRelease(timeNs: t, bytes: bytes, kind: .background))
      if releases.count > releaseBudget { thinReleases() }
      sample(.scavengerBurst(bytes: bytes))
    case .scavengerTick(let tick, let t):
      if tick.released > 0 {
        releases.append(TimelineRelease(timeNs: t, bytes: tick.released, kind: .background))
      }
      sample(.scavengerTick(k: tick.k, released: tick.released))
    case .steadyCycles(let s):
      // Forced-GC periods advanced at once, every one leaving the heap as the last. Markers:
      // each period's cycle and sysmon wake-up, up to `cycleBudget` of them (beyond it, evenly
      // spaced ones, the rest counted as thinned), without a row each; rows: the last period's
      // events, as stepping it would give them (the state between is the same at every period).
      let before = s.count - 1
      let every = max(1, (before + cycleBudget - 1) / cycleBudget)
      var markers = 0
      var wakeups = 0
      for j in stride(from: 1, through: before, by: every) {
        for e in s.events(ofPeriod: j) {
          switch e {
          case .gcEnd(let c):
            cycles.append(c)
            markers += 1
          case .sysmonForcedGC(let t):
            sysmonWakeups.append(t)
            wakeups += 1
          default: break
          }
        }
      }
      cycleCount += before
      thinned += before - markers
      advancedWakeups += before - wakeups
      for e in s.events(ofPeriod: s.count) { event(e) }
    case .heapGrowth(let bytes, _, _): sample(.heapGrowth(bytes: bytes))
    case .reclaimed(let bytes, _): sample(.reclaimed(bytes: bytes))
    // The pacer's trace lines change no memory: the cycle's own events sample the heap.
    case .pacerStart, .pacerEnd: break
    case .death(let d, let t):
      let what: String
      switch d {
      case .runtimeOutOfMemory: what = "fatal error: out of memory"
      case .thrown(let m): what = "fatal error: " + m
      case .killedByKernel: what = "Killed (the kernel's OOM killer)"
      case .panic(let m): what = "panic: " + m
      }
      death = (what, t)
      sample(.death(what), keep: true)
    }
  }

  /// Takes a sample now; drops it when nothing changed since the last kept one.
  private func sample(_ cause: TimelineCause, keep: Bool = false) {
    guard let rt = runtime else { return }
    let s = TimelineSample(
      stats: rt.memStats(), gcPercent: rt.gcPercent, memoryLimit: rt.memoryLimit, cause: cause)
    endNs = max(endNs, s.timeNs)
    if !keep, let last = samples.last, last.sameState(as: s) {
      coalesced += 1
      return
    }
    samples.append(s)
    if cause != .start { onSample?(s) }
    decimate()
  }

  /// Whether a row is never thinned.
  private func isProtected(_ s: TimelineSample) -> Bool {
    switch s.cause {
    case .start, .checkpoint, .death, .end: return true
    default: return false
    }
  }

  /// The rows of one time bucket reduced to its extremes, in time order: the lowest and the
  /// highest HeapAlloc and the highest RSS.
  private func extremes(_ g: ArraySlice<TimelineSample>) -> [TimelineSample] {
    guard g.count > 3 else { return Array(g) }
    var keep: Set<Int> = []
    keep.insert(g.indices.min { g[$0].stats.heapAlloc < g[$1].stats.heapAlloc }!)
    keep.insert(g.indices.max { g[$0].stats.heapAlloc < g[$1].stats.heapAlloc }!)
    keep.insert(g.indices.max { g[$0].stats.rss < g[$1].stats.rss }!)
    return keep.sorted().map { g[$0] }
  }

  /// Keeps the newest row's bucket at its extremes (once decimating), and coarsens the buckets
  /// when the rows pass the budget.
  private func decimate() {
    if bucketNs > 0 {
      let s = samples[samples.count - 1]
      if isProtected(s) {
        openStart = samples.count
      } else {
        if openStart >= samples.count - 1 || isProtected(samples[openStart])
          || samples[openStart].timeNs / bucketNs != s.timeNs / bucketNs
        {
          openStart = samples.count - 1
        }
        if samples.count - openStart > 3 {
          let kept = extremes(samples[openStart...])
          thinned += samples.count - openStart - kept.count
          samples.replaceSubrange(openStart..., with: kept)
        }
      }
    }
    guard samples.count > nextRebucket, let first = samples.first, let last = samples.last else {
      return
    }
    // Buckets of a width that leaves about rowBudget / 8 of them over the run so far.
    bucketNs = max(bucketNs * 2, (last.timeNs - first.timeNs) / (rowBudget / 8), 1)
    var out: [TimelineSample] = []
    out.reserveCapacity(rowBudget / 2)
    var groupStart = 0
    var k = 0
    func flush(_ end: Int) {
      if groupStart < end { out += extremes(samples[groupStart..<end]) }
    }
    while k < samples.count {
      let s = samples[k]
      if isProtected(s) {
        flush(k)
        out.append(s)
        groupStart = k + 1
      } else if k > groupStart && samples[groupStart].timeNs / bucketNs != s.timeNs / bucketNs {
        flush(k)
        groupStart = k
      }
      k += 1
    }
    let openFrom = out.count
    flush(samples.count)
    openStart = groupStart < samples.count ? openFrom : out.count
    thinned += samples.count - out.count
    samples = out
    // Rows the user asked for (`stats` in a loop) are never thinned: do not rebucket on every
    // row when they alone pass the budget.
    nextRebucket = max(rowBudget, samples.count * 2)
  }

  /// Keeps one heap-triggered cycle per time bucket for the markers (forced ones all stay),
  /// the buckets as wide as leave about cycleBudget / 2 over the run so far.
  private func thinCycles() {
    guard let first = cycles.first, let last = cycles.last else { return }
    cycleBucketNs = max(
      min(cycleBucketNs, Int.max / 2) * 2, (last.startNs - first.startNs) / (cycleBudget / 2), 1)
    var lastBucket = -1
    let before = cycles.count
    cycles = cycles.filter { c in
      guard c.trigger == .heap else { return true }
      let b = c.startNs / cycleBucketNs
      defer { lastBucket = b }
      return b != lastBucket
    }
    thinned += before - cycles.count
  }

  /// Merges neighbouring passes of the same kind (their bytes add up, at the first's time).
  private func thinReleases() {
    var out: [TimelineRelease] = []
    var k = 0
    while k < releases.count {
      var r = releases[k]
      if k + 1 < releases.count && releases[k + 1].kind == r.kind {
        r.bytes += releases[k + 1].bytes
        k += 1
      }
      out.append(r)
      k += 1
    }
    thinned += releases.count - out.count
    releases = out
  }

  /// The source line a statement starts on, as `file:line`.
  public func location(of s: TimelineStatement) -> String {
    "\(sources[s.source].name):\(s.lines.lowerBound)"
  }

  /// The statement's first line of text.
  public func text(of s: TimelineStatement) -> String {
    let lines = sources[s.source].text.split(separator: "\n", omittingEmptySubsequences: false)
    let k = s.lines.lowerBound - 1
    guard k >= 0 && k < lines.count else { return "" }
    return Self.withoutComment(String(lines[k])).trimmingWhitespace()
  }

  /// A line without its `//` comment (one outside string, rune and raw-string literals).
  static func withoutComment(_ line: String) -> String {
    var quote: Character? = nil
    var escaped = false
    var previous: Character? = nil
    var end = line.endIndex
    for i in line.indices {
      let c = line[i]
      if let q = quote {
        if escaped {
          escaped = false
        } else if c == "\\" && q != "`" {
          escaped = true
        } else if c == q {
          quote = nil
        }
      } else if c == "\"" || c == "'" || c == "`" {
        quote = c
      } else if c == "/" && previous == "/" {
        end = line.index(before: i)
        break
      }
      previous = quote == nil ? c : nil
    }
    return String(line[..<end])
  }

  /// Where the sample came from, for the CSV's `source` and `detail` columns.
  public func detail(of s: TimelineSample) -> (source: String, detail: String) {
    switch s.cause {
    case .start: return ("", configuration.map { "\($0.profile) on \($0.os.rawValue)" } ?? "")
    case .statement(let k): return (location(of: statements[k]), text(of: statements[k]))
    case .checkpoint(let k): return ("", checkpoints[k].title)
    case .gcStart(let n, let t), .gcEnd(let n, let t):
      return ("", "GC \(n) (\(Units.triggerName(t)))")
    case .sysmonForcedGC: return ("", "")
    case .scavengeReport(let r, let f): return ("", "\(r) bytes released" + (f ? " (forced)" : ""))
    case .scavengerBurst(let b): return ("", "\(b) bytes released")
    case .scavengerTick(let k, let r): return ("", "scvg\(k): \(r) bytes released")
    case .heapGrowth(let b): return ("", "\(b) bytes mapped")
    case .reclaimed(let b): return ("", "\(b) bytes reclaimed")
    case .death(let w): return ("", w)
    case .end: return ("", "")
    }
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  func trimmingWhitespace() -> String {
    var s = Substring(self)
    while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
    while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
    return String(s)
  }
}
