// The modern profiles: go1.27 (the default) and go1.19.
//
// Constants cite the runtime source they come from; start-up and metadata values cite the anchor
// rows they are taken from. The go1.0 profile (a later issue) is another value of the same type
// plus the policy cases where its algorithms differ.

extension RuntimeProfile {
  /// The start-up objects already unreachable at main, which the first GC frees (object size →
  /// count; GoRuntime+RuntimeObjects.swift): the same in every recorded start-up of a version
  /// (Tests/Recordings/runs/startup, startupos, startupbare), but for the 16-B copy Go 1.27's
  /// syscall.init makes, which a program without syscall in its imports (startupbare) lacks.
  private static let startupGarbage127 = [8: 1, 16: 6, 32: 1, 112: 1, 128: 1, 256: 1, 512: 1, 1152: 2]
  private static let startupGarbage119 = [8: 1, 16: 3, 32: 1, 112: 1, 160: 1, 320: 1]

  /// Go 1.27.3 on linux/amd64: allocation headers, Green Tea span tails, small arena metadata,
  /// density-gated background scavenging, no THP on heap memory.
  public static let go127 = RuntimeProfile(
    name: "go1.27",
    version: GoVersion(1, 27),
    pageSize: 8 * KiB,  // internal/runtime/gc/sizeclasses.go: PageShift 13
    physPageSize: 4 * KiB,
    sizeClasses: .modern,
    maxSmallSize: 32 * KiB - 8,  // malloc.go: size <= maxSmallSize-mallocHeaderSize
    mallocHeaderBytes: 8,  // internal/runtime/gc/malloc.go: MallocHeaderSize
    mallocHeaderMinSize: 512,  // MinSizeForMallocHeader = 8*64
    inlineMarkBitsBytes: 128,  // mgcmark_greenteagc.go: spanInlineMarkBits
    spanPointerBitmapBytes: 128,  // mbitmap.go: heapBitsInSpan, 8192/8/8
    spanTailMaxElemSize: 512,
    tinySize: 16,  // malloc.go: maxTinySize
    chunkBytes: 4 * MiB,  // mpagealloc.go: pallocChunkBytes
    growth: .chunks,
    // The kernel's user address space (x86-64, 4-level paging: 47 bits), tighter than the
    // runtime's 48-bit arena index (malloc.go heapAddrBits): a reservation past it fails, and
    // grow prints "cannot allocate" (recorded: 128 TiB and more in every run; below that, the
    // randomised heap base of Go 1.26+ made a few runs fail from 80 TiB, which is not modelled).
    heapLimitBytes: 1 << 47,
    arenaBytes: 64 * MiB,  // malloc.go: heapArenaBytes (linux/amd64)
    maxAllocBytes: 1 << 48,  // malloc.go: maxAlloc (heapAddrBits 48)
    heapMinimum: 4 * MiB,  // mgcpacer.go: defaultHeapMinimum
    triggerMinNum: 45,  // mgcpacer.go: minTriggerRatioNum / triggerRatioDen 64
    triggerMaxNum: 61,  // maxTriggerRatioNum
    lateCycleMinRunway: 64 * KiB,  // mgcpacer.go heapGoalInternal: goal >= triggered + minRunway
    triggeredAt: .heapLive,  // mgcpacer.go startCycle: c.triggered = c.heapLive.Load()
    memoryLimitHeadroomPercent: 3,  // memoryLimitHeapGoalHeadroomPercent
    memoryLimitHeadroomMin: 1 * MiB,  // memoryLimitMinHeapGoalHeadroom
    consMarkSmoothing: .maximumOfLast(5),  // mgcpacer.go endCycle: this one and lastConsMark[4]
    procs: 2,
    // mgc.go gcBgMarkStartWorkers: `go gcBgMarkWorker(ready)` makes, per P, the go statement's
    // closure (16 B), a g (456 B) and the worker's gcBgMarkWorkerNodePadded (padded to 512 B);
    // once, the `ready` channel (hchan, 112 B) and the sudog main waits on it with (112 B).
    // Tests/Recordings/runs/startup: BySize 16, 112, 480 and 512 each gain 2 objects at the
    // first GC, in every run.
    markWorkerObjectBytes: [16, 456, 512],
    markWorkerSetupBytes: [112, 112],
    // forcegc, bgsweep, bgscavenge, the finalizer goroutine and — for a module of go 1.25 or
    // later, as `go mod init` writes with this toolchain (GODEBUG updatemaxprocs=1) — the one that
    // follows the CPU limit: /sched/goroutines:goroutines 6 at main with main's
    // (Tests/Recordings/programs/metrics-read-heap; 5 in runs/metricsvalues, a go 1.19 module).
    runtimeGoroutinesAtMain: 5,
    goProgramStartups: GoProgramStartups(
      // Tests/Recordings/runs/startup (fmt and runtime), `start` and `afterGC`, 4 of 5 runs
      // (the fifth started with 6 objects fewer: one M less). The first GC freed 14 of them
      // and 3 spans (HeapInuse 294,912 -> 270,336 with the workers' objects added).
      withFmt: StartupHeap(
        bySize: [
          8: 8, 16: 22, 24: 10, 32: 8, 48: 11, 64: 8, 80: 2, 96: 4, 112: 2, 128: 1, 208: 3, 256: 1,
          480: 12, 512: 1, 704: 2, 1152: 11, 2048: 3, 16384: 2,
        ],
        frees: 4, inUsePages: 36,
        garbageBySize: startupGarbage127, garbagePages: 3),
      // Tests/Recordings/runs/startupos (os, strconv and runtime), all 5 runs: 14 freed, 3 spans.
      withOS: StartupHeap(
        bySize: [
          8: 8, 16: 22, 24: 10, 32: 8, 48: 9, 64: 8, 80: 2, 96: 4, 112: 2, 128: 1, 208: 1, 256: 1,
          480: 12, 512: 1, 704: 2, 1152: 11, 2048: 3, 16384: 2,
        ],
        frees: 4, inUsePages: 29,
        garbageBySize: startupGarbage127, garbagePages: 3),
      // Tests/Recordings/runs/startupbare (runtime alone), 4 of 5 runs: 13 freed, 2 spans.
      runtimeOnly: StartupHeap(
        bySize: [
          8: 5, 16: 18, 24: 8, 32: 8, 48: 6, 64: 6, 80: 2, 96: 1, 112: 2, 128: 1, 208: 1, 256: 1,
          480: 11, 512: 1, 704: 1, 1152: 11, 2048: 3, 16384: 2,
        ],
        frees: 4, inUsePages: 27,
        garbageBySize: startupGarbage127.merging([16: -1], uniquingKeysWith: +), garbagePages: 2),
      // Tests/Recordings/runs/startuprand against runs/startup, the modal count of each size
      // in 5 runs: internal/godebug's init (`GODEBUG=inittrace=1`: 116 allocs, 6,240 B; the
      // tiny allocations sharing a block are not in BySize) makes 127 objects, 6,992 B, all
      // live after the first GC. Main finds 3 pages fewer in use in 4 of 5 runs (33, not 36):
      // measured, the runtime's own spans at main differ, not derived from the objects.
      godebugInit: (bySize: [8: 3, 16: 27, 24: 27, 32: 2, 48: 54, 160: 12, 416: 1, 896: 1], inUsePages: -3)),
    pacerModel: .concurrent,
    collector: .concurrent,
    gcOffDisablesRuntimeGC: false,
    fatalErrorPrefix: "fatal error: ",
    printFloats: .shortest,  // Tests/Recordings/runs/builtinprint
    growsliceOutOfRange: "growslice: len out of range",  // slice.go growslice
    memStatsFields: nil,
    forcedGC: .sysmon(
      periodNs: 2 * Duration.minute,  // proc.go: forcegcperiod
      maxIdleSleepNs: Duration.minute,  // sysmon deep sleep: forcegcperiod/2
      pollNs: 10 * Duration.millisecond),  // sysmon's longest usleep while the program runs
    scavenger: .paced(
      PacedScavenger(
        retainExtraPercent: 10,  // mgcscavenge.go: retainExtraPercent
        memoryLimitGoalFactor: 0.95,  // 1 - reduceExtraPercent/100 (the #62449 fix)
        quantumBytes: 64 * KiB,  // scavengeQuantum
        minWorkNs: 1e6,  // minScavWorkTime
        startSleepRatio: 0.001,  // startingScavSleepRatio
        targetCPUFraction: 0.01,  // scavengePercent
        controllerKp: 0.3375, controllerTi: 3.2e6, controllerTt: 1e9,
        controllerMin: 0.001, controllerMax: 1000,
        densePagesThreshold: 496,  // scavChunkHiOccPages (0.96875 * 512)
        hugePageBytes: nil)),  // mem_linux.go 1.21+: no MADV_HUGEPAGE on heap memory
    // runtime1.go: debug.madvdontneed = 1 on Linux; mem_darwin.go: MADV_FREE_REUSABLE;
    // mem_windows.go: VirtualFree(MEM_DECOMMIT); mem_plan9.go: no-op.
    releaseByOS: [.linux: .dontNeed, .darwin: .freeReusable, .windows: .dontNeed, .plan9: .none],
    skipZeroingOfReleasedSpans: true,  // mheap.go initSpan: needzero only if scav != npages
    fillBlocksMarkTermination: false,
    zeroLargeAfterTrigger: true,
    metadata: MetadataModel(
      heapArenaBytes: 64 * KiB + 4 * KiB + 16,  // mheap.go heapArena: spans + 4 page bitmaps
      otherBytesPerArena: 12_288,  // anchors go1.27 seed_5s: Sys-HeapSys +491,616 B for 6 arenas
      firstGrowthOtherBytes: 532_480,  // explicit_gc: +1,024,096 B at the first 6-arena growth
      heapBitmapBytesPerByte: 0,  // mbitmap.go 1.22+: no heap bitmap in heapArena
      spanTableBytesPerPage: 8),
    traceFormat: .go127,
    startup: StartupState(  // anchors go1.27 explicit_gc `start` (the common 3.8 MiB start)
      heapInUsePages: 33,  // HeapInuse 270,336
      heapAllocBytes: 87_888,
      objects: 118,
      frees: 4,  // Mallocs 122
      releasedPages: 447,  // HeapReleased 3,661,824
      stackPages: 32,  // 512-page first chunk minus HeapSys 3,932,160 (480 pages)
      otherSysBytes: 3_365_128,  // Sys 7,559,432 - HeapSys - StackSys
      gcSysBytes: 1_519_376,
      nonHeapRSS: 1_810_432,  // RSS 2,080,768 - HeapInuse
      // NextGC 800,335,306 = 2 x 400,092,184 + stacks + globals: globals are the rest of 150,938
      // once the stacks' share is known.
      globalsScanBytes: 148_426,
      stackScanBytes: 2_512,  // other goroutines 2,152 + main's base 328 + main.main's frame 32
      // mheap.go grow (Go 1.26+, randomizeHeapBase): the first growth marks
      // alignDown(nextHeapRandBits(22), 8 KiB) / 8 KiB pages of its chunk allocated and
      // scavenged — uniform over 0-511 pages, a different count each run. gcsh is deterministic
      // and takes the mean, 256 pages (2 MiB). What it does: the heap grows a chunk once the
      // start-up chunk's free 1.5 MiB are used, not 3.5 MiB — every real run of
      // Tests/Recordings/runs/linkedlist and smallobj50 had grown to 7.7 MiB of HeapSys with 2.7
      // MiB in use, where Go 1.19's still fit in 3.8 MiB; and one start in a few needs a second
      // chunk at once (the 7.75 MiB starts: a padding over 447 pages, one run in eight).
      randomPaddingPages: 256,
      // Tests/Recordings/runs/memstats `start` BySize (108 objects; that run's start-up made a
      // few fewer objects than the anchor's, as start-ups vary by a few).
      allocationsBySizeClass: [
        1: 8, 2: 23, 3: 10, 4: 8, 5: 9, 6: 8, 7: 2, 8: 4, 9: 2, 10: 1, 15: 1, 18: 1, 25: 12,
        26: 1, 29: 2, 33: 11, 38: 3, 59: 2,
      ],
      // The runtime's own start-up garbage (Tests/Recordings/runs/startupbare: 13 objects, 2
      // spans) and syscall.init's 16-B copy (the checkpoint imports syscall): the first GC's.
      garbageBySize: startupGarbage127, garbagePages: 2, flushedAtMainBySize: [1152: 7, 16384: 1]),
    stacks: .contiguous(
      ContiguousStacks(
        // Tests/Recordings/runs/stackbounds: main.main's frame starts 328 B below the top.
        mainBaseBytes: 328,
        // stackgrow's GC at the bottom of 1,000,000 frames: NextGC 32,288,266 = 2 x 67,664
        // (marked) + 150,218 (the binary's data + bss) + 32,002,720 scanned, of which main used
        // 328 + 32 + 40 + 1,000,001 x 32 + 136 (runtime.GC's frames).
        otherStackScanBytes: 2_152,
        traceStacks: .lastStackScan,  // mgc.go 1.21+: gcController.lastStackScan
        scanNsPerFrame: 31)),
    cost: CostModel(
      // Tests/Recordings/runs/alloccost: 1M fresh 16-byte allocations in 34 ms, 4M recycled in
      // 116-130 ms (GC included); smallobj's 3M in 60-165 ms.
      statementNs: 1, smallAllocNs: 25,
      largeAllocBaseNs: 20_000, allocNsPerPage: 20,
      smallSpanNs: 1_000, zeroNsPerByte: 0.15,
      writeNsPerByte: 0.05,
      firstTouchNsPerByte: 0.34,  // ~1.4 us per 4 KiB fault: 400 MB fill in 0.157 s
      releaseNsPerByte: 0.07,
      // FreeOSMemory of 400 MiB (releasecost): 3.6-4.4 ms once resident, ~0.5 ms never touched.
      releaseNsPerNonResidentByte: 0.0095, releaseNsPerUntouchedByte: 0.0012,
      sweepTermNs: 30_000, markTermNs: 20_000,  // gctrace 0.031+...+0.018 ms clock
      // One worker's mark, and a second P adds nothing (Tests/Recordings/runs/markcost: a
      // chain of 16 KiB nodes, one 32 MiB []*int and a ring of pointer slices all at ~0.8 ns
      // per pointer byte of wall time; 262,144 16-byte objects at ~20 ns more each).
      markBaseNs: 300_000, markNsPerScanByte: 0.8, markNsPerObject: 20,
      markNsPerGlobalByte: 0.3,  // runs/bigglobals: 8 MiB of pointer slots in 2.4-3.0 ms
      sweepNsPerSpan: 1_000,
      readMemStatsNs: 5_500),  // 5.3-5.7 us once warm (the first 10,000 calls: 10.9 us)
    // Tests/Recordings/runs/memstats, Go 1.27.3 `start`: MSpanInuse 13,440 = 84 x 160 B,
    // MSpanSys 16,320 = one 16 KiB chunk of 102; MCacheInuse 4,592 = 2 Ps x 2,296 B in a chunk
    // of 7 (16,072); BuckHashSys 1,442,500 (the 179,999-entry table and its first buckets).
    metadataAllocators: MetadataAllocatorModel(
      mspanBytes: 160, fixAllocChunk: 16 * KiB, mspanCache: (refill: 64, capacity: 128),
      startMSpans: 84,
      // Fitted: the recording's `allocated` checkpoint (about 30 new spans) shows no refill,
      // its `gc1` one (the GC's own work buffers and worker stacks took the rest).
      startMSpanCache: 40,
      mcacheInuse: 4_592, mcacheSys: 16_072, buckHashSys: 1_442_500)
  )

  /// Go 1.19.8 on linux/amd64: arena heap bitmap, THP-backed heap, ungated background scavenger.
  public static let go119 = RuntimeProfile(
    name: "go1.19",
    version: GoVersion(1, 19),
    pageSize: 8 * KiB,  // sizeclasses.go: _PageShift 13
    physPageSize: 4 * KiB,
    sizeClasses: .modern,
    maxSmallSize: 32 * KiB,  // sizeclasses.go: _MaxSmallSize
    mallocHeaderBytes: 0,
    mallocHeaderMinSize: 0,
    inlineMarkBitsBytes: 0,
    spanPointerBitmapBytes: 0,
    spanTailMaxElemSize: 0,
    tinySize: 16,  // malloc.go: maxTinySize
    chunkBytes: 4 * MiB,  // mpagealloc.go: pallocChunkBytes
    growth: .chunks,
    heapLimitBytes: 1 << 47,  // as go1.27 (recorded: every run from 128 TiB)
    arenaBytes: 64 * MiB,  // malloc.go: heapArenaBytes
    maxAllocBytes: 1 << 48,
    heapMinimum: 4 * MiB,  // mgcpacer.go: defaultHeapMinimum
    triggerMinNum: 45,
    triggerMaxNum: 61,
    // The same minimum runway above a `triggered` that is the computed trigger: a cycle a
    // 400 MB allocation starts prints the goal that was crossed, "4 MB goal".
    lateCycleMinRunway: 64 * KiB,
    triggeredAt: .computedTrigger,  // mgcpacer.go 1.19 startCycle: c.triggered = heapTrigger
    memoryLimitHeadroomPercent: 0,
    memoryLimitHeadroomMin: 1 * MiB,  // memoryLimitHeapGoalHeadroom
    consMarkSmoothing: .piController(kp: 0.9, ti: 4, tt: 1000, min: -1000, max: 1000),  // init
    procs: 2,
    // mgc.go gcBgMarkStartWorkers: `go gcBgMarkWorker()` makes, per P, a g (392 B) and the
    // worker's gcBgMarkWorkerNode (32 B). Tests/Recordings/runs/startup: BySize 32 and 416 each
    // gain 2 objects at the first GC.
    markWorkerObjectBytes: [392, 32],
    goProgramStartups: GoProgramStartups(
      // Tests/Recordings/runs/startup (fmt and runtime), `start` and `afterGC`, 3 of 5 runs
      // (the others: one 208-B object more). The first GC freed 8 of them and 4 spans
      // (HeapInuse 319,488 -> 286,720).
      withFmt: StartupHeap(
        bySize: [
          8: 5, 16: 51, 24: 9, 32: 8, 48: 13, 64: 7, 80: 3, 96: 5, 112: 1, 160: 1, 208: 4, 320: 1,
          416: 12, 640: 3, 1024: 3, 1792: 2, 8192: 1, 9472: 2,
        ],
        frees: 2, inUsePages: 39,
        garbageBySize: startupGarbage119, garbagePages: 4),
      // Tests/Recordings/runs/startupos (os, strconv and runtime), all 5 runs: 8 freed, 4 spans
      // (3 of 5 runs).
      withOS: StartupHeap(
        bySize: [
          8: 5, 16: 49, 24: 8, 32: 8, 48: 8, 64: 7, 80: 3, 96: 5, 112: 1, 160: 1, 208: 2, 320: 1,
          416: 12, 640: 3, 1024: 3, 9472: 2,
        ],
        frees: 2, inUsePages: 30,
        garbageBySize: startupGarbage119, garbagePages: 4),
      // Tests/Recordings/runs/startupbare (runtime alone), 5 runs: 8 freed, 2 spans (3 of 5).
      runtimeOnly: StartupHeap(
        bySize: [
          8: 2, 16: 17, 24: 8, 32: 8, 48: 6, 64: 6, 80: 3, 96: 2, 112: 1, 160: 1, 208: 1, 320: 1,
          416: 11, 640: 2, 1024: 3, 9472: 2,
        ],
        frees: 2, inUsePages: 27,
        garbageBySize: startupGarbage119, garbagePages: 2)),
    pacerModel: .concurrent,
    collector: .concurrent,
    gcOffDisablesRuntimeGC: false,
    fatalErrorPrefix: "fatal error: ",
    memStatsFields: nil,
    forcedGC: .sysmon(
      periodNs: 2 * Duration.minute, maxIdleSleepNs: Duration.minute,
      pollNs: 10 * Duration.millisecond),
    scavenger: .paced(
      PacedScavenger(
        retainExtraPercent: 10,
        memoryLimitGoalFactor: 95,  // mgcscavenge.go 1.19: memoryLimit * (100.0 - 5), #62449
        quantumBytes: 64 * KiB,
        minWorkNs: 1e6,
        startSleepRatio: 0.001,
        targetCPUFraction: 0.01,
        controllerKp: 0.3375, controllerTi: 3.2e6, controllerTt: 1e9,
        controllerMin: 0.001, controllerMax: 1000,
        densePagesThreshold: nil,
        hugePageBytes: 2 * MiB)),  // mem_linux.go 1.19: sysUsed sets MADV_HUGEPAGE
    releaseByOS: [.linux: .dontNeed, .darwin: .freeReusable, .windows: .dontNeed, .plan9: .none],
    skipZeroingOfReleasedSpans: false,  // 1.19 re-zeroes any reused span (B.2, B.12)
    fillBlocksMarkTermination: true,  // memclrNoHeapPointers is non-preemptible (anchors README)
    zeroLargeAfterTrigger: false,
    metadata: MetadataModel(
      heapArenaBytes: 2 * MiB + 64 * KiB + 3 * KiB,  // heapArena: bitmap + spans + 3 x 1 KiB
      otherBytesPerArena: 48_144,  // seed_5s round 2: Sys-HeapSys +13,289,568 B for 6 arenas
      firstGrowthOtherBytes: 65_536,  // round 1 growth was 65,536 B more than round 2's
      heapBitmapBytesPerByte: 1.0 / 32,  // mbitmap.go 1.19: 2 bits per pointer-sized word
      spanTableBytesPerPage: 8),
    traceFormat: .go119,
    startup: StartupState(  // anchors go1.19 free_os `start`
      heapInUsePages: 37,  // HeapInuse 303,104
      heapAllocBytes: 70_136,
      objects: 137,
      frees: 2,  // Mallocs 139
      releasedPages: 447,  // HeapReleased 3,661,824
      stackPages: 28,  // 512-page first chunk minus HeapSys 3,964,928 (484 pages)
      otherSysBytes: 8_240_144,  // Sys 12,434,448 - HeapSys - StackSys
      gcSysBytes: 7_821_208,
      nonHeapRSS: 1_347_584,  // RSS 1,650,688 - HeapInuse
      // NextGC 800,333,968 = 2 x 400,064,648 + stacks + globals: globals are the rest of 204,672
      // once the stacks' share is known.
      globalsScanBytes: 202_568,
      stackScanBytes: 2_104,  // other goroutines 1,944 + main's base 128 + main.main's frame 32
      // Tests/Recordings/runs/memstats `start` BySize (117 objects).
      allocationsBySizeClass: [
        1: 5, 2: 50, 3: 9, 4: 8, 5: 8, 6: 7, 7: 3, 8: 5, 9: 1, 12: 1, 15: 2, 20: 1, 23: 12,
        28: 1, 29: 2, 32: 3, 52: 2,
      ],
      // The runtime's own start-up garbage (Tests/Recordings/runs/startupbare: 8 objects, 2
      // spans), which the first GC frees.
      garbageBySize: startupGarbage119, garbagePages: 2),
    stacks: .contiguous(
      ContiguousStacks(
        // Tests/Recordings/runs/stackbounds: main.main's frame starts 128 B below the top.
        mainBaseBytes: 128,
        // stackgrow's GC at the bottom of 1,000,000 frames: NextGC 32,278,744 = 2 x 36,112
        // (marked) + 204,208 (the binary's data + bss) + 32,002,312 scanned, of which main used
        // 128 + 32 + 40 + 1,000,001 x 32 + 136 (runtime.GC's frames).
        otherStackScanBytes: 1_944,
        traceStacks: .maxStackScan,  // mgc.go 1.18-1.20: gcController.maxStackScan
        scanNsPerFrame: 32)),
    cost: CostModel(
      // Tests/Recordings/runs/alloccost: 1M fresh 16-byte allocations in 41-48 ms, 4M recycled
      // in 199-210 ms (GC included).
      statementNs: 1, smallAllocNs: 35,
      largeAllocBaseNs: 20_000, allocNsPerPage: 100,  // make took 5-7 ms (make_vs_fill)
      smallSpanNs: 1_000, zeroNsPerByte: 0.15,
      writeNsPerByte: 0.05,
      firstTouchNsPerByte: 2.3,  // THP faults with compaction: 400 MB fill in 0.85-0.97 s
      smallPageFaultNsPerByte: 0.34,  // outside advised huge pages: 4 KiB faults (CostModel)
      releaseNsPerByte: 0.008,  // huge-page madvise: 390 MB in ~3 ms (free_os)
      releaseNsPerUntouchedByte: 0.0015,  // 400 MiB never touched: 0.7-1.0 ms (releasecost)
      sweepTermNs: 6_000, markTermNs: 90_000,  // gctrace 0.005+...+0.089 ms clock
      // One worker follows markcost's chain at ~0.4 ns per pointer byte; both Ps mark the
      // shared heaps at ~0.23 (Tests/Recordings/runs/markcost).
      markBaseNs: 50_000, markNsPerScanByte: 0.4, markNsPerObject: 30,
      markNsPerGlobalByte: 0.55,  // runs/bigglobals: 8 MiB of pointer slots in 2.7-3.0 ms
      markParallelGain: 1.75,
      workerCreditShare: 0.5,  // runs/mixedsizes: assists a quarter of 5.5-6.7 ms marks (CostModel)
      heapBitsNsPerWord: 0.6,  // Tests/Recordings/runs/allocptr: fresh 1-16 KiB pointerful objects
      sweepNsPerSpan: 850,
      readMemStatsNs: 12_000),  // 11.4-12.8 us (Tests/Recordings/runs/readmemstatscost)
    // Tests/Recordings/runs/memstats, Go 1.19.8 `start`: MSpanInuse 20,880 = 145 x 144 B,
    // MSpanSys 32,544 = two chunks of 113; MCacheInuse 2,400 = 2 Ps x 1,200 B in a chunk of 13
    // (15,600); BuckHashSys 3,192 (no table yet: Go 1.19 maps it at the first profiled sample).
    metadataAllocators: MetadataAllocatorModel(
      mspanBytes: 144, fixAllocChunk: 16 * KiB, mspanCache: (refill: 64, capacity: 128),
      startMSpans: 145,
      startMSpanCache: 40,  // fitted as for go1.27: no refill by `allocated`
      mcacheInuse: 2_400, mcacheSys: 15_600, buckHashSys: 3_192)
  )
}
