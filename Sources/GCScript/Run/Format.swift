// Format: numbers, durations and sizes as Go (and gcsh's reports) print them.

import GoHeap

/// strconv.FormatFloat(f, 'g', -1, 64) as fmt's %v uses it: shortest digits, exponent form when
/// the decimal exponent is < -4 or >= 6 (strconv/ftoa.go: `if shortest { eprec = 6 }`).
func formatFloat(_ f: Double) -> String {
  if f.isNaN { return "NaN" }
  if f.isInfinite { return f > 0 ? "+Inf" : "-Inf" }
  if f == 0 { return f.sign == .minus ? "-0" : "0" }
  // Shortest round-trip digits from Swift's description.
  let desc = "\(abs(f))"
  var mantissa = desc
  var exp = 0
  if let e = desc.firstIndex(where: { $0 == "e" || $0 == "E" }) {
    mantissa = String(desc[..<e])
    exp = Int(desc[desc.index(after: e)...]) ?? 0
  }
  var digits = mantissa.filter { $0 != "." }
  let pointPos = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
  var dp = pointPos + exp
  while digits.hasPrefix("0") && digits.count > 1 {
    digits.removeFirst()
    dp -= 1
  }
  while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
  let sign = f < 0 ? "-" : ""
  let x = dp - 1
  if x < -4 || x >= 6 {
    var m = String(digits.first!)
    if digits.count > 1 { m += "." + digits.dropFirst() }
    let es = abs(x) < 10 ? "0\(abs(x))" : "\(abs(x))"
    return sign + m + "e" + (x < 0 ? "-" : "+") + es
  }
  if dp <= 0 { return sign + "0." + String(repeating: "0", count: -dp) + digits }
  if dp >= digits.count { return sign + digits + String(repeating: "0", count: dp - digits.count) }
  let idx = digits.index(digits.startIndex, offsetBy: dp)
  return sign + digits[..<idx] + "." + digits[idx...]
}

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
