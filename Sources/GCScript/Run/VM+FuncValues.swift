// Calls through function values: from a func value to the function it calls (the code
// pointer in its funcval, Lower/Lowering+Closures.swift), and the closure context.

import GoHeap

extension VM {
  /// The function a func value calls: the code pointer in its funcval's first word. A nil value
  /// panics as Go's call through a nil func does (a nil dereference); the funcval becomes the
  /// closure context.
  func funcvalTarget(_ funcval: UInt64) throws -> Int {
    let pc = try load(funcval, 8)
    let k = pc &- AddressSpace.textBase
    guard pc >= AddressSpace.textBase, k % AddressSpace.textBytesPerFunction == 0,
      Int(k / AddressSpace.textBytesPerFunction) < session.functions.count
    else { throw VMTrap(kind: .internalFault("a call through a func value whose code pointer is 0x\(String(pc, radix: 16))")) }
    closureContext = funcval
    return Int(k / AddressSpace.textBytesPerFunction)
  }
}
