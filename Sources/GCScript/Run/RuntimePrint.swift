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
    case .sevenDigits: return PrintFloats.sevenDigits(v)
    }
  }
}
