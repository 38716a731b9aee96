// CostModel: how much virtual time each kind of work takes.
//
// The simulated clock only moves when the program sleeps or when work is done, and this is the one
// place that says how long work takes. The rates are calibrated on the anchor runs
// (../shared/anchors/go1.27, ../shared/anchors/go1.19) so that gctrace timestamps, checkpoint times
// and the scavenger's progress land near the real ones; they are properties of the measurement
// machine (2 vCPU AMD EPYC, THP=madvise), not of Go, and are documented per value.

/// Virtual-time costs of runtime and program work. All values are nanoseconds (per unit named).
public struct CostModel: Sendable {
  /// ns per interpreted statement (loop bookkeeping, arithmetic, a variable store).
  public var statementNs: Double
  /// ns per small allocation (mallocgc fast path, size-specialised in 1.27).
  var smallAllocNs: Double
  /// ns of fixed cost per large allocation (span setup, page-allocator search).
  var largeAllocBaseNs: Double
  /// ns of fixed cost per span a small size class takes from the page heap (mcache.refill →
  /// mcentral.grow → mheap.alloc: the heap lock, the page allocator, the span's set-up).
  /// Tests/Recordings/runs/alloccost, GOGC=off (fresh spans, nothing to zero): one allocation
  /// costs smallAllocNs plus this over the span's objects — Go 1.27.3 153 ns for 1 KiB (8 per
  /// span), 460 ns for 4 KiB (2), 1.2 us for 16 KiB (1); Go 1.19.8 180, 540, 1,370 ns.
  var smallSpanNs: Double = 0
  /// ns per 8 KiB page of a large allocation (page-allocator and span-table updates);
  /// anchors: `make([]uint32, 1e8)` took 1-3 ms in make_vs_fill (go1.27 and go1.19).
  var allocNsPerPage: Double
  /// ns per byte written to memory that is already resident (memclr, fill loops).
  var writeNsPerByte: Double
  /// ns per byte of the allocator's memclr of a reused small-class span (needzero: object by
  /// object, each memory last written a GC cycle or more ago, no longer in the cache; a large
  /// object is cleared in one long memclr, at writeNsPerByte: 0.03-0.06 ns/B for 256 KiB to
  /// 256 MiB on the measurement machine). Go 1.27.3, 2.6M 1 KiB allocations recycled
  /// through a 4 MiB heap (GOGC=100): pprof gives memclrNoHeapPointers 0.39 s, 0.146 ns/B, where
  /// a clear of a 4 MiB slice in a loop runs at 0.05 (writeNsPerByte). With smallSpanNs it fits
  /// Tests/Recordings/runs/alloccost's recycled steps (64 MiB of 1-16 KiB objects: 21-29 ms).
  var zeroNsPerByte: Double = 0
  /// ns per byte of first touch (page faults and the kernel's zeroing). go1.27 (4 KiB pages):
  /// the 400 MB fill took 0.15-0.17 s in most runs (seed replicates, explicit_gc, free_os);
  /// go1.19 (THP-backed 2 MiB faults with compaction): 0.85-0.97 s in 6 of 11 runs.
  var firstTouchNsPerByte: Double
  /// ns per byte of a 4 KiB page fault where first touches are otherwise huge-page fills: Go
  /// 1.19 asks for huge pages (MADV_HUGEPAGE; the machine's THP is `madvise`) only for the whole,
  /// aligned 2 MiB pages inside a span it readies from released or never-used pages (mem_linux.go
  /// sysUsedOS → sysHugePageOS), and marks the huge pages at the ends of a range it releases
  /// MADV_NOHUGEPAGE (sysUnusedOS). A 400 MB slice's span is huge pages (the fill's 2.3 ns/B);
  /// a 64 KiB span never is, and neither are pages a churning heap's small spans take back from
  /// the scavenger (OSMemory.hugeAdvised). Go 1.27's measured rate on the same machine (~1.4 us
  /// per 4 KiB). Tests/Recordings/runs/bigglobals: Go 1.19.8 zeroes reused, never-touched
  /// 64 KiB spans at ~0.8 ns/B with the rest of the allocation; mixedsizes (pacertrace): its
  /// mutator allocates 10-12.6 MB during each 5-5.8 ms mark. Unused in eras that never advise
  /// huge pages (every fault is a first touch at the era's rate); every fault off Linux.
  var smallPageFaultNsPerByte: Double
  /// ns per resident byte released to the OS with madvise (scavenger work: the kernel unmaps
  /// and frees each page). go1.27: ~14 MB per 1 ms burst (diag/scavenge_second_gc, first
  /// 100 ms); FreeOSMemory of 390 MB took 40 ms. go1.19 with huge pages: ~3 ms for 390 MB
  /// (free_os).
  var releaseNsPerByte: Double
  /// ns per byte released that is not resident but was once (MADV_DONTNEED walks the range's
  /// page tables, which the kernel kept, and finds nothing to free), and per byte that never was
  /// (no page tables to walk: only the call). Go 1.27.3 on the measurement machine
  /// (Tests/Recordings/runs/releasecost): FreeOSMemory of a dropped 400 MiB slice took 26-42 ms
  /// when every page had been written, 3.6-4.4 ms when the slice had not been written but reused
  /// memory an earlier one had, 0.69-0.73 ms (a small GC included) when the memory had never
  /// been touched. Go 1.19.8's huge-page releases cost the same resident or not (2.2-4.8 ms),
  /// and 0.7-1.0 ms never touched.
  var releaseNsPerNonResidentByte: Double
  var releaseNsPerUntouchedByte: Double

  /// The work of releasing `bytes`, of which `resident` are resident and `everResident` have
  /// been (resident <= everResident <= bytes).
  func releaseNs(bytes: Int, resident: Int, everResident: Int) -> Double {
    Double(resident) * releaseNsPerByte
      + Double(max(0, everResident - resident)) * releaseNsPerNonResidentByte
      + Double(max(0, bytes - everResident)) * releaseNsPerUntouchedByte
  }

  /// ns of the sweep-termination stop-the-world pause (gctrace first clock field).
  public var sweepTermNs: Double
  /// ns of the mark-termination stop-the-world pause (gctrace third clock field).
  public var markTermNs: Double
  /// ns of fixed concurrent-mark work per cycle (root scan, worker start-up).
  var markBaseNs: Double
  /// ns per byte of pointerful object scanned.
  var markNsPerScanByte: Double
  /// ns per object marked.
  var markNsPerObject: Double
  /// ns per byte of the program's pointerful globals (its data and bss), one worker's cost like
  /// markNsPerScanByte. markroot scans them in 256 KiB root jobs (rootBlockBytes, mgcmark.go
  /// markrootBlock → scanblock), reading each word the module's pointer mask marks: a plain
  /// loop over memory, unlike the heap's object-by-object scan. Tests/Recordings/runs/bigglobals
  /// (8 MiB of nil pointer slots): the first marks take 2.7-3.0 ms of clock in both Go 1.27.3
  /// and 1.19.8 (later ones 1.5-3.2), both Ps marking, ~0.31 ns/B of clock — go1.27's 0.3 with
  /// no gain from the second P, go1.19's 0.55 over its markParallelGain of 1.75. The runtime's
  /// own globals are part of markBaseNs.
  var markNsPerGlobalByte: Double
  /// How much faster the mark goes when every P marks (the program blocked, or its assists
  /// marking beside the worker on the other P) than when one worker marks alone: the mark's
  /// throughput on 2 Ps over its throughput on one. markBaseNs, markNsPerScanByte and
  /// markNsPerObject are one worker's costs. Tests/Recordings/runs/markcost, where the program
  /// waits in runtime.GC() and both Ps mark: a chain of 2,048 16 KiB nodes (one worker can
  /// follow it at a time) against one 32 MiB []*int (its oblets shared by both) and a ring of
  /// 4,096 []*int — Go 1.27.3 marks all three at ~0.8 ns per pointer byte of wall time (its two
  /// workers each at half the speed of one alone: gctrace's idle CPU is twice the clock),
  /// Go 1.19.8 the chain at ~0.4 and the shared ones at ~0.23. At least 1.
  var markParallelGain: Double = 1
  /// How much of the background worker's scan work reaches the mark assists as credit they
  /// steal instead of scanning (mgcmark.go gcAssistAlloc → gcController.bgScanCredit, fed by
  /// gcFlushBgCredit from every worker's gcDrain in both eras' source). 0 to 1: a fit to the
  /// traces of Tests/Recordings/runs/mixedsizes (and pacertrace/mixedsizes), where the idle
  /// worker marks for most of each mark on the P the program leaves free.
  /// - Go 1.19.8: 0.5. Its assists take a quarter of the steady marks' clock (`1.0/2.7/3.7`,
  ///   `1.6/0.93/4.5`, `1.0/1.3/5.1 ms cpu` over 5.5-6.7 ms) and 10-12 MB are allocated black in
  ///   each mark (`65->76->38 MB` in the pacertrace runs, `68->80->40 MB` in mixedsizes' idle
  ///   ones). With no credit gcsh's assists took 0.55 of its marks and its cycles read
  ///   `61->69->35 MB, 72 MB goal`. With all of it they read `68->80->40 MB`, 19 cycles and a
  ///   measured cons/mark of 1.08 (Go's pacertrace runs: 0.76-0.91), and 14 of mixedsizes' 35
  ///   checkpoint values are in tolerance; with half, `65->76->38 MB, 76 MB goal`, 20 cycles
  ///   (Go 16-21), cons/mark 1.00 and 21 of 35.
  /// - Go 1.27.3: 0. Its assists take 5.4-8.7 ms of its idle runs' steady 11 ms marks (median
  ///   0.64-0.67 of the clock; `8.7/0.40/11`) though the idle worker marks all 11: the debt is paid in scan work, as though the worker had left no
  ///   credit (its Green Tea workers scan whole spans; why their credit does not reach the
  ///   assists is not established). With credit, growseq's first cycle ended a checkpoint later
  ///   than Go's, and mixedsizes' assists fell to 6 ms.
  var workerCreditShare: Double = 0
  /// ns per word of a pointerful object's heap bitmap, written as it is allocated: Go 1.19's
  /// mallocgc → heapBitsSetType (mbitmap.go) writes two bits a word into the arena's bitmap for
  /// every object of more than two words (one- and two-word objects take initSpan's bits or a
  /// one-byte fast path). Tests/Recordings/runs/allocptr against alloccost, Go 1.19.8, fresh
  /// memory: a pointerful object costs ~11 ns more than its pointer-free twin at 64 B, ~55 at
  /// 1 KiB, ~370 at 4 KiB and ~1,500 at 16 KiB. From Go 1.22 a small object's bits are a few
  /// words in its span or one header word (whose page fault is charged as a touch), so 0.
  var heapBitsNsPerWord: Double = 0
  /// ns per span swept, as the program waits for it: runtime.GC() returns only once every span
  /// is swept (mgc.go GC: `for ... sweepone() != ^uintptr(0)`, the background sweeper sweeping
  /// beside it on the other P), and a span whose objects are all dead goes back to the page heap
  /// (mheap.freeSpan). Other cycles sweep in the background and on allocation, which the
  /// allocation costs above include. Tests/Recordings/runs/alloccost `collected`: runtime.GC()
  /// of ~11,300 spans of dead objects took 11.5-12.7 ms in Go 1.27.3, 8.7-11.4 ms in Go 1.19.8.
  var sweepNsPerSpan: Double
  /// ns by which time.Sleep returns after its deadline: the timer fires, then the goroutine is
  /// scheduled. Anchors: go1.19 explicit_gc's 1 s sleeps advance the checkpoints by ~1.001 s.
  /// It matters for sysmon: without it a program sleeping in 60 s steps would wake exactly 120 s
  /// after a GC and miss the strict `> 2 min` test.
  var timerLatencyNs: Int = 1_000_000
  /// How long a stop-the-world takes to stop the other Ps, ns: Go 1.27.3's
  /// /sched/pauses/stopping/* for the stops a goroutine makes while the other P is idle or
  /// quick to reach a safe point (~200-300 ns; Tests/Recordings/runs/metricsvalues). A stop
  /// that must preempt a running loop takes tens of µs there; gcsh does not model that wait.
  var stwStoppingNs = 250
  /// ns one runtime.ReadMemStats keeps the program stopped: stopTheWorld, flushallmcaches, the
  /// read, startTheWorld (Tests/Recordings/runs/readmemstatscost: the mean of 10,000 calls).
  var readMemStatsNs: Double

  init(
    statementNs: Double, smallAllocNs: Double, largeAllocBaseNs: Double, allocNsPerPage: Double,
    smallSpanNs: Double = 0, zeroNsPerByte: Double? = nil,
    writeNsPerByte: Double, firstTouchNsPerByte: Double, smallPageFaultNsPerByte: Double? = nil,
    releaseNsPerByte: Double,
    releaseNsPerNonResidentByte: Double? = nil, releaseNsPerUntouchedByte: Double? = nil,
    sweepTermNs: Double, markTermNs: Double, markBaseNs: Double, markNsPerScanByte: Double,
    markNsPerObject: Double, markNsPerGlobalByte: Double? = nil, markParallelGain: Double = 1,
    workerCreditShare: Double = 0, heapBitsNsPerWord: Double = 0,
    sweepNsPerSpan: Double,
    readMemStatsNs: Double
  ) {
    self.statementNs = statementNs
    self.smallAllocNs = smallAllocNs
    self.largeAllocBaseNs = largeAllocBaseNs
    self.allocNsPerPage = allocNsPerPage
    self.smallSpanNs = smallSpanNs
    self.zeroNsPerByte = zeroNsPerByte ?? writeNsPerByte
    self.writeNsPerByte = writeNsPerByte
    self.firstTouchNsPerByte = firstTouchNsPerByte
    self.smallPageFaultNsPerByte = smallPageFaultNsPerByte ?? firstTouchNsPerByte
    self.releaseNsPerByte = releaseNsPerByte
    self.releaseNsPerNonResidentByte = releaseNsPerNonResidentByte ?? releaseNsPerByte
    self.releaseNsPerUntouchedByte = releaseNsPerUntouchedByte ?? self.releaseNsPerNonResidentByte
    self.sweepTermNs = sweepTermNs
    self.markTermNs = markTermNs
    self.markBaseNs = markBaseNs
    self.markNsPerScanByte = markNsPerScanByte
    self.markNsPerObject = markNsPerObject
    self.markNsPerGlobalByte = markNsPerGlobalByte ?? markNsPerScanByte
    self.markParallelGain = max(1, markParallelGain)
    self.workerCreditShare = min(1, max(0, workerCreditShare))
    self.heapBitsNsPerWord = heapBitsNsPerWord
    self.sweepNsPerSpan = sweepNsPerSpan
    self.readMemStatsNs = readMemStatsNs
  }
}
