// sort.Ints, sort.Strings and sort.Float64s: the slice sorted in place, in the order Go's sort
// gives (ascending; NaNs first for floats, as Float64Slice.Less and cmp.Less put them; strings
// byte-wise). Go 1.22+ sorts with slices.Sort and allocates nothing; Go 1.19 boxes the slice
// into a sort.Interface on the heap each call (a 24-byte slice header: recorded with Go 1.19.8,
// 1 malloc per call; Go 1.27.3: none).

import GoHeap

extension VM {
  /// sort.IntsAreSorted, StringsAreSorted, Float64sAreSorted: whether no element is less than
  /// the one before it (Float64Slice's Less: NaN is less than any number). Go 1.19 checks
  /// through IsSorted(IntSlice(x)), the slice boxed into a sort.Interface on the heap (24 B);
  /// Go 1.22+ through slices.IsSorted, allocating nothing.
  func sliceIsSorted(_ t: GoType, _ header: UnsafeMutablePointer<UInt64>) throws -> Bool {
    guard let elem = t.sliceElement else { return true }
    let (base, n) = (header[0], Int(header[1]))
    if heap.profile.version < GoVersion(1, 22) {
      try flushTime()
      _ = try heap.allocate(t, count: 1)
    }
    let size = UInt64(elem.size)
    func less(_ i: Int, _ j: Int) throws -> Bool {
      if elem.isString {
        let a = try bytes(try load(base + UInt64(i) * size, 8), Int(try load(base + UInt64(i) * size + 8, 8)))
        let b = try bytes(try load(base + UInt64(j) * size, 8), Int(try load(base + UInt64(j) * size + 8, 8)))
        return a.lexicographicallyPrecedes(b)
      }
      let x = try load(base + UInt64(i) * size, 8)
      let y = try load(base + UInt64(j) * size, 8)
      if elem.isFloat {
        let (a, b) = (Double(bitPattern: x), Double(bitPattern: y))
        return a < b || (a.isNaN && !b.isNaN)
      }
      return Int64(bitPattern: x) < Int64(bitPattern: y)
    }
    // Go 1.19's IsSorted walks from the end; slices.IsSorted from the start: the same answer.
    for i in stride(from: n - 1, to: 0, by: -1) where try less(i, i - 1) { return false }
    return true
  }

  func sortSlice(_ t: GoType, _ header: UnsafeMutablePointer<UInt64>) throws {
    guard let elem = t.sliceElement else { return }
    let base = header[0]
    let n = Int(header[1])
    if heap.profile.version < GoVersion(1, 22) {
      // sort.Interface(sort.IntSlice(x)) escapes to heap: its box.
      try flushTime()
      _ = try heap.allocate(t, count: 1)
    }
    guard n > 1 else { return }
    let size = UInt64(elem.size)
    if elem.isString {
      var items: [(UInt64, UInt64, [UInt8])] = []
      for k in 0..<n {
        let p = try load(base + UInt64(k) * size, 8)
        let len = try load(base + UInt64(k) * size + 8, 8)
        items.append((p, len, try bytes(p, Int(len))))
      }
      items.sort { $0.2.lexicographicallyPrecedes($1.2) }
      for (k, item) in items.enumerated() {
        try store(base + UInt64(k) * size, item.0, 8)
        try store(base + UInt64(k) * size + 8, item.1, 8)
      }
      return
    }
    var words: [UInt64] = []
    for k in 0..<n { words.append(try load(base + UInt64(k) * size, 8)) }
    if elem.isFloat {
      words.sort { a, b in
        let x = Double(bitPattern: a)
        let y = Double(bitPattern: b)
        return x < y || (x.isNaN && !y.isNaN)
      }
    } else {
      words.sort { Int64(bitPattern: $0) < Int64(bitPattern: $1) }
    }
    for (k, w) in words.enumerated() { try store(base + UInt64(k) * size, w, 8) }
  }
}
