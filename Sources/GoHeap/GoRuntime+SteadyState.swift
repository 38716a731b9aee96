// Closed-form long sleeps: advancing whole forced-GC periods at once once the heap is steady.
//
// A program that sleeps for a long time with nothing else to do is, for the runtime, a loop:
// every 2 minutes sysmon forces a GC (proc.go sysmon/forcegchelper, gcTriggerTime), the cycle
// marks the same live objects and sweeps nothing, the last sweeper readies the scavenger, which
// finds nothing left to release, and sysmon deep-sleeps until the next forced GC is due. A
// `sleep 100000h` is 3 million such periods. Once two consecutive periods start from the same
// state, the process is periodic: with nothing scheduled but sysmon, every later period repeats
// the last one exactly, and only the quantities that count cycles or time move.
//
// The mechanism, at each sysmon wake-up that is about to force a GC while the program sleeps:
//   1. Fingerprint the process (`SteadyFingerprint`): MemStats with the per-cycle counters left
//      out, the pacer, the scavenger, the page heap, the OS's pages, the spans, the stacks, and
//      every time as an offset from now. Counters (`CycleCounters`) are kept beside it.
//   2. If the fingerprint equals the one taken at the previous forced GC, exactly one cycle ran
//      in between, nothing but sysmon is scheduled (no program timer before the jump's end, no
//      runtime event, no finalizer waiting, no cycle running, the scavenger parked), then the
//      period P and the per-cycle change of every counter are known: advance N whole periods at
//      once (N such that one full period still fits before the program's timer), adding N times
//      each counter's change — NumGC, NumForcedGC, PauseTotalNs, the GC CPU time (an exact
//      integer, as the runtime's cpuStats are), the pause ring and its end times, LastGC,
//      sysmon's and the scavenger's times, the page heap's generation — and recomputing what
//      the runtime derives from them (GCCPUFraction, the last cycle for `stats gctrace`).
//   3. The rest of the sleep (the tail: at most two periods) is stepped as before.
// A period that is not yet steady (the scavenger still releasing, a shrinking stack, the pacer
// converging) simply fails the comparison and is stepped; the comparison is retried at every
// forced GC.
//
// Subscribers see one `.steadyCycles` event for the periods advanced at once. It carries the
// recorded events of the reference period and replays them, shifted and renumbered, exactly as
// stepping would have emitted them (`SteadyCycles.forEachEvent`), for subscribers that want every
// line (gctrace); the timeline takes a marker per period up to its budget and its rows from the
// last period (`events(ofPeriod:)`), JSON lines one line for the run.
//
// Go 1.0 has no sysmon (its scavenger goroutine ticks and forces the GC itself): its long sleeps
// are stepped.

/// What decides the next forced-GC periods of a sleeping process, with every counter left out
/// and every time taken relative to the wake-up (`now`). Two equal fingerprints a period apart
/// mean the period repeats.
struct SteadyFingerprint: Equatable {
  /// MemStats with timeNs, LastGC, PauseTotalNs, NumGC, NumForcedGC and GCCPUFraction zeroed.
  var stats: MemStats
  var heapLive: Int
  var sinceLastGC: Int?
  var deepSleepSince: Int?
  var pacer: Pacer
  var scavenger: ScavengerState
  var pages: PageHeap
  var os: OSMemory
  /// Per span: id, first page, pages, allocated and marked slots (nil: a free id).
  var spans: [[Int]?]
  var partialSpans: [[Int32]]
  var mainStack: StackRef
  var stackCache: [[StackRef]]
  var largeFreeStacks: [StackRef]
  var touchedStack: Int
  var finalizers: Int
  /// Work not yet charged to the clock (the program's, the stacks'), ns; stack scan state.
  var pendingWork: [Double]
  var stackScan: [Int]
}

/// The quantities that grow by the same amount every steady period.
struct CycleCounters: Equatable {
  var numGC: Int
  var cyclesStarted: Int
  var numForcedGC: Int
  var pauseTotalNs: Int
  var gcCPUNs: Int
  var stoppedTheWorldNs: Int
  var pageGeneration: Int
  /// cpuStats' GC times (RuntimeMetrics.swift).
  var cpuGCPause: Int
  var cpuGCDedicated: Int
  var cpuGCIdle: Int
  var finalizersQueued: Int

  static func - (a: CycleCounters, b: CycleCounters) -> CycleCounters {
    CycleCounters(
      numGC: a.numGC - b.numGC, cyclesStarted: a.cyclesStarted - b.cyclesStarted,
      numForcedGC: a.numForcedGC - b.numForcedGC, pauseTotalNs: a.pauseTotalNs - b.pauseTotalNs,
      gcCPUNs: a.gcCPUNs - b.gcCPUNs, stoppedTheWorldNs: a.stoppedTheWorldNs - b.stoppedTheWorldNs,
      pageGeneration: a.pageGeneration - b.pageGeneration, cpuGCPause: a.cpuGCPause - b.cpuGCPause,
      cpuGCDedicated: a.cpuGCDedicated - b.cpuGCDedicated, cpuGCIdle: a.cpuGCIdle - b.cpuGCIdle,
      finalizersQueued: a.finalizersQueued - b.finalizersQueued)
  }
}

/// One forced-GC wake-up seen while sleeping: the reference for the next.
struct SteadyObservation {
  let timeNs: Int
  let fingerprint: SteadyFingerprint
  let counters: CycleCounters
}

/// The closed-form machinery's state.
struct SteadyState {
  /// The previous forced-GC wake-up of this sleep.
  var last: SteadyObservation? = nil
  /// Events emitted since `last` (recorded only while someone subscribes).
  var events: [HeapEvent] = []
  /// Off: every period is stepped (tests compare both ways).
  var enabled = true
  /// Periods advanced at once so far, for tests and `stats`.
  var advancedCycles = 0
}

/// Periods advanced at once, for subscribers (HeapEvent.steadyCycles).
public struct SteadyCycles: Sendable {
  /// Periods (forced cycles) advanced.
  public let count: Int
  /// The length of one period, ns.
  public let periodNs: Int
  /// The reference period's events, as emitted (a period before the first advanced one).
  let reference: [HeapEvent]
  /// The GC CPU time before the first advanced period and its increase per period, ns; GOMAXPROCS.
  let gcCPUNsBefore: Int
  let gcCPUNsPerCycle: Int
  let procs: Int
  /// Virtual time at which the advanced periods start and end, ns.
  public let startNs: Int
  public var endNs: Int { startNs + count * periodNs }

  /// The events stepping would have emitted over the advanced periods, in order, until `stop`
  /// says so (checked once a period: the host's Ctrl-C or --timeout, which then ends the sleep
  /// as it would between stepped events — `sleep 100000h` under gctrace is 3 million lines).
  public func forEachEvent(until stop: () -> Bool = { false }, _ body: (HeapEvent) -> Void) {
    guard count > 0 else { return }
    for j in 1...count {
      if stop() { return }
      for e in events(ofPeriod: j) { body(e) }
    }
  }

  /// The events of the j-th advanced period (1...count): the reference period's, shifted by j
  /// periods, its cycle renumbered and its GC CPU fraction (gctrace's P%) as the runtime
  /// computes it then.
  public func events(ofPeriod j: Int) -> [HeapEvent] {
    let shift = j * periodNs
    return reference.map { e in
      switch e {
      case .gcStart(let n, let trigger, let t, let live, let goal):
        return .gcStart(number: n + j, trigger: trigger, timeNs: t + shift, heapLive: live, goal: goal)
      case .gcEnd(let c): return .gcEnd(cycle(c, period: j))
      default: return e.shifted(by: shift)
      }
    }
  }

  /// A cycle of the reference period as the j-th advanced period repeats it.
  func cycle(_ reference: GCCycle, period j: Int) -> GCCycle {
    var c = reference
    c.number += j
    c.startNs += j * periodNs
    c.endNs += j * periodNs
    let cpu = gcCPUNsBefore + j * gcCPUNsPerCycle
    c.cpuPercent = Int(GoRuntime.gcCPUFraction(cpuNs: cpu, endNs: c.endNs, procs: procs) * 100)
    return c
  }

  /// The cycle numbers the advanced periods ran.
  public var cycleNumbers: ClosedRange<Int>? {
    for e in reference {
      if case .gcEnd(let c) = e { return (c.number + 1)...(c.number + count) }
    }
    return nil
  }
}

extension HeapEvent {
  /// The same event `ns` later.
  func shifted(by ns: Int) -> HeapEvent {
    switch self {
    case .gcStart(let n, let tr, let t, let live, let goal):
      return .gcStart(number: n, trigger: tr, timeNs: t + ns, heapLive: live, goal: goal)
    case .gcEnd(var c):
      c.startNs += ns
      c.endNs += ns
      return .gcEnd(c)
    case .pacerStart(let p, let t): return .pacerStart(p, timeNs: t + ns)
    case .pacerEnd(let p, let t): return .pacerEnd(p, timeNs: t + ns)
    case .sysmonForcedGC(let t): return .sysmonForcedGC(timeNs: t + ns)
    case .scavengeReport(let r, let t): return .scavengeReport(r, timeNs: t + ns)
    case .scavengerTick(let k, let t): return .scavengerTick(k, timeNs: t + ns)
    case .scavengerBurst(let b, let t): return .scavengerBurst(bytes: b, timeNs: t + ns)
    case .heapGrowth(let b, let sys, let t): return .heapGrowth(bytes: b, heapSys: sys, timeNs: t + ns)
    case .reclaimed(let b, let t): return .reclaimed(bytes: b, timeNs: t + ns)
    case .death(let d, let t): return .death(d, timeNs: t + ns)
    case .steadyCycles(let s): return .steadyCycles(s)
    }
  }
}

extension GoRuntime {
  /// GCCPUFraction as gcMarkTermination computes it: the GC's CPU time over the CPU time
  /// available since the start (cpuStats.TotalTime: elapsed time × GOMAXPROCS).
  static func gcCPUFraction(cpuNs: Int, endNs: Int, procs: Int) -> Double {
    Double(cpuNs) / (Double(max(endNs, 1)) * Double(procs))
  }

  /// Turns closed-form periods on or off (off: every forced GC of a long sleep is stepped, which
  /// gives the same numbers, more slowly; tests compare the two).
  public var advancesSteadyPeriods: Bool {
    get { steady.enabled }
    set {
      steady.enabled = newValue
      steady.last = nil
      steady.events = []
    }
  }

  /// Forced-GC periods advanced in closed form so far.
  public var steadyCyclesAdvanced: Int { steady.advancedCycles }

  var cycleCounters: CycleCounters {
    CycleCounters(
      numGC: numGC, cyclesStarted: cyclesStarted, numForcedGC: numForcedGC,
      pauseTotalNs: pauseTotalNs, gcCPUNs: gcCPUNs, stoppedTheWorldNs: stoppedTheWorldNs,
      pageGeneration: pages.gen, cpuGCPause: cpuStats.gcPause, cpuGCDedicated: cpuStats.gcDedicated,
      cpuGCIdle: cpuStats.gcIdle, finalizersQueued: finalizersQueued)
  }

  var steadyFingerprint: SteadyFingerprint {
    var m = memStats()
    m.timeNs = 0
    m.lastGC = 0
    m.pauseTotalNs = 0
    m.numGC = 0
    m.numForcedGC = 0
    m.gcCPUFraction = 0
    var sc = scavenger
    sc.epoch = 0
    sc.readyAt = sc.readyAt.map { $0 - now }
    return SteadyFingerprint(
      stats: m, heapLive: heapLive, sinceLastGC: lastGCEndNs.map { now - $0 },
      deepSleepSince: sysmon.deepSleepSince.map { now - $0 }, pacer: pacer, scavenger: sc,
      pages: pages.normalizedForSteadyState(now: now), os: os,
      spans: spans.map { s in s.map { [Int($0.id), $0.basePage, $0.npages, $0.allocCount, $0.markedCount] } },
      partialSpans: partialSpans, mainStack: stacks.main, stackCache: stacks.cache,
      largeFreeStacks: stacks.largeFree, touchedStack: stacks.touched, finalizers: finalizers.count,
      pendingWork: [pendingWorkNs, stacks.workNs, allocationWorkNs, lateZeroingNs],
      stackScan: [stacks.scanWork, stacks.scanFrames, stacks.spanPages])
  }

  /// Whether anything besides sysmon could act before `until`: a valid runtime event on the
  /// queue, a running cycle, a finalizer waiting, the scavenger awake, a process that died.
  func onlySysmonScheduled() -> Bool {
    guard cycle == nil, finalizerQueue.isEmpty, scavenger.parked, scavenger.readyAt == nil,
      heldObject == nil, !isDead, sysmonPolicyOrNil != nil
    else { return false }
    for e in queue.unordered {
      switch e.action {
      case .markTermination(let n): if cycle?.number == n { return false }
      case .scavengerBurst(let epoch): if epoch == scavenger.epoch { return false }
      case .sysmonWake(let epoch): if epoch == sysmon.epoch { return false }
      case .scavengerTick: return false
      }
    }
    return true
  }

  /// Called at a sysmon wake-up that is about to force a GC while the program sleeps: compares
  /// the process with the previous such wake-up and, when the period repeats, advances whole
  /// periods at once (see the file comment). Returns with `now` at a wake-up that forces a GC
  /// (the same one, or N periods later).
  func advanceSteadyPeriods() {
    guard steady.enabled, let timer = programTimer, onlySysmonScheduled() else {
      steady.last = nil
      steady.events = []
      return
    }
    let here = SteadyObservation(timeNs: now, fingerprint: steadyFingerprint, counters: cycleCounters)
    defer {
      steady.last = SteadyObservation(
        timeNs: now, fingerprint: here.fingerprint, counters: cycleCounters)
      steady.events = []
    }
    guard let last = steady.last, last.fingerprint == here.fingerprint else { return }
    let period = here.timeNs - last.timeNs
    let delta = here.counters - last.counters
    // (A period that queues finalizers is not steady: their goroutine runs program code.)
    guard period > 0, delta.numGC == 1, delta.cyclesStarted == 1, delta.finalizersQueued == 0,
      let lastEnd = lastGCEndNs
    else {
      return
    }
    // Whole periods that end, with one more period to spare, before the program's timer: the
    // tail (the period that reaches the timer) is stepped.
    let room = timer - now - 2 * period
    guard room >= period else { return }
    let n = room / period
    let shift = n * period
    let reference = steady.events
    let cpuBefore = gcCPUNs

    // The pause ring: the advanced cycles' pauses and ends, the newest 256 (the reference
    // cycle's entry, repeated a period apart).
    let ring = pauseRing.ns.count
    let refSlot = (numGC - 1) % ring
    let refPause = pauseRing.ns[refSlot]
    let refEnd = pauseRing.end[refSlot]
    for j in max(1, n - ring + 1)...n {
      let slot = (numGC - 1 + j) % ring
      pauseRing.ns[slot] = refPause
      pauseRing.end[slot] = refEnd + j * period
    }
    numGC += n * delta.numGC
    cyclesStarted += n * delta.cyclesStarted
    numForcedGC += n * delta.numForcedGC
    pauseTotalNs += n * delta.pauseTotalNs
    gcCPUNs += n * delta.gcCPUNs
    stoppedTheWorldNs += n * delta.stoppedTheWorldNs
    recordCyclePauses(times: n)
    cpuStats.gcPause &+= n &* delta.cpuGCPause
    cpuStats.gcDedicated &+= n &* delta.cpuGCDedicated
    cpuStats.gcIdle &+= n &* delta.cpuGCIdle
    refreshCPUStatsTotals(at: lastEnd + shift)
    pages.advanceGenerations(by: n * delta.pageGeneration)
    lastGCEndNs = lastEnd + shift
    gcCPUFraction = Self.gcCPUFraction(cpuNs: gcCPUNs, endNs: lastEnd + shift, procs: profile.procs)
    sysmon.deepSleepSince = sysmon.deepSleepSince.map { $0 + shift }
    now += shift
    steady.advancedCycles += n
    let aggregate = SteadyCycles(
      count: n, periodNs: period, reference: reference, gcCPUNsBefore: cpuBefore,
      gcCPUNsPerCycle: delta.gcCPUNs, procs: profile.procs, startNs: here.timeNs)
    if let c = lastCycle { lastCycle = aggregate.cycle(c, period: n) }
    emit(.steadyCycles(aggregate))
  }

  /// Records an event for the reference period, while closed-form periods are possible.
  func recordSteadyEvent(_ e: HeapEvent) {
    if steady.enabled && programTimer != nil { steady.events.append(e) }
  }
}
