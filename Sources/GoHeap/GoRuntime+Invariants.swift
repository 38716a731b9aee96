// Invariants: what must hold after every operation (run by the tests after each step).
//
// MemStats identities (reference B.8), page accounting (every mapped page is in use, retained or
// released, exactly once), span bookkeeping (alloc counts match alloc bits; in-use pages are
// exactly the spans' pages plus the stack spans' plus the start-up runtime pages), stacks (every
// stack span is counted once, in use and not free; main's stack is a power of two in a span
// that holds it; the guard never lets a frame past stackguard0), and the OS view (released
// pages are not resident under MADV_DONTNEED; RSS is at least the non-heap part), and flat
// memory (every page of a span maps to it and no other page maps anywhere; type records sit on
// allocated slots of scan spans and fit their objects; the host storage counted is exactly what
// live spans hold, so a freed span's storage is gone).

/// A violated invariant.
struct InvariantViolation: Error, CustomStringConvertible {
  let description: String
}

extension GoRuntime {
  /// Checks every invariant; throws the first violation.
  public func checkInvariants() throws {
    func require(_ ok: Bool, _ what: @autoclosure () -> String) throws {
      if !ok { throw InvariantViolation(description: what()) }
    }
    let m = memStats()
    try require(m.heapInuse + m.heapIdle == m.heapSys, "HeapInuse + HeapIdle != HeapSys")
    try require(m.heapReleased <= m.heapIdle, "HeapReleased > HeapIdle")
    try require(m.heapObjects == m.mallocs - m.frees, "HeapObjects != Mallocs - Frees")
    try require(
      m.sys == m.heapSys + m.stackSys + m.gcSys + m.otherSys, "Sys is not the sum of its parts")
    try require(m.heapAlloc <= m.heapInuse, "HeapAlloc \(m.heapAlloc) > HeapInuse \(m.heapInuse)")
    try require(m.heapAlloc >= 0 && m.heapObjects >= 0, "negative heap counts")
    let mapped = pages.endPage
    try require(
      pages.inUsePages + pages.retainedPages + pages.releasedPages == mapped,
      "pages in use + retained + released != mapped")
    var spanPages = 0
    var flatBytes = 0
    var liveBytes = runtimeLiveBytes
    for s in spans {
      guard let s else { continue }
      spanPages += s.npages
      let bits = s.allocatedBitCount
      try require(bits == s.allocCount, "span \(s.id): alloc bits \(bits) != count \(s.allocCount)")
      try require(s.allocCount <= s.nelems, "span \(s.id): more objects than slots")
      if !s.isLarge { try require(s.allocCount > 0 || s.state == .cached, "empty span \(s.id) kept") }
      liveBytes += s.allocCount * s.elemSize
      let r = s.basePage..<(s.basePage + s.npages)
      try require(
        pages.retained.overlap(r) == 0 && pages.released.overlap(r) == 0,
        "span \(s.id) overlaps free pages")
      try checkFlatMemory(of: s)
      flatBytes += s.flatHostBytes
    }
    let tableEntries = spanOfPage.mappedPages()
    try require(
      tableEntries == spanPages, "page table maps \(tableEntries) pages, spans hold \(spanPages)")
    try require(
      flatBytes == flatHostBytes,
      "flat memory of live spans \(flatBytes) B != counted \(flatHostBytes) B "
        + "(a freed span's storage kept?)")
    try require(
      spanPages + stackHeapPages + runtimeHeapPages == pages.inUsePages,
      "span pages \(spanPages) + stack and runtime pages != in-use pages \(pages.inUsePages)")
    try checkStacks()
    try require(liveBytes == heapAllocBytes, "HeapAlloc \(heapAllocBytes) != span bytes \(liveBytes)")
    if os.release == .dontNeed {
      for r in pages.released.ranges {
        let bytes = (r.lowerBound * profile.pageSize)..<(r.upperBound * profile.pageSize)
        try require(os.residentBytes(in: bytes) == 0, "released pages \(r) are resident")
      }
    }
    try require(os.rss >= os.nonHeapRSS, "RSS below its non-heap part")
  }
}

extension GoRuntime {
  /// The flat-memory invariants of one live span.
  private func checkFlatMemory(of s: Span) throws {
    func require(_ ok: Bool, _ what: @autoclosure () -> String) throws {
      if !ok { throw InvariantViolation(description: "span \(s.id): " + what()) }
    }
    try require(
      spanOfPage.allMap(s.basePage..<(s.basePage + s.npages), to: s),
      "a page of it does not map to it")
    try require(s.baseAddress == Self.heapBase + Address(s.basePage << pageShift), "base address")
    try require(s.isLarge ? s.bytes == nil : s.largePages == nil, "storage of the wrong kind")
    if let lp = s.largePages {
      try require(lp.count << LargePages.shift >= s.spanBytes, "page table shorter than the span")
    }
    if s.noscan {
      try require(s.slotTypes == nil && s.largeType == 0, "a noscan span records types")
    }
    func checkType(_ record: UInt32, count: Int, slot: Int) throws {
      try require(Int(record) <= flatTypes.count, "slot \(slot): unknown type \(record)")
      let size = flatTypes[Int(record) - 1].size
      try require(
        count > 0 && count * size <= s.usableBytes, "slot \(slot): \(count) values overflow it")
      try require(s.isAllocated(slot), "slot \(slot): a type record on a free slot")
    }
    if s.isLarge && s.largeType != 0 { try checkType(s.largeType, count: s.largeCount, slot: 0) }
    if let types = s.slotTypes {
      for slot in 0..<s.nelems where types[slot] != 0 {
        try checkType(UInt32(types[slot] >> 32), count: Int(types[slot] & 0xFFFF_FFFF), slot: slot)
      }
    }
  }
}

extension GoRuntime {
  /// The stack invariants: the stack spans' pages add up to StackInuse's, none is free, main's
  /// stack lives in one of them, and the guard is at or below stackguard0.
  func checkStacks() throws {
    func require(_ ok: Bool, _ what: @autoclosure () -> String) throws {
      if !ok { throw InvariantViolation(description: "stacks: " + what()) }
    }
    guard case .contiguous(let p) = profile.stacks else {
      try require(stacks.spanPages == 0, "Go 1.0 stacks are not heap pages")
      return
    }
    let ranges = stackSpanRanges()
    let held = ranges.reduce(0) { $0 + $1.count }
    try require(
      held == stacks.spanPages, "spans hold \(held) pages, StackInuse counts \(stacks.spanPages)")
    for r in ranges {
      try require(
        pages.retained.overlap(r) == 0 && pages.released.overlap(r) == 0, "span \(r) is free")
    }
    let m = stacks.main
    try require(
      m.size.nonzeroBitCount == 1 && m.size >= p.fixedStack && m.size <= p.maxStackSize,
      "main's stack is \(m.size) B")
    let page = profile.pageSize
    let hi = stackTop(m)
    try require(
      ranges.contains { $0.lowerBound * page <= hi - m.size && hi <= $0.upperBound * page },
      "main's stack is in no stack span")
    if isSmallStack(m.size, p) {
      try require(
        stacks.pool[m.base].map { $0.allocated & (1 << UInt32(m.slot)) != 0 } ?? false,
        "main's stack is not allocated in its pool span")
    }
    try require(
      stackGuardWord.pointee <= m.size - p.stackNosplit - stacks.baseBytes,
      "the guard \(stackGuardWord.pointee) lets frames below stackguard0")
    for (o, list) in stacks.poolList.enumerated() {
      for base in list {
        try require(stacks.pool[base]?.order == o, "pool list \(o) holds a span of another order")
      }
    }
  }
}
