// The builtins print and println: the runtime's own printer (runtime/print.go), which writes to
// the goroutine's standard error without fmt and without allocating. Each operand is printed by
// its kind — printbool, printint/printuint, printfloat, printstring, printpointer (`0x` and hex
// digits) and printslice (`[len/cap]` then the array's address); println puts a space between
// operands and a newline after them, print neither (walk/builtin.go walkPrint).

import GoHeap

extension VM {
  /// `print(args...)` or `println(args...)` as the runtime prints them, to the host's stderr.
  func runtimePrint(_ args: [(GoType, UnsafeMutablePointer<UInt64>)], newline: Bool) throws {
    var out: [UInt8] = []
    for (k, (t, p)) in args.enumerated() {
      if newline && k > 0 { out.append(0x20) }
      try appendRuntimePrint(&out, t, p)
    }
    if newline { out.append(0x0A) }
    host?.errorOutput(bytes: out)
  }

  private func appendRuntimePrint(_ out: inout [UInt8], _ t: GoType, _ p: UnsafeMutablePointer<UInt64>) throws {
    switch t.kind {
    case .bool: out += Array((p[0] != 0 ? "true" : "false").utf8)
    case .int(let bits, true): out += Array(String(signExtend(p[0], bits)).utf8)
    case .int, .uintptr: out += Array(String(p[0]).utf8)
    case .float(let bits): out += Array(Self.printFloat(Double(bitPattern: p[0]), bits: bits, heap.profile.printFloats).utf8)
    case .string: out += try string(p)
    // walk/builtin.go walkPrint: a map is printed as its pointer (printpointer).
    // A func value too: its funcval's address.
    case .pointer, .map, .function, .chan: out += Array(("0x" + String(p[0], radix: 16)).utf8)
    case .slice: out += Array("[\(p[1])/\(p[2])]0x\(String(p[0], radix: 16))".utf8)
    // printeface / printiface (runtime/print.go): the type (or itab) word and the data word.
    case .interface: out += Array("(0x\(String(p[0], radix: 16)),0x\(String(p[1], radix: 16)))".utf8)
    case .array, .structure, .undefined:
      // The checker refuses them (`illegal types for operand: print`).
      throw VMTrap(kind: .internalFault("print of \(t)"))
    }
  }

  private func signExtend(_ v: UInt64, _ bits: Int) -> Int64 {
    bits >= 64 ? Int64(bitPattern: v) : Int64(bitPattern: v << UInt64(64 - bits)) >> Int64(64 - bits)
  }

  /// printfloat of the era.
  static func printFloat(_ v: Double, bits: Int, _ style: PrintFloats) -> String {
    switch style {
    case .shortest: return GoStrconv.formatFloat(v, "g", -1, bits)
    case .sevenDigits: return sevenDigitFloat(v)
    }
  }

  /// Go 1.19.8's print.go printfloat, step for step: NaN and the infinities by name, else the
  /// value normalised to [1, 10), rounded at the seventh digit by adding 5e-7, and written as
  /// `±d.dddddde±ddd`.
  static func sevenDigitFloat(_ x: Double) -> String {
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
}
