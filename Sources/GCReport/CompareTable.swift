// CompareTable: two runs' checkpoints side by side (`gcsh compare`), differences marked.

import GoHeap

public enum CompareTable {
  static let fields: [(String, @Sendable (MemStats) -> Int, Bool)] = [
    ("HeapAlloc", { $0.heapAlloc }, true), ("HeapIdle", { $0.heapIdle }, true),
    ("HeapReleased", { $0.heapReleased }, true), ("HeapSys", { $0.heapSys }, true),
    ("RSS", { $0.rss }, true), ("NumGC", { $0.numGC }, false),
  ]

  /// Renders checkpoints in aligned columns: `left | right` per field, `*` (or bold on a
  /// terminal) where they differ by more than 1 %.
  public static func render(
    title: String, _ a: [(String, MemStats)], _ b: [(String, MemStats)], color: Bool
  ) -> String {
    var out = "compare " + title + "\n"
    var header = StatsTable.pad("checkpoint", 30)
    for (f, _, _) in fields { header += StatsTable.lpad(f, 21) }
    out += header + "\n"
    for k in 0..<max(a.count, b.count) {
      let label = k < a.count ? a[k].0 : b[k].0
      var line = StatsTable.pad(String(label.prefix(29)), 30)
      for (_, get, isBytes) in fields {
        let x = k < a.count ? get(a[k].1) : nil
        let y = k < b.count ? get(b[k].1) : nil
        let show = { (v: Int?) -> String in
          guard let v else { return "-" }
          return isBytes ? StatsTable.fixed1(Double(v) / Double(MiB)) : "\(v)"
        }
        var differ = x != y
        if let x, let y, isBytes { differ = abs(x - y) > max(abs(x), abs(y)) / 100 }
        var cell = show(x) + " | " + show(y)
        if differ { cell = color ? "\u{1B}[1m" + cell + "\u{1B}[0m" : cell + "*" } else { cell += " " }
        line += StatsTable.lpad(cell, color && differ ? 29 : 21)
      }
      out += line + "\n"
    }
    out += "(sizes in MiB; * marks values that differ by more than 1 %)\n"
    return out
  }
}
