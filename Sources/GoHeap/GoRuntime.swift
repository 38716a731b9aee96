// GoRuntime: one simulated Go process — its heap, collector, pacer, sysmon, scavenger and the
// OS's view of its memory — on a virtual clock.
//
// The interpreter drives it as a Go program drives the real runtime: it allocates (`allocate`,
// `allocateSlice`), reads and writes memory (`load`, `store`, `copyMemory`, `clearMemory`,
// `fillMemory`), spends CPU (`elapse`), sleeps (`sleep`), and calls `collect` (runtime.GC),
// `freeOSMemory`, `setGCPercent` and `setMemoryLimit`. Objects live at simulated addresses
// (FlatMemory); the VM's registers and globals are roots, reported by `AddressRootSource`s. The
// runtime's own background work — mark termination of a concurrent cycle, sysmon's wake-ups,
// scavenger bursts — are events on a queue ordered by virtual time; `elapse` and `sleep` run every
// event due up to the instant the program resumes, so runtime work due at or before an instant
// happens before the program's next instruction.
//
// The pieces live in their own files: PageHeap (pages, chunks, arenas), OSMemory (RSS), Span,
// GoRuntime+Allocation (mallocgc), GoRuntime+Collector (mark, sweep, cycles), Stacks (the
// goroutine stack: growth, shrinking, stack spans), Pacer,
// GoRuntime+Scavenger, GoRuntime+Sysmon, MemStats, Roots, GoRuntime+Invariants; for object
// memory, FlatMemory (the mechanism), GoRuntime+Addresses (spanOf), GoRuntime+FlatMemory (its
// operations), GoRuntime+ScanObject (its pointer words) and GoRuntime+Memory (page faults).
//
// What is public is what GCScript and GCReport call, nothing else. Two fast paths are @inlinable,
// so that they run inside the VM's loop without a call: `allocate(_:count:)` (allocateFast) and
// `elapse` (advance). The stored properties and Span members they read are @usableFromInline
// for that reason alone.

import HeapModule

/// A runtime event scheduled on the virtual clock.
struct ScheduledEvent: Comparable {
  enum Action {
    /// The running cycle reaches mark termination.
    case markTermination(cycle: Int)
    /// The background scavenger wakes for a burst (stale if `epoch` is old).
    case scavengerBurst(epoch: Int)
    /// sysmon wakes (stale if `epoch` is old).
    case sysmonWake(epoch: Int)
    /// Go 1.0's scavenger goroutine wakes for its k-th tick.
    case scavengerTick(k: Int)
  }
  /// Virtual time, ns.
  let time: Int
  /// Insertion order, to break ties deterministically.
  let seq: Int
  let action: Action

  static func < (a: ScheduledEvent, b: ScheduledEvent) -> Bool {
    (a.time, a.seq) < (b.time, b.seq)
  }
  static func == (a: ScheduledEvent, b: ScheduledEvent) -> Bool { a.seq == b.seq }
}

/// A GC cycle between its start and mark termination.
struct RunningCycle {
  let number: Int
  let trigger: GCTrigger
  /// Start (sweep termination), ns.
  let startNs: Int
  /// When the mark itself begins, after sweep termination's pause, ns.
  let markStartNs: Int
  /// heapLive at the start, bytes.
  let heapStart: Int
  /// The pacer's `triggered` for this cycle (RuntimeProfile.triggeredAt), bytes.
  let triggered: Int
  /// The goal printed for this cycle, bytes.
  let goal: Int
  /// The goal mark assists hold the heap to (Pacer.assistGoal), bytes.
  let assistGoal: Int
  /// Concurrent mark wall time, ns (may grow if a non-preemptible fill holds off termination).
  var markNs: Int
  /// The mark's work, ns: what one worker alone would take (the cap on the assists' share).
  let markWorkNs: Int
  /// Mark work the program's allocations did in assists (gcAssistAlloc), ns: its own CPU time,
  /// taken from the mutator (endCycle's assistTime).
  var assistNs = 0
  /// The background worker's scan credit not yet stolen by an assist, ns of its work, and the
  /// time up to which it has been counted (gcFlushBgCredit → gcController.bgScanCredit): from
  /// the end of the mark's fixed start, when the worker begins to drain.
  var creditNs = 0.0
  var creditAsOf = 0
  /// The credit the worker earns per ns it marks: CostModel.workerCreditShare times the share
  /// of the mark's work off its critical path, fixed at the mark's start (GoRuntime.assist).
  var creditPerNs = 0.0
  /// The mark's wall time during which the program was blocked (runtime.GC waiting, a parked
  /// assist, a sleep) and its own P marked too, ns (markWithEveryP).
  var blockedNs = 0
  /// The end of the last wait markWithEveryP credited, ns, and the mark time its waits took off.
  var everyPUntil = 0
  var everyPCreditNs = 0
  /// Bytes marked (including objects allocated black during the cycle), objects marked, and
  /// scannable bytes, excluding the runtime's own start-up data.
  var markedBytes: Int
  var markedObjects: Int
  var scanBytes: Int
  /// Stack bytes the cycle scanned (stackScanWork): lastStackScan once it ends.
  let stackScanBytes: Int
  /// When mark termination is due, ns.
  var terminationDue: Int
  /// The earliest the mark can end however many goroutines help (assists): its fixed work and
  /// its longest chain of pointers, followed one object after another (`markFromRoots`).
  let earliestDue: Int
  /// The time of the earliest termination event on the queue, ns.
  var scheduledDue: Int
  /// HeapAlloc and live objects at the start.
  let heapAllocBefore: Int
  let objectsBefore: Int
}

/// One simulated Go process.
public final class GoRuntime {
  public let profile: RuntimeProfile
  public let machine: MachineConfig
  // (@usableFromInline below: read or written by an inlined fast path — `advance` (through
  // `elapse`) or `allocateFast` (through `allocate(_:count:)`) — as each says.)
  /// Virtual time since process start, ns. (advance, allocateFast)
  @usableFromInline var now = 0
  /// Sub-nanosecond remainder of `work` calls, so many tiny costs add up exactly, ns.
  var pendingWorkNs = 0.0
  /// Cost of allocation work not yet charged to the clock (see chargeAllocationWork), ns; 0
  /// between allocations. (allocateFast asserts it.)
  @usableFromInline var allocationWorkNs = 0.0
  /// The memclr of a large object allocated but not yet zeroed (`zeroLargeAfterTrigger`), ns;
  /// 0 outside mallocLarge.
  var lateZeroingNs = 0.0

  var pages: PageHeap
  var os: OSMemory
  /// The span table; nil entries are free ids.
  var spans: [Span?] = []
  var freeSpanIDs: [Int32] = []
  /// mcache.alloc: the current span per span class (class * 2 + noscan), nil if none;
  /// `spanClassCount` entries. Held unretained: the span table owns every span, and a cached span
  /// is flushed (finishCycle) before a sweep can free it. A strong reference cost a retain and a
  /// release per allocation. (A buffer the runtime owns: no bounds check on the fast path.)
  /// (allocateFast)
  @usableFromInline let cachedSpan: UnsafeMutablePointer<Unmanaged<Span>?>
  /// Span classes: (size classes + 1) * 2.
  let spanClassCount: Int
  /// Largest request the allocation fast path serves (mallocgc): small objects without a
  /// malloc header; 0 turns the fast path off (Go 1.0 tests the trigger in every mallocgc;
  /// tests turn it off to check that it changes nothing), bytes. (allocateFast)
  @usableFromInline var fastPathMaxSize: Int
  /// The fast path's span classes: entry ((size + 7) / 8) * 2 + noscan is the span class
  /// (class * 2 + noscan) of a `size`-byte object, for sizes 1 to `fastPathMaxSize` (the
  /// size-class table's lookup without its arrays). A buffer the runtime owns. (allocateFast)
  @usableFromInline let fastSpanClass: UnsafeMutablePointer<UInt8>
  /// log2 of the runtime page size and of the OS page size (both powers of two).
  /// (smallObjectBytes)
  @usableFromInline let pageShift: Int
  @usableFromInline let physPageShift: Int
  /// The profile's small-allocation cost when it is a whole number of ns (else 0), ns.
  let smallAllocWholeNs: Int
  /// mcentral partial lists: spans with free slots, per span class.
  var partialSpans: [[Int32]]
  /// The tiny allocator's current 16-byte block and the offset of its first free byte.
  var tinyBlock: ObjectRef? = nil
  var tinyOffset = 0

  // Allocation statistics (mstats.go / consistent stats). The first three: allocateFast.
  /// Bytes of allocated slots and large spans not yet freed (HeapAlloc).
  @usableFromInline var heapAllocBytes: Int
  /// Cumulative bytes allocated (TotalAlloc).
  @usableFromInline var totalAllocBytes: Int
  /// Cumulative heap objects allocated and freed (tiny sub-allocations counted separately).
  @usableFromInline var objectsAllocated: Int
  var objectsFreed: Int
  /// Tiny sub-allocations that fitted in an existing block (counted in Mallocs and Frees).
  var tinyAllocs = 0
  /// Bytes in spans handed to the allocator plus large objects since the last mark (pacer).
  var heapLive: Int
  /// The runtime's own live data: its start-up objects (less the garbage the first sweep frees)
  /// and the mark workers' (startMarkWorkers). Never freed otherwise.
  var runtimeLiveBytes: Int
  var runtimeLiveObjects: Int
  /// Heap pages of the runtime's start-up spans, after the start-up stack pages (fewer once the
  /// first sweep has emptied some: startupGarbagePending).
  var runtimeHeapPages: Int
  /// The start-up garbage (StartupState.garbageBySize) is still to be freed by the first sweep.
  var startupGarbagePending: Bool
  /// Goroutine stacks: main's, the allocator's pool and caches (Stacks.swift).
  var stacks = StackState(spanPages: 0)
  /// The guard the VM compares each new frame's top with (`stackGuard`); written by GoHeap only.
  let stackGuardWord: UnsafeMutablePointer<Int>
  /// The goroutine whose frames use the stack (the VM), once registered.
  weak var goroutineStack: GoroutineStack? = nil
  /// Non-heap mapped bytes besides stacks: GCSys and the rest.
  var gcSys: Int
  /// OtherSys proper: besides the metadata allocators' share (`metadataSys`).
  var otherSys: Int
  /// mheap.spanalloc (MetadataAllocators.swift).
  var mspans: MSpanAllocator
  /// The resident bytes of the span structures carved since start-up (allocMSpan).
  var mspanResidentBytes = 0
  /// Small objects allocated and freed per size class (the consistent stats' smallAllocCount
  /// and smallFreeCount): allocations counted as a span leaves the mcache, frees at sweep.
  var smallAllocCount: [Int]
  var smallFreeCount: [Int]
  /// The start-up objects of each class still counted only in an mcache (runtime/metrics does
  /// not see them yet): StartupState.flushedAtMainBySize; zeroed by every flush.
  var unflushedStartupCount: [Int] = []
  var unflushedStartupTiny = 0
  /// The last 256 pauses and their end times (memstats.pause_ns, pause_end), ns, a ring indexed
  /// by (NumGC - 1) % 256.
  var pauseRing = (ns: [Int](repeating: 0, count: 256), end: [Int](repeating: 0, count: 256))

  var pacer: Pacer
  // Collector state.
  var numGC = 0
  /// Cycles started, counted at each start (gcStart, where the runtime also runs clearpools: the
  /// sync.Pool caches that fmt's printer lives in are emptied then). NumGC counts them at the end.
  public internal(set) var cyclesStarted = 0
  var numForcedGC = 0
  var pauseTotalNs = 0
  /// End of the last completed cycle (mark termination), ns; nil before the first.
  var lastGCEndNs: Int? = nil
  var cycle: RunningCycle? = nil {
    didSet {
      isMarking = cycle != nil
      fastAllocNs = isMarking || smallAllocWholeNs == 0 ? Int.max : smallAllocWholeNs
    }
  }
  /// `cycle != nil`, kept as a flag: testing the optional copies the whole struct, which showed
  /// in the allocation path's profile. (allocateFast declines while it is set: an allocation
  /// during a mark assists before it takes a slot.)
  @usableFromInline private(set) var isMarking = false
  /// The clock step of a fast-path allocation (`smallAllocWholeNs`), or Int.max while the fast
  /// case cannot apply — a cycle is marking, or the profile's cost is not a whole number of ns —
  /// so that no event gap exceeds it. Set with `isMarking`, ns. (allocateFast)
  @usableFromInline private(set) var fastAllocNs: Int
  /// CPU spent by the GC (pauses x procs + background marking, idle marking excluded), ns: an
  /// integer, as the runtime's (Go 1.27.3 cpuStats.GCTotalTime, Go 1.19.8 work.totaltime: int64).
  var gcCPUNs = 0
  /// GCCPUFraction and gctrace's P%: gcCPUNs over the CPU time available since the start,
  /// computed at each mark termination and read until the next one (memstats.gc_cpu_fraction).
  var gcCPUFraction = 0.0
  /// Virtual time the world has stood still for mark termination, ns: the program's own work
  /// does not advance while it is stopped (slowWork).
  var stoppedTheWorldNs = 0
  /// Virtual time the program spent asleep or blocked with nothing to run, ns (the Ps' idle
  /// time for /cpu/classes/idle:cpu-seconds).
  var programIdleNs = 0
  /// When the sleep in progress began, ns (nil while the program runs).
  var asleepSince: Int? = nil
  /// work.cpuStats at the last mark termination (RuntimeMetrics.swift).
  var cpuStats = CPUStatsSnapshot()
  /// The stop-the-world pause histograms.
  lazy var pauseHistograms = PauseHistograms(version: profile.version)
  /// Finalizers queued by sweeps and run by the finalizer goroutine (finq's counters).
  var finalizersQueued = 0
  public internal(set) var finalizersExecuted = 0
  /// The last completed cycle, for `stats gctrace`.
  public internal(set) var lastCycle: GCCycle? = nil
  /// The object the allocation in progress is making: a root until `allocate` returns
  /// (Roots.swift), nil otherwise. Set by the allocator when it takes the object's slot, cleared
  /// by `allocate`.
  var heldObject: ObjectRef? = nil
  /// Objects with a finalizer (the span specials of mheap.go addfinalizer), by address, with
  /// their funcvals; and the finalizers a cycle found due, waiting for the finalizer goroutine
  /// (mfinal.go finq). Finalizers.swift.
  var finalizers: [Address: UInt64] = [:]
  var finalizerQueue: [(object: Address, fn: UInt64)] = []
  /// Cleanups (runtime.AddCleanup, mcleanup.go: cleanup specials) by object, in the order they
  /// were added, and those a cycle found due (the cleanup queue). Finalizers.swift.
  var cleanups: [Address: [Cleanup]] = [:]
  var cleanupQueue: [Cleanup] = []
  var nextCleanupID: UInt64 = 0
  /// Weak handles (weak.Make's specials, mheap.go specialWeakHandle): pointer → handle object,
  /// and each handle's word, the pointer (WeakHandles.swift).
  var weakHandles: [Address: Address] = [:]
  var weakTargets: [Address: Address] = [:]
  /// The last sweep's resurrected objects and bytes.
  var lastSweepFinalized = (0, 0)
  /// Spans the last sweep went through (runtime.GC() waits for them all: `collect`).
  var lastSweptSpans = 0

  var scavenger: ScavengerState
  var sysmon = SysmonState()
  /// Asked after each runtime event while the program sleeps: true stops the sleep there (the
  /// REPL's Ctrl-C, `--timeout`), with `SleepInterrupted`. Set by the host.
  public var sleepInterrupted: (() -> Bool)? = nil
  /// Closed-form long sleeps (GoRuntime+SteadyState.swift).
  var steady = SteadyState()
  /// End of the program's current sleep while it sleeps (its next timer), nil while it runs.
  var programTimer: Int? = nil

  var queue = Heap<ScheduledEvent>()
  /// Time of the earliest queued event (Int.max when none): lets `advance` skip the queue, ns.
  /// (advance, allocateFast)
  @usableFromInline var nextEventTime = Int.max
  var eventSeq = 0
  var sinks: [(HeapEvent) -> Void] = []
  /// Registered for the runtime's life: sources of root addresses (the VM's frames and globals).
  /// Held weakly: a source (the VM) holds the runtime, so a strong reference back would keep
  /// both — and the whole simulated heap — alive after their last user let go of them.
  var addressRootSources: [WeakRootSource] = []

  // Flat memory (FlatMemory.swift, GoRuntime+Addresses.swift, GoRuntime+FlatMemory.swift).
  /// The page→span table (mheap.go `heapArena.spans`, SpanTable.swift): the span holding each
  /// heap page, nil for a free page or one of the runtime's own. Set by allocSpan, cleared by
  /// freeSpan.
  @usableFromInline var spanOfPage = SpanTable()
  /// Types of objects allocated by address, by index; slot records name them by index + 1.
  /// Each type is held for the runtime's life (a handful per program).
  var flatTypes: [GoType] = []
  /// `flatTypes`, unretained (the marker reads a type per object).
  var flatTypeRefs: [Unmanaged<GoType>] = []
  /// Index of each type in `flatTypes`.
  var flatTypeIndex: [ObjectIdentifier: UInt32] = [:]
  /// The type last looked up and its index + 1: an allocation loop skips the dictionary.
  var lastFlatType: ObjectIdentifier? = nil
  var lastFlatTypeRecord: UInt32 = 0
  /// Host bytes flat memory holds now: span buffers, large-object page tables and page buffers,
  /// type records (not the simulated heap's bytes: the simulator's own memory), bytes.
  var flatHostBytes = 0
  /// Set when the process died; every later operation rethrows it.
  var death: ProcessDeath? = nil {
    didSet { isDead = death != nil }
  }
  /// `death != nil`, kept as a plain flag. (advance, allocateFast)
  @usableFromInline var isDead = false
  /// Set when the process died.
  public var deathCause: ProcessDeath? { death }

  /// Starts a fresh process: the runtime's start-up heap, stacks and metadata are in place and
  /// the clock is at 0.
  /// `start` says which program ran before main: a script's (the anchors' start) or a Go
  /// program's, whose start-up heap depends on what it imports (RuntimeProfile.startup(for:)).
  public init(
    profile: RuntimeProfile = .go127, machine: MachineConfig = MachineConfig(), gcPercent: Int = 100,
    memoryLimit: Int = Int.max, start: ProgramStart = .script
  ) {
    var profile = profile
    profile.startup = profile.startup(for: start)
    self.profile = profile
    self.machine = machine
    let chunkPages = profile.chunkBytes / profile.pageSize
    pages = PageHeap(chunkPages: chunkPages, arenaPages: profile.arenaBytes / profile.pageSize)
    let st = profile.startup
    os = OSMemory(
      physPageSize: profile.physPageSize,
      release: machine.release ?? profile.releaseByOS[machine.os] ?? profile.defaultRelease,
      nonHeapRSS: st.nonHeapRSS,
      hugePageBytes: machine.os == .linux ? profile.hugePageAdviceBytes : nil)
    let classes = (profile.sizeClasses.classes.count + 1) * 2
    spanClassCount = classes
    cachedSpan = .allocate(capacity: classes)
    cachedSpan.initialize(repeating: nil, count: classes)
    fastPathMaxSize =
      profile.pacerModel == .proportional
      ? 0
      : min(
        profile.maxSmallSize, profile.sizeClasses.maxSize,
        profile.mallocHeaderBytes > 0 ? profile.mallocHeaderMinSize : Int.max)
    let steps = (fastPathMaxSize + 7) / 8 + 1
    fastSpanClass = .allocate(capacity: steps * 2)
    for k in 0..<steps {
      let index = k == 0 ? 0 : profile.sizeClasses.sizeClass(for: k * 8).index
      precondition(index * 2 + 1 <= Int(UInt8.max), "span class above 255")
      fastSpanClass[k * 2] = UInt8(index * 2)
      fastSpanClass[k * 2 + 1] = UInt8(index * 2 + 1)
    }
    precondition(
      profile.pageSize.nonzeroBitCount == 1 && profile.physPageSize.nonzeroBitCount == 1
        && profile.physPageSize <= profile.pageSize, "page sizes must be powers of two")
    pageShift = profile.pageSize.trailingZeroBitCount
    physPageShift = profile.physPageSize.trailingZeroBitCount
    let smallNs = profile.cost.smallAllocNs
    smallAllocWholeNs = smallNs > 0 && smallNs < 1e15 && smallNs.rounded() == smallNs ? Int(smallNs) : 0
    fastAllocNs = smallAllocWholeNs == 0 ? Int.max : smallAllocWholeNs
    partialSpans = [[Int32]](repeating: [], count: classes)
    heapAllocBytes = st.heapAllocBytes
    totalAllocBytes = st.heapAllocBytes
    // Nothing is freed before the first GC but tiny allocations, which MemStats counts as a
    // malloc and a free each (readmemstats_m: nMalloc and nFree both add tinyAllocCount): the
    // start's Frees are its tiny allocations (Go 1.27.3: Frees 4 at main, BySize frees all 0,
    // /gc/heap/tiny/allocs:objects 4 once flushed; Tests/Recordings/runs/metricsvalues). Go 1.0
    // has no tiny allocator (its start-up frees are the C runtime's).
    if profile.tinySize > 0 {
      objectsAllocated = st.objects
      objectsFreed = 0
      tinyAllocs = st.frees
      unflushedStartupTiny = st.frees
    } else {
      objectsAllocated = st.objects + st.frees
      objectsFreed = st.frees
    }
    runtimeLiveBytes = st.heapAllocBytes
    runtimeLiveObjects = st.objects
    runtimeHeapPages = st.heapInUsePages
    startupGarbagePending = !st.garbageBySize.isEmpty
    heapLive = st.heapAllocBytes
    stackGuardWord = .allocate(capacity: 1)
    stackGuardWord.initialize(to: 0)
    gcSys = st.gcSysBytes
    otherSys = st.otherSysBytes - st.gcSysBytes - profile.metadataAllocators.startSysBytes
    mspans = MSpanAllocator(profile.metadataAllocators)
    smallAllocCount = [Int](repeating: 0, count: profile.sizeClasses.classes.count + 1)
    smallFreeCount = smallAllocCount
    for (c, n) in st.allocationsBySizeClass where c < smallAllocCount.count { smallAllocCount[c] = n }
    unflushedStartupCount = smallAllocCount
    for (size, n) in st.flushedAtMainBySize {
      let c = profile.sizeClasses.sizeClass(for: size).index
      unflushedStartupCount[c] = max(0, unflushedStartupCount[c] - n)
    }
    pacer = Pacer(profile: profile, gcPercent: gcPercent)
    pacer.memoryLimit = memoryLimit
    scavenger = ScavengerState(profile: profile)

    // Start-up layout of the first growth: stacks, the runtime's in-use spans, then free pages
    // (released, never used, at the top in modern Go; idle and untouched in Go 1.0). Its arena
    // and metadata are part of the start-up Sys.
    _ = pages.grow(pages: Self.growthAsk(profile, pages: chunkPages), asReleased: Self.growthIsReleased(profile))
    let inUse = st.stackPages + st.heapInUsePages
    pages.reserveAtStartup(0..<inUse)
    // The padding sits at the chunk's base in the runtime, below the start-up spans; here it
    // follows them. Either way the free pages form one run up to the chunk's end, contiguous
    // with the next growth, which is all first fit sees (gcsh's start-up addresses stay put).
    if st.randomPaddingPages > 0 {
      pages.markRandomPadding(inUse..<(inUse + st.randomPaddingPages))
    }
    os.touch((st.stackPages * profile.pageSize)..<(inUse * profile.pageSize))
    initStacks()
    if st.gcsBeforeMain > 0 {
      numGC = st.gcsBeforeMain
      cyclesStarted = st.gcsBeforeMain
      lastGCEndNs = 0
    }
    if case .scavengerTick(let tick, _) = profile.forcedGC {
      schedule(.scavengerTick(k: 0), at: tick)
    }
  }

  deinit {
    spanOfPage.deallocate()
    fastSpanClass.deallocate()
    cachedSpan.deallocate()
    stackGuardWord.deallocate()
  }

  // MARK: Observers

  /// Subscribes to runtime events, delivered synchronously in order.
  public func subscribe(_ sink: @escaping (HeapEvent) -> Void) { sinks.append(sink) }

  @inline(__always)
  func emit(_ e: @autoclosure () -> HeapEvent) {
    if sinks.isEmpty { return }
    let event = e()
    recordSteadyEvent(event)
    for s in sinks { s(event) }
  }

  /// The process's resident set size as Linux reports it, bytes.
  public var rss: Int { os.rss }
  /// Virtual time since start, ns.
  public var virtualTime: Int { now }
  /// GOMAXPROCS (and NumCPU) of the modelled machine: the Ps the collector's workers use.
  public var gomaxprocs: Int { profile.procs }
  /// GOGC now (-1: off).
  public var gcPercent: Int { pacer.gcPercent }
  /// GOMEMLIMIT now, bytes (Int.max: none).
  public var memoryLimit: Int { pacer.memoryLimit }

  // MARK: Time

  func schedule(_ action: ScheduledEvent.Action, at time: Int) {
    eventSeq += 1
    queue.insert(ScheduledEvent(time: time, seq: eventSeq, action: action))
    if time < nextEventTime { nextEventTime = time }
  }

  /// The program spends `ns` of CPU (allocation, writes). Runtime events due during it run in
  /// order; a non-preemptible stretch (a memclr) holds off mark termination until it ends when
  /// the profile says so.
  func work(_ ns: Double, preemptible: Bool = true) throws {
    pendingWorkNs += ns
    let whole = Int(pendingWorkNs)
    if whole == 0 { return }
    pendingWorkNs -= Double(whole)
    try advance(wholeNs: whole, preemptible: preemptible)
  }

  /// The clock moves `ns` whole nanoseconds, running events due on the way.
  @inlinable @inline(__always)
  func advance(wholeNs ns: Int, preemptible: Bool = true) throws {
    // Fast path: nothing is due before the program's new time (the common case in loops).
    // (Wrapping add: the clock would need 292 years of virtual time to overflow, and this
    // runs for every instruction block and allocation.)
    if now &+ ns < nextEventTime && !isDead {
      now &+= ns
      return
    }
    try slowWork(ns, preemptible: preemptible)
  }

  @usableFromInline
  func slowWork(_ whole: Int, preemptible: Bool) throws {
    try checkAlive()
    var end = now + whole
    var stopped = stoppedTheWorldNs
    try runEvents(until: end, preemptible: preemptible)
    // A mark termination on the way stopped the world (finishCycle): the goroutine did not run
    // during the pause, so its work ends that much later.
    while stoppedTheWorldNs != stopped {
      end += stoppedTheWorldNs - stopped
      stopped = stoppedTheWorldNs
      try runEvents(until: end, preemptible: preemptible)
    }
  }

  /// Whether a sleep of `ns` from now can be replayed; a goroutine's sleep asks when it starts,
  /// while the sleeping goroutine is the running one (its error is located at its call).
  /// runtime/time.go timeSleep: `when := nanotime() + ns; if when < 0 { when = maxWhen }` — a
  /// sleep past the end of the monotonic clock (math.MaxInt64 ns, 292 years) saturates there
  /// and never returns. The clock stops an hour short of that (`virtualHorizonNs`). `waiting`
  /// names what waits, in the message, where it is not a time.Sleep.
  public func checkSleep(_ ns: Int, waiting: String? = nil) throws {
    let what = waiting ?? "time.Sleep(\(ns))"
    let (sum, overflow) = now.addingReportingOverflow(ns)
    guard !overflow, sum <= horizonNs - profile.cost.timerLatencyNs else {
      throw SimulationLimit(
        overflow || sum > Self.virtualHorizonNs
          ? "\(what) \(waiting == nil ? "sleeps" : "lasts") past the end of the monotonic clock (nanotime saturates at "
            + "math.MaxInt64, 292 years after start): the program would never wake"
          : "\(what) would take the virtual clock past \(Self.describe(horizonNs)), "
            + "the longest run gcsh replays here")
    }
  }

  /// The program sleeps (time.Sleep): the clock jumps to the end, running due events on the way.
  /// A long sleep advances its steady forced-GC periods in closed form (GoRuntime+SteadyState).
  public func sleep(_ ns: Int) throws {
    try checkAlive()
    guard ns > 0 else { return }
    try checkSleep(ns)
    let end = now + ns + profile.cost.timerLatencyNs
    programTimer = end
    steady.last = nil
    steady.events = []
    defer {
      steady.last = nil
      steady.events = []
    }
    sysmonProgramIdle(at: now)
    markWithEveryP(until: end)
    asleepSince = now
    defer {
      programIdleNs += now - (asleepSince ?? now)
      asleepSince = nil
    }
    do {
      try runEvents(until: end, preemptible: true)
    } catch let stop as SleepInterrupted {
      // The host stopped the sleep (Ctrl-C): the program resumes now, its timer cancelled.
      returnEveryPCredit()
      programTimer = nil
      sysmon.deepSleepSince = nil
      rescheduleSysmon()
      throw stop
    }
    programTimer = nil
    // The timer fires: sysmon wakes with it.
    try sysmonTimerFired(at: end)
  }

  /// A span of virtual time in words, for limits: hours, or years past one.
  static func describe(_ ns: Int) -> String {
    let hours = ns / Duration.hour
    return hours >= 24 * 365 ? "\(hours / 24 / 365) years" : "\(hours) hours"
  }

  /// The latest virtual time a run may reach: an hour short of the end of the monotonic clock
  /// (maxWhen, math.MaxInt64 ns: 292 years), so that every deadline the runtime derives from the
  /// clock after a sleep — sysmon's forced GC 2 minutes after the last, its 60 s deep sleep, the
  /// timer latency, and the program's own work, which would need an hour of virtual CPU —
  /// stays representable. Long sleeps cost only their non-steady periods (GoRuntime+SteadyState).
  public static let virtualHorizonNs = Int.max - Duration.hour
  /// The virtual time a run may reach, ns: `virtualHorizonNs`, or less where a host wants
  /// every run short (the fuzzer).
  public var horizonNs = GoRuntime.virtualHorizonNs

  /// Pages a heap growth of at least `npages` maps (mheap.grow / MHeap_Grow).
  static func growthAsk(_ p: RuntimeProfile, pages npages: Int) -> Int {
    switch p.growth {
    case .chunks: return alignUp(npages, p.chunkBytes / p.pageSize)
    case .rounded(let round, let minBytes): return max(alignUp(npages, round), minBytes / p.pageSize)
    }
  }

  /// Whether newly mapped heap memory counts as released (Prepared) or as idle.
  static func growthIsReleased(_ p: RuntimeProfile) -> Bool {
    if case .chunks = p.growth { return true }
    return false
  }

  /// Lets `ns` of virtual time pass with the program idle (as `sleep`): due events run in order;
  /// hours with nothing to do cost only the events in them.
  func advance(by ns: Int) throws { try sleep(ns) }

  /// Runs every event due at or before `target`, then sets the clock to `target`.
  func runEvents(until target: Int, preemptible: Bool) throws {
    defer { nextEventTime = queue.min?.time ?? Int.max }
    while let next = queue.min, next.time <= target {
      _ = queue.removeMin()
      if next.time > now { now = next.time }
      switch next.action {
      case .markTermination(let n):
        guard var c = cycle, c.number == n else { continue }
        if c.terminationDue > now {
          // Assists moved termination; a later event carries it.
          if c.scheduledDue > c.terminationDue || c.scheduledDue <= now {
            cycle!.scheduledDue = c.terminationDue
            schedule(.markTermination(cycle: n), at: c.terminationDue)
          }
          continue
        }
        if !preemptible && profile.fillBlocksMarkTermination && target > now {
          // The goroutine is inside a non-preemptible memclr: mark termination must wait.
          c.markNs += target - now
          c.terminationDue = target
          c.scheduledDue = target
          cycle = c
          schedule(.markTermination(cycle: n), at: target)
          continue
        }
        try finishCycle()
      case .scavengerBurst(let epoch):
        guard epoch == scavenger.epoch else { continue }
        scavengerBurst()
      case .sysmonWake(let epoch):
        guard epoch == sysmon.epoch else { continue }
        try sysmonWake()
      case .scavengerTick(let k):
        try scavengerTick(k)
      }
      try checkAlive()
      if programTimer != nil, let stop = sleepInterrupted, stop() { throw SleepInterrupted() }
    }
    if target > now { now = target }
  }

  @inline(__always)
  func checkAlive() throws {
    if isDead { throw death! }
  }

  /// Records a death and throws it.
  func die(_ d: ProcessDeath) throws -> Never {
    if death == nil {
      death = d
      emit(.death(d, timeNs: now))
    }
    throw d
  }

  // MARK: Roots

  /// Registers a source of root addresses (the VM's frames and globals) for the runtime's life.
  /// Registers a root source for the runtime's collections, as long as it lives.
  public func addRoots(_ source: AddressRootSource) {
    addressRootSources.removeAll { $0.source == nil }
    addressRootSources.append(WeakRootSource(source: source))
  }

  /// Sets the size of the program's package-level variables (its data and bss), which the pacer
  /// counts with the runtime's own globals in every goal and runway (Pacer.setProgramGlobals).
  /// A REPL that declares more globals calls it again with the new total.
  public func setProgramGlobals(bytes: Int) {
    pacer.setProgramGlobals(bytes: bytes)
  }

  // MARK: Knobs

  /// debug.SetGCPercent: sets GOGC (negative: off) and returns the previous value. Like the
  /// runtime, a lower goal that is already exceeded starts a cycle at the next trigger test: the
  /// next allocation that refills a span or is large, not the call (mgcpacer.go setGCPercent
  /// commits the new goal and tests nothing, Go 1.19.8 and 1.27.3; Tests/Recordings/runs/
  /// alloccost: `SetGCPercent(100)` over a 97 MB heap, then `runtime.GC()`, is one cycle).
  @discardableResult
  public func setGCPercent(_ percent: Int) throws -> Int {
    try checkAlive()
    // debug.SetGCPercent(percent int) passes int32(percent) on (runtime/debug/garbage.go): a
    // value past int32 wraps, as in Go (1 << 62 is 0; MaxInt64 is -1, off).
    let gogc = Int(Int32(truncatingIfNeeded: percent))
    let old = pacer.setGCPercent(gogc)
    rescheduleSysmon()
    // "If we just disabled GC, wait for any concurrent GC mark to finish so we always return
    // with no GC running" (gcWaitOnMark).
    if gogc < 0 { try waitForCycle() }
    return old
  }

  /// debug.SetMemoryLimit: sets GOMEMLIMIT in bytes (Int.max: none) and returns the previous one.
  /// As with SetGCPercent, the next trigger test is the next allocation's (mgcpacer.go
  /// setMemoryLimit).
  @discardableResult
  public func setMemoryLimit(_ bytes: Int) throws -> Int {
    try checkAlive()
    let old = pacer.memoryLimit
    pacer.memoryLimit = bytes
    return old
  }
}
