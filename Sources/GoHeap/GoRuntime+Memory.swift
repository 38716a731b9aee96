// Page faults: what writing memory does to the resident set, and what it costs.
//
// A write touches the physical pages under it (`touch`), which makes them resident: the first
// touch of a page costs its fault (the kernel zeroing it), at `firstTouchNsPerByte`, or, where
// Go 1.19 has not advised huge pages, at `smallPageFaultNsPerByte` (faultNs). A memclr or
// memmove (`clearMemory`, `copyMemory`, the compiler's translation of `for i := range s { s[i] =
// 0 }`) also writes every byte at memory speed, in one non-preemptible stretch (`chargeWrite`).
// When a touch pushes resident memory above the machine's (or the container's) memory, the
// kernel first reclaims lazily freed pages (MADV_FREE) and otherwise kills the process.

extension GoRuntime {
  /// The clock cost of a memclr/memmove of `bytes` bytes whose page faults cost `faultNs`:
  /// `passes` times the write cost per byte plus the faults, in one non-preemptible stretch.
  func chargeWrite(bytes: Int, faultNs: Double, passes: Double) throws {
    try work(Double(bytes) * profile.cost.writeNsPerByte * passes + faultNs, preemptible: false)
  }

  /// What faulting pages in costs. In an era that advises huge pages (Go 1.19) a fault in an
  /// advised huge page costs `firstTouchNsPerByte` (the huge page's fill) and any other
  /// `smallPageFaultNsPerByte` — every fault off Linux, where the runtime's sysHugePageOS does
  /// nothing (OSMemory tracks no advice there); in other eras every fault is a first touch at
  /// the era's `firstTouchNsPerByte` (CostModel).
  func faultNs(_ f: PageFaults) -> Double {
    guard profile.hugePageAdviceBytes != nil else { return Double(f.faulted) * profile.cost.firstTouchNsPerByte }
    return Double(f.huge) * profile.cost.firstTouchNsPerByte
      + Double(f.faulted - f.huge) * profile.cost.smallPageFaultNsPerByte
  }

  /// Makes the pages under a heap byte range of `s` resident; returns what their faults cost, ns.
  @discardableResult
  func touch(_ s: Span, bytes: Range<Int>) throws -> Double {
    // (Page sizes are powers of two: shifts, not divisions, on this per-store path.)
    let spanStart = s.basePage << pageShift
    let first = (bytes.lowerBound - spanStart) >> physPageShift
    let last = (bytes.upperBound - 1 - spanStart) >> physPageShift
    if s.npages << (pageShift - physPageShift) <= 64 {
      let width = last - first + 1
      let bits: UInt64 = (width >= 64 ? ~0 : (1 << UInt64(width)) - 1) << UInt64(first)
      if s.residentMask & bits == bits { return 0 }
      s.residentMask |= bits
    } else if last == first && os.isResident(byte: bytes.lowerBound) {
      return 0
    }
    let fault = os.touch(bytes)
    guard fault.faulted > 0 else { return 0 }
    try checkMemoryPressure()
    return faultNs(fault)
  }

  /// The kernel's response when resident memory exceeds the machine's or the container's:
  /// reclaim lazily freed pages, else kill the process (the OOM killer; exit status 137).
  func checkMemoryPressure() throws {
    let limit = machine.killLimit
    if os.rss <= limit { return }
    if os.lazyFreeBytes > 0 {
      let got = os.reclaim(os.rss - limit)
      if got > 0 { emit(.reclaimed(bytes: got, timeNs: now)) }
    }
    if os.rss > limit { try die(.killedByKernel(rss: os.rss, limit: limit)) }
  }
}
