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
    for (conversion, (t, slots)) in zip(conversions, args) {
      guard let conversion else { continue }
      switch conversion {
      case .noAllocation: continue
      case .smallInteger(let bytes):
        // `if val < uint64(len(staticuint64s))`: the value as the runtime receives it, its
        // memory bits zero-extended (an int16 -3 is 65533: it gets a box).
        if memoryBits(t, slots, bytes) < 256 { continue }
      case .string:
        if slots[1] == 0 { continue }  // `if val == ""`: zeroVal
      case .slice:
        if slots[0] == 0 { continue }  // `if array == nil`: zeroVal
      case .always: break
      }
      // mallocgc(t.Size_, t, ...): a noscan box of 2, 4 or 8 bytes is a tiny allocation.
      let box = try heap.allocate(t, count: 1)
      inFlight.append(box)
      boxes += 1
      try storeValue(t, from: slots, to: box)
    }
    return boxes
  }

  /// The low `bytes` bytes of a value as memory holds it (slots keep a float32 as a double).
  private func memoryBits(
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
