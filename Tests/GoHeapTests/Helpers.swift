// What the GoHeap tests share: a root table of addresses (the VM's registers, for tests), a
// replayable random generator, the linked-list node type, and liveness by address.

@testable import GoHeap
import Testing

/// Root addresses by name: the VM's registers and globals, for tests. Setting nil drops the
/// root (`x = nil`).
final class AddressRoots: AddressRootSource {
  var slots: [String: Address] = [:]
  subscript(name: String) -> Address? {
    get { slots[name] }
    set { slots[name] = newValue }
  }
  func forEachRootAddress(_ visit: (Address) -> Void) {
    for a in slots.values { visit(a) }
  }
}

/// A runtime with an address root table registered.
func runtime(
  _ profile: RuntimeProfile = .go127, machine: MachineConfig = MachineConfig(), gcPercent: Int = 100
) -> (GoRuntime, AddressRoots) {
  let rt = GoRuntime(profile: profile, machine: machine, gcPercent: gcPercent)
  let roots = AddressRoots()
  rt.addRoots(roots)
  return (rt, roots)
}

/// A small deterministic random generator (SplitMix64), so failures replay.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in 0..<n.
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// `type Node struct { next *Node; v [6]uint64 }` (56 B, class 64, with pointers).
func nodeType() -> GoType {
  let node = GoType.named("Node")
  node.define(.structure(GoType.layoutFields([("next", .pointer(to: node)),
                                              ("v", .array(of: .uint64, count: 6))])))
  return node
}

/// Whether an allocated object holds `a`.
func isLive(_ rt: GoRuntime, _ a: Address) -> Bool { rt.object(containing: a) != nil }

/// The span holding address `a` (for layout checks).
func span(_ rt: GoRuntime, _ a: Address) throws -> Span {
  try #require(rt.spanOf(a)).takeUnretainedValue()
}
