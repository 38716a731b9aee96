// Allocation: mallocgc, the span allocator and heap growth (malloc.go, mcache.go, mcentral.go,
// mheap.go).
//
// Three paths, as in the runtime:
//   tiny   noscan objects smaller than 16 B are packed into a 16-byte block (maxTinySize);
//          a block is freed only when every sub-object in it is dead.
//   small  up to maxSmallSize: rounded up to a size class and taken from the class's current
//          span (mcache); a full span is replaced from the partial list (mcentral) or by a new
//          span from the page heap — a "refill", after which the GC trigger is tested.
//   large  its own span of ceil(size/8 KiB) pages; the trigger is tested after every one.
//
// The small path has a fast case, as malloc.go's nextFreeFast: when the class's cached span
// has a free slot in the bitmap word at its freeindex, the object is taken there with no
// refill and so no trigger test (`allocateFast` in GoRuntime+FlatMemory, inlined into the VM).
// It changes no number — only the simulator's speed — and a test runs a mixed workload with it
// on and off and compares every address, event and statistic.
//
// The new object is a root while mallocgc runs (`heldObject`): a cycle the allocation itself
// starts (a refill crossing the trigger, Go 1.0's test after every mallocgc) must keep it.
//
// Go 1.22+ puts an 8-byte type header in front of pointerful objects above 512 B (class chosen
// for size+8), and Go 1.26+ reserves Green Tea inline mark bits (and a pointer bitmap for
// pointerful spans) at the tail of spans of 16-512 B objects: fewer objects per span.
//
// A span needs zeroing when any of its pages was handed out before (below its arena's
// zeroedBase); zeroing writes the pages and so makes them resident. Go 1.27 skips it when every
// page of the span had been released to the OS with MADV_DONTNEED (the kernel gives zero pages).
// Fresh memory is never written by the allocator: it becomes resident only when the program
// writes it.

extension GoRuntime {
  /// makeslice's checks: the backing array's bytes, or the panic for a length or capacity out
  /// of range (the process dies).
  func makeSliceBytes(of elem: GoType, len: Int, cap: Int) throws -> Int {
    let (mem, overflow) = elem.size.multipliedReportingOverflow(by: max(cap, 0))
    if overflow || mem > profile.maxAllocBytes || len < 0 || len > cap {
      let (lmem, loverflow) = elem.size.multipliedReportingOverflow(by: max(len, 0))
      if loverflow || lmem > profile.maxAllocBytes || len < 0 {
        try die(.panic(message: "runtime error: makeslice: len out of range"))
      }
      try die(.panic(message: "runtime error: makeslice: cap out of range"))
    }
    return mem
  }

  /// growslice's maxAlloc test (slice.go): whether `count` elements of `elem` fit one
  /// allocation (`overflow || capmem > maxAlloc` is `growslice: len out of range`).
  public func growsliceFits(_ elem: GoType, count: Int) -> Bool {
    let (mem, overflow) = elem.size.multipliedReportingOverflow(by: count)
    return !overflow && count >= 0 && mem <= profile.maxAllocBytes
  }

  /// msize.go roundupsize(size, noscan): the bytes an allocation of `size` gets — its size class,
  /// or whole pages for a large object — less the malloc header a pointerful object above
  /// `mallocHeaderMinSize` carries (Go 1.22+), which mallocgc adds back. growslice and the
  /// append buffers use it to pick capacities that fill the allocation.
  public func roundupsize(_ size: Int, noscan: Bool) -> Int {
    let p = profile
    guard size <= p.maxSmallSize else {
      // (A size past the address space is refused by the caller; it does not wrap here.)
      let (sum, overflow) = size.addingReportingOverflow(p.pageSize - 1)
      return overflow ? size : sum / p.pageSize * p.pageSize
    }
    let header = !noscan && p.mallocHeaderBytes > 0 && size > p.mallocHeaderMinSize ? p.mallocHeaderBytes : 0
    return p.sizeClasses.sizeClass(for: max(size + header, 1)).size - header
  }

  /// mallocgc for `size` (> 0) bytes once the fast case has declined: tiny, small with a refill,
  /// large, headed. Returns the object, held as a root (`heldObject`), and the offset of the
  /// new bytes in it (non-zero only inside a tiny block).
  func mallocgc(size: Int, noscan: Bool) throws -> (object: ObjectRef, offset: Int) {
    // Only an allocation made while a cycle is already marking assists it (not the allocation
    // whose trigger test started the cycle), and it assists before it takes its memory.
    if isMarking { try assistBeforeAllocating(size) }
    if noscan && size < profile.tinySize {
      return try mallocTiny(size: size)
    }
    let header =
      (!noscan && profile.mallocHeaderBytes > 0 && size > profile.mallocHeaderMinSize)
      ? profile.mallocHeaderBytes : 0
    let ref: ObjectRef
    if size <= profile.maxSmallSize && size + header <= profile.sizeClasses.maxSize {
      let sc = profile.sizeClasses.sizeClass(for: size + header)
      ref = try mallocSmall(sizeClass: sc, noscan: noscan, header: header)
    } else {
      ref = try mallocLarge(size: size, noscan: noscan)
    }
    try chargeAllocationWork()
    // Go 1.0 tests `heap_alloc >= next_gc` at the end of every mallocgc.
    if profile.pacerModel == .proportional { try checkTrigger() }
    return (ref, 0)
  }

  /// Allocate black (mgcmark.go gcmarknewobject): an object allocated during a cycle is marked,
  /// so the cycle keeps it.
  func markNewObject(_ s: Span, slot: Int) {
    _ = s.setMark(slot)
    cycle!.markedBytes += s.elemSize
    cycle!.markedObjects += 1
  }

  /// Charges the allocator's accumulated cost. Allocation internals never advance the clock
  /// themselves: runtime events (a mark termination and its sweep) must not run while a span is
  /// half set up.
  @inline(__always)
  func chargeAllocationWork() throws {
    let ns = allocationWorkNs
    allocationWorkNs = 0
    // Allocation costs are whole nanoseconds in every profile (CostModel): the clock moves
    // without `work`'s floating-point carry, as `elapse` moves it.
    if ns == 0 { return }  // as work(0): nothing moves, nothing runs
    if ns > 0, ns < 1e15, Double(Int(ns)) == ns {
      try advance(wholeNs: Int(ns))
    } else {
      try work(ns)
    }
  }

  /// The tiny allocator (malloc.go mallocgcTiny): the block and the new object's offset in it.
  private func mallocTiny(size: Int) throws -> (object: ObjectRef, offset: Int) {
    var off = tinyOffset
    if size & 7 == 0 {
      off = alignUp(off, 8)
    } else if size & 3 == 0 {
      off = alignUp(off, 4)
    } else if size & 1 == 0 {
      off = alignUp(off, 2)
    }
    if let block = tinyBlock, off + size <= profile.tinySize {
      tinyOffset = off + size
      tinyAllocs += 1
      heldObject = block
      allocationWorkNs += profile.cost.smallAllocNs
      try chargeAllocationWork()
      return (block, off)
    }
    let sc = profile.sizeClasses.sizeClass(for: profile.tinySize)
    let block = try mallocSmall(sizeClass: sc, noscan: true, header: 0)
    if tinyBlock == nil || size < tinyOffset {
      tinyBlock = block
      tinyOffset = size
    }
    try chargeAllocationWork()
    return (block, 0)
  }

  /// Span class index: size class * 2 + noscan (mheap.go spanClass).
  @inline(__always)
  func spanClass(_ sizeClass: Int, noscan: Bool) -> Int { sizeClass << 1 | (noscan ? 1 : 0) }

  /// A small object from the class's current span, refilling it when full.
  /// `header`: the malloc header in front of the object (0: none).
  private func mallocSmall(sizeClass sc: SizeClass, noscan: Bool, header: Int) throws -> ObjectRef {
    let spc = spanClass(sc.index, noscan: noscan)
    var refilled = false
    // The span is used through its unretained handle (`unowned(unsafe)` still retained around
    // each method call).
    var span: Unmanaged<Span>
    if let s = cachedSpan[spc] {
      span = s
    } else {
      span = .passUnretained(try refill(spc: spc, sizeClass: sc, noscan: noscan))
      refilled = true
    }
    var taken = span._withUnsafeGuaranteedRef { $0.takeFreeSlot() }
    if taken == nil {
      span._withUnsafeGuaranteedRef { uncache($0) }
      span = .passUnretained(try refill(spc: spc, sizeClass: sc, noscan: noscan))
      refilled = true
      taken = span._withUnsafeGuaranteedRef { $0.takeFreeSlot() }
    }
    guard let slot = taken else { preconditionFailure("fresh span has no free slot") }
    let (elemSize, id, extraNs) = span._withUnsafeGuaranteedRef { (s: Span) -> (Int, Int32, Double) in
      if isMarking { markNewObject(s, slot: slot) }
      return (s.elemSize, s.id, s.perObjectNs)
    }
    heapAllocBytes += elemSize
    totalAllocBytes += elemSize
    objectsAllocated += 1
    allocationWorkNs += profile.cost.smallAllocNs + extraNs
    let ref = ObjectRef(span: id, slot: Int32(slot))
    // Held by the allocation: a cycle the refill starts must see it as a root.
    heldObject = ref
    if refilled {
      try chargeAllocationWork()
      try checkTrigger()
    }
    if header > 0 {
      // heapSetTypeSmallHeader (mbitmap.go) writes the type pointer in the slot's first word:
      // the object's first page becomes resident even if the program never writes it (Go
      // 1.27.3, 200,000 []byte and []*int of 8 B-24 KiB with GOGC=off: RSS 109 MiB for 719 MiB
      // of heap; the []*int above 512 B are the pages touched: Tests/Recordings/runs/headertouch).
      let s = span.takeUnretainedValue()
      let start = (s.basePage << pageShift) + slot * elemSize
      allocationWorkNs += try touch(s, bytes: start..<(start + header))
    }
    return ref
  }

  /// mcache.refill: the next span with free slots for the class — a partially free one swept by
  /// the last cycle, or a new one from the page heap. heapLive grows by its free bytes.
  private func refill(spc: Int, sizeClass sc: SizeClass, noscan: Bool) throws -> Span {
    var span: Span? = nil
    while let id = partialSpans[spc].popLast() {
      if let s = spans[Int(id)], s.allocCount < s.nelems {
        span = s
        break
      }
    }
    if span == nil {
      let spanBytes = sc.pages * profile.pageSize
      var reserve = 0
      if sc.size <= profile.spanTailMaxElemSize {
        if sc.size >= 16 { reserve += profile.inlineMarkBitsBytes }
        if !noscan { reserve += profile.spanPointerBitmapBytes }
      }
      let nelems = (spanBytes - reserve) / sc.size
      span = try allocSpan(
        npages: sc.pages, sizeClass: sc.index, noscan: noscan, elemSize: sc.size, nelems: nelems,
        requested: sc.size)
      if profile.inlineMarkBitsBytes > 0 && sc.size >= 16 && sc.size <= profile.spanTailMaxElemSize
      {
        // initInlineMarkBits writes the span's last bytes: its last physical page is touched.
        let end = (span!.basePage + sc.pages) * profile.pageSize
        allocationWorkNs += try touch(span!, bytes: (end - 1)..<end)
      }
    }
    let s = span!
    s.state = .cached
    s.allocCountBeforeCache = s.allocCount
    cachedSpan[spc] = .passUnretained(s)
    heapLive += s.npages * profile.pageSize - s.allocCount * s.elemSize
    return s
  }

  /// The slots allocated from a cached span since it was cached, counted for its size class
  /// (mcache.refill's `slotsUsed`; the stats ReadMemStats and runtime/metrics read).
  func countCachedAllocations(_ s: Span) {
    smallAllocCount[s.sizeClass] += s.allocCount - s.allocCountBeforeCache
    s.allocCountBeforeCache = s.allocCount
  }

  /// A span leaves the mcache (mcache.refill, releaseAll): the slots it gave out since it was
  /// cached are counted for its size class.
  func uncache(_ s: Span) {
    countCachedAllocations(s)
    unflushedStartupCount[s.sizeClass] = 0
    s.state = .inUse
  }

  /// A large object in its own span (mcache.allocLarge); the trigger is always tested after it.
  private func mallocLarge(size: Int, noscan: Bool) throws -> ObjectRef {
    // allocLarge: `if size+pageSize < size { throw("out of memory") }`.
    if size > Int.max - profile.pageSize { try die(.thrown(message: "out of memory")) }
    let npages = (size + profile.pageSize - 1) / profile.pageSize
    let span = try allocSpan(
      npages: npages, sizeClass: 0, noscan: noscan, elemSize: npages * profile.pageSize,
      nelems: 1, requested: size)
    _ = span.takeFreeSlot()
    if isMarking { markNewObject(span, slot: 0) }
    heapAllocBytes += span.elemSize
    totalAllocBytes += span.elemSize
    objectsAllocated += 1
    heapLive += span.elemSize
    let ref = ObjectRef(span: span.id, slot: 0)
    heldObject = ref
    // The trigger test follows the allocation's own work (the page-allocator search, and the
    // zeroing unless it comes late); a late memclr then runs while the cycle it started marks.
    try chargeAllocationWork()
    try checkTrigger()
    if lateZeroingNs > 0 {
      allocationWorkNs += lateZeroingNs
      lateZeroingNs = 0
      try chargeAllocationWork()
    }
    return ref
  }

  /// mheap.allocSpan: pages for a span, growing the heap if no free run fits, then the
  /// allocation-time scavenging of the memory limit and of heap growth, then span set-up.
  func allocSpan(
    npages: Int, sizeClass: Int, noscan: Bool, elemSize: Int, nelems: Int, requested: Int
  ) throws -> Span {
    let (range, scav, dirty) = try allocPages(npages)
    let base = range.lowerBound
    let id: Int32
    if let reuse = freeSpanIDs.popLast() {
      id = reuse
    } else {
      id = Int32(spans.count)
      spans.append(nil)
    }
    let header =
      (sizeClass != 0 && !noscan && profile.mallocHeaderBytes > 0
        && elemSize > profile.mallocHeaderMinSize) ? profile.mallocHeaderBytes : 0
    let span = Span(
      id: id, basePage: base, npages: npages, sizeClass: sizeClass, noscan: noscan,
      elemSize: elemSize, nelems: nelems, requestedBytes: requested,
      baseAddress: Self.heapBase + Address(base << pageShift), pageSize: profile.pageSize,
      dataOffset: header)
    spans[Int(id)] = span
    allocMSpan()
    mapPages(of: span)
    let bytes = (base * profile.pageSize)..<((base + npages) * profile.pageSize)
    if npages * (profile.pageSize / profile.physPageSize) <= 64 {
      var mask: UInt64 = 0
      let firstPhys = bytes.lowerBound / profile.physPageSize
      for r in os.resident.intersection(os.physPages(bytes)) {
        for p in r { mask |= 1 << UInt64(p - firstPhys) }
      }
      span.residentMask = mask
    }
    os.writeMetadata(pages: range, pageSize: profile.pageSize, model: profile.metadata)
    // The span table's entries are written memory too: a heap mapped far past the machine's
    // memory (Linux overcommits untouched mappings) is killed once its metadata alone is.
    try checkMemoryPressure()
    var cost = (sizeClass == 0 ? profile.cost.largeAllocBaseNs : profile.cost.smallSpanNs)
      + profile.cost.allocNsPerPage * Double(npages)
    // The object's pointer bits (heapBitsSetType), per object handed out: a large span's one
    // object here, a small span's each as mallocgc takes it (mallocSmall, the fast path).
    let words = (sizeClass == 0 ? requested : elemSize) / 8
    if !noscan && words > 2 {
      let bitsNs = Double(words) * profile.cost.heapBitsNsPerWord
      if sizeClass == 0 {
        cost += bitsNs
      } else {
        span.heapBitsNs = bitsNs
        span.perObjectNs = bitsNs
      }
    }
    let released = scav == npages && os.release == .dontNeed
    if dirty && !(profile.skipZeroingOfReleasedSpans && released) {
      // needzero: memclr the whole span, which writes (faults in) every page.
      let faultNs = try touch(span, bytes: bytes)
      // A small class's objects are cleared one by one as mallocgc hands them out, each a
      // short memclr of memory long out of the cache; a large object in one long memclr.
      let zeroing = Double(bytes.count) * (sizeClass == 0 ? profile.cost.writeNsPerByte : profile.cost.zeroNsPerByte)
        + faultNs
      if sizeClass == 0 && profile.zeroLargeAfterTrigger {
        lateZeroingNs = zeroing
      } else {
        cost += zeroing
      }
    }
    allocationWorkNs += cost
    return span
  }

  /// A span structure for a new span (mheap.allocMSpanLocked). The structures fixalloc carves
  /// are written, so their pages join the resident set: one 160-byte mspan per span, 5.8 MB for
  /// the 36,000 spans of Tests/Recordings/runs/headertouch (Go 1.27.3's RSS there is the heap's
  /// touched pages plus these).
  func allocMSpan() {
    mspans.alloc()
    let touched = alignUp(mspans.writtenSinceStart, profile.physPageSize)
    if touched > mspanResidentBytes {
      os.nonHeapRSS += touched - mspanResidentBytes
      mspanResidentBytes = touched
    }
  }

  /// The pages of mheap.allocSpan, for an object span or a stack span (allocManual) alike: the
  /// lowest free run (growing the heap if none fits), taken, then the allocation-time scavenging
  /// of the memory limit and of heap growth. Returns the run, its pages that had been released,
  /// and whether any of them was handed out before (needs zeroing).
  func allocPages(_ npages: Int) throws -> (range: Range<Int>, scavenged: Int, dirty: Bool) {
    var growth = 0
    var base = pages.findFree(npages)
    if base == nil {
      growth = try growHeap(npages)
      base = pages.findFree(npages)
    }
    guard let base else { preconditionFailure("no free run after heap growth") }
    let range = base..<(base + npages)
    let (scav, dirty) = pages.allocate(range)
    // mheap.allocSpan: `if scav != 0 { sysUsed(base, nbytes, scav) }`, which in Go 1.19 advises
    // the span's whole huge pages MADV_HUGEPAGE (OSMemory.adviseHugePages).
    if scav > 0 { os.adviseHugePages((range.lowerBound * profile.pageSize)..<(range.upperBound * profile.pageSize)) }
    try scavengeOnAllocation(scavengedPages: scav, growthPages: growth)
    return (range, scav, dirty)
  }

  /// mheap.grow: maps at least `npages` more pages, rounded up to whole chunks. Fails as the
  /// runtime does, in its two steps:
  ///   1. reserve: mheap.sysAlloc finds no room for the ask in the address space (go1.0's
  ///      16 GiB arena; later the kernel's 128 TiB of user address space) → grow prints
  ///      `runtime: out of memory: cannot allocate <ask>-byte block (<in use> in use)` and the
  ///      allocator throws `out of memory`;
  ///   2. map: sysMap's mmap of the reserved range, read-write, fails with ENOMEM — Linux's
  ///      heuristic overcommit refuses one mapping larger than the machine's memory →
  ///      `fatal error: runtime: out of memory` (mem_linux.go sysMapOS), and no first line.
  /// Recorded with both toolchains on a 23 GiB machine (Tests/Recordings/runs/hugealloc): a
  /// 32 TiB `new` or `make` fails at step 2, an 800 TiB one at step 1.
  func growHeap(_ npages: Int) throws -> Int {
    let askPages = Self.growthAsk(profile, pages: npages)
    let (askBytes, overflow) = askPages.multipliedReportingOverflow(by: profile.pageSize)
    // The number grow prints as in use: heapFree + heapReleased + heapInUse, the heap's
    // mapped bytes without the stacks' spans.
    let heapSys = (pages.endPage - stackHeapPages) * profile.pageSize
    if overflow || pages.endPage * profile.pageSize > profile.heapLimitBytes - askBytes {
      try die(.runtimeOutOfMemory(requested: overflow ? Int.max : askBytes, inUse: heapSys))
    }
    if askBytes > machine.ramBytes {
      try die(.thrown(message: "runtime: out of memory"))
    }
    let firstGrowth = pages.arenas == 1 && pages.endPage == Self.growthAsk(profile, pages: pages.chunkPages)
    let (added, newArenas) = pages.grow(pages: askPages, asReleased: Self.growthIsReleased(profile))
    gcSys += newArenas * profile.metadata.heapArenaBytes
    otherSys += newArenas * profile.metadata.otherBytesPerArena
      + Int(Double(added * profile.pageSize) * profile.metadata.sysBytesPerHeapByte)
    if firstGrowth { otherSys += profile.metadata.firstGrowthOtherBytes }
    emit(.heapGrowth(bytes: added * profile.pageSize, heapSys: heapSys + added * profile.pageSize,
                     timeNs: now))
    return added
  }

  /// gcAssistAlloc's proportional part: allocating `bytes` during the mark costs the goroutine
  /// its share of the mark work left, done beside the background worker — the cycle can end
  /// sooner, by what the second P adds to the mark's speed. The share is the work remaining
  /// over the heap remaining to the assist goal, as mgcpacer.go revise() recomputes it while
  /// the mark goes (`assistWorkPerByte = scanWorkRemaining / heapRemaining`): what the
  /// background worker has done is not owed again, and in Go 1.19 part of its scan credit pays
  /// the debt before the assist scans (CostModel.workerCreditShare). With a fixed ratio taken at the
  /// mark's start, the program paid for the whole mark as though no worker helped: each of
  /// mixedsizes' 13 ms marks on go1.27 let 8 MB be allocated where Go 1.27.3's let 12-13
  /// (`72->84->42 MB`; Tests/Recordings/runs/mixedsizes), now 13 (`71->84->42 MB`).
  func assist(bytes: Int) throws {
    // Nothing to scan in the heap, nothing owed. That is gcsh's simplification, not Go's: the
    // runtime's assist ratio counts the stacks' and globals' scan work too (never zero), and
    // gcDrainN takes root jobs when no heap work is queued (mgcmark.go) — a heap of pointer-free
    // garbage beside 8 MiB of pointer slots has Go's first marks half assists (`2.6/0.15/2.4 ms
    // cpu`, runs/bigglobals), and Go 1.27.3's marks of a near-empty heap a third
    // (`0.12+0.14/0.067/0.022`, runs/alloccost). gcsh counts the runtime's root jobs in the mark's
    // fixed part (markBaseNs), which no assist does; letting assists owe the rest of such marks
    // without that made small pointer-free churn run 2-4 more cycles than Go (alloccost's
    // recycled steps, lesson 10) though it moved largeobj's go1.19 cycles to Go's. Modelling the
    // root jobs as work assists share is the fix (Tests/Recordings/runs/README.md, pacertrace).
    guard let c = cycle, profile.collector == .concurrent, c.scanBytes > 0 else { return }
    // Mark work can be done only once the mark has begun (after sweep termination's pause): an
    // allocation made at the cycle's very start assists from the mark's first nanosecond.
    let markStart = c.markStartNs
    let remaining = c.terminationDue - max(now, markStart)
    // The mark's fixed start (markBaseNs: the workers starting, the roots queued) is owed by
    // no allocation; the scan work after it is.
    let fixedAhead = max(0, markStart + Int(profile.cost.markBaseNs) - max(now, markStart))
    let heapRemaining = max(1, c.assistGoal - heapLive)
    var ns = Double(bytes) * Double(max(0, remaining - fixedAhead)) / Double(heapRemaining)
    // The debt is paid first from the background worker's credit: gcAssistAlloc steals
    // gcController.bgScanCredit, which the workers' gcDrain feeds (gcFlushBgCredit every
    // gcCreditSlack units of scan work), before it scans itself (mgcmark.go). The credit is the
    // worker's marking since the mark's fixed start that no assist has claimed yet, at
    // creditPerNs (set at the cycle's start): only the part off the mark's critical path — a
    // chain one goroutine follows at a time (earliestDue) is the worker's or the assist's, not
    // both, and Go 1.19.8's worker marks a third of linkedlist's first mark while its assists
    // follow the list (`2.7/3.1/0.047 ms cpu` over 9.8 ms of clock; Tests/Recordings/runs/
    // linkedlist) — and of that, the era's CostModel.workerCreditShare.
    let creditUpTo = min(now, c.terminationDue)
    if c.creditPerNs > 0, creditUpTo > c.creditAsOf {
      cycle!.creditNs += Double(creditUpTo - c.creditAsOf) * c.creditPerNs
      cycle!.creditAsOf = creditUpTo
    }
    let stolen = min(cycle!.creditNs, ns)
    cycle!.creditNs -= stolen
    ns -= stolen
    // An assist does at most the mark work that is left (gcAssistAlloc → gcDrainN drains what
    // there is); a debt beyond it parks the goroutine (assistBeforeAllocating). Charging the
    // whole debt instead ran the clock for years when the heap was far past its goal (a ratio
    // of scan work per byte of a one-byte runway, times the allocation's bytes).
    // With the worker marking beside it, the rest of the mark takes remaining / gain: the assist
    // cannot mark longer than that.
    let gain = profile.cost.markParallelGain
    let rest = Int((Double(max(0, remaining)) / gain).rounded(.up))
    allocationWorkNs += min(ns, Double(rest))
    if remaining > 0 {
      // (A debt far past the goal does not fit an Int.)
      let done = min(rest, Int(saturating: ns))
      // The assist marks beside the worker on the other P: while both mark, the mark goes
      // markParallelGain times as fast as the worker alone, so the end comes (gain - 1) × the
      // assist's time nearer (on Go 1.27.3 not at all: Tests/Recordings/runs/markcost) — but
      // not before the mark's critical path.
      let earlier = min(Int(Double(done) * (gain - 1)), max(0, c.terminationDue - c.earliestDue))
      cycle!.terminationDue -= earlier
      cycle!.markNs -= earlier
      cycle!.assistNs += done
      let due = cycle!.terminationDue
      if due <= now {
        try finishCycle()
      } else if due < c.scheduledDue - max(10_000, (c.scheduledDue - now) / 2) {
        // Reschedule only when termination moved substantially earlier: a few events per cycle,
        // not one per allocation.
        cycle!.scheduledDue = due
        schedule(.markTermination(cycle: c.number), at: due)
      }
    }
  }

  /// Mark assists (malloc.go deductAssistCredit → mgcmark.go gcAssistAlloc; Go 1.19's mallocgc
  /// does the same inline): a goroutine that allocates while a cycle marks first pays for the
  /// bytes with mark work, *before* it takes the memory. The assist ratio spreads the remaining
  /// scan work over the runway left to the goal, so an allocation that would take the heap
  /// past the goal owes more than all the work left: the goroutine finishes the mark and parks
  /// until the cycle has terminated (gcParkAssist; gcMarkDone wakes it). Its object is then
  /// allocated after the cycle — not black, not in the cycle's live heap. That is why Go's
  /// trace for ten 50 MB slices in a loop reads `95->95->47 MB` (Tests/Recordings/runs/gcoll):
  /// the third slice waits for the cycle the second one started, instead of being marked with
  /// it. Small allocations overshoot the goal by at most one object (gctrace's `3->5->2 MB` is
  /// the background mark's lag, which the cycle's mark time models).
  func assistBeforeAllocating(_ size: Int) throws {
    try assist(bytes: size)
    // The assist's own time passes before the allocation (and may run a termination due).
    try chargeAllocationWork()
    guard let c = cycle, profile.collector == .concurrent,
      heapLive + size >= c.assistGoal
    else { return }
    // gcParkAssist: the goroutine has done the mark work it could (assist) and parks until the
    // background worker has done the rest and gcMarkDone has terminated the cycle, its own P
    // marking meanwhile (markWithEveryP). The rest of the mark takes its wall time: finishing
    // the cycle now would count the workers' time in the GC's CPU over a mark that took none
    // (gctrace `0.030+0+0.020 ms clock, 0.060+0/0.30/0+0.040 ms cpu`, GCCPUFraction 2.55 after
    // the first cycle).
    try waitForCycle()
  }

  /// Tests the heap trigger (gcTrigger{kind: gcTriggerHeap}.test) and starts a cycle.
  func checkTrigger() throws {
    guard !isMarking else { return }
    let goal = currentGoal()
    let live = profile.pacerModel == .proportional ? heapAllocBytes : heapLive
    if live >= pacer.trigger(goal: goal) {
      try startCycle(.heap)
    }
  }

  /// The heap goal now (NextGC).
  func currentGoal() -> Int {
    pacer.heapGoal(
      mappedReady: mappedReady, heapFree: pages.retainedPages * profile.pageSize,
      heapAlloc: heapAllocBytes)
  }
}
