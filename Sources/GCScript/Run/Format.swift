// Format: numbers, durations and sizes as Go (and gcsh's reports) print them.

import GoHeap

/// strconv.FormatFloat(f, 'g', -1, 64), as fmt's %v prints a float64 (Strconv.swift).
func formatFloat(_ f: Double) -> String { GoStrconv.formatFloat(f, "g", -1, 64) }

/// time.Duration.String: `1h2m3.5s`, `150ms`, `0s`.
func formatDuration(_ d: Int64) -> String {
  if d == 0 { return "0s" }
  let neg = d < 0
  let u = d.magnitude
  func frac(_ v: UInt64, _ unit: UInt64) -> String {
    let whole = v / unit
    var rem = v % unit
    if rem == 0 { return "\(whole)" }
    var s = ""
    var div = unit / 10
    while rem > 0 && div > 0 {
      s += "\(rem / div)"
      rem %= div
      div /= 10
    }
    return "\(whole)." + s
  }
  var out: String
  if u < 1_000 {
    out = "\(u)ns"
  } else if u < 1_000_000 {
    out = frac(u, 1_000) + "µs"
  } else if u < 1_000_000_000 {
    out = frac(u, 1_000_000) + "ms"
  } else {
    let h = u / 3_600_000_000_000
    let m = (u / 60_000_000_000) % 60
    let s = u % 60_000_000_000
    out = ""
    if h > 0 { out += "\(h)h" }
    if h > 0 || m > 0 { out += "\(m)m" }
    out += frac(s, 1_000_000_000) + "s"
  }
  return neg ? "-" + out : out
}

/// Bytes as `381.9 MiB`.
func formatBytes(_ b: Int) -> String {
  let v = Double(b) / Double(1 << 20)
  let r = (v * 10).rounded() / 10
  return "\(Int(r)).\(Int(((r - Double(Int(r))) * 10).rounded()) % 10) MiB"
}

/// Sizes: KiB, MiB, GiB, TiB are powers of 1024; KB, MB, GB, TB powers of 1000; B is bytes.
public func parseSize(_ s: String) -> Int? {
  let units: [(String, Double)] = [
    ("KiB", 1024), ("MiB", 1024 * 1024), ("GiB", 1024 * 1024 * 1024), ("TiB", 1024.0 * 1024 * 1024 * 1024),
    ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("B", 1),
  ]
  let t = s.filter { $0 != "_" }
  for (u, m) in units where t.hasSuffix(u) {
    guard let v = Double(t.dropLast(u.count)), v >= 0 else { return nil }
    let bytes = (v * m).rounded()
    guard bytes.isFinite, bytes < 9.2e18 else { return nil }
    return Int(bytes)
  }
  return Int(t)
}
