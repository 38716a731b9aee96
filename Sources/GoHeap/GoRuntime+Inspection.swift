// Inspection: questions a learner asks of the heap, answered without changing it — what each
// root keeps alive, and where every resident byte comes from.

/// Where the resident set comes from, bytes. The parts add up to the RSS exactly.
public struct RSSBreakdown: Sendable, Equatable {
  /// Heap pages holding objects reachable from the roots.
  public var liveObjects: Int
  /// Heap pages holding objects no root reaches, not yet collected.
  public var garbage: Int
  /// Free heap pages not yet returned to the OS (HeapIdle - HeapReleased, the resident part).
  public var freeNotScavenged: Int
  /// Pages released with MADV_FREE (or a no-op release) that the OS still counts.
  public var releasedButResident: Int
  /// The runtime's own start-up heap data.
  public var runtimeHeapData: Int
  /// Span tables and heap bitmap written as spans came into use.
  public var metadata: Int
  /// Binary text/data, goroutine stacks and runtime start-up memory outside the heap.
  public var binaryAndStacks: Int
  /// Heap pages mapped but never touched: not resident, listed for comparison.
  public var untouched: Int

  public var total: Int {
    liveObjects + garbage + freeNotScavenged + releasedButResident + runtimeHeapData + metadata
      + binaryAndStacks
  }
}

extension GoRuntime {
  /// Bytes and objects reachable from raw addresses (the address API's roots: what a VM
  /// register or global keeps alive). Addresses of no allocated object count nothing.
  public func reachable(fromAddresses addresses: [Address]) -> (objects: Int, bytes: Int) {
    reachable(seeds: addresses.compactMap(objectRef(at:)))
  }

  /// Everything reachable from `seeds` through typed pointer words, without marking.
  private func reachable(seeds: [ObjectRef]) -> (objects: Int, bytes: Int) {
    var seen = Set<ObjectRef>()
    var work = seeds
    var bytes = 0
    while let r = work.popLast() {
      guard r.span >= 0, Int(r.span) < spans.count, let s = spans[Int(r.span)],
        s.isAllocated(Int(r.slot)), seen.insert(r).inserted
      else { continue }
      bytes += s.elemSize
      forEachPointer(in: s, slot: Int(r.slot)) { a in
        if let target = objectRef(at: a) { work.append(target) }
      }
    }
    return (seen.count, bytes)
  }

  /// The resident set by cause. Reachability is computed from the current roots (when no cycle
  /// is running; during one, every allocated object counts as live).
  public func rssBreakdownByCause() -> RSSBreakdown {
    let page = profile.pageSize
    if !isMarking { _ = markFromRoots() }
    var live = 0
    var garbage = 0
    for s in spans {
      guard let s else { continue }
      let bytes = (s.basePage * page)..<((s.basePage + s.npages) * page)
      let resident = os.residentBytes(in: bytes)
      if isMarking || s.allocCount == 0 {
        live += resident
        continue
      }
      let liveSlots = s.markedCount
      let l = resident * liveSlots / max(1, s.allocCount)
      live += l
      garbage += resident - l
    }
    func resident(_ ranges: [Range<Int>]) -> Int {
      ranges.reduce(0) { $0 + os.residentBytes(in: ($1.lowerBound * page)..<($1.upperBound * page)) }
    }
    // Heap pages are partitioned into stacks, the runtime's start-up data, spans, free retained
    // and free released pages, so the parts add up to the resident heap exactly.
    let free = resident(pages.retained.ranges)
    let releasedResident = resident(pages.released.ranges)
    let st = profile.startup
    let startup = (st.stackPages * page)..<((st.stackPages + runtimeHeapPages) * page)
    let runtimeData = os.residentBytes(in: startup)
    let stacks = resident(stackSpanRanges())
    let mapped = pages.endPage * page
    return RSSBreakdown(
      liveObjects: live, garbage: garbage, freeNotScavenged: free,
      releasedButResident: releasedResident, runtimeHeapData: runtimeData,
      metadata: os.metadataResident, binaryAndStacks: os.nonHeapRSS + stacks,
      untouched: mapped - os.residentBytes(in: 0..<mapped))
  }

  /// When the next GC will come if nothing else happens: the heap goal, and the earliest time a
  /// periodic forced GC may start (sysmon, or Go 1.0's scavenger tick), ns.
  public var nextForcedGCNs: Int? {
    switch profile.forcedGC {
    case .sysmon(let period, _, _):
      guard pacer.gcPercent >= 0, let last = lastGCEndNs else { return nil }
      return last + period
    case .scavengerTick(let tick, let force):
      guard let last = lastGCEndNs else { return nil }
      var k = now / tick
      while tick * (k + 1) - last <= force { k += 1 }
      return tick * (k + 1)
    }
  }
}

/// The state of a stretch of the heap's address space, for the `heap` map.
public enum PageState: Character, CaseIterable, Sendable {
  /// In a span and resident.
  case inUse = "#"
  /// In a span but never written (not resident).
  case inUseUntouched = "+"
  /// Free, not returned to the OS, resident.
  case freeResident = "o"
  /// Free (retained or released) and not resident.
  case freeNotResident = "."
  /// Released but still counted by the OS (MADV_FREE, no-op release).
  case releasedResident = "r"
}

extension GoRuntime {
  /// The heap's pages in `columns` buckets along the address space, each the state covering most
  /// of its pages, plus the bytes in each state overall.
  public func pageMap(columns: Int) -> (cells: [PageState], bytes: [PageState: Int]) {
    let page = profile.pageSize
    let total = pages.endPage
    var bytes: [PageState: Int] = [:]
    var perPage: [(Range<Int>, PageState)] = []
    func add(_ r: Range<Int>, _ resident: PageState, _ notResident: PageState) {
      let b = (r.lowerBound * page)..<(r.upperBound * page)
      let res = os.residentBytes(in: b)
      bytes[resident, default: 0] += res
      bytes[notResident, default: 0] += b.count - res
      perPage.append((r, res * 2 >= b.count ? resident : notResident))
    }
    let st = profile.startup
    add(st.stackPages..<(st.stackPages + runtimeHeapPages), .inUse, .inUseUntouched)
    for r in stackSpanRanges() { add(r, .inUse, .inUseUntouched) }
    for s in spans { if let s { add(s.basePage..<(s.basePage + s.npages), .inUse, .inUseUntouched) } }
    for r in pages.retained.ranges { add(r, .freeResident, .freeNotResident) }
    for r in pages.released.ranges { add(r, .releasedResident, .freeNotResident) }
    if !pages.padding.isEmpty { add(pages.padding, .releasedResident, .freeNotResident) }
    perPage.sort { $0.0.lowerBound < $1.0.lowerBound }
    var cells: [PageState] = []
    let width = max(1, columns)
    var k = 0
    for c in 0..<width {
      let lo = total * c / width
      let hi = max(lo + 1, total * (c + 1) / width)
      var weight: [PageState: Int] = [:]
      while k < perPage.count && perPage[k].0.upperBound <= lo { k += 1 }
      var j = k
      while j < perPage.count && perPage[j].0.lowerBound < hi {
        let r = perPage[j].0
        weight[perPage[j].1, default: 0] += min(r.upperBound, hi) - max(r.lowerBound, lo)
        j += 1
      }
      cells.append(weight.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue < $1.key.rawValue) }?.key ?? .freeNotResident)
    }
    return (cells, bytes)
  }
}
