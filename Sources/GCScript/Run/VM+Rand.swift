// math/rand, run as rand.go and rng.go run it (Go 1.19.8 and 1.27.3 share the algorithms), with
// its state in simulated memory: a seeded Rand returns Go's numbers, digit for digit
// (Tests/Recordings/runs/mathrand), and what the package allocates is what Go's allocates.
//
//   rngSource   Seed runs seedrand (x = 48271·x mod 2³¹−1) from the seed and mixes rngCooked
//               into the 607 words of vec; each number is vec[feed] += vec[tap] with both
//               indexes stepping down (an additive lagged Fibonacci generator), masked to 63
//               bits for Int63.
//   Rand        Int63 is the source's; Int31 its top 31 bits, Uint32 its top 32, Int drops
//               the sign bit of a uint, Float64 Int63/2⁶³ (resampled when it rounds to 1),
//               Float32 Float64 rounded (resampled at 1); Intn, Int31n and Int63n reject the
//               values past the largest multiple of n (a power of two is masked); Perm and
//               Shuffle draw with Intn and with Lemire's multiply-shift int31n.
//   global      Go 1.19: the package's init makes `New(&lockedSource{src: NewSource(1)})` — 5,440
//               bytes in 3 objects before main — so the package functions return the same
//               numbers in every run, and rand.Seed reseeds it. Go 1.20+: the first package
//               function makes `&Rand{src: &runtimeSource{}, s64: &runtimeSource{}}` after
//               godebug looks up randautoseed (2 objects of 48 bytes), and the numbers come from
//               the runtime's random generator; since Go 1.24 rand.Seed does nothing. gcsh's
//               runtime generator has a fixed seed, so a run is reproducible (Go's is not).
//
// A program's own Source is called through its methods (Int63, Seed, and Uint64 when it has
// one, as `src.(Source64)` finds).

import GoHeap

/// The package's state outside simulated memory.
final class RandState {
  /// The hidden global holding the global Rand (and the godebug objects, Go 1.20+), once made.
  var globalSlot: Int? = nil
  /// The runtime's generator (runtime.rand) as gcsh models it: wyrand with a fixed seed.
  var runtimeState: UInt64 = 0x2545_F491_4F6C_DD1D
}

extension VM {
  private typealias R = RandPackage

  // MARK: The package's functions and methods

  /// A call of a math/rand function or *Rand method: the receiver (a method's first operand, or
  /// the global Rand), then Go's algorithm.
  func randCall(
    _ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    if b == .randNew || b == .randNewSource { return try randConstruct(b, args, into: result) }
    let method = b.isRandMethod
    let operands = method ? Array(args.dropFirst()) : args
    let r: Address
    if method {
      r = args[0].1[0]
      if r == 0 { throw VMTrap(kind: .nilDereference) }
    } else {
      // Go 1.24+: the package's Seed is a no-op (GODEBUG randseednop=1), and makes no Rand.
      if b == .randSeed && heap.profile.version >= GoVersion(1, 24) { return }
      r = try globalRand()
    }
    func int(_ k: Int) -> Int64 { Int64(bitPattern: operands[k].1[0]) }
    func put(_ v: UInt64) { result()?[0] = v }
    switch b {
    case .randInt, .randMethodInt: put(try randInt63(r) & UInt64(Int64.max))
    case .randIntn, .randMethodIntn:
      let n = int(0)
      if n <= 0 { throw VMTrap(kind: .goPanic("invalid argument to Intn")) }
      put(UInt64(bitPattern: n <= Int64(Int32.max) ? Int64(try randInt31n(r, Int32(n))) : try randInt63n(r, n)))
    case .randInt31, .randMethodInt31: put(UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: try randInt63(r) >> 32))))
    case .randInt31n, .randMethodInt31n:
      let n = Int32(truncatingIfNeeded: int(0))
      if n <= 0 { throw VMTrap(kind: .goPanic("invalid argument to Int31n")) }
      put(UInt64(bitPattern: Int64(try randInt31n(r, n))))
    case .randInt63, .randMethodInt63: put(try randInt63(r))
    case .randInt63n, .randMethodInt63n:
      let n = int(0)
      if n <= 0 { throw VMTrap(kind: .goPanic("invalid argument to Int63n")) }
      put(UInt64(bitPattern: try randInt63n(r, n)))
    case .randUint32, .randMethodUint32: put(UInt64(UInt32(truncatingIfNeeded: try randInt63(r) >> 31)))
    case .randUint64, .randMethodUint64: put(try randUint64(r))
    case .randFloat64, .randMethodFloat64: put(try randFloat64(r).bitPattern)
    case .randFloat32, .randMethodFloat32:
      // Slots keep a float32 as the double it converts to.
      var f: Float
      repeat { f = Float(try randFloat64(r)) } while f == 1
      put(Double(f).bitPattern)
    case .randPerm, .randMethodPerm:
      let n = Int(int(0))
      if n < 0 { throw VMTrap(kind: .goRuntimePanic("makeslice: len out of range")) }
      // `m := make([]int, n)`, then each i goes to a random place j <= i and m[j] moves to i.
      let m = n == 0 ? GoRuntime.zeroBaseAddress : try heap.allocateSlice(of: .int, len: n, cap: n)
      inFlight.append(m)
      defer { inFlight.removeLast() }
      for i in 0..<n {
        let j = UInt64(try randIntn(r, i + 1))
        try store(m + UInt64(8 * i), try load(m + 8 * j, 8), 8)
        try store(m + 8 * j, UInt64(i), 8)
      }
      if let out = result() { (out[0], out[1], out[2]) = (m, UInt64(n), UInt64(n)) }
    case .randShuffle, .randMethodShuffle:
      let n = int(0)
      let swap = operands[1].1[0]
      if n < 0 { throw VMTrap(kind: .goPanic("invalid argument to Shuffle")) }
      var i = n - 1
      while i > Int64(Int32.max) - 1 {
        let j = try randInt63n(r, i + 1)
        _ = try callFuncValue(swap, arguments: [UInt64(bitPattern: i), UInt64(bitPattern: j)], resultWords: 0, what: "rand.Shuffle's swap")
        i -= 1
      }
      while i > 0 {
        let j = Int64(try randInt31nLemire(r, Int32(i + 1)))
        _ = try callFuncValue(swap, arguments: [UInt64(bitPattern: i), UInt64(bitPattern: j)], resultWords: 0, what: "rand.Shuffle's swap")
        i -= 1
      }
    case .randSeed, .randMethodSeed: try randSeed(r, int(0))
    default: return
    }
  }

  /// New and NewSource, whose objects the caller allocated where escape analysis said (the
  /// first operand): New stores the source in its Rand, NewSource seeds its rngSource.
  private func randConstruct(
    _ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    let p = args[0].1[0]
    if b == .randNewSource {
      try rngSeed(p, Int64(bitPattern: args[1].1[0]))
      if let out = result() { (out[0], out[1]) = (try sourceItab(R.rngSource), p) }
      return
    }
    // `s64, _ := src.(Source64); return &Rand{src: src, s64: s64}`.
    let (itab, data) = (args[1].1[0], args[1].1[1])
    try store(p, itab, 8)
    try store(p + 8, data, 8)
    if itab != 0, let dyn = runtimeTypes.itab(at: itab)?.type, hasUint64(dyn) {
      try store(p + 16, itab, 8)
      try store(p + 24, data, 8)
    }
    result()?[0] = p
  }

  // MARK: Rand's algorithms (rand.go)

  func randInt63(_ r: Address) throws -> UInt64 {
    try sourceCall(try load(r, 8), try load(r + 8, 8), "Int63") & UInt64(Int64.max)
  }

  private func randUint64(_ r: Address) throws -> UInt64 {
    let s64 = try load(r + 16, 8)
    if s64 != 0 { return try sourceCall(s64, try load(r + 24, 8), "Uint64") }
    let a = try randInt63(r)
    let b = try randInt63(r)
    return a >> 31 | b << 32
  }

  private func randFloat64(_ r: Address) throws -> Double {
    while true {
      let f = Double(try randInt63(r)) / 9_223_372_036_854_775_808.0
      if f != 1 { return f }
    }
  }

  private func randInt31(_ r: Address) throws -> Int32 { Int32(truncatingIfNeeded: try randInt63(r) >> 32) }

  /// Int31n: mask a power of two; else reject the values past the largest multiple of n.
  private func randInt31n(_ r: Address, _ n: Int32) throws -> Int32 {
    if n & (n - 1) == 0 { return try randInt31(r) & (n - 1) }
    let max = Int32(truncatingIfNeeded: (Int64(1) << 31) - 1 - Int64((UInt32(1) << 31) % UInt32(n)))
    var v = try randInt31(r)
    while v > max { v = try randInt31(r) }
    return v % n
  }

  private func randInt63n(_ r: Address, _ n: Int64) throws -> Int64 {
    if n & (n - 1) == 0 { return Int64(bitPattern: try randInt63(r)) & (n - 1) }
    let max = Int64(bitPattern: (UInt64(1) << 63) - 1 - (UInt64(1) << 63) % UInt64(n))
    var v = Int64(bitPattern: try randInt63(r))
    while v > max { v = Int64(bitPattern: try randInt63(r)) }
    return v % n
  }

  private func randIntn(_ r: Address, _ n: Int) throws -> Int {
    n <= Int(Int32.max) ? Int(try randInt31n(r, Int32(n))) : Int(try randInt63n(r, Int64(n)))
  }

  /// int31n (Shuffle's): Lemire's multiply-shift, rejecting the low products below 2³² mod n.
  private func randInt31nLemire(_ r: Address, _ n: Int32) throws -> Int32 {
    var v = UInt32(truncatingIfNeeded: try randInt63(r) >> 31)
    var prod = UInt64(v) * UInt64(n)
    var low = UInt32(truncatingIfNeeded: prod)
    if low < UInt32(n) {
      let thresh = UInt32(truncatingIfNeeded: -Int64(n)) % UInt32(n)
      while low < thresh {
        v = UInt32(truncatingIfNeeded: try randInt63(r) >> 31)
        prod = UInt64(v) * UInt64(n)
        low = UInt32(truncatingIfNeeded: prod)
      }
    }
    return Int32(truncatingIfNeeded: prod >> 32)
  }

  /// (*Rand).Seed: a lockedSource reseeds its rngSource; any other source its own Seed. Read's
  /// position restarts.
  private func randSeed(_ r: Address, _ seed: Int64) throws {
    let (itab, data) = (try load(r, 8), try load(r + 8, 8))
    _ = try sourceCall(itab, data, "Seed", seed: seed)
    try store(r + 40, 0, 8)
  }

  // MARK: Sources

  /// A source's Int63, Uint64 or Seed, by its dynamic type: gcsh's rngSource, lockedSource and
  /// runtimeSource natively, a program's type through its method.
  func sourceCall(_ itab: UInt64, _ data: UInt64, _ name: String, seed: Int64 = 0, depth: Int = 0) throws -> UInt64 {
    guard itab != 0, let dyn = runtimeTypes.itab(at: itab)?.type else { throw VMTrap(kind: .nilDereference) }
    if depth > 200 { throw VMTrap(kind: .stackOverflow) }
    if dyn.pointee === R.rngSource || dyn.pointee === R.lockedSource {
      if data == 0 { throw VMTrap(kind: .nilDereference) }
      let rng = dyn.pointee === R.lockedSource ? try load(data + 8, 8) : data
      if name == "Seed" {
        try rngSeed(rng, seed)
        return 0
      }
      let x = try rngUint64(rng)
      return name == "Int63" ? x & UInt64(Int64.max) : x
    }
    if dyn.pointee === R.runtimeSource {
      if name == "Seed" { throw VMTrap(kind: .goPanic("internal error: call to runtimeSource.Seed")) }
      let x = runtimeRand()
      return name == "Int63" ? x & UInt64(Int64.max) : x
    }
    guard let entry = runtimeTypes.method(of: dyn, name) else {
      throw VMTrap(kind: .internalFault("\(dyn) has no method \(name)"))
    }
    let direct = holdsOuterValue(dyn)
    if case .embeddedInterface = entry.code {
      // `struct{ rand.Source }`: the call goes on to the embedded source.
      let (inner, innerData) = try embeddedInterface(data, entry, outerIsValue: direct)
      return try sourceCall(inner, innerData, name, seed: seed, depth: depth + 1)
    }
    guard case .function(let code) = entry.code else {
      throw VMTrap(kind: .internalFault("\(dyn) has no method \(name)"))
    }
    // A promoted method's receiver is the embedded field; a value receiver gets a copy of the
    // value the data word points to (or is).
    let word = entry.path.isEmpty ? data : try promotedReceiver(data, entry, outerIsValue: direct)
    var receiver = [word]
    if !entry.pointerReceiver && !isDirect(entry.base) {
      receiver = try (0..<entry.base.words).map { try load(word + UInt64(8 * $0), 8) }
    }
    let out = try callFunction(
      code, arguments: receiver + (name == "Seed" ? [UInt64(bitPattern: seed)] : []),
      resultWords: name == "Seed" ? 0 : 1, what: "rand's calls of a Source")
    return out.first ?? 0
  }

  /// Whether a source type has Uint64 (is a Source64).
  private func hasUint64(_ dyn: GoType) -> Bool {
    dyn.pointee === R.rngSource || dyn.pointee === R.lockedSource || dyn.pointee === R.runtimeSource
      || runtimeTypes.method(of: dyn, "Uint64") != nil
  }

  /// The itab of rand.Source for a pointer to one of the package's source types.
  private func sourceItab(_ t: GoType) throws -> UInt64 {
    guard let it = runtimeTypes.itab(R.source, .pointer(to: t), session) else {
      throw VMTrap(kind: .internalFault("*\(t) does not implement rand.Source"))
    }
    return it
  }

  /// rngSource.Seed: seedrand's sequence from the seed (reduced mod 2³¹−1; 0 becomes
  /// 89482311), three draws per word, XORed with rngCooked.
  private func rngSeed(_ rng: Address, _ seed: Int64) throws {
    let int32max = Int64(Int32.max)
    var s = seed % int32max
    if s < 0 { s += int32max }
    if s == 0 { s = 89_482_311 }
    func seedrand(_ x: Int32) -> Int32 {
      let (a, q, r): (Int32, Int32, Int32) = (48271, 44488, 3399)
      let hi = x / q, lo = x % q
      var x = a &* lo &- r &* hi
      if x < 0 { x &+= Int32.max }
      return x
    }
    try store(rng, 0, 8)  // tap
    try store(rng + 8, 607 - 273, 8)  // feed
    var x = Int32(s)
    for i in -20..<607 {
      x = seedrand(x)
      guard i >= 0 else { continue }
      var u = Int64(x) << 40
      x = seedrand(x)
      u ^= Int64(x) << 20
      x = seedrand(x)
      u ^= Int64(x)
      u ^= RandCooked.values[i]
      try store(rng + 16 + UInt64(8 * i), UInt64(bitPattern: u), 8)
    }
  }

  /// rngSource.Uint64: both indexes step down (wrapping at 607); vec[feed] += vec[tap].
  private func rngUint64(_ rng: Address) throws -> UInt64 {
    var tap = Int64(bitPattern: try load(rng, 8)) - 1
    if tap < 0 { tap += 607 }
    var feed = Int64(bitPattern: try load(rng + 8, 8)) - 1
    if feed < 0 { feed += 607 }
    try store(rng, UInt64(tap), 8)
    try store(rng + 8, UInt64(feed), 8)
    let f = rng + 16 + UInt64(8 * feed)
    let x = try load(f, 8) &+ (try load(rng + 16 + UInt64(8 * tap), 8))
    try store(f, x, 8)
    return x
  }

  /// runtime.rand as gcsh models it (wyrand, the runtime's fallback generator).
  private func runtimeRand() -> UInt64 {
    randState.runtimeState &+= 0xA076_1D64_78BD_642F
    let m = randState.runtimeState.multipliedFullWidth(by: randState.runtimeState ^ 0xE703_7ED1_A0B4_28DB)
    return m.high ^ m.low
  }

  // MARK: The global Rand

  /// The package functions' Rand, made as the profile's Go makes it: by the package's init in
  /// Go 1.19 (Interpreter.run calls this at a Go program's start when it imports math/rand; a
  /// script makes it at its first use), by the first package function in Go 1.20+.
  @discardableResult
  func globalRand() throws -> Address {
    if let slot = randState.globalSlot { return globals[slot] }
    let slot = session.allocateHiddenGlobal(.array(of: .pointer(to: .uint8), count: 4))
    try ensureGlobals()
    randState.globalSlot = slot
    let rand: Address
    if heap.profile.version >= GoVersion(1, 20) {
      // randautoseed.Value(): godebug's lookup makes its setting and the cache's entries,
      // kept for good by the package's cache (two 48-byte objects and one of 16 in Go
      // 1.27.3's BySize: runs/mathrand's first call is 6 objects, 176 B, with the Rand and
      // the two runtimeSources, which share a tiny block).
      let entry = GoType.array(of: .pointer(to: .uint8), count: 6)
      globals[slot + 1] = try heap.allocate(entry, count: 1)
      globals[slot + 2] = try heap.allocate(entry, count: 1)
      globals[slot + 3] = try heap.allocate(.array(of: .pointer(to: .uint8), count: 2), count: 1)
      // `&Rand{src: &runtimeSource{}, s64: &runtimeSource{}}`: the operands first.
      let src = try heap.allocate(R.runtimeSource, count: 1)
      inFlight.append(src)
      defer { inFlight.removeLast() }
      let s64 = try heap.allocate(R.runtimeSource, count: 1)
      inFlight.append(s64)
      defer { inFlight.removeLast() }
      rand = try heap.allocate(R.rand, count: 1)
      let itab = try sourceItab(R.runtimeSource)
      for (k, w) in [itab, src, itab, s64].enumerated() { try store(rand + UInt64(8 * k), w, 8) }
    } else {
      // `New(&lockedSource{src: NewSource(1).(*rngSource)})`.
      let rng = try heap.allocate(R.rngSource, count: 1)
      inFlight.append(rng)
      defer { inFlight.removeLast() }
      try rngSeed(rng, 1)
      let locked = try heap.allocate(R.lockedSource, count: 1)
      try store(locked + 8, rng, 8)
      inFlight.append(locked)
      defer { inFlight.removeLast() }
      rand = try heap.allocate(R.rand, count: 1)
      let itab = try sourceItab(R.lockedSource)
      for (k, w) in [itab, locked, itab, locked].enumerated() { try store(rand + UInt64(8 * k), w, 8) }
    }
    globals[slot] = rand
    return rand
  }
}
