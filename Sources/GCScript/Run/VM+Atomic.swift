// sync/atomic's operations on the simulated memory. gcsh runs one goroutine at a time and
// switches only at blocking points and its time slice's checks, never inside an instruction, so
// each operation is atomic as it is: a load, a store, or a read-modify-write of 4 or 8 bytes at
// the pointer (a method's receiver: its value field, at the struct's end).

import GoHeap

extension VM {
  func atomic(
    _ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    guard let (op, _) = b.atomicOperation, let target = args.first?.0.pointee else { return }
    let w = args.map { $0.1[0] }
    var p = w[0]
    if p == 0 { throw VMTrap(kind: .nilDereference) }
    var t = target
    if let v = AtomicPackage.valueField(target) {
      p += UInt64(v.offset)
      t = v.type
    }
    let size = t.size
    let old = try load(p, size)
    /// The value as it sits in a slot (an int32 sign-extended).
    func slot(_ v: UInt64) -> UInt64 {
      if size == 4, t === GoType.int32 { return UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: v))) }
      return size == 4 ? v & 0xFFFF_FFFF : v
    }
    switch op {
    case "Add":
      let new = old &+ w[1]
      try store(p, new, size)
      result()?[0] = slot(new)
    case "Load": result()?[0] = slot(old)
    case "Store": try store(p, w[1], size)
    case "Swap":
      try store(p, w[1], size)
      result()?[0] = slot(old)
    case "CompareAndSwap":
      let mask: UInt64 = size == 4 ? 0xFFFF_FFFF : ~0
      let swapped = old & mask == w[1] & mask
      if swapped { try store(p, w[2], size) }
      result()?[0] = swapped ? 1 : 0
    default: break
    }
  }
}
