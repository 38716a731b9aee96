// The slices package (slices/slices.go, sort.go, zsortordered.go, zsortanyfunc.go, Go 1.27.3),
// cmp.Compare and cmp.Less, strings.Clone and bytes.Clone, run natively on the simulated heap.
//
// What each allocates is what Go's does (recorded: Tests/Recordings/runs/slicesfuncs):
//   - Clone and bytes.Clone are `append(S{}, s...)`: growslice from capacity 0, so the new array
//     holds len(s) elements rounded up to a size class (9 ints: cap 10, 80 bytes) — a nil s
//     gives nil, an empty one S{} (zerobase, no allocation).
//   - Grow(s, n) appends n-(cap-len) zero elements past cap(s) when n does not fit (growslice
//     from cap(s)), Insert and Replace `append(s[:i], make(S, n-i)...)` when the result does not
//     fit cap(s): one array each, its capacity growslice's.
//   - Clip, Delete, DeleteFunc, Compact, CompactFunc, Reverse and the sorts work in place and
//     allocate nothing; Delete, DeleteFunc, Compact and Replace clear the tail they vacate
//     (Go 1.22+), so the garbage they drop is not kept by the array.
//   - strings.Clone's array is the make the checker wrote (Check/SlicesPackage.swift): the
//     frame's when Go keeps it there.
// SortFunc and SortStableFunc run pdqsortCmpFunc and stableCmpFunc — the same algorithms, step
// for step, as sort.Slice's pdqsort_func and stable_func (VM+SortSlice.swift), with
// `cmp(data[i], data[j]) < 0` as less — so the program's cmp sees the same pairs in the same
// order. Sort (pdqsortOrdered, the same algorithm again) and IsSorted use cmp.Less's order
// (NaNs first), so even equal keys (-0 and +0) end where Go leaves them.

import GoHeap

extension VM {
  func slicesFunction(
    _ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    if b == .cmpCompare || b == .cmpLess {
      let t = args[0].0
      let c = try compareOrdered(t, .slots(args[0].1), .slots(args[1].1), topLevel: true)
      result()?[0] = b == .cmpLess ? (c < 0 ? 1 : 0) : UInt64(bitPattern: Int64(c))
      return
    }
    // Every operand is read before the first callback, which may move the stack.
    let sliceType = args[0].0
    let elem = sliceType.sliceElement ?? .uint8
    let size = elem.size
    let (ptr, len, cap) = (args[0].1[0], Int(args[0].1[1]), Int(args[0].1[2]))
    func at(_ i: Int) -> Address { ptr &+ UInt64(i &* size) }
    func int(_ k: Int) -> Int { Int(Int64(bitPattern: args[k].1[0])) }
    func returnSlice(_ p: Address, _ l: Int, _ c: Int) {
      if let out = result() { (out[0], out[1], out[2]) = (p, UInt64(l), UInt64(c)) }
    }
    func returnInt(_ v: Int) { result()?[0] = UInt64(bitPattern: Int64(v)) }
    func returnBool(_ v: Bool) { result()?[0] = v ? 1 : 0 }
    func bad(_ m: String) -> VMTrap { VMTrap(kind: .sliceOutOfRange(m)) }
    switch b {
    case .bytesClone, .slicesClone:
      if ptr == 0 { return returnSlice(0, 0, 0) }
      if len == 0 { return returnSlice(GoRuntime.zeroBaseAddress, 0, 0) }
      let (p, c) = try newArray(elem, old: 0, needed: len, copying: ptr, len)
      returnSlice(p, len, c)
    case .slicesClip:
      returnSlice(ptr, len, len)
    case .slicesGrow:
      let n = int(1)
      if n < 0 { throw VMTrap(kind: .goPanic("cannot be negative")) }
      if n > cap - len {
        // append(s[:cap(s)], make([]E, n)...)[:len(s)]: growslice from cap(s).
        let (needed, overflow) = cap.addingReportingOverflow(n - (cap - len))
        if overflow { throw VMTrap(kind: .goRuntimePanic(heap.profile.growsliceOutOfRange)) }
        let (p, c) = try newArray(elem, old: cap, needed: needed, copying: ptr, cap)
        returnSlice(p, len, c)
      } else {
        returnSlice(ptr, len, cap)
      }
    case .slicesInsert, .slicesReplace:
      try insert(b, sliceType, args, into: result)
    case .slicesDelete:
      let (i, j) = (int(1), int(2))
      // _ = s[i:j:len(s)]
      if j < 0 || j > len { throw bad("[:\(j):\(len)]") }
      if i < 0 || i > j { throw bad("[\(i):\(j):]") }
      if i == j { return returnSlice(ptr, len, cap) }
      try copyMemory(to: at(i), from: at(j), (len - j) * size)
      try clearMemory(at(len - (j - i)), (j - i) * size)
      returnSlice(ptr, len - (j - i), cap)
    case .slicesCompact, .slicesCompactFunc:
      let eq = b == .slicesCompactFunc ? args[1].1[0] : nil
      var k = 1
      if len >= 2 {
        var w = 1
        // Each element against its original neighbour, as slices.go compares s2[k2] with
        // s2[k2-1] (at(r-1) is written, if ever, only after this step reads it).
        for r in 1..<len {
          let same = try eq.map { try callPredicate($0, elem, [at(r), at(r - 1)]) } ?? elementsEqual(elem, at(r), at(r - 1))
          if !same {
            if r != w { try copyMemory(to: at(w), from: at(r), size) }
            w += 1
          }
        }
        k = w
        try clearMemory(at(k), (len - k) * size)
      }
      returnSlice(ptr, len < 2 ? len : k, cap)
    case .slicesDeleteFunc:
      let del = args[1].1[0]
      var w = 0
      for r in 0..<len {
        // `if v := s[j]; !del(v) { s[i] = v }`: the value read before del runs.
        let v = try bytes(at(r), size)
        if try callPredicate(del, elem, [at(r)]) { continue }
        if r != w { try write(v, at: at(w)) }
        w += 1
      }
      try clearMemory(at(w), (len - w) * size)
      returnSlice(ptr, w, cap)
    case .slicesContains, .slicesIndex:
      var found = -1
      for i in 0..<len where try keysEqual(elem, .memory(at(i)), false, .slots(args[1].1), true) {
        found = i
        break
      }
      b == .slicesContains ? returnBool(found >= 0) : returnInt(found)
    case .slicesContainsFunc, .slicesIndexFunc:
      let f = args[1].1[0]
      var found = -1
      for i in 0..<len where try callPredicate(f, elem, [at(i)]) {
        found = i
        break
      }
      b == .slicesContainsFunc ? returnBool(found >= 0) : returnInt(found)
    case .slicesEqual, .slicesEqualFunc:
      let other = (args[1].0.sliceElement ?? elem, args[1].1[0], Int(args[1].1[1]))
      guard len == other.2 else { return returnBool(false) }
      let eq = b == .slicesEqualFunc ? args[2].1[0] : nil
      for i in 0..<len {
        let q = other.1 &+ UInt64(i &* other.0.size)
        let same: Bool
        if let eq {
          same = try callFunctionValue(eq, [(elem, at(i)), (other.0, q)], resultWords: 1)[0] & 1 != 0
        } else {
          same = try elementsEqual(elem, at(i), q)
        }
        if !same { return returnBool(false) }
      }
      returnBool(true)
    case .slicesCompare:
      let (q, n) = (args[1].1[0], Int(args[1].1[1]))
      for i in 0..<min(len, n) {
        let c = try compareOrdered(elem, .memory(at(i)), .memory(q &+ UInt64(i &* size)), topLevel: false)
        if c != 0 { return returnInt(c) }
      }
      returnInt(len < n ? -1 : (len > n ? 1 : 0))
    case .slicesReverse:
      var (i, j) = (0, len - 1)
      while i < j {
        try swapElements(at(i), at(j), size)
        (i, j) = (i + 1, j - 1)
      }
    case .slicesMax, .slicesMin, .slicesMaxFunc, .slicesMinFunc:
      if len < 1 { throw VMTrap(kind: .goPanic("\(b.rawValue): empty list")) }
      let cmp = b == .slicesMaxFunc || b == .slicesMinFunc ? args[1].1[0] : nil
      let wantsMax = b == .slicesMax || b == .slicesMaxFunc
      var best = 0
      for i in 1..<len {
        if let cmp {
          // MaxFunc keeps the first maximal element, MinFunc the first minimal one.
          let c = try callComparison(cmp, elem, at(i), at(best))
          if wantsMax ? c > 0 : c < 0 { best = i }
        } else {
          // The builtin max/min: a NaN wins, and is kept once found.
          if elem.isFloat {
            let x = Double(bitPattern: try scalar(elem, .memory(at(i)), 0, topLevel: false))
            let m = Double(bitPattern: try scalar(elem, .memory(at(best)), 0, topLevel: false))
            if m.isNaN { break }
            if x.isNaN || (wantsMax ? x > m : x < m) || (x == 0 && m == 0 && (wantsMax ? m.sign == .minus : x.sign == .minus)) { best = i }
          } else {
            let c = try compareOrdered(elem, .memory(at(i)), .memory(at(best)), topLevel: false)
            if wantsMax ? c > 0 : c < 0 { best = i }
          }
        }
      }
      if let out = result() { try loadValue(elem, from: at(best), into: out) }
    case .slicesSort:
      // pdqsortOrdered: pdqsort with cmpLess.
      try sortElements(len, stable: false,
        less: { i, j in try self.compareOrdered(elem, .memory(at(i)), .memory(at(j)), topLevel: false) < 0 },
        swap: { i, j in try self.swapElements(at(i), at(j), size) })
    case .slicesIsSorted:
      for i in stride(from: len - 1, to: 0, by: -1)
      where try compareOrdered(elem, .memory(at(i)), .memory(at(i - 1)), topLevel: false) < 0 {
        return returnBool(false)
      }
      returnBool(true)
    case .slicesIsSortedFunc:
      let cmp = args[1].1[0]
      for i in stride(from: len - 1, to: 0, by: -1) where try callComparison(cmp, elem, at(i), at(i - 1)) < 0 {
        return returnBool(false)
      }
      returnBool(true)
    case .slicesSortFunc, .slicesSortStableFunc:
      let cmp = args[1].1[0]
      try sortElements(len, stable: b == .slicesSortStableFunc,
        less: { i, j in try self.callComparison(cmp, elem, at(i), at(j)) < 0 },
        swap: { i, j in try self.swapElements(at(i), at(j), size) })
    case .slicesBinarySearch:
      // sort.go BinarySearch: the smallest i with s[i] >= target (cmp.Less's order).
      var (i, j) = (0, len)
      while i < j {
        let h = Int(UInt(i + j) >> 1)
        if try compareOrdered(elem, .memory(at(h)), .slots(args[1].1), topLevel: true) < 0 {
          i = h + 1
        } else {
          j = h
        }
      }
      let found = try i < len && compareOrdered(elem, .memory(at(i)), .slots(args[1].1), topLevel: true) == 0
      if let out = result() { (out[0], out[1]) = (UInt64(i), found ? 1 : 0) }
    default:
      return
    }
  }

  /// strings.Clone: s copied into the array the caller made for it (on the heap or in its
  /// frame); "" for an empty s.
  func stringsClone(_ s: UnsafeMutablePointer<UInt64>, into buffer: UnsafeMutablePointer<UInt64>, result: UnsafeMutablePointer<UInt64>?) throws {
    let n = Int(s[1])
    guard n > 0 else {
      if let result { (result[0], result[1]) = (0, 0) }
      return
    }
    try copyMemory(to: buffer[0], from: s[0], n)
    if let result { (result[0], result[1]) = (buffer[0], UInt64(n)) }
  }

  // MARK: Growth

  /// growslice from `old` capacity to `needed` elements: a new heap array with the first
  /// `count` elements of `from` copied; its address and capacity.
  private func newArray(_ elem: GoType, old: Int, needed: Int, copying from: Address, _ count: Int) throws -> (Address, Int) {
    let c = try growsliceCapacity(old: old, needed: needed, elem: elem)
    let p = try heap.allocateSlice(of: elem, len: needed, cap: c)
    if count > 0 { try copyMemory(to: p, from: from, count * elem.size) }
    return (p, c)
  }

  /// slices.Insert(s, i, v...) and Replace(s, i, j, v...) (slices.go): in place when the
  /// result fits cap(s), else `append(s[:i], make(S, n-i)...)` — growslice from cap(s) — with
  /// v and the tail copied after it.
  private func insert(
    _ b: Builtin, _ sliceType: GoType, _ args: [(GoType, UnsafeMutablePointer<UInt64>)],
    into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    let elem = sliceType.sliceElement ?? .uint8
    let size = elem.size
    let (ptr, len, cap) = (args[0].1[0], Int(args[0].1[1]), Int(args[0].1[2]))
    let i = Int(Int64(bitPattern: args[1].1[0]))
    let j = b == .slicesReplace ? Int(Int64(bitPattern: args[2].1[0])) : i
    let values = args[args.count - 1].1
    let (vptr, m) = (values[0], Int(values[1]))
    func bad(_ m: String) -> VMTrap { VMTrap(kind: .sliceOutOfRange(m)) }
    if b == .slicesInsert {
      // _ = s[i:]
      if i < 0 || i > len { throw bad("[\(i):\(len)]") }
    } else {
      // _ = s[i:j]
      if j < 0 || j > cap { throw bad("[:\(j)] with capacity \(cap)") }
      if i < 0 || i > j { throw bad("[\(i):\(j)]") }
      // Past len(s) within cap: Insert's `s[i:]` (i == j) or `s[j:]` panics.
      if j > len { throw bad("[\(j):\(len)]") }
    }
    func returnSlice(_ p: Address, _ l: Int, _ c: Int) {
      if let out = result() { (out[0], out[1], out[2]) = (p, UInt64(l), UInt64(c)) }
    }
    // The values and the tail, read before anything is written (v may alias s).
    let v = try bytes(vptr, m * size)
    let tail = try bytes(ptr &+ UInt64(j * size), (len - j) * size)
    if b == .slicesInsert && m == 0 { return returnSlice(ptr, len, cap) }
    let total = i + m + (len - j)
    if total > cap {
      // append(s[:i], make(S, total-i)...): growslice from cap(s) (len i).
      let (p, c) = try newArray(elem, old: cap, needed: total, copying: ptr, i)
      inFlight.append(p)
      defer { inFlight.removeLast() }
      try write(v, at: p &+ UInt64(i * size))
      try write(tail, at: p &+ UInt64((i + m) * size))
      return returnSlice(p, total, c)
    }
    try write(v, at: ptr &+ UInt64(i * size))
    try write(tail, at: ptr &+ UInt64((i + m) * size))
    // Replace zeroes what a shorter result leaves behind (Go 1.22+).
    if total < len { try clearMemory(ptr &+ UInt64(total * size), (len - total) * size) }
    returnSlice(ptr, total, cap)
  }

  // MARK: Comparing

  /// cmp.Compare of two ordered values of type `t`: -1, 0 or +1, a NaN below every other float
  /// and equal to a NaN (cmp.Less's order too); strings byte-wise.
  func compareOrdered(_ t: GoType, _ a: ValueSource, _ b: ValueSource, topLevel: Bool) throws -> Int {
    let aTop = topLevel && { if case .slots = a { return true }; return false }()
    let bTop = topLevel && { if case .slots = b { return true }; return false }()
    switch t.kind {
    case .string:
      let x = try bytes(try word(a, 0), Int(try word(a, 8)))
      let y = try bytes(try word(b, 0), Int(try word(b, 8)))
      return x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
    case .float:
      let x = Double(bitPattern: try scalar(t, a, 0, topLevel: aTop))
      let y = Double(bitPattern: try scalar(t, b, 0, topLevel: bTop))
      if x.isNaN { return y.isNaN ? 0 : -1 }
      if y.isNaN { return 1 }
      return x < y ? -1 : (x > y ? 1 : 0)
    default:
      let x = try scalar(t, a, 0, topLevel: aTop)
      let y = try scalar(t, b, 0, topLevel: bTop)
      if t.isUnsigned { return x < y ? -1 : (x > y ? 1 : 0) }
      let (sx, sy) = (Int64(bitPattern: x), Int64(bitPattern: y))
      return sx < sy ? -1 : (sx > sy ? 1 : 0)
    }
  }

  /// Go's == of two elements in memory.
  private func elementsEqual(_ t: GoType, _ a: Address, _ b: Address) throws -> Bool {
    try keysEqual(t, .memory(a), false, .memory(b), false)
  }

  private func swapElements(_ a: Address, _ b: Address, _ size: Int) throws {
    let x = try bytes(a, size)
    try copyMemory(to: a, from: b, size)
    try write(x, at: b)
  }

  // MARK: Callbacks

  /// Calls a func value with elements of memory as its arguments (each in its slots' form).
  private func callFunctionValue(_ f: UInt64, _ values: [(GoType, Address)], resultWords: Int) throws -> [UInt64] {
    var words: [UInt64] = []
    for (t, a) in values {
      var slots = [UInt64](repeating: 0, count: t.words)
      try slots.withUnsafeMutableBufferPointer { try loadValue(t, from: a, into: $0.baseAddress!) }
      words += slots
    }
    return try callFuncValue(f, arguments: words, resultWords: resultWords, what: "slices called function values")
  }

  /// A `func(E) bool` or `func(E, E) bool` of elements.
  private func callPredicate(_ f: UInt64, _ elem: GoType, _ elements: [Address]) throws -> Bool {
    try callFunctionValue(f, elements.map { (elem, $0) }, resultWords: 1)[0] & 1 != 0
  }

  /// A `func(a, b E) int`'s result.
  private func callComparison(_ f: UInt64, _ elem: GoType, _ a: Address, _ b: Address) throws -> Int {
    Int(Int64(bitPattern: try callFunctionValue(f, [(elem, a), (elem, b)], resultWords: 1)[0]))
  }
}
