// Reporter: turns the runtime's events and the program's output into what the user sees.
//
// Text mode: program output and `stats` tables on stdout; trace lines on stderr (only with
// --gctrace or GODEBUG=gctrace=1,scavtrace=1), as the runtime prints them; diagnostics on stderr.
// JSONL mode: everything on stdout, one object per line in the order it happened, each with
// "event" and "t" (virtual seconds). The field contract is in README.md.

import GoHeap

/// Renders one session.
public final class Reporter {
  public enum Format: String, Sendable {
    case text, jsonl
  }

  public let format: Format
  public var gctrace: Bool
  public var scavtrace: Bool
  /// GODEBUG=gcpacertrace=1: the pacer's plan at each cycle's start and its measurement at the
  /// end (mgcpacer.go), on stderr before the cycle's gctrace line, as the runtime prints them.
  public var pacertrace: Bool
  private let stdout: (String) -> Void
  private let stderr: (String) -> Void
  /// Where the program's own bytes go in text mode (nil: decoded, then `stdout` / `stderr`).
  private let stdoutBytes: (([UInt8]) -> Void)?
  private let stderrBytes: (([UInt8]) -> Void)?
  private weak var runtime: GoRuntime?
  /// `explain` is on: narrate after each statement.
  public var explain = false
  private let narrator = Narrator()

  public init(
    format: Format, gctrace: Bool, scavtrace: Bool? = nil, pacertrace: Bool = false,
    stdout: @escaping (String) -> Void,
    stderr: @escaping (String) -> Void, stdoutBytes: (([UInt8]) -> Void)? = nil,
    stderrBytes: (([UInt8]) -> Void)? = nil
  ) {
    self.format = format
    self.gctrace = gctrace
    self.scavtrace = scavtrace ?? gctrace
    self.pacertrace = pacertrace
    self.stdout = stdout
    self.stderr = stderr
    self.stdoutBytes = stdoutBytes
    self.stderrBytes = stderrBytes
  }

  /// Subscribes to a runtime's events.
  public func attach(_ rt: GoRuntime) {
    runtime = rt
    rt.subscribe { [weak self] e in self?.event(e) }
    narrator.reset(rt)
  }

  /// Turns narration on or off (from now on).
  public func setExplain(_ on: Bool) {
    explain = on
    if let rt = runtime { narrator.reset(rt) }
  }

  /// Heap allocations the next narrated statement made (escape analysis's reasons).
  private var heapNotes: [String] = []

  /// Under `explain`: the allocation sites the statement sent to the heap, and why.
  public func heapAllocations(_ notes: [String]) {
    heapNotes += notes
  }

  /// A narrated statement finished.
  public func statementFinished(_ text: String) {
    defer { heapNotes = [] }
    guard explain, let rt = runtime else { return }
    let lines = heapNotes + narrator.narrate(text, rt)
    if lines.isEmpty { return }
    if format == .jsonl {
      var j = JSONLine(event: "explain", t: seconds(rt.virtualTime))
      j.add("statement", text)
      j.add("text", lines.joined(separator: "\n"))
      stdout(j.text + "\n")
    } else {
      stdout(lines.map { "  # " + $0 + "\n" }.joined())
    }
  }

  private func seconds(_ ns: Int) -> Double { Double(ns) / 1e9 }

  /// Periods of a long sleep advanced at once whose trace lines are printed one by one; past
  /// this many, the trace prints the first `steadyHeadPeriods` and the last, and one line for
  /// the periods between.
  static let steadyPeriodsPrintedInFull = 10
  static let steadyHeadPeriods = 3

  /// The trace lines of forced-GC periods advanced at once (GoRuntime+SteadyState). The real
  /// runtime prints every period's lines, identical but for the cycle number, the time and the
  /// GC CPU percentage: `sleep 100000h` is 3 million forced GCs and 9 million lines. A few
  /// periods are printed as stepping would print them; the rest are counted in one line that
  /// says what they were, and the last period's lines follow, with the numbers the run ends on.
  /// `--step-sleeps` simulates and prints every one.
  private func printSteadyTrace(_ s: SteadyCycles, _ rt: GoRuntime) {
    let stop = { rt.sleepInterrupted?() ?? false }
    guard s.count > Self.steadyPeriodsPrintedInFull else {
      s.forEachEvent(until: stop) { self.event($0) }
      return
    }
    for j in 1...Self.steadyHeadPeriods {
      if stop() { return }
      for e in s.events(ofPeriod: j) { event(e) }
    }
    let skipped = s.count - Self.steadyHeadPeriods - 1
    let first = Self.steadyHeadPeriods + 1
    var what = "\(skipped) more periods like these"
    if let numbers = s.cycleNumbers {
      let firstGC = numbers.lowerBound + first - 1
      what = "\(skipped) more forced GCs like these, gc \(firstGC) to gc \(firstGC + skipped - 1)"
    }
    let from = Units.clock(s.startNs + (first - 1) * s.periodNs)
    let to = Units.clock(s.startNs + (s.count - 2) * s.periodNs)
    stderr("(gcsh: \(what), one every \(StatsTable.clock(s.periodNs)) from \(from) to \(to): "
      + "lines elided; --step-sleeps prints every one)\n")
    if stop() { return }
    for e in s.events(ofPeriod: s.count) { event(e) }
  }

  private func event(_ e: HeapEvent) {
    guard let rt = runtime else { return }
    if explain { narrator.event(e) }
    switch e {
    case .gcEnd(let c):
      let trace = TraceLines.gcLine(c, format: rt.profile.traceFormat)
      if format == .jsonl {
        var j = JSONLine(event: "gc", t: seconds(c.endNs))
        j.add("n", c.number)
        j.add("forced", c.trigger == .user)
        j.add("sysmon", c.trigger == .time)
        j.add("heapStart", c.heapStart)
        j.add("heapEnd", c.heapEnd)
        j.add("heapMarked", c.heapMarked)
        j.add("goal", c.goal)
        j.add("pauseNs", c.pauseNs)
        j.add("trace", trace)
        addState(&j, rt.memStats(), rt)
        stdout(j.text + "\n")
      } else if gctrace {
        stderr(trace + "\n")
      }
    case .scavengerTick(let tick, let t):
      let lines = TraceLines.scvgLines(tick)
      if format == .jsonl {
        var j = JSONLine(event: "scavenge", t: seconds(t))
        j.add("tick", tick.k)
        j.add("forcedGC", tick.forcedGC)
        j.add("released", tick.released)
        j.add("heapReleased", tick.heapReleased)
        j.add("forced", false)
        j.add("trace", lines.joined(separator: "\n"))
        addState(&j, rt.memStats(), rt)
        stdout(j.text + "\n")
      } else if gctrace {
        stderr(lines.joined(separator: "\n") + "\n")
      }
    case .steadyCycles(let s):
      // Forced-GC periods advanced at once: the trace prints the lines stepping would have
      // printed, the periods past the first three but the last counted in one line
      // (printSteadyTrace); a JSON stream gets one line for them, with the state they left.
      if format == .jsonl {
        var j = JSONLine(event: "steady", t: seconds(s.endNs))
        j.add("cycles", s.count)
        j.add("from", number: seconds(s.startNs))
        j.add("periodNs", s.periodNs)
        addState(&j, rt.memStats(), rt)
        stdout(j.text + "\n")
      } else if gctrace || scavtrace {
        printSteadyTrace(s, rt)
      }
    case .pacerStart(let p, let t):
      pacerLine(TraceLines.pacerStartLine(p, floats: rt.profile.printFloats), "start", t, rt)
    case .pacerEnd(let p, let t):
      pacerLine(
        TraceLines.pacerEndLine(p, floats: rt.profile.printFloats, resets: rt.profile.traceFormat == .go119),
        "end", t, rt)
    case .sysmonForcedGC:
      if format == .text && gctrace { stderr(TraceLines.sysmonForced + "\n") }
    case .scavengeReport(let r, let t):
      let trace = TraceLines.scavLine(r, format: rt.profile.traceFormat)
      if format == .jsonl {
        var j = JSONLine(event: "scavenge", t: seconds(t))
        j.add("released", r.backgroundBytes + r.eagerBytes)
        j.add("heapReleased", r.heapReleased)
        j.add("forced", r.forced)
        j.add("trace", trace)
        addState(&j, rt.memStats(), rt)
        stdout(j.text + "\n")
      } else if scavtrace {
        stderr(trace + "\n")
      }
    default: break
    }
  }

  /// A gcpacertrace line. Go 1.0 has no such trace (its pacer is GOGC's proportion alone).
  /// The line is built only when it is printed.
  private func pacerLine(_ line: @autoclosure () -> String, _ phase: String, _ t: Int, _ rt: GoRuntime) {
    guard pacertrace, rt.profile.traceFormat != .go10 else { return }
    let line = line()
    if format == .jsonl {
      var j = JSONLine(event: "pacer", t: seconds(t))
      j.add("phase", phase)
      j.add("trace", line)
      stdout(j.text + "\n")
    } else {
      stderr(line + "\n")
    }
  }

  /// Program output (print, fmt.Println).
  public func output(_ text: String) {
    if format == .jsonl {
      var j = JSONLine(event: "print", t: seconds(runtime?.virtualTime ?? 0))
      j.add("text", text.hasSuffix("\n") ? String(text.dropLast()) : text)
      stdout(j.text + "\n")
    } else {
      stdout(text)
    }
  }

  /// The program's standard error (Go's builtins print and println): stderr in text mode, a
  /// `print` event with `"stream": "stderr"` in JSON lines.
  public func errorOutput(_ text: String) {
    if format == .jsonl {
      var j = JSONLine(event: "print", t: seconds(runtime?.virtualTime ?? 0))
      j.add("text", text.hasSuffix("\n") ? String(text.dropLast()) : text)
      j.add("stream", "stderr")
      stdout(j.text + "\n")
    } else {
      stderr(text)
    }
  }

  /// Program output as the program's bytes, written as they are in text mode (a Go string may
  /// hold invalid UTF-8, which Go's fmt writes unchanged); a JSON line's text is decoded.
  public func output(bytes: [UInt8]) {
    if format != .jsonl, let stdoutBytes { stdoutBytes(bytes) } else { output(String(decoding: bytes, as: UTF8.self)) }
  }

  /// The program's standard error as its bytes.
  public func errorOutput(bytes: [UInt8]) {
    if format != .jsonl, let stderrBytes { stderrBytes(bytes) } else { errorOutput(String(decoding: bytes, as: UTF8.self)) }
  }

  /// Called with every `stats` snapshot (gcsh compare collects them).
  public var statsObserver: ((String?, MemStats) -> Void)?

  /// A `stats` statement.
  public func stats(label: String?, view: String?) {
    guard let rt = runtime else { return }
    let m = rt.memStats()
    statsObserver?(label, m)
    if format == .jsonl {
      var j = JSONLine(event: "stats", t: seconds(m.timeNs))
      if let label { j.add("label", label) }
      addState(&j, m, rt)
      stdout(j.text + "\n")
      return
    }
    switch view {
    case "memstats"?: stdout(Views.memstats(rt))
    case "gctrace"?: stdout(Views.gctrace(rt))
    case "metrics"?: stdout(Views.metrics(rt))
    case "os"?: stdout(Views.os(rt))
    case "all"?: stdout(Views.all(rt, label: label))
    default: stdout(StatsTable.render(m, label: label, fields: rt.profile.memStatsFields, os: rt.machine.os))
    }
  }

  /// The state fields of `stats`, `gc`, `scavenge` and `sample` events: MemStats by Go name (a
  /// field the era lacks is left out), the RSS, and the footprint under darwin.
  private func addState(_ j: inout JSONLine, _ m: MemStats, _ rt: GoRuntime) {
    let available = rt.profile.memStatsFields
    for (k, v) in m.fields where k != "Alloc" && k != "LastGC" && available?.contains(k) ?? true {
      j.add(k, v)
    }
    j.add("RSS", m.rss)
    if rt.machine.os == .darwin { j.add("Footprint", m.footprint) }
  }

  /// JSON lines carry the timeline: `gc`, `scavenge` and `stats` events hold the state, and a
  /// `sample` event (with `cause`, the CSV's event name, and `source`/`detail` where there are
  /// any) holds each other moment the timeline keeps — a statement's end, a cycle's start, a
  /// scavenger burst, heap growth — so the stream rebuilds the chart.
  public func record(_ t: Timeline) {
    guard format == .jsonl else { return }
    t.onSample = { [weak self, weak t] s in
      guard let self, let t, let rt = self.runtime else { return }
      switch s.cause {
      case .gcEnd, .scavengeReport, .scavengerTick, .checkpoint: return
      default: break
      }
      var j = JSONLine(event: "sample", t: self.seconds(s.timeNs))
      j.add("cause", s.cause.name)
      let (source, detail) = t.detail(of: s)
      if !source.isEmpty { j.add("source", source) }
      if !detail.isEmpty { j.add("detail", detail) }
      self.addState(&j, s.stats, rt)
      j.add("GOGC", s.gcPercent)
      if s.memoryLimit != Int.max { j.add("GOMEMLIMIT", s.memoryLimit) }
      self.stdout(j.text + "\n")
    }
  }

  /// A diagnostic (already rendered with file:line:col and caret) and its JSON fields.
  public func error(kind: String, file: String, line: Int, column: Int, message: String, rendered: String) {
    if format == .jsonl {
      var j = JSONLine(event: "error", t: seconds(runtime?.virtualTime ?? 0))
      j.add("kind", kind)
      j.addLocation(file: file, line: line, col: column)
      j.add("message", message)
      stdout(j.text + "\n")
    } else {
      stderr(rendered + "\n")
    }
  }

  /// Colour in text output (a terminal, and neither NO_COLOR nor TERM=dumb).
  public var color = false

  /// `heap`: the span map.
  public func heapMap() {
    guard let rt = runtime else { return }
    if format == .jsonl {
      let (cells, bytes) = rt.pageMap(columns: 64)
      var j = JSONLine(event: "heap", t: seconds(rt.virtualTime))
      j.add("map", String(cells.map(\.rawValue)))
      for s in PageState.allCases { j.add(String(s.rawValue), bytes[s] ?? 0) }
      stdout(j.text + "\n")
    } else {
      stdout(Views.heapMap(rt, color: color))
    }
  }

  /// `why` / `why rss`: the resident set by cause.
  public func why(_ what: String?) {
    guard let rt = runtime else { return }
    if format == .jsonl {
      let b = rt.rssBreakdownByCause()
      var j = JSONLine(event: "why", t: seconds(rt.virtualTime))
      j.add("RSS", rt.rss)
      j.add("liveObjects", b.liveObjects)
      j.add("garbage", b.garbage)
      j.add("freeNotScavenged", b.freeNotScavenged)
      j.add("releasedButResident", b.releasedButResident)
      j.add("runtimeHeapData", b.runtimeHeapData)
      j.add("metadata", b.metadata)
      j.add("binaryAndStacks", b.binaryAndStacks)
      j.add("untouched", b.untouched)
      stdout(j.text + "\n")
    } else {
      stdout(Views.why(rt, what))
    }
  }

  /// `roots`: each root variable and what it keeps alive.
  public func roots(_ list: [(name: String, type: String, objects: Int, bytes: Int)]) {
    if format == .jsonl {
      for r in list {
        var j = JSONLine(event: "root", t: seconds(runtime?.virtualTime ?? 0))
        j.add("name", r.name)
        j.add("type", r.type)
        j.add("objects", r.objects)
        j.add("bytes", r.bytes)
        stdout(j.text + "\n")
      }
      return
    }
    if list.isEmpty {
      stdout("no roots hold heap objects\n")
      return
    }
    var out = "roots (variables) and what each keeps alive (retained size):\n"
    for r in list {
      out += "  " + StatsTable.pad(r.name, 16) + StatsTable.pad(r.type, 20)
        + StatsTable.lpad(StatsTable.size(r.bytes), 12) + "  in \(r.objects) object\(r.objects == 1 ? "" : "s")\n"
    }
    stdout(out)
  }

  /// An `expect` statement's outcome. Text: a pass is an `ok:` line on stdout, a failure a
  /// diagnostic on stderr. JSONL: an `expect` event.
  public func expectation(
    passed: Bool, check: String, actual: String, file: String, line: Int, column: Int, rendered: String
  ) {
    if format == .jsonl {
      var j = JSONLine(event: "expect", t: seconds(runtime?.virtualTime ?? 0))
      j.add("ok", passed)
      j.add("check", check)
      j.add("actual", actual)
      j.addLocation(file: file, line: line, col: column)
      stdout(j.text + "\n")
    } else if passed {
      stdout("ok: \(check) (\(actual))\n")
    } else {
      stderr(rendered + "\n")
    }
  }

  /// A plain note on stderr (text) or an event (jsonl), e.g. the exit status a real run would have.
  public func note(_ text: String) {
    if format == .jsonl {
      var j = JSONLine(event: "note", t: seconds(runtime?.virtualTime ?? 0))
      j.add("text", text)
      stdout(j.text + "\n")
    } else {
      stderr(text + "\n")
    }
  }
}
