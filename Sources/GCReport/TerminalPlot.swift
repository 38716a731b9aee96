// TerminalPlot: the REPL's `plot`, a compact chart of the RSS and the heap over the session.
//
// Two panels on one scale (so their heights compare): the RSS, then HeapAlloc. Each column is
// an equal slice of virtual time and shows the highest value in it (a GC's peak is never lost to
// a coarse column); each row is an eighth-block cell (▁▂▃▄▅▆▇█), or `_`, `=` and `#` where the
// terminal cannot show them (plain ASCII).

import GoHeap

public enum TerminalPlot {
  /// The chart, `columns` wide and `rows` high per panel.
  public static func render(_ t: Timeline, columns: Int = 60, rows: Int = 4, unicode: Bool)
    -> String
  {
    let end = max(t.endNs, t.samples.last?.timeNs ?? 0)
    let rss = columnMaxima(t.samples, end: end, columns: columns) { $0.stats.rss }
    let heap = columnMaxima(t.samples, end: end, columns: columns) { $0.stats.heapAlloc }
    let top = max(rss.max() ?? 0, heap.max() ?? 0, 1)
    let bar = unicode ? "│" : "|"
    var out =
      "memory over \(Units.clock(end)) of virtual time (\(t.cycleCount) GC"
      + (t.cycleCount == 1 ? "" : "s") + ", one column per \(Units.clock(max(end / columns, 0))))\n"
    let labelWidth = 22
    for (name, values) in [("RSS", rss), ("HeapAlloc", heap)] {
      let peak = values.max() ?? 0
      let now = values.last ?? 0
      for r in stride(from: rows - 1, through: 0, by: -1) {
        var label = ""
        if r == rows - 1 {
          label = name
        } else if r == rows - 2 {
          label = "now " + Units.bytes(now)
        } else if r == 0 {
          label = "peak " + Units.bytes(peak)
        }
        var line = pad(label, labelWidth) + bar
        for v in values { line += cell(v, top: top, row: r, rows: rows, unicode: unicode) }
        out += trimRight(line) + "\n"
      }
    }
    let axis = String(repeating: unicode ? "─" : "-", count: columns)
    out += pad("", labelWidth) + (unicode ? "└" : "+") + axis + "\n"
    let left = "0s"
    let right = Units.clock(end)
    out +=
      pad("", labelWidth + 1) + left
      + String(repeating: " ", count: max(1, columns - left.count - right.count)) + right + "\n"
    out += pad("", labelWidth + 1) + "(full height: \(Units.bytes(top)); virtual time)\n"
    return out
  }

  /// The highest value of the step function in each of `columns` equal slices of [0, end].
  static func columnMaxima(
    _ samples: [TimelineSample], end: Int, columns: Int, _ value: (TimelineSample) -> Int
  ) -> [Int] {
    var out = [Int](repeating: 0, count: columns)
    guard !samples.isEmpty else { return out }
    let span = max(end, 1)
    func column(_ ns: Int) -> Int {
      min(columns - 1, max(0, Int(Double(ns) / Double(span) * Double(columns))))
    }
    var k = 0
    for c in 0..<columns {
      // The value held at the column's start (the last sample at or before it), then every
      // sample inside it.
      let start = Int(Double(span) * Double(c) / Double(columns))
      while k + 1 < samples.count && samples[k + 1].timeNs <= start { k += 1 }
      var best = samples[k].timeNs <= start || c == 0 ? value(samples[k]) : 0
      var j = k
      while j < samples.count && column(samples[j].timeNs) <= c {
        if column(samples[j].timeNs) == c { best = max(best, value(samples[j])) }
        j += 1
      }
      out[c] = best
    }
    return out
  }

  /// One cell of a column whose value is `v` on a scale of `top`.
  static func cell(_ v: Int, top: Int, row: Int, rows: Int, unicode: Bool) -> String {
    let eighths = Int((Double(v) / Double(top) * Double(rows * 8)).rounded())
    let fill = min(8, max(0, eighths - row * 8))
    if unicode { return fill == 0 ? " " : String(Array("▁▂▃▄▅▆▇█")[fill - 1]) }
    switch fill {
    case 0: return " "
    case 1...3: return "_"
    case 4...7: return "="
    default: return "#"
    }
  }

  static func pad(_ s: String, _ n: Int) -> String {
    s + String(repeating: " ", count: max(0, n - s.count))
  }

  static func trimRight(_ s: String) -> String {
    var s = Substring(s)
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
