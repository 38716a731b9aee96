// Map keys: hashing and equality, for both map implementations.
//
// The runtime hashes a key with the type's hasher (runtime/alg.go: memhash with AES or
// wyhash, a random per-map seed). gcsh's hash is its own — a splitmix64 mix of the key's words,
// seeded per map from a deterministic generator — so every run of a program places its keys
// alike. What follows from the hash: which group a key probes first (Go 1.27), which bucket it
// lands in (Go 1.19), and which half of a split table (Go 1.27) or of a grown bucket array
// (Go 1.19) it moves to. So the allocations whose number depends on how keys spread — Go
// 1.27's table splits and directory growth beyond 896 entries in one table, Go 1.19's overflow
// buckets and same-size growths — match real Go's distribution, not a particular real run
// (whose seed is random too); every other allocation depends only on the number of entries.
//
// Equality is Go's (alg.go): floats compare as numbers (+0 == -0, NaN never equal, so a NaN
// key is never found and hashes at random, as memhash of a NaN does), strings by their bytes,
// arrays and structs element by element, interfaces by their dynamic types and then their
// values by those types' rules, everything else by its bits. An interface holding a value
// whose type has no == (a slice, a map, a func, a struct with one) cannot be hashed: Go
// panics (`hash of unhashable type []int`, alg.go typehash).

import GoHeap

extension VM {
  /// splitmix64's finaliser: every input bit affects every output bit.
  @inline(__always)
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// The runtime's rand() for maps (a seed, a NaN's hash): deterministic per process.
  func mapRandom() -> UInt64 {
    mapRandomState &+= 1
    return Self.mix(mapRandomState &* 0x2545_f491_4f6c_dd1d)
  }

  /// The hash of the key of type `t` at `src`, with the map's seed.
  func hashKey(_ t: GoType, _ src: ValueSource, seed: UInt64) throws -> UInt64 {
    var h = seed
    try hashInto(&h, t, src, 0, topLevel: true)
    return Self.mix(h)
  }

  private func hashInto(_ h: inout UInt64, _ t: GoType, _ src: ValueSource, _ offset: Int, topLevel: Bool) throws {
    switch t.kind {
    case .bool, .int, .uintptr, .pointer, .map, .function, .chan:
      h = Self.mix(h ^ (try scalar(t, src, offset, topLevel: topLevel)))
    case .float(let bits):
      let d = Double(bitPattern: try scalar(t, src, offset, topLevel: topLevel))
      if d.isNaN {
        h = Self.mix(h ^ mapRandom())
      } else {
        // +0 and -0 are equal: one hash (alg.go f64hash).
        h = Self.mix(h ^ (d == 0 ? 0 : (bits == 32 ? Double(Float(d)) : d).bitPattern))
      }
    case .string:
      let p = try word(src, offset)
      let n = Int(try word(src, offset + 8))
      let data = try bytes(p, n)
      var k = 0
      while k < n {
        var w: UInt64 = 0
        for j in 0..<min(8, n - k) { w |= UInt64(data[k + j]) << UInt64(8 * j) }
        h = Self.mix(h ^ w)
        k += 8
      }
      h = Self.mix(h ^ UInt64(n))
    case .array(let e, let n):
      for i in 0..<n { try hashInto(&h, e, src, offset + i * e.size, topLevel: false) }
    case .structure(let fs):
      for f in fs where f.name != "_" { try hashInto(&h, f.type, src, offset + f.offset, topLevel: false) }
    case .interface:
      // alg.go interhash / nilinterhash: the dynamic type, then the value by its type's hash.
      let typeWord = try word(src, offset)
      guard let (dyn, descriptor) = try dynamicTypeAndWord(t, typeWord) else {
        h = Self.mix(h)
        return
      }
      guard dyn.isComparable, !dyn.isInterface else {
        throw VMTrap(kind: .goRuntimePanic("hash of unhashable type \(goTypeString(dyn))"))
      }
      h = Self.mix(h ^ descriptor)
      let data = try word(src, offset + 8)
      if isDirect(dyn) {
        h = Self.mix(h ^ data)
      } else {
        try hashInto(&h, dyn, .memory(data), 0, topLevel: false)
      }
    case .slice, .undefined:
      break
    }
  }

  /// Whether two keys of type `t` are equal (Go's ==).
  func keysEqual(_ t: GoType, _ a: ValueSource, _ aTop: Bool, _ b: ValueSource, _ bTop: Bool) throws -> Bool {
    try equal(t, a, 0, aTop, b, 0, bTop)
  }

  private func equal(
    _ t: GoType, _ a: ValueSource, _ ao: Int, _ aTop: Bool, _ b: ValueSource, _ bo: Int, _ bTop: Bool
  ) throws -> Bool {
    switch t.kind {
    case .bool, .int, .uintptr, .pointer, .map, .function, .chan:
      return try scalar(t, a, ao, topLevel: aTop) == scalar(t, b, bo, topLevel: bTop)
    case .float:
      return Double(bitPattern: try scalar(t, a, ao, topLevel: aTop))
        == Double(bitPattern: try scalar(t, b, bo, topLevel: bTop))
    case .string:
      let n = try word(a, ao + 8)
      guard n == (try word(b, bo + 8)) else { return false }
      let p = try word(a, ao)
      let q = try word(b, bo)
      if p == q { return true }
      return try bytes(p, Int(n)) == bytes(q, Int(n))
    case .array(let e, let n):
      for i in 0..<n where !(try equal(e, a, ao + i * e.size, false, b, bo + i * e.size, false)) { return false }
      return true
    case .structure(let fs):
      for f in fs where f.name != "_" {
        if !(try equal(f.type, a, ao + f.offset, false, b, bo + f.offset, false)) { return false }
      }
      return true
    case .interface:
      // efaceeq / ifaceeq, as `==` of two interfaces does (interfacesEqual).
      var x = (try word(a, ao), try word(a, ao + 8))
      var y = (try word(b, bo), try word(b, bo + 8))
      return try withUnsafeMutableBytes(of: &x) { xb in
        try withUnsafeMutableBytes(of: &y) { yb in
          try interfacesEqual(t, xb.baseAddress!.assumingMemoryBound(to: UInt64.self), yb.baseAddress!.assumingMemoryBound(to: UInt64.self))
        }
      }
    case .slice, .undefined:
      return false
    }
  }

  /// Loads a value of type `t` from memory into slots, in the slots' form (scalars normalised,
  /// an aggregate's memory image).
  func loadValue(_ t: GoType, from address: Address, into slots: UnsafeMutablePointer<UInt64>) throws {
    switch t.kind {
    case .bool, .int, .uintptr, .pointer, .map, .float:
      slots[0] = try scalar(t, .memory(address), 0, topLevel: false)
    default:
      guard t.size > 0 else { return }
      let data = try bytes(address, t.size)
      slots.update(repeating: 0, count: t.words)
      data.withUnsafeBytes { UnsafeMutableRawPointer(slots).copyMemory(from: $0.baseAddress!, byteCount: t.size) }
    }
  }

  /// typedmemmove of a key, an element or a slot's stored pointer: small word-sized values as
  /// loads and stores (what the compiled memmove does for them), anything else by memmove.
  func moveValue(to dst: Address, from src: Address, _ n: Int) throws {
    if n <= 64 && n & 7 == 0 {
      for k in stride(from: 0, to: n, by: 8) { try store(dst &+ UInt64(k), try load(src &+ UInt64(k), 8), 8) }
    } else if n == 4 || n == 2 || n == 1 {
      try store(dst, try load(src, n), n)
    } else {
      try copyMemory(to: dst, from: src, n)
    }
  }

  /// typedmemclr of a small value: stores of zero; a larger one by memclr.
  func clearValue(_ a: Address, _ n: Int) throws {
    if n <= 64 && n & 7 == 0 {
      for k in stride(from: 0, to: n, by: 8) { try store(a &+ UInt64(k), 0, 8) }
    } else if n == 4 || n == 2 || n == 1 {
      try store(a, 0, n)
    } else {
      try clearMemory(a, n)
    }
  }

  /// A heap allocation made by the map runtime: held as a root (inFlight) until the operation
  /// that made it ends and the map references it.
  func mapAllocate(_ t: GoType, count: Int = 1) throws -> Address {
    let a = try heap.allocate(t, count: count)
    inFlight.append(a)
    return a
  }
}
