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
    // The first column is as wide as the longest label: a label is never cut.
    let labels = (0..<max(a.count, b.count)).map { k in k < a.count ? a[k].0 : b[k].0 }
    let width = max(30, (labels.map(\.count).max() ?? 0) + 2)
    var header = StatsTable.pad("checkpoint", width)
    for (f, _, _) in fields { header += StatsTable.lpad(f, 21) }
    out += header + "\n"
    for k in 0..<max(a.count, b.count) {
      var line = StatsTable.pad(labels[k], width)
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
