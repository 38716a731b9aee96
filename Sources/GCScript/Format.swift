// Format: values as Go's fmt package prints them (%v), and a small Printf.

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

extension Interpreter {
  /// A value as fmt.Println prints it.
  func format(_ v: Value, _ t: GoType?, top: Bool = true) -> String {
    guard let t else { return "<nil>" }
    if t === durationType { return formatDuration(v.asInt) }
    switch (v, t.kind) {
    case (.int(let i), _) where t.isUnsigned: return "\(UInt64(bitPattern: i))"
    case (.int(let i), _): return "\(i)"
    case (.float(let f), .float(let bits)): return bits == 32 ? formatFloat(Double(Float(f))) : formatFloat(f)
    case (.bool(let b), _): return b ? "true" : "false"
    case (.string(let s), _): return s
    case (.null, .slice): return "[]"
    case (.null, _): return "<nil>"
    case (.pointer(let p), .pointer(let e)):
      if top, case .structure = e.kind { return "&" + format(loadValue(e, p.object, p.offset), e, top: false) }
      if top, case .array = e.kind { return "&" + format(loadValue(e, p.object, p.offset), e, top: false) }
      return "0x" + String(heap.address(of: p), radix: 16)
    case (.slice(let s), .slice(let e)):
      let shown = min(s.len, 100)
      var parts: [String] = []
      for k in 0..<shown { parts.append(format(loadValue(e, s.object!, s.offset + k * e.size), e, top: false)) }
      if s.len > shown { parts.append("...+\(s.len - shown) more") }
      return "[" + parts.joined(separator: " ") + "]"
    case (.aggregate(let vs), .structure(let fs)):
      return "{" + zip(vs, fs).map { format($0, $1.type, top: false) }.joined(separator: " ") + "}"
    case (.aggregate(let vs), .array(let e, _)):
      let shown = vs.prefix(100).map { format($0, e, top: false) }
      return "[" + shown.joined(separator: " ") + (vs.count > 100 ? " ...+\(vs.count - 100) more" : "") + "]"
    default: return "?"
    }
  }

  /// A subset of fmt.Printf: %v %d %s %f %.Nf %x %t %T %q %%.
  func printf(_ f: String, _ vals: [(Value, GoType?)]) -> String {
    var out = ""
    var k = 0
    var it = f.makeIterator()
    while let c = it.next() {
      guard c == "%" else {
        out.append(c)
        continue
      }
      var spec = ""
      var verb: Character = "v"
      while let n = it.next() {
        if n.isLetter || n == "%" {
          verb = n
          break
        }
        spec.append(n)
      }
      if verb == "%" {
        out += "%"
        continue
      }
      guard k < vals.count else {
        out += "%!\(verb)(MISSING)"
        continue
      }
      let (v, t) = vals[k]
      k += 1
      switch verb {
      case "d": out += t?.isUnsigned == true ? "\(UInt64(bitPattern: v.asInt))" : "\(v.asInt)"
      case "x": out += String(UInt64(bitPattern: v.asInt), radix: 16)
      case "f":
        let prec = spec.hasPrefix(".") ? Int(spec.dropFirst()) ?? 6 : 6
        out += fixed(v.asFloat, prec)
      case "q": out += "\"" + format(v, t) + "\""
      case "T": out += t.map { "\($0)" } ?? "<nil>"
      default: out += format(v, t)
      }
    }
    return out
  }

  private func fixed(_ x: Double, _ prec: Int) -> String {
    var scale = 1.0
    for _ in 0..<prec { scale *= 10 }
    let r = (abs(x) * scale).rounded() / scale
    var whole = "\(Int64(r))"
    if x < 0 && r != 0 { whole = "-" + whole }
    if prec == 0 { return whole }
    let fracPart = Int64(((r - Double(Int64(r))) * scale).rounded())
    let fs = String(fracPart)
    return whole + "." + String(repeating: "0", count: max(0, prec - fs.count)) + fs
  }
}
