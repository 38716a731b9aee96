// strings.Builder's methods (strings/builder.go, the same in Go 1.27.3 and 1.19.8) on the
// Builder in simulated memory: addr at +0, buf's pointer, length and capacity at +8, +16, +24.
// Every write goes through copyCheck; the buffer grows as `append` grows a []byte (growslice:
// the old array becomes garbage); Grow(n), when fewer than n bytes are free, makes a buffer
// for 2*cap+n bytes — Go 1.21+'s bytealg.MakeNoZero gives it the capacity of its size class,
// Go 1.19's `make([]byte, len, 2*cap+n)` exactly that; Go 1.19's WriteRune of a multi-byte rune
// grows that way by 4 (utf8.UTFMax) when fewer than 4 bytes are free, Go 1.21+'s appends
// (utf8.AppendRune). String() returns the buffer's bytes without copying them. Checked against
// both toolchains' runs of a program exercising each method (capacities and Mallocs). And
// strings.Count.

import GoHeap

extension VM {
  func stringsBuilder(
    _ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    let p = args[0].1[0]
    guard p != 0 else { throw VMTrap(kind: .nilDereference) }
    var data = try load(p + 8, 8)
    let length = Int(try load(p + 16, 8))
    var capacity = Int(try load(p + 24, 8))
    switch b {
    case .builderLen: result()?[0] = UInt64(length); return
    case .builderCap: result()?[0] = UInt64(capacity); return
    case .builderString:
      if let out = result() { (out[0], out[1]) = (length == 0 ? 0 : data, UInt64(length)) }
      return
    case .builderReset:
      try clearMemory(p, 32)
      return
    default: break
    }
    var bytes: [UInt8] = []
    switch b {
    case .builderGrow:
      try builderCopyCheck(p)
      let n = Int(Int64(bitPattern: args[1].1[0]))
      if n < 0 { throw VMTrap(kind: .goPanic("strings.Builder.Grow: negative count")) }
      if capacity - length < n {
        // grow: a buffer of 2*cap+n bytes — past maxAlloc (or wrapping), make's panic.
        let (wanted, overflow) = (2 * capacity).addingReportingOverflow(n)
        if overflow || wanted > heap.profile.maxAllocBytes {
          let which = heap.profile.version >= GoVersion(1, 21) ? "len" : "cap"
          throw VMTrap(kind: .goRuntimePanic("makeslice: \(which) out of range"))
        }
        (data, capacity) = try growBuilder(p, data, length, to: wanted)
      }
      return
    case .builderWriteString: bytes = try string(args[1].1)
    case .builderWriteByte: bytes = [UInt8(truncatingIfNeeded: args[1].1[0])]
    case .builderWriteRune: GoUTF8.appendRune(&bytes, Int32(truncatingIfNeeded: Int64(bitPattern: args[1].1[0])))
    default: return
    }
    try appendToBuilder(p, bytes, rune: b == .builderWriteRune)
    guard let out = result() else { return }
    switch b {
    case .builderWriteString, .builderWriteRune: (out[0], out[1], out[2]) = (UInt64(bytes.count), 0, 0)
    default: (out[0], out[1]) = (0, 0)
    }
  }

  /// copyCheck: the Builder records its address at its first write; a copy written panics.
  private func builderCopyCheck(_ p: Address) throws {
    let addr = try load(p, 8)
    if addr == 0 {
      try store(p, p, 8)
    } else if addr != p {
      throw VMTrap(kind: .goPanic("strings: illegal use of non-zero Builder copied by value"))
    }
  }

  /// A write of `bytes` (WriteString's, WriteByte's, WriteRune's, or fmt.Fprint*'s Write) at the
  /// Builder's end, its buffer grown as append grows it.
  func appendToBuilder(_ p: Address, _ bytes: [UInt8], rune: Bool = false) throws {
    try builderCopyCheck(p)
    var data = try load(p + 8, 8)
    let length = Int(try load(p + 16, 8))
    let capacity = Int(try load(p + 24, 8))
    if let grown = builderGrowth(capacity: capacity, length: length, writing: bytes.count, rune: rune) {
      (data, _) = try growBuilder(p, data, length, to: grown)
    }
    try write(bytes, at: data + UInt64(length))
    try store(p + 16, UInt64(length + bytes.count), 8)
  }

  /// The capacity a Builder's buffer grows to for a write of `n` bytes (`rune`: WriteRune's), or
  /// nil when it fits: Go 1.19's WriteRune of a multi-byte rune with fewer than 4 (utf8.UTFMax)
  /// bytes free grows to 2*cap+4; otherwise append's growslice, when the bytes do not fit.
  func builderGrowth(capacity: Int, length: Int, writing n: Int, rune: Bool) -> Int? {
    if rune && heap.profile.version < GoVersion(1, 21) && n > 1 && capacity - length < 4 { return 2 * capacity + 4 }
    return length + n > capacity ? grownCapacity(old: capacity, needed: length + n, elem: .uint8) : nil
  }

  /// The capacity a Builder's grow gets for `wanted` bytes: MakeNoZero's size class from Go
  /// 1.21, make's exact capacity before.
  func builderArrayCapacity(_ wanted: Int) -> Int {
    heap.profile.version >= GoVersion(1, 21) ? heap.roundupsize(wanted, noscan: true) : wanted
  }

  /// A new buffer of `capacity` bytes with the first `length` copied; the Builder points to
  /// it. Returns its address and capacity.
  private func growBuilder(
    _ p: UInt64, _ old: UInt64, _ length: Int, to capacity: Int
  ) throws -> (UInt64, Int) {
    let capacity = builderArrayCapacity(capacity)
    let fresh = try heap.allocate(.uint8, count: capacity)
    if length > 0 { try copyMemory(to: fresh, from: old, length) }
    try store(p + 8, fresh, 8)
    try store(p + 24, UInt64(capacity), 8)
    return (fresh, capacity)
  }

  /// A `[]byte` the library builds on the host's side (strings.Map's Builder, a joinError's
  /// text) whose heap array grows as Go's makes and appends grow it: each new array is a root
  /// (inFlight) while the program's functions may run and collect, the old one garbage.
  struct GrowingBytes {
    var bytes: [UInt8] = []
    var array: Address = 0
    var capacity = 0
  }

  /// A new array of `capacity` bytes for `b` (none for 0), rooted in place of the old one.
  func regrow(_ b: inout GrowingBytes, to capacity: Int) throws {
    guard capacity > 0 else { return }
    let fresh = try heap.allocate(.uint8, count: capacity)
    unroot(b)
    inFlight.append(fresh)
    (b.array, b.capacity) = (fresh, capacity)
  }

  /// `b`'s array is no longer the library's to hold (its result holds it, or nothing does).
  func unroot(_ b: GrowingBytes) {
    if b.array != 0, let k = inFlight.lastIndex(of: b.array) { inFlight.remove(at: k) }
  }

  /// strings.Count: non-overlapping instances of sub in s; utf8.RuneCountInString(s) + 1 for
  /// an empty sub.
  func stringsCount(_ s: [UInt8], _ sub: [UInt8]) -> Int {
    if sub.isEmpty { return GoUTF8.runeCount(s) + 1 }
    var n = 0
    var i = 0
    while i + sub.count <= s.count {
      if s[i..<(i + sub.count)].elementsEqual(sub) {
        n += 1
        i += sub.count
      } else {
        i += 1
      }
    }
    return n
  }
}
