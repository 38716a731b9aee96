// The run-time half of converting fmt's operands to interfaces: runtime/iface.go's convT16,
// convT32, convT64, convTstring, convTslice and convT/convTnoptr (the same in Go 1.27.3 and
// 1.19.8), for the operands the compiler left to them (Escape/InterfaceConversion.swift).

import GoHeap

extension VM {
  /// Makes each operand's box on the heap where its conversion needs one, pushing each onto
  /// `inFlight` (the call's `...any` slice holds them until it returns). Returns how many.
  func convertToInterfaces(
    _ conversions: [InterfaceConversion?], _ args: [(GoType, UnsafeMutablePointer<UInt64>)]
  ) throws -> Int {
    var boxes = 0
    boxedOperands = [:]
    for (k, (conversion, (t, slots))) in zip(conversions, args).enumerated() {
      // (A pointer-shaped operand is its own data word.)
      guard let conversion, !t.isInterface, !isDirect(t) else { continue }
      // The operand's data word, made as any conversion's is (VM+TypeAssertions.swift): a
      // word in read-only data, or a box.
      let (box, allocated) = try convT(conversion, t, slots)
      boxedOperands[k] = box
      if allocated {
        inFlight.append(box)
        boxes += 1
      }
    }
    return boxes
  }

  /// The low `bytes` bytes of a value as memory holds it (slots keep a float32 as a double).
  func memoryBits(
    _ t: GoType, _ slots: UnsafeMutablePointer<UInt64>, _ bytes: Int
  ) -> UInt64 {
    let mask: UInt64 = bytes == 8 ? ~0 : (1 << UInt64(bytes * 8)) - 1
    switch t.kind {
    case .float(32): return UInt64(Float(Double(bitPattern: slots[0])).bitPattern)
    case .bool, .int, .uintptr, .float: return slots[0] & mask
    default:
      // A struct or array of one component: its bytes, as memory holds them.
      var v: UInt64 = 0
      let image = UnsafeRawBufferPointer(start: slots, count: bytes)
      withUnsafeMutableBytes(of: &v) { $0.copyMemory(from: image) }
      return v
    }
  }
}
