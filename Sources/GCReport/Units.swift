// Units: how the timeline, the CSV and the charts write sizes and virtual times.
//
// Sizes are binary (MiB, GiB) and labelled so, as everywhere in gcsh (the runtime's own "MB"
// means MiB). Times are virtual: exact decimal seconds in files, s/min/h on axes.

import GoHeap

public enum Units {
  /// A byte count as the stats table writes it (`381.6 MiB`).
  public static func bytes(_ b: Int) -> String { StatsTable.size(b) }

  /// Exact virtual seconds from nanoseconds: `10.158000001` (no rounding, no exponent), so a
  /// CSV row's time reads back to the nanosecond.
  public static func seconds(_ ns: Int) -> String {
    let sign = ns < 0 ? "-" : ""
    let a = abs(ns)
    let whole = a / 1_000_000_000
    var frac = String(a % 1_000_000_000)
    frac = String(repeating: "0", count: 9 - frac.count) + frac
    while frac.hasSuffix("0") { frac.removeLast() }
    return sign + "\(whole)" + (frac.isEmpty ? "" : "." + frac)
  }

  /// A virtual time for people: `0.156s`, `2m10s`, `3h20m`.
  public static func clock(_ ns: Int) -> String {
    let s = Double(ns) / 1e9
    if s < 120 { return StatsTable.clock(ns) }
    let total = Int(s.rounded())
    if total < 7200 { return "\(total / 60)m\(total % 60)s" }
    return "\(total / 3600)h\(total % 3600 / 60)m"
  }

  /// What started a cycle, in the words the report uses.
  public static func triggerName(_ t: GCTrigger) -> String {
    switch t {
    case .heap: return "heap reached its goal"
    case .user: return "forced: runtime.GC"
    case .time: return "forced by sysmon after 2 minutes"
    }
  }

  /// Tick positions and labels for a time axis over [0, endNs]: a step of 1, 2 or 5 times a
  /// power of ten of the unit that fits (s under 2 minutes, min under 2 hours, h above), about
  /// `target` ticks.
  public static func timeTicks(endNs: Int, target: Int = 8) -> [(ns: Int, label: String)] {
    let end = max(endNs, 1_000_000)
    let (unit, name): (Double, String) =
      end < 120 * 1_000_000_000
      ? (1e9, "s") : end < 7200 * 1_000_000_000 ? (60e9, "min") : (3600e9, "h")
    let step = niceStep(Double(end) / unit / Double(target)) * unit
    var out: [(Int, String)] = []
    var t = 0.0
    while t <= Double(end) * 1.000001 {
      out.append((Int(t), number(t / unit) + name))
      t += step
    }
    return out
  }

  /// Tick positions and labels for a byte axis from 0 to the first tick at or above `maxBytes`:
  /// MiB steps of 1, 2 or 5 times a power of ten (GiB steps from 4 GiB up).
  public static func byteTicks(maxBytes: Int, target: Int = 6) -> [(bytes: Int, label: String)] {
    let top = Double(max(maxBytes, MiB))
    let (unit, name): (Double, String) =
      top >= 4 * Double(GiB) ? (Double(GiB), "GiB") : (Double(MiB), "MiB")
    let step = niceStep(top / unit / Double(target)) * unit
    // Up to the first tick at or above the top, so the data stays inside the axis.
    var out: [(Int, String)] = []
    var v = 0.0
    while true {
      out.append((Int(v), v == 0 ? "0" : number(v / unit) + " " + name))
      if v >= top * 0.999999 { break }
      v += step
    }
    return out
  }

  /// The smallest of 1, 2, 5 times a power of ten that is at least `raw`.
  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0 else { return 1 }
    var p = 1.0
    while p * 10 <= raw { p *= 10 }
    while p > raw { p /= 10 }
    for m in [1.0, 2.0, 5.0, 10.0] where m * p >= raw { return m * p }
    return 10 * p
  }

  /// A tick value without a needless fraction: `5`, `0.5`, `0.25`.
  static func number(_ x: Double) -> String {
    let r = (x * 1000).rounded() / 1000
    if r == r.rounded() { return "\(Int(r))" }
    var s = "\(r)"
    while s.hasSuffix("0") { s.removeLast() }
    return s
  }
}

extension String {
  /// Every `c` replaced by `replacement` (a CSV field's doubled quotes, a listing's tabs).
  func replacing(every c: Character, with replacement: String) -> String {
    var out = ""
    for x in self {
      if x == c { out += replacement } else { out.append(x) }
    }
    return out
  }
}
