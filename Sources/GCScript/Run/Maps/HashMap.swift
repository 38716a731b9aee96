// Go 1.19 maps: runtime/map.go's hmap — not yet ported.

import GoHeap

/// Field offsets of runtime.hmap (reflect.go MapType).
enum HMap {
  static let count = 0, flags = 8, B = 9, noverflow = 10, hash0 = 12, buckets = 16
  static let oldbuckets = 24, nevacuate = 32, extra = 40
}

extension VM {
  func hmapUnsupported() -> VMTrap { VMTrap(kind: .internalFault("Go 1.19 maps are not modelled yet")) }
  func hmapMake(_ L: MapLayout, hint: Int, header: Address?) throws -> Address { throw hmapUnsupported() }
  func hmapFind(_ L: MapLayout, _ m: Address, _ key: MapKey) throws -> (key: Address, elem: Address)? { throw hmapUnsupported() }
  func hmapAssign(_ L: MapLayout, _ m: Address, _ key: MapKey) throws -> Address { throw hmapUnsupported() }
  func hmapDelete(_ L: MapLayout, _ m: Address, _ key: MapKey) throws { throw hmapUnsupported() }
  func hmapClear(_ L: MapLayout, _ m: Address) throws { throw hmapUnsupported() }
  func hmapIterInit(_ L: MapLayout, _ m: Address, _ it: UnsafeMutablePointer<UInt64>) throws { throw hmapUnsupported() }
  func hmapIterNext(_ L: MapLayout, _ it: UnsafeMutablePointer<UInt64>) throws -> Bool { throw hmapUnsupported() }
}
