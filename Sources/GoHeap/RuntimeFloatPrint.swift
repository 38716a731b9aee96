// How the runtime's own printer writes a float64 (runtime/print.go printfloat): the builtins
// print and println, a panic's value, and the runtime's trace lines (GODEBUG=gcpacertrace=1)
// go through it, not through fmt.

extension PrintFloats {
  /// `v` as the runtime of this style prints a float64.
  public func format(_ v: Double) -> String {
    switch self {
    case .sevenDigits: return Self.sevenDigits(v)
    case .shortest: return Self.shortestG(v)
    }
  }

  /// Go 1.19.8's print.go printfloat, step for step: NaN and the infinities by name, else the
  /// value normalised to [1, 10), rounded at the seventh digit by adding 5e-7, and written as
  /// `±d.dddddde±ddd`.
  public static func sevenDigits(_ x: Double) -> String {
    if x != x { return "NaN" }
    if x + x == x && x > 0 { return "+Inf" }
    if x + x == x && x < 0 { return "-Inf" }
    let n = 7
    var buf = [UInt8](repeating: 0, count: n + 7)
    buf[0] = UInt8(ascii: "+")
    var v = x
    var e = 0
    if v == 0 {
      if (1 / v) < 0 { buf[0] = UInt8(ascii: "-") }
    } else {
      if v < 0 {
        v = -v
        buf[0] = UInt8(ascii: "-")
      }
      while v >= 10 {
        e += 1
        v /= 10
      }
      while v < 1 {
        e -= 1
        v *= 10
      }
      var h = 5.0
      for _ in 0..<n { h /= 10 }
      v += h
      if v >= 10 {
        e += 1
        v /= 10
      }
    }
    for i in 0..<n {
      let s = Int(v)
      buf[i + 2] = UInt8(s + 48)
      v -= Double(s)
      v *= 10
    }
    buf[1] = buf[2]
    buf[2] = UInt8(ascii: ".")
    buf[n + 2] = UInt8(ascii: "e")
    buf[n + 3] = UInt8(ascii: "+")
    if e < 0 {
      e = -e
      buf[n + 3] = UInt8(ascii: "-")
    }
    buf[n + 4] = UInt8(e / 100 + 48)
    buf[n + 5] = UInt8(e / 10 % 10 + 48)
    buf[n + 6] = UInt8(e % 10 + 48)
    return String(decoding: buf, as: UTF8.self)
  }

  /// strconv.AppendFloat(v, 'g', -1, 64), which Go 1.27.3's printfloat64 calls: the shortest
  /// digits that read back as `v` (Swift's description finds the same shortest, closest
  /// digits), in %e form when the decimal exponent is below -4 or at least 6 (ftoa.go: "if
  /// precision was the shortest possible, use precision 6 for this decision"), with at least
  /// two exponent digits; `+Inf`, `-Inf`, `NaN`.
  public static func shortestG(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
    let sign = v.sign == .minus ? "-" : ""
    if v == 0 { return sign + "0" }
    // Digits and decimal point position from Swift's shortest form ("1.25", "1e-05",
    // "2.4852e+20", "1234567.0").
    let text = Swift.abs(v).description
    let parts = text.split(separator: "e", maxSplits: 1)
    let mantissa = parts[0]
    let exponent = parts.count > 1 ? Int(parts[1])! : 0
    let intPart = mantissa.split(separator: ".", omittingEmptySubsequences: false)[0]
    var digits = Array(mantissa.filter { $0 != "." })
    var dp = intPart.count + exponent
    while digits.first == "0" && digits.count > 1 {
      digits.removeFirst()
      dp -= 1
    }
    while digits.last == "0" && digits.count > 1 { digits.removeLast() }
    let nd = digits.count
    let exp = dp - 1
    if exp < -4 || exp >= 6 {
      var s = sign + String(digits[0])
      if nd > 1 { s += "." + String(digits[1...]) }
      let e = Swift.abs(exp)
      s += (exp < 0 ? "e-" : "e+") + (e < 10 ? "0" : "") + String(e)
      return s
    }
    if dp <= 0 { return sign + "0." + String(repeating: "0", count: -dp) + String(digits) }
    if dp >= nd { return sign + String(digits) + String(repeating: "0", count: dp - nd) }
    return sign + String(digits[..<dp]) + "." + String(digits[dp...])
  }
}
