// Invariants: what must hold after every operation (run by the tests after each step).
//
// MemStats identities (reference B.8), page accounting (every mapped page is in use, retained or
// released, exactly once), span bookkeeping (alloc counts match alloc bits; in-use pages are
// exactly the spans' pages plus the start-up runtime pages), and the OS view (released pages are
// not resident under MADV_DONTNEED; RSS is at least the non-heap part).

/// A violated invariant.
public struct InvariantViolation: Error, CustomStringConvertible {
  public let description: String
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
    }
    try require(
      spanPages + stackPages + profile.startup.heapInUsePages == pages.inUsePages,
      "span pages \(spanPages) + runtime pages != in-use pages \(pages.inUsePages)")
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
