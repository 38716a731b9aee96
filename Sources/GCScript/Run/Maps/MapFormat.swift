// fmt's Map case of printValue (print.go): `map[k1:v1 k2:v2]`, %#v `map[K]V{k1:v1, k2:v2}`
// (a nil map `map[K]V(nil)`), the entries sorted by key as internal/fmtsort sorts them:
// integers and floats by value (NaN first), strings byte-wise, false before true, pointers by
// address, arrays and structs element by element, interfaces nil first, then by their dynamic
// types' descriptors (reflect.Type values, compared by address: gcsh's descriptor addresses
// are not the linker's, so keys of different dynamic types may print in another order than
// Go's), then by value.

import GoHeap

extension Printer {
  func printMap(_ value: FmtValue, _ verb: Int32, _ depth: Int) throws {
    let t = value.type
    let m = try vm.word(value.source, value.offset)
    if f.sharpV {
      writeString(goTypeString(t))
      if m == 0 {
        writeString("(nil)")
        return
      }
      writeByte(0x7B)
    } else {
      writeString("map[")
    }
    let L = vm.session.mapLayout(t)
    var entries = m == 0 ? [] : try vm.mapEntries(L, m)
    if allocates { try fmtsortAllocations(key: L.key, elem: L.elem, count: entries.count) }
    // sort.Stable by fmtsort.compare.
    var failure: Error? = nil
    entries = entries.enumerated().sorted { x, y in
      do {
        let c = try vm.fmtCompare(L.key, .memory(x.element.key), .memory(y.element.key))
        return c != 0 ? c < 0 : x.offset < y.offset
      } catch {
        failure = error
        return false
      }
    }.map(\.element)
    if let failure { throw failure }
    for (i, e) in entries.enumerated() {
      if i > 0 {
        if f.sharpV { writeString(", ") } else { writeByte(0x20) }
      }
      try printValue(FmtValue(type: L.key, source: .memory(e.key), offset: 0, inSlot: false, readOnly: value.readOnly), verb, depth + 1)
      writeByte(0x3A)
      try printValue(FmtValue(type: L.elem, source: .memory(e.elem), offset: 0, inSlot: false, readOnly: value.readOnly), verb, depth + 1)
      flushIfFull()
    }
    writeByte(f.sharpV ? 0x7D : 0x5D)
  }
}

extension Printer {
  /// What internal/fmtsort.Sort allocates to sort a map of `count` entries (Tests/Recordings/runs/
  /// fmtprinter, "map"): the sorted entries — Go 1.27.3 one []KeyValue (two reflect.Values, 48
  /// bytes, per entry); Go 1.19.8 a []reflect.Value of keys and one of values, then the
  /// &SortedMap holding them — and each key and value that is not pointer-shaped, which the map
  /// iterator's Key and Value copy into a new object (reflect/value.go copyVal).
  func fmtsortAllocations(key: GoType, elem: GoType, count: Int) throws {
    let value = FmtRuntimeTypes.reflectValue
    let go119 = vm.heap.profile.version <= GoVersion(1, 19)
    if count > 0 {
      if go119 {
        _ = try vm.heap.allocate(value, count: count)
        _ = try vm.heap.allocate(value, count: count)
      } else {
        _ = try vm.heap.allocate(FmtRuntimeTypes.keyValue, count: count)
      }
    }
    for _ in 0..<count {
      for t in [key, elem] where t.size > 0 && !vm.isDirect(t) {
        _ = try vm.heap.allocate(t, count: 1)
      }
    }
    if go119 {
      _ = try vm.heap.allocate(FmtRuntimeTypes.sortedMap, count: 1)
    }
  }
}

extension VM {
  /// internal/fmtsort compare: -1, 0 or 1.
  func fmtCompare(_ t: GoType, _ a: ValueSource, _ b: ValueSource, _ ao: Int = 0, _ bo: Int = 0) throws -> Int {
    func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
    switch t.kind {
    case .int(_, true):
      return order(Int64(bitPattern: try scalar(t, a, ao, topLevel: false)), Int64(bitPattern: try scalar(t, b, bo, topLevel: false)))
    case .int(_, false), .uintptr, .pointer, .map, .function, .chan, .bool:
      return order(try scalar(t, a, ao, topLevel: false), try scalar(t, b, bo, topLevel: false))
    case .float:
      let x = Double(bitPattern: try scalar(t, a, ao, topLevel: false))
      let y = Double(bitPattern: try scalar(t, b, bo, topLevel: false))
      // cmp.Compare: a NaN is less than any non-NaN, NaNs equal.
      if x.isNaN || y.isNaN { return x.isNaN ? (y.isNaN ? 0 : -1) : 1 }
      return order(x, y)
    case .string:
      let x = try bytes(try word(a, ao), Int(try word(a, ao + 8)))
      let y = try bytes(try word(b, bo), Int(try word(b, bo + 8)))
      if x == y { return 0 }
      return x.lexicographicallyPrecedes(y) ? -1 : 1
    case .array(let e, let n):
      for i in 0..<n {
        let c = try fmtCompare(e, a, b, ao + i * e.size, bo + i * e.size)
        if c != 0 { return c }
      }
      return 0
    case .structure(let fs):
      for f in fs {
        let c = try fmtCompare(f.type, a, b, ao + f.offset, bo + f.offset)
        if c != 0 { return c }
      }
      return 0
    case .interface:
      guard let (dyn, xt) = try dynamicTypeAndWord(t, try word(a, ao)) else {
        return try word(b, bo) == 0 ? 0 : -1
      }
      guard let (_, yt) = try dynamicTypeAndWord(t, try word(b, bo)) else { return 1 }
      if xt != yt { return order(xt, yt) }
      var (x1, y1) = (try word(a, ao + 8), try word(b, bo + 8))
      if isDirect(dyn) {
        return try withUnsafeMutablePointer(to: &x1) { xp in
          try withUnsafeMutablePointer(to: &y1) { yp in try fmtCompare(dyn, .slots(xp), .slots(yp)) }
        }
      }
      return try fmtCompare(dyn, .memory(x1), .memory(y1))
    case .slice, .undefined: return 0
    }
  }
}
