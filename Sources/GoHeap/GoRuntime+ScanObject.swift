// scanobject: the pointer words of an object (mgcmark.go `scanobject`, mbitmap.go
// `typePointers`).
//
// A pointerful object records its type and element count (small scan spans per slot,
// large spans once). Its pointer words are where the type's pointer runs put them, repeated
// every type.size bytes for each element; the scan loads each one and hands a non-zero word to
// the marker, which ignores anything that is not the address of an allocated heap object.
// Storage that was never written is skipped: a small span without a buffer holds no pointer,
// a large object's zero pages hold none, and a uniform page holds one pointer value however
// many of its words are pointer words, so it is handed over once.

extension GoRuntime {
  /// Calls `visit` with every non-zero pointer word of the object in `slot` of `s`, as its
  /// recorded type lays them out; nothing for an object without a type record.
  func forEachPointer(in s: Span, slot: Int, _ visit: (Address) -> Void) {
    if !s.isLarge {
      guard let record = s.slotTypes?[slot], record != 0, let bytes = s.bytes else { return }
      let count = Int(record & 0xFFFF_FFFF)
      let base = bytes + slot * s.elemSize + s.dataOffset
      flatTypeRefs[Int(record >> 32) - 1]._withUnsafeGuaranteedRef { type in
        // A type with few pointer words: its offsets, value by value.
        if let offsets = type.pointerOffsets {
          var value = 0
          for _ in 0..<count {
            for o in offsets {
              let w = base.loadUnaligned(fromByteOffset: value + o, as: UInt64.self)
              if w != 0 { visit(w) }
            }
            value += type.size
          }
          return
        }
        Self.forEachPointerWord(of: type, count: count, in: 0..<(count * type.size)) { o in
          let w = base.loadUnaligned(fromByteOffset: o, as: UInt64.self)
          if w != 0 { visit(w) }
        }
      }
      return
    }
    guard s.largeType != 0, let lp = s.largePages else { return }
    let type = flatTypes[Int(s.largeType) - 1]
    let end = min(s.largeCount * type.size, (s.largeCount - 1) * type.size + type.ptrBytes)
    for p in 0..<((end + LargePages.size - 1) >> LargePages.shift) {
      let page = (p << LargePages.shift)..<min(end, (p + 1) << LargePages.shift)
      if let b = lp.buffers[p] {
        let base = b - page.lowerBound
        Self.forEachPointerWord(of: type, count: s.largeCount, in: page) { o in
          let w = base.loadUnaligned(fromByteOffset: o, as: UInt64.self)
          if w != 0 { visit(w) }
        }
      } else if lp.patterns[p] != 0 {
        // Pointer words are 8-aligned, so each one reads the whole pattern.
        var any = false
        Self.forEachPointerWord(of: type, count: s.largeCount, in: page) { _ in any = true }
        if any { visit(lp.patterns[p]) }
      }
    }
  }

  /// Calls `body` with the byte offset of every pointer word in `range` of `count` consecutive
  /// values of `type` (offsets from the first value's start), ascending.
  static func forEachPointerWord(
    of type: GoType, count: Int, in range: Range<Int>, _ body: (Int) -> Void
  ) {
    let size = type.size
    let runs = type.pointerRuns
    guard size > 0, !runs.isEmpty else { return }
    let lo = max(range.lowerBound, 0)
    let hi = min(range.upperBound, count * size)
    guard lo < hi else { return }
    // One pointer word per value ([]*T, []string, [][]T) or one strided run in a single value
    // ([N]*T): a plain strided loop.
    if runs.count == 1, runs[0].words.count == 1, runs[0].count == 1 || count == 1 {
      let run = runs[0]
      let (step, n) = run.count == 1 ? (size, count) : (run.stride, run.count)
      let first = run.offset + run.words[0]
      var k = lo <= first ? 0 : (lo - first + step - 1) / step
      while k < n {
        let o = first + k * step
        if o >= hi { break }
        body(o)
        k += 1
      }
      return
    }
    var i = lo / size
    while i < count && i * size < hi {
      let value = i * size
      for run in runs {
        let start = value + run.offset
        if start >= hi { break }
        let last = run.words[run.words.count - 1]
        var k = start + last >= lo ? 0 : (lo - start - last + run.stride - 1) / run.stride
        while k < run.count {
          let rep = start + k * run.stride
          if rep >= hi { break }
          for w in run.words {
            let o = rep + w
            if o >= hi { break }
            if o >= lo { body(o) }
          }
          k += 1
        }
      }
      i += 1
    }
  }
}
