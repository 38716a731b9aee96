// The go1.0 profile: the runtime of the original question (Go 1.0.3, 2012).
//
// Values from ../shared/reference/go-runtime-memory.md Part A (src/pkg/runtime/{malloc.h,mheap.c,
// mgc0.c,msize.c,proc.c} of Go 1.0.x). What differs from modern Go is mostly data (4 KiB pages,
// 60 size classes, 1 MiB heap growth, one 16 GiB arena, no tiny allocator); the algorithms that
// differ are the policy cases: a proportional pacer tested after every allocation, a
// stop-the-world collector, and a scavenger goroutine that ticks every minute, forces a GC after
// two minutes without one and releases spans unused for five.
//
// The start-up heap is derived from the question's own trace: the runtime's first collection
// happens before main (`gc1(1): ... 0 -> 0 MB 423 -> 350 objects`), and the GC the first 400 MB
// `make` triggers reports `203 -> 202 (248-46) objects`: about 200 live runtime objects, a few
// dozen frees, well under 1 MiB of heap. The byte counts are UNCONFIRMED (no Go 1.0 binary was
// measured); they only need to keep `next_gc` small and far below the second slice.

extension RuntimeProfile {
  /// The 60 size classes of Go 1.0 with 4 KiB pages (msize.c InitSizes; reference A.2).
  static let go10SizeClasses = SizeClassTable(
    sizes: [
      8, 16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
      384, 448, 512, 576, 640, 704, 768, 832, 1024, 1152, 1280, 1408, 1536, 1664, 2048, 2304, 2560,
      3072, 3328, 4096, 4352, 4608, 5120, 6144, 6656, 6912, 8192, 8704, 10240, 10496, 12288, 14080,
      16384, 17664, 20480, 21248, 24576, 24832, 28672, 32768,
    ],
    pages: [Int](repeating: 1, count: 25) + [
      2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 5, 1, 6, 5, 4, 3, 5, 7, 2, 7, 5, 8, 3, 7, 4, 9, 5, 11,
      6, 13, 7, 8,
    ])

  /// Go 1.0.x (the question's Go 1.0.3) on 64-bit Linux.
  static let go10 = RuntimeProfile(
    name: "go1.0",
    version: GoVersion(1, 0),
    pageSize: 4 * KiB,  // malloc.h: PageShift 12
    physPageSize: 4 * KiB,
    sizeClasses: go10SizeClasses,
    maxSmallSize: 32 * KiB,  // malloc.h: MaxSmallSize
    mallocHeaderBytes: 0,
    mallocHeaderMinSize: 0,
    inlineMarkBitsBytes: 0,
    spanPointerBitmapBytes: 0,
    spanTailMaxElemSize: 0,
    tinySize: 0,  // no tiny allocator before Go 1.3
    chunkBytes: 1 * MiB,
    growth: .rounded(roundPages: 16, minBytes: 1 * MiB),  // mheap.c MHeap_Grow, HeapAllocChunk
    heapLimitBytes: 16 * GiB,  // malloc.h: MHeapMap_Bits 22 on 64-bit: "we limit the arena to 16G"
    arenaBytes: 16 * GiB,  // one contiguous arena
    maxAllocBytes: 16 * GiB,
    heapMinimum: 0,  // no heap minimum before Go 1.5
    triggerMinNum: 64,
    triggerMaxNum: 64,
    lateCycleMinRunway: nil,
    triggeredAt: .heapLive,  // no concurrent pacer: unused
    memoryLimitHeadroomPercent: 0,
    memoryLimitHeadroomMin: 0,
    consMarkSmoothing: .maximumOfLast(1),
    procs: 1,  // GOMAXPROCS defaulted to 1: the trace's `gc2(1)`
    pacerModel: .proportional,  // mgc0.c: next_gc = heap_alloc + heap_alloc*gcpercent/100
    collector: .stopTheWorld,  // mgc0.c: mark and sweep inside the pause
    gcOffDisablesRuntimeGC: true,  // mgc0.c: runtime·gc returns at once if gcpercent < 0
    fatalErrorPrefix: "throw: ",  // runtime.c: runtime_printf("throw: %s\n", s)
    memStatsFields: [
      "Alloc", "TotalAlloc", "Sys", "Mallocs", "Frees", "HeapAlloc", "HeapSys", "HeapIdle",
      "HeapInuse", "HeapReleased", "HeapObjects", "StackInuse", "StackSys", "NextGC", "LastGC",
      "PauseTotalNs", "NumGC",
    ],  // malloc.h struct MStats (reference A.7): no GCSys, OtherSys or NumForcedGC yet
    forcedGC: .scavengerTick(
      tickNs: Duration.minute,  // mheap.c: tick = min(forcegc, limit)/2
      forceAfterNs: 2 * Duration.minute),  // forcegc = 2*60*1e9
    scavenger: .unusedSpans(limitNs: 5 * Duration.minute),  // limit = 5*60*1e9
    // mem_linux.c: MADV_DONTNEED; mem_darwin.c: MADV_FREE; mem_windows.c, mem_plan9.c: no-op
    // (reference A.5).
    releaseByOS: [.linux: .dontNeed, .darwin: .free, .windows: .none, .plan9: .none],
    skipZeroingOfReleasedSpans: true,  // MADV_DONTNEED'd memory reads as zero: no memclr
    fillBlocksMarkTermination: false,
    zeroLargeAfterTrigger: false,
    metadata: MetadataModel(
      heapArenaBytes: 0, otherBytesPerArena: 0, firstGrowthOtherBytes: 0,
      heapBitmapBytesPerByte: 0,  // a large noscan object marks one bitmap word
      spanTableBytesPerPage: 8,  // MHeap.map: one pointer per page
      sysBytesPerHeapByte: 1.0 / 16),  // mgc0.c: 4 bits per heap word, mapped with arena_used
    traceFormat: .go10,
    startup: StartupState(
      // Under 1 MiB live after the start-up GC (`0 -> 0 MB`), in spans of many classes; the
      // rest of the first 1 MiB growth is idle. The question's trace fixes it within a few
      // pages: with HeapSys 382.5 MiB, `scvg0: inuse: 381, idle: 0, sys: 382` needs the
      // start-up spans plus the 381.47 MiB slice under 382 MiB (U < 135.75 pages), and
      // `scvg11: 0x17d MB released` needs every idle page, released, under 382 MiB too
      // (U > 128 pages): 132 pages, 528 KiB.
      heapInUsePages: 132,
      heapAllocBytes: 196_608,
      objects: 202,  // `203 -> 202 (248-46) objects` at the first make's GC
      frees: 46,
      releasedPages: 0,  // Go 1.0 never releases at start-up
      stackPages: 0,  // stacks come from their own allocator (FixAlloc), outside the heap
      // Bitmap for the first 1 MiB, MSpan/MCache; the stacks' first 128 KiB FixAlloc chunk is
      // StackSys.
      otherSysBytes: 1 * MiB + 64 * KiB - 128 * KiB,
      gcSysBytes: 0,
      nonHeapRSS: 1 * MiB,
      globalsScanBytes: 0,
      stackScanBytes: 0,
      gcsBeforeMain: 1),  // gc1 ran before main
    // Segmented stacks: main, the scavenger and the finalizer goroutine each have a 4 KiB
    // segment from m0's FixAlloc at start (proc.c runtime·main, mfinal).
    stacks: .segmented(SegmentedStacks()),
    cost: CostModel(
      statementNs: 2, smallAllocNs: 30, largeAllocBaseNs: 20_000, allocNsPerPage: 10,
      writeNsPerByte: 0.1, firstTouchNsPerByte: 1.0, releaseNsPerByte: 0.05,
      sweepTermNs: 0, markTermNs: 0, markBaseNs: 50_000, markNsPerScanByte: 1,
      markNsPerObject: 20, sweepNsPerSpan: 100,
      readMemStatsNs: 12_000),  // UNCONFIRMED: no Go 1.0 toolchain here; Go 1.19's stop
    // UNCONFIRMED sizes (no Go 1.0 run to read them from): malloc.h's MSpan is 88 bytes on amd64
    // and MCache 1,528 (61 free lists of 16 B, seven int64 counters, 61 by-size pairs); FixAlloc
    // takes 128 KiB chunks (reference A.1 `FixAllocChunk`), one each at start for the spans and
    // m0's cache. The start-up span count is an estimate: the 160 in-use pages in one-page
    // spans of many classes, and the free spans around them.
    metadataAllocators: MetadataAllocatorModel(
      mspanBytes: 88, fixAllocChunk: 128 * KiB, roundsChunkDown: false, mspanCache: nil,
      startMSpans: 48, startMSpanCache: 0, mcacheInuse: 1_528, mcacheSys: 128 * KiB,
      buckHashSys: 0)
  )
}
