// sort.Slice, sort.SliceStable and sort.SliceIsSorted: Go's algorithms, step for step, so that
// the program's less function is called with the same (i, j) pairs in the same order and equal
// elements end where Go leaves them — pattern-defeating quicksort for Slice (sort/zsortfunc.go
// pdqsort_func, the same in Go 1.19.8 and 1.27.3 but for breakPatterns' xorshift: `>> 17, << 5`
// until Go 1.21, `>> 7, << 17` since), insertion sort and SymMerge for SliceStable.
//
// What they allocate (recorded: Tests/Recordings/runs/sortslice, both versions): the slice
// converted to `any` — a 24-byte box when it escapes (Slice and SliceStable keep it; a nil slice
// points at zeroVal), none for SliceIsSorted, whose box stays in the frame — and
// reflectlite.Swapper's closure (internal/reflectlite/swapper.go): none for 0 or 1 elements
// (static funcs); for pointer-sized pointers, strings and 1/2/4/8-byte pointer-free elements a
// funcval holding the slice (32 B); for any other element a scratch element (unsafe_New) and a
// funcval of the slice header's address, the element's size and type, and the scratch (48 B):
// sort.Slice of a []struct{id, v int} costs 3 mallocs and 88 bytes a call.
//
// The swaps run natively (the swapper moves bytes, as typedmemmove does); each less call runs on
// the goroutine's stack above the builtin's frame (VM+Callbacks), so a panic in it unwinds
// through sort to the caller, and what it allocates is the program's.

import GoHeap

/// sort.lessSwap: the program's less function, and the swap of two elements.
private struct LessSwap {
  let less: (Int, Int) throws -> Bool
  let swap: (Int, Int) throws -> Void
  /// breakPatterns' xorshift (sort.go): its shifts changed in Go 1.21.
  let newShifts: Bool
}

extension VM {
  /// sort.Slice, SliceStable and SliceIsSorted on the slice in `header` (of type `t`) with the
  /// less funcval `less`; SliceIsSorted's result.
  func sortSliceFunc(_ b: Builtin, _ t: GoType, _ header: UnsafeMutablePointer<UInt64>, less funcval: UInt64) throws -> Bool {
    guard let elem = t.sliceElement else {
      // reflectlite panics on a value that is not a slice: Swapper's ValueError, or Len's.
      let method = b == .sortSliceIsSorted ? "reflect.Value.Len" : "Swapper"
      throw VMTrap(kind: .goPanic("reflect: call of \(method) on \(kindName(t)) Value"))
    }
    let base = header[0]
    let n = Int(header[1])
    let less = { (i: Int, j: Int) throws -> Bool in
      let r = try self.callFuncValue(funcval, arguments: [UInt64(i), UInt64(j)], resultWords: 1, what: "sort called less functions")
      return r[0] & 1 != 0
    }
    if b == .sortSliceIsSorted {
      var i = n - 1
      while i > 0 {
        if try less(i, i - 1) { return false }
        i -= 1
      }
      return true
    }
    let kept = try swapperAllocations(elem, n, headerAddress: base)
    inFlight += kept
    defer { inFlight.removeLast(kept.count) }
    let size = elem.size
    let data = LessSwap(
      less: less,
      swap: { i, j in
        guard i >= 0, j >= 0, i < n, j < n else {
          throw VMTrap(kind: .goPanic("reflect: slice index out of range"))
        }
        let pi = base + UInt64(i * size)
        let pj = base + UInt64(j * size)
        let x = try self.bytes(pi, size)
        try self.copyMemory(to: pi, from: pj, size)
        try self.write(x, at: pj)
      },
      newShifts: heap.profile.version >= GoVersion(1, 21))
    if b == .sortSliceStable {
      try stable(data, n)
    } else {
      try pdqsort(data, 0, n, limit: Int.bitWidth - n.leadingZeroBitCount)
    }
    return true
  }

  /// slices.Sort, SortFunc and SortStableFunc over `n` elements: pdqsortOrdered and
  /// pdqsortCmpFunc are pdqsort_func's algorithm with `cmpLess` or `cmp(a, b) < 0` for less
  /// (slices/zsortordered.go, zsortanyfunc.go: generated from one template, as sort's is, with
  /// Go 1.21+'s xorshift), stableCmpFunc stable_func's.
  /// (sort.Sort and sort.Stable too, through sort.Interface: zsortinterface.go, whose
  /// breakPatterns shifts changed in Go 1.21 as sort.Slice's did: `newShifts`.)
  func sortElements(
    _ n: Int, stable: Bool, newShifts: Bool = true, less: @escaping (Int, Int) throws -> Bool,
    swap: @escaping (Int, Int) throws -> Void
  ) throws {
    let data = LessSwap(less: less, swap: swap, newShifts: newShifts)
    if stable {
      try self.stable(data, n)
    } else {
      try pdqsort(data, 0, n, limit: Int.bitWidth - n.leadingZeroBitCount)
    }
  }

  /// reflectlite.Swapper's allocations for `n` elements of `elem`, as swapper.go makes them.
  private func swapperAllocations(_ elem: GoType, _ n: Int, headerAddress: UInt64) throws -> [UInt64] {
    guard n > 1 else { return [] }
    try flushTime()
    let sliceHeader = GoType.slice(of: .uint8)
    let small = elem.hasPointers ? (elem.size == 8 || elem.isString) : [1, 2, 4, 8].contains(elem.size)
    if small {
      // func(i, j int) { is[i], is[j] = is[j], is[i] }: the slice captured by value.
      let closure = GoType.structure([("F", .uintptr), ("is", sliceHeader)])
      return [try heap.allocate(closure, count: 1)]
    }
    // tmp := unsafe_New(typ), then the closure over s (*unsafeheader.Slice), size, typ and tmp.
    let tmp = try heap.allocate(elem, count: 1)
    inFlight.append(tmp)
    defer { inFlight.removeLast() }
    let closure = GoType.structure([
      ("F", .uintptr), ("s", .pointer(to: .uint8)), ("size", .uintptr), ("typ", .pointer(to: .uint8)),
      ("tmp", .pointer(to: .uint8)),
    ])
    let c = try heap.allocate(closure, count: 1)
    return [tmp, c]
  }

  /// reflect's Kind name of a type (what its panics print).
  private func kindName(_ t: GoType) -> String {
    switch t.kind {
    case .int(let bits, let signed):
      if t === GoType.uintptr { return "uintptr" }
      let base = signed ? "int" : "uint"
      return t === GoType.int || t === GoType.uint ? base : base + "\(bits)"
    case .bool: return "bool"
    case .float(let bits): return "float\(bits)"
    case .string: return "string"
    case .pointer: return "ptr"
    case .array: return "array"
    case .structure: return "struct"
    case .map: return "map"
    case .chan: return "chan"
    case .function: return "func"
    case .interface: return "interface"
    default: return "\(t)"
    }
  }

  // MARK: sort/zsortfunc.go, transcribed

  private func insertionSort(_ data: LessSwap, _ a: Int, _ b: Int) throws {
    var i = a + 1
    while i < b {
      var j = i
      while j > a, try data.less(j, j - 1) {
        try data.swap(j, j - 1)
        j -= 1
      }
      i += 1
    }
  }

  private func siftDown(_ data: LessSwap, _ lo: Int, _ hi: Int, _ first: Int) throws {
    var root = lo
    while true {
      var child = 2 * root + 1
      if child >= hi { return }
      if child + 1 < hi, try data.less(first + child, first + child + 1) { child += 1 }
      if try !data.less(first + root, first + child) { return }
      try data.swap(first + root, first + child)
      root = child
    }
  }

  private func heapSort(_ data: LessSwap, _ a: Int, _ b: Int) throws {
    let first = a
    let hi = b - a
    var i = (hi - 1) / 2
    while i >= 0 {
      try siftDown(data, i, hi, first)
      i -= 1
    }
    i = hi - 1
    while i >= 0 {
      try data.swap(first, first + i)
      try siftDown(data, 0, i, first)
      i -= 1
    }
  }

  private enum SortedHint { case unknown, increasing, decreasing }

  /// pdqsort_func: quicksort with a pivot from choosePivot, falling back to heapsort after
  /// `limit` imbalanced partitions, insertion sort for 12 elements or fewer.
  private func pdqsort(_ data: LessSwap, _ a: Int, _ b: Int, limit: Int) throws {
    let maxInsertion = 12
    var (a, b, limit) = (a, b, limit)
    var wasBalanced = true
    var wasPartitioned = true
    while true {
      let length = b - a
      if length <= maxInsertion {
        try insertionSort(data, a, b)
        return
      }
      if limit == 0 {
        try heapSort(data, a, b)
        return
      }
      if !wasBalanced {
        try breakPatterns(data, a, b)
        limit -= 1
      }
      var (pivot, hint) = try choosePivot(data, a, b)
      if hint == .decreasing {
        try reverseRange(data, a, b)
        pivot = (b - 1) - (pivot - a)
        hint = .increasing
      }
      if wasBalanced && wasPartitioned && hint == .increasing {
        if try partialInsertionSort(data, a, b) { return }
      }
      if a > 0, try !data.less(a - 1, pivot) {
        a = try partitionEqual(data, a, b, pivot)
        continue
      }
      let (mid, alreadyPartitioned) = try partition(data, a, b, pivot)
      wasPartitioned = alreadyPartitioned
      let (leftLen, rightLen) = (mid - a, b - mid)
      let balanceThreshold = length / 8
      if leftLen < rightLen {
        wasBalanced = leftLen >= balanceThreshold
        try pdqsort(data, a, mid, limit: limit)
        a = mid + 1
      } else {
        wasBalanced = rightLen >= balanceThreshold
        try pdqsort(data, mid + 1, b, limit: limit)
        b = mid
      }
    }
  }

  private func partition(_ data: LessSwap, _ a: Int, _ b: Int, _ pivot: Int) throws -> (Int, Bool) {
    try data.swap(a, pivot)
    var (i, j) = (a + 1, b - 1)
    while i <= j, try data.less(i, a) { i += 1 }
    while i <= j, try !data.less(j, a) { j -= 1 }
    if i > j {
      try data.swap(j, a)
      return (j, true)
    }
    try data.swap(i, j)
    i += 1
    j -= 1
    while true {
      while i <= j, try data.less(i, a) { i += 1 }
      while i <= j, try !data.less(j, a) { j -= 1 }
      if i > j { break }
      try data.swap(i, j)
      i += 1
      j -= 1
    }
    try data.swap(j, a)
    return (j, false)
  }

  private func partitionEqual(_ data: LessSwap, _ a: Int, _ b: Int, _ pivot: Int) throws -> Int {
    try data.swap(a, pivot)
    var (i, j) = (a + 1, b - 1)
    while true {
      while i <= j, try !data.less(a, i) { i += 1 }
      while i <= j, try data.less(a, j) { j -= 1 }
      if i > j { break }
      try data.swap(i, j)
      i += 1
      j -= 1
    }
    return i
  }

  private func partialInsertionSort(_ data: LessSwap, _ a: Int, _ b: Int) throws -> Bool {
    let maxSteps = 5
    let shortestShifting = 50
    var i = a + 1
    for _ in 0..<maxSteps {
      while i < b, try !data.less(i, i - 1) { i += 1 }
      if i == b { return true }
      if b - a < shortestShifting { return false }
      try data.swap(i, i - 1)
      if i - a >= 2 {
        var j = i - 1
        while j >= 1 {
          if try !data.less(j, j - 1) { break }
          try data.swap(j, j - 1)
          j -= 1
        }
      }
      if b - i >= 2 {
        var j = i + 1
        while j < b {
          if try !data.less(j, j - 1) { break }
          try data.swap(j, j - 1)
          j += 1
        }
      }
    }
    return false
  }

  private func breakPatterns(_ data: LessSwap, _ a: Int, _ b: Int) throws {
    let length = b - a
    guard length >= 8 else { return }
    var random = UInt64(length)
    let modulus = UInt(1) << UInt(Int.bitWidth - length.leadingZeroBitCount)
    var idx = a + (length / 4) * 2 - 1
    while idx <= a + (length / 4) * 2 + 1 {
      random ^= random << 13
      if data.newShifts {
        random ^= random >> 7
        random ^= random << 17
      } else {
        random ^= random >> 17
        random ^= random << 5
      }
      var other = Int(UInt(truncatingIfNeeded: random) & (modulus - 1))
      if other >= length { other -= length }
      try data.swap(idx, a + other)
      idx += 1
    }
  }

  private func choosePivot(_ data: LessSwap, _ a: Int, _ b: Int) throws -> (Int, SortedHint) {
    let shortestNinther = 50
    let maxSwaps = 4 * 3
    let l = b - a
    var swaps = 0
    var i = a + l / 4 * 1
    var j = a + l / 4 * 2
    var k = a + l / 4 * 3
    if l >= 8 {
      if l >= shortestNinther {
        i = try median(data, i - 1, i, i + 1, &swaps)
        j = try median(data, j - 1, j, j + 1, &swaps)
        k = try median(data, k - 1, k, k + 1, &swaps)
      }
      j = try median(data, i, j, k, &swaps)
    }
    switch swaps {
    case 0: return (j, .increasing)
    case maxSwaps: return (j, .decreasing)
    default: return (j, .unknown)
    }
  }

  private func order2(_ data: LessSwap, _ a: Int, _ b: Int, _ swaps: inout Int) throws -> (Int, Int) {
    if try data.less(b, a) {
      swaps += 1
      return (b, a)
    }
    return (a, b)
  }

  private func median(_ data: LessSwap, _ a: Int, _ b: Int, _ c: Int, _ swaps: inout Int) throws -> Int {
    var (a, b, c) = (a, b, c)
    (a, b) = try order2(data, a, b, &swaps)
    (b, c) = try order2(data, b, c, &swaps)
    (a, b) = try order2(data, a, b, &swaps)
    return b
  }

  private func reverseRange(_ data: LessSwap, _ a: Int, _ b: Int) throws {
    var (i, j) = (a, b - 1)
    while i < j {
      try data.swap(i, j)
      i += 1
      j -= 1
    }
  }

  private func swapRange(_ data: LessSwap, _ a: Int, _ b: Int, _ n: Int) throws {
    for i in 0..<max(0, n) { try data.swap(a + i, b + i) }
  }

  /// stable_func: insertion-sorted blocks of 20, merged pairwise with SymMerge.
  private func stable(_ data: LessSwap, _ n: Int) throws {
    var blockSize = 20
    var (a, b) = (0, blockSize)
    while b <= n {
      try insertionSort(data, a, b)
      a = b
      b += blockSize
    }
    try insertionSort(data, a, n)
    while blockSize < n {
      (a, b) = (0, 2 * blockSize)
      while b <= n {
        try symMerge(data, a, a + blockSize, b)
        a = b
        b += 2 * blockSize
      }
      let m = a + blockSize
      if m < n { try symMerge(data, a, m, n) }
      blockSize *= 2
    }
  }

  private func symMerge(_ data: LessSwap, _ a: Int, _ m: Int, _ b: Int) throws {
    if m - a == 1 {
      var (i, j) = (m, b)
      while i < j {
        let h = Int(UInt(i + j) >> 1)
        if try data.less(h, a) { i = h + 1 } else { j = h }
      }
      var k = a
      while k < i - 1 {
        try data.swap(k, k + 1)
        k += 1
      }
      return
    }
    if b - m == 1 {
      var (i, j) = (a, m)
      while i < j {
        let h = Int(UInt(i + j) >> 1)
        if try !data.less(m, h) { i = h + 1 } else { j = h }
      }
      var k = m
      while k > i {
        try data.swap(k, k - 1)
        k -= 1
      }
      return
    }
    let mid = Int(UInt(a + b) >> 1)
    let n = mid + m
    var (start, r) = m > mid ? (n - b, mid) : (a, m)
    let p = n - 1
    while start < r {
      let c = Int(UInt(start + r) >> 1)
      if try !data.less(p - c, c) { start = c + 1 } else { r = c }
    }
    let end = n - start
    if start < m && m < end { try rotate(data, start, m, end) }
    if a < start && start < mid { try symMerge(data, a, start, mid) }
    if mid < end && end < b { try symMerge(data, mid, end, b) }
  }

  private func rotate(_ data: LessSwap, _ a: Int, _ m: Int, _ b: Int) throws {
    var i = m - a
    var j = b - m
    while i != j {
      if i > j {
        try swapRange(data, m - i, m, j)
        i -= j
      } else {
        try swapRange(data, m - i, m + j - i, i)
        j -= i
      }
    }
    try swapRange(data, m - i, m, i)
  }
}
