// StatsTable: the compact `stats` view — the key MemStats and the RSS, aligned, with units, and
// labelled with the virtual clock. Sizes are MiB/GiB, labelled so (the runtime's own "MB" means
// MiB).

import GoHeap

public enum StatsTable {
  /// A byte count as `381.6 MiB` (GiB from 10 GiB up).
  public static func size(_ b: Int) -> String {
    if b == Int.max { return "unlimited" }
    let v = Double(b)
    if v >= 10 * Double(GiB) { return fixed1(v / Double(GiB)) + " GiB" }
    return fixed1(v / Double(MiB)) + " MiB"
  }

  static func fixed1(_ x: Double) -> String {
    let r = (x * 10).rounded() / 10
    let whole = Int(r)
    let frac = Int(((r - Double(whole)) * 10).rounded())
    return "\(whole).\(abs(frac))"
  }

  /// Virtual seconds since start as `12.170s`.
  public static func clock(_ ns: Int) -> String {
    let ms = ns / 1_000_000
    let frac = String(ms % 1000)
    return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac + "s"
  }

  /// The table for one snapshot.
  public static func render(
    _ m: MemStats, label: String?, fields: Set<String>? = nil, os: OperatingSystem = .linux
  ) -> String {
    let title = "stats" + (label.map { " \"\($0)\"" } ?? "") + " at t=\(clock(m.timeNs)) (virtual)"
    let rows: [(String, String, String, String)] = [
      ("HeapAlloc", size(m.heapAlloc), "HeapSys", size(m.heapSys)),
      ("HeapInuse", size(m.heapInuse), "HeapIdle", size(m.heapIdle)),
      ("HeapReleased", size(m.heapReleased), "Sys", size(m.sys)),
      ("HeapObjects", "\(m.heapObjects)", "NextGC", size(m.nextGC)),
      ("NumGC", "\(m.numGC)", fields?.contains("NumForcedGC") == false ? "" : "NumForcedGC",
       fields?.contains("NumForcedGC") == false ? "" : "\(m.numForcedGC)"),
      os == .darwin
        ? ("Resident", size(m.rss), "Footprint", size(m.footprint))
        : ("RSS", size(m.rss), "", ""),
    ]
    var out = title + "\n"
    for (a, b, c, d) in rows {
      var line = "  " + pad(a, 13) + lpad(b, 11)
      if !c.isEmpty { line += "    " + pad(c, 12) + lpad(d, 11) }
      out += line + "\n"
    }
    return out
  }

  static func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
  static func lpad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
}
