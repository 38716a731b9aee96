// The timeline recorder, its CSV fields, the axis units, the XML writer and the terminal plot,
// on a runtime driven directly (no interpreter).

import GoHeap
import Testing

@testable import GCReport

/// A day of sleep: sysmon forces a GC every 2 minutes (proc.go forcegcperiod), each changes the
/// state (NumGC, LastGC, PauseTotalNs), and nothing else happens in between — so the timeline
/// keeps a bounded number of rows per cycle however long the sleep, never one per second.
@Test func idleTimeIsCoalesced() throws {
  let rt = GoRuntime()
  let t = Timeline()
  t.attach(rt)
  // sysmon forces a GC only after a first one (proc.go: `lastgc != 0 && now-lastgc > forcegcperiod`).
  try rt.collect()
  try rt.sleep(24 * 60 * Duration.minute)
  #expect(t.cycles.count >= 700 && t.cycles.dropFirst().allSatisfy { $0.trigger == .time })
  #expect(
    t.samples.count <= 3 * t.cycles.count + 2,
    "\(t.samples.count) samples for \(t.cycles.count) cycles")
  #expect(t.coalesced > 0)
  // No two neighbours hold the same state: each kept row says something changed.
  for (a, b) in zip(t.samples, t.samples.dropFirst()) { #expect(!a.sameState(as: b)) }
  #expect(t.samples.first?.cause == .start)
  #expect(t.samples.map(\.timeNs) == t.samples.map(\.timeNs).sorted())
}

@Test func checkpointsAreAlwaysRows() throws {
  let rt = GoRuntime()
  let t = Timeline()
  t.attach(rt)
  t.checkpoint(label: "a")
  t.checkpoint(label: nil)
  #expect(t.samples.count == 3)
  #expect(t.checkpoints.map(\.title) == ["a", "stats 2"])
  // Equal state, so a statement boundary now adds nothing; the end row is always written.
  t.runStarting(name: "x.gcs", text: "gc\n")
  t.statementFinished(lines: 1...1)
  #expect(t.samples.count == 3 && t.statements.count == 1)
  t.finish()
  #expect(t.samples.last?.cause == .end)
}

@Test func aFreshProcessStartsAFreshTimeline() throws {
  let t = Timeline()
  let a = GoRuntime()
  t.attach(a)
  try a.collect()
  #expect(!t.cycles.isEmpty)
  let b = GoRuntime(profile: .go119)
  t.attach(b)
  #expect(t.cycles.isEmpty && t.samples.count == 1)
  #expect(t.configuration?.profile == "go1.19")
  // The old runtime's events no longer reach it.
  try a.collect()
  #expect(t.cycles.isEmpty)
}

@Test(arguments: [
  ("plain", "plain"), ("a, b", "\"a, b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
  ("two\nlines", "\"two\nlines\""),
  ("", ""),
])
func csvFieldsAreQuotedAsRFC4180Says(_ c: (String, String)) {
  #expect(TimelineCSV.field(c.0) == c.1)
}

@Test func secondsAreExact() {
  #expect(Units.seconds(0) == "0")
  #expect(Units.seconds(2_000_000_000) == "2")
  #expect(Units.seconds(10_158_000_001) == "10.158000001")
  #expect(Units.seconds(3) == "0.000000003")
}

@Test func axesHaveReadableTicks() {
  let bytes = Units.byteTicks(maxBytes: 771 * MiB)
  #expect(bytes.map(\.label) == ["0", "200 MiB", "400 MiB", "600 MiB", "800 MiB"])
  #expect(Units.byteTicks(maxBytes: 12 * GiB).last?.label == "12 GiB")
  #expect(
    Units.timeTicks(endNs: 20 * Duration.second).map(\.label) == ["0s", "5s", "10s", "15s", "20s"])
  #expect(Units.timeTicks(endNs: 86_400 * Duration.second).last?.label == "20h")
  #expect(Units.timeTicks(endNs: 15 * Duration.minute).map(\.label).last == "14min")
}

@Test func markupEscapesTextAndAttributes() {
  #expect(Markup.escape("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
  #expect(Markup.escape("bell\u{7}") == "bell\u{FFFD}")
  var m = Markup()
  m.open("g", [("class", "x\"y")])
  m.element("text", text: "1 < 2")
  m.close()
  #expect(m.text == "<g class=\"x&quot;y\"><text>1 &lt; 2</text></g>")
}

@Test func plotColumnsKeepASpike() throws {
  // A spike lasting 1 ns inside the first of ten columns still fills it.
  let rt = GoRuntime()
  let base = rt.memStats()
  func sample(_ ns: Int, _ rss: Int) -> TimelineSample {
    var m = base
    m.timeNs = ns
    m.rss = rss
    return TimelineSample(stats: m, gcPercent: 100, memoryLimit: Int.max, cause: .start)
  }
  let s = [sample(0, 0), sample(5, 100), sample(6, 0), sample(100, 50)]
  #expect(
    TerminalPlot.columnMaxima(s, end: 100, columns: 10) { $0.stats.rss } == [
      100, 0, 0, 0, 0, 0, 0, 0, 0, 50,
    ])
  #expect(TerminalPlot.cell(100, top: 100, row: 0, rows: 2, unicode: true) == "█")
  #expect(TerminalPlot.cell(25, top: 100, row: 0, rows: 2, unicode: true) == "▄")
  #expect(TerminalPlot.cell(25, top: 100, row: 0, rows: 2, unicode: false) == "=")
}

@Test func stepLinesHoldTheirValueUntilTheNextSample() {
  let f = SVGChart.Frame(endNs: 100, topBytes: 100)
  // x from 84 to 1176 (10.92 px per ns), y from 370 (0) to 92 (100); no value from 75 to 90.
  let d = SVGChart.stepPath([(0, 0), (50, 100), (75, nil), (90, 50)], f, area: false)
  #expect(d == "M84 370H630V92H903M1066.8 231H1176")
}

/// A churning program (a 1 MiB garbage slice per iteration: a GC every few) passes the budgets:
/// the rows are decimated into time buckets that keep the extremes, evenly over the run, and the
/// markers keep one heap-triggered cycle per bucket, while every cycle is still counted.
@Test func churnIsDecimatedEvenlyAndKeepsTheExtremes() throws {
  let rt = GoRuntime()
  let t = Timeline()
  t.rowBudget = 80
  t.cycleBudget = 40
  t.attach(rt)
  var lowest = Int.max
  var highest = 0
  rt.subscribe { e in
    if case .gcStart = e { highest = max(highest, rt.memStats().heapAlloc) }
    if case .gcEnd = e { lowest = min(lowest, rt.memStats().heapAlloc) }
  }
  for _ in 0..<3000 { _ = try rt.allocateSlice(of: .uint8, len: 1 << 20, cap: 1 << 20) }
  t.checkpoint(label: "end")
  #expect(t.cycleCount > 500)
  #expect(
    t.samples.count <= 80 && t.cycles.count <= 40,
    "\(t.samples.count) rows, \(t.cycles.count) cycles")
  #expect(t.thinned > 0)
  #expect(t.samples.last?.cause == .checkpoint(0) && t.samples.first?.cause == .start)
  #expect(t.samples.map(\.timeNs) == t.samples.map(\.timeNs).sorted())
  // The sawtooth's top and bottom survive.
  #expect(t.samples.map(\.stats.heapAlloc).max() == highest)
  #expect(t.samples.dropFirst().map(\.stats.heapAlloc).min() == lowest)
  // Evenly: the first and the second half of the run keep comparable numbers of rows.
  let mid = (t.samples.first!.timeNs + t.samples.last!.timeNs) / 2
  let early = t.samples.filter { $0.timeNs < mid }.count
  let late = t.samples.count - early
  #expect(Double(min(early, late)) > 0.5 * Double(max(early, late)), "\(early) early, \(late) late")
}

@Test(arguments: [
  ("for kk := range tmp {   // every page written", "for kk := range tmp {   "),
  ("print \"a // b\" // note", "print \"a // b\" "), ("x := '/' // c", "x := '/' "),
  ("s := `raw \\` // c", "s := `raw \\` "), ("x = a / b", "x = a / b"),
])
func statementTextsLoseTheirComments(_ c: (String, String)) {
  #expect(Timeline.withoutComment(c.0) == c.1)
}
