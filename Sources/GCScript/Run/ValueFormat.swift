// Values as Go's fmt package prints them (%v), read from where they are: a frame's slots or
// simulated memory. A small Printf.

import GoHeap

/// Where a value to format is.
enum ValueSource {
  /// Frame slots: a scalar normalised in its slot, an aggregate's memory image.
  case slots(UnsafeMutablePointer<UInt64>)
  /// Simulated memory.
  case memory(Address)
}

extension VM {
  /// The scalar of type `t` at `offset` bytes into a value, normalised (sign-extended, float32
  /// as a double).
  func scalar(_ t: GoType, _ src: ValueSource, _ offset: Int, topLevel: Bool) throws -> UInt64 {
    let size = max(1, min(8, t.size))
    let raw: UInt64
    switch src {
    case .slots(let p):
      if topLevel { return p[offset / 8] }
      var v: UInt64 = 0
      withUnsafeMutableBytes(of: &v) { $0.baseAddress!.copyMemory(from: UnsafeRawPointer(p) + offset, byteCount: size) }
      raw = v
    case .memory(let a): raw = try load(a &+ UInt64(offset), size)
    }
    switch t.kind {
    case .int(let bits, true) where bits < 64:
      let shift = UInt64(64 - bits)
      return UInt64(bitPattern: Int64(bitPattern: raw << shift) >> Int64(shift))
    case .float(32): return Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))).bitPattern
    default: return raw
    }
  }

  /// The word at `offset` of a value (a pointer, a length).
  func word(_ src: ValueSource, _ offset: Int) throws -> UInt64 {
    switch src {
    case .slots(let p): return p[offset / 8]
    case .memory(let a): return try load(a &+ UInt64(offset), 8)
    }
  }

  /// A value as fmt.Println prints it (`top`: not inside another value, where a pointer to a
  /// struct or an array prints as `&{...}`).
  func format(_ t: GoType, _ src: ValueSource, _ offset: Int = 0, top: Bool = true) throws -> String {
    if t === durationType { return formatDuration(Int64(bitPattern: try scalar(t, src, offset, topLevel: top))) }
    switch t.kind {
    case .bool: return try scalar(t, src, offset, topLevel: top) != 0 ? "true" : "false"
    case .int(_, let signed):
      let v = try scalar(t, src, offset, topLevel: top)
      return signed ? "\(Int64(bitPattern: v))" : "\(v)"
    case .uintptr: return "\(try scalar(t, src, offset, topLevel: top))"
    case .float(let bits):
      let d = Double(bitPattern: try scalar(t, src, offset, topLevel: top))
      return bits == 32 ? formatFloat(Double(Float(d))) : formatFloat(d)
    case .string:
      let p = try word(src, offset)
      let n = try word(src, offset + 8)
      return String(decoding: try bytes(p, Int(n)), as: UTF8.self)
    case .pointer(let e):
      let p = try word(src, offset)
      if p == 0 { return "<nil>" }
      if top, e.isStruct || e.isArray { return "&" + (try format(e, .memory(p), 0, top: false)) }
      return "0x" + String(p, radix: 16)
    case .slice(let e):
      let p = try word(src, offset)
      let n = Int(try word(src, offset + 8))
      let shown = min(n, 100)
      var parts: [String] = []
      for k in 0..<shown { parts.append(try format(e, .memory(p &+ UInt64(k * e.size)), 0, top: false)) }
      if n > shown { parts.append("...+\(n - shown) more") }
      return "[" + parts.joined(separator: " ") + "]"
    case .array(let e, let n):
      let shown = min(n, 100)
      var parts: [String] = []
      for k in 0..<shown { parts.append(try format(e, src, offset + k * e.size, top: false)) }
      if n > shown { parts.append("...+\(n - shown) more") }
      return "[" + parts.joined(separator: " ") + "]"
    case .structure(let fs):
      return "{" + (try fs.map { try format($0.type, src, offset + $0.offset, top: false) }).joined(separator: " ") + "}"
    case .undefined: return "<nil>"
    }
  }

  /// A value in slots, formatted as an argument to fmt (a string prints its text).
  func formatArgument(_ t: GoType, _ p: UnsafeMutablePointer<UInt64>) throws -> String {
    try format(t, .slots(p))
  }

  /// A subset of fmt.Printf: %v %d %s %f %.Nf %x %t %T %q %%.
  func printf(_ f: String, _ args: [(GoType, UnsafeMutablePointer<UInt64>)]) throws -> String {
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
      guard k < args.count else {
        out += "%!\(verb)(MISSING)"
        continue
      }
      let (t, p) = args[k]
      k += 1
      switch verb {
      case "d": out += t.isUnsigned ? "\(p[0])" : "\(Int64(bitPattern: p[0]))"
      case "x": out += String(p[0], radix: 16)
      case "f":
        let prec = spec.hasPrefix(".") ? Int(spec.dropFirst()) ?? 6 : 6
        out += fixed(t.isFloat ? Double(bitPattern: p[0]) : Double(Int64(bitPattern: p[0])), prec)
      case "q": out += "\"" + (try formatArgument(t, p)) + "\""
      case "T": out += "\(t)"
      default: out += try formatArgument(t, p)
      }
    }
    return out
  }

  private func fixed(_ x: Double, _ prec: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "+Inf" : "-Inf") }
    var scale = 1.0
    for _ in 0..<min(prec, 18) { scale *= 10 }
    let r = (abs(x) * scale).rounded() / scale
    guard r < 9.2e18 else { return formatFloat(x) }
    var whole = "\(Int64(r))"
    if x < 0 && r != 0 { whole = "-" + whole }
    if prec == 0 { return whole }
    let fracPart = Int64(((r - Double(Int64(r))) * scale).rounded())
    let fs = String(fracPart)
    return whole + "." + String(repeating: "0", count: max(0, min(prec, 18) - fs.count)) + fs
  }
}
