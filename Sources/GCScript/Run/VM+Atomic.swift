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

// atomic.Value (sync/atomic/value.go): an `any` read and written whole. Store, Swap and
// CompareAndSwap panic as value.go does on a nil value and on a value of another type than the
// first one stored; CompareAndSwap compares with ==, which panics for an uncomparable type.
extension VM {
  func atomicValue(
    _ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    let p = args[0].1[0]
    if p == 0 { throw VMTrap(kind: .nilDereference) }
    let (typ, data) = (try load(p, 8), try load(p &+ 8, 8))
    func fail(_ m: String) -> VMTrap { VMTrap(kind: .goPanic("sync/atomic: \(m)")) }
    func put(_ t: UInt64, _ d: UInt64) throws {
      try store(p, t, 8)
      try store(p &+ 8, d, 8)
    }
    switch b {
    case .atomicValueLoad:
      if let r = result() { (r[0], r[1]) = (typ, data) }
    case .atomicValueStore, .atomicValueSwap:
      let (t, d) = (args[1].1[0], args[1].1[1])
      let verb = b == .atomicValueStore ? "store" : "swap"
      if t == 0 { throw fail("\(verb) of nil value into Value") }
      if typ != 0 && typ != t { throw fail("\(verb) of inconsistently typed value into Value") }
      try put(t, d)
      if b == .atomicValueSwap, let r = result() { (r[0], r[1]) = (typ, data) }
    case .atomicValueCompareAndSwap:
      let old = args[1].1
      let new = args[2].1
      if new[0] == 0 { throw fail("compare and swap of nil value into Value") }
      if old[0] != 0 && old[0] != new[0] { throw fail("compare and swap of inconsistently typed values") }
      var swapped = false
      if typ == 0 {
        if old[0] == 0 {
          try put(new[0], new[1])
          swapped = true
        }
      } else {
        if typ != new[0] { throw fail("compare and swap of inconsistently typed value into Value") }
        var current = [typ, data]
        if try current.withUnsafeMutableBufferPointer({ try interfacesEqual(.any, $0.baseAddress!, old) }) {
          try put(new[0], new[1])
          swapped = true
        }
      }
      result()?[0] = swapped ? 1 : 0
    default: break
    }
  }
}

// atomic.Pointer[T] (sync/atomic/type.go): its one word, the pointer, read and written whole.
extension VM {
  func atomicPointer(
    _ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    let p = args[0].1[0]
    if p == 0 { throw VMTrap(kind: .nilDereference) }
    let old = try load(p, 8)
    switch b {
    case .atomicPointerLoad: result()?[0] = old
    case .atomicPointerStore: try store(p, args[1].1[0], 8)
    case .atomicPointerSwap:
      try store(p, args[1].1[0], 8)
      result()?[0] = old
    case .atomicPointerCompareAndSwap:
      let swapped = old == args[1].1[0]
      if swapped { try store(p, args[2].1[0], 8) }
      result()?[0] = swapped ? 1 : 0
    default: break
    }
  }
}
