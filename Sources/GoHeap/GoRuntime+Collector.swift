// The collector: concurrent mark-and-sweep cycles (mgc.go, mgcmark.go, mgcsweep.go).
//
// A cycle, in the runtime's numbered phases:
//   1. Sweep termination (stop the world, short): the cycle starts; heapLive is recorded.
//   2. Concurrent mark: the goroutine stacks are scanned — main's is halved when less than a
//      quarter of it is used (Stacks.swift) — and everything reachable from the roots
//      (globals, live frames) through
//      pointer words is marked: the words an object's type names (GoRuntime+ScanObject). Cycles
//      of objects that no root reaches are garbage like anything else. The hybrid write
//      barrier makes the result a snapshot of the heap at the start: an object dropped during
//      the mark survives this cycle (floating garbage), and objects allocated during the mark
//      are allocated black (marked, counted in bytesMarked). The simulator therefore marks at
//      the start, then lets the mark phase last the time the cost model gives it, during which
//      the program keeps running.
//   3. Mark termination (stop the world, short): NumGC++, the pacer commits the next goal (the
//      stack bytes scanned become lastStackScan), the scavenger's retained-heap goal is
//      recomputed, the scavenge index starts a new generation; stack spans freed during the
//      mark return to the heap (freeStackSpans, stackcache_clear).
//   4. Sweep: unmarked objects are freed; a span with no live object returns its pages to the page
//      heap (HeapInuse → HeapIdle). The runtime sweeps in the background within milliseconds;
//      the simulator sweeps at mark termination. When the last span is swept, scavtrace prints its
//      line and the scavenger is readied (sysmon wakes it on its next wake-up).
//
// runtime.GC() waits for any running cycle, runs a full user-forced cycle (NumForcedGC++, the
// trace line ends in `(forced)`) and returns after the sweep: every dead object is free, but
// nothing has been returned to the OS. debug.FreeOSMemory() is runtime.GC() followed by releasing
// every free page at once, ignoring the scavenger's goals and density rules.

/// What a mark found: bytes and objects marked, the scannable bytes among them, and the objects
/// it scanned for pointers (those with a flat type), their bytes, and the levels they formed —
/// the longest chain of scans the mark makes one after another (startCycle's critical path).
struct MarkedHeap {
  var bytes: Int
  var objects: Int
  var scanBytes: Int
  var depth: Int
  var queuedObjects: Int
  var queuedBytes: Int
  /// Bytes of every allocated object in a span that holds pointers, reachable or not (the
  /// pacer's heapScan at the cycle's start: gcpacertrace).
  var scannableHeapBytes: Int
}

extension GoRuntime {
  /// runtime.GC(): a complete, user-forced cycle; returns after sweeping.
  public func collect() throws {
    try checkAlive()
    if profile.gcOffDisablesRuntimeGC && pacer.gcPercent < 0 { return }
    sysmonProgramParked()
    try waitForCycle()
    try startCycle(.user)
    try waitForCycle()
    // GC() returns after sweeping every span; the simulator swept them at mark termination, and
    // the program pays for the sweep here. (Go 1.0 swept inside its stop-the-world collection.)
    if profile.collector == .concurrent {
      try work(Double(lastSweptSpans) * profile.cost.sweepNsPerSpan)
    }
  }

  /// debug.FreeOSMemory(): runtime.GC(), then every free page is released (mheap.scavengeAll).
  public func freeOSMemory() throws {
    try collect()
    let released = releasePages(Int.max, gated: false)
    scavenger.totalReleasedEager += released.bytes
    scavenger.totalWorkEagerNs += released.workNs
    emit(.scavengeReport(ScavengeReport(
      backgroundBytes: 0, eagerBytes: released.bytes, heapReleased: heapReleasedBytes,
      utilPercent: utilPercent, forced: true), timeNs: now))
    try work(released.workNs)
  }

  /// The program waits, doing nothing, until the running cycle (if any) has terminated: a REPL
  /// between entries, where the real runtime's background mark workers finish the cycle an entry
  /// started while the user types. The wait is a sleep (the goroutine is blocked; sysmon and the
  /// scavenger run as during time.Sleep) to just past the cycle's mark termination, so the clock
  /// moves by what remained of the mark. Returns whether there was a cycle to wait for.
  @discardableResult
  public func idleUntilCycleEnds() throws -> Bool {
    guard cycle != nil else { return false }
    // Both Ps mark from now on: the end the sleep aims at is the one that makes.
    markWithEveryP(until: nil)
    // The termination time may move while the program waits (a stop-the-world on the way);
    // each sleep reaches the current one, so a few rounds at most.
    for _ in 0..<16 {
      guard let c = cycle else { break }
      try sleep(max(1, c.terminationDue - now))
    }
    return true
  }

  /// Blocks the program until the running cycle (if any) has terminated.
  func waitForCycle() throws {
    markWithEveryP(until: nil)
    while let c = cycle {
      try runEvents(until: max(now, c.terminationDue), preemptible: true)
      if let d = cycle, d.number == c.number, d.terminationDue <= now { try finishCycle() }
    }
  }

  /// The program blocks until `end` (nil: until the mark is over) while a cycle marks: the P it
  /// leaves runs an idle mark worker (proc.go findRunnable → gcController.findRunnableGCWorker's
  /// idle mode) beside the worker on the other P, so the rest of the mark goes
  /// markParallelGain times as fast for as long as the program waits, and no faster than its
  /// critical path. The second P has work only while there is more to mark than that path (a
  /// chain's mark leaves it idle): the time it marks is the cycle's blockedNs, idle-worker CPU
  /// in gctrace (Go 1.27.3 on 2 Ps, runtime.GC() over a ring of pointer slices: `0.023+13+0.012
  /// ms clock, 0.046+0/0.27/26+0.024 ms cpu`; over a chain of 16 KiB nodes `0/7.0/20` in 27 ms:
  /// Tests/Recordings/runs/markcost). A wait already credited (everyPUntil) is not credited
  /// again; an interrupted one gives back what it did not use (returnEveryPCredit).
  func markWithEveryP(until end: Int?) {
    guard let c = cycle, profile.collector == .concurrent else { return }
    let from = max(now, c.markStartNs, c.everyPUntil)
    let remaining = c.terminationDue - from
    guard remaining > 0 else { return }
    let gain = profile.cost.markParallelGain
    // Done with every P marking: the whole rest, or what fits in the wait.
    let fast = Int((Double(remaining) / gain).rounded(.up))
    let blocked = end.map { min(fast, max(0, $0 - from)) } ?? fast
    let shareable = max(0, c.terminationDue - max(from, c.earliestDue))
    let earlier = min(Int(Double(blocked) * (gain - 1)), shareable)
    cycle!.blockedNs += min(blocked, shareable)
    cycle!.everyPUntil = from + blocked
    cycle!.everyPCreditNs += earlier
    guard earlier > 0 else { return }
    cycle!.terminationDue -= earlier
    cycle!.markNs -= earlier
    cycle!.scheduledDue = cycle!.terminationDue
    schedule(.markTermination(cycle: c.number), at: cycle!.terminationDue)
  }

  /// A wait markWithEveryP credited ends early (Ctrl-C stops a sleep): the program's P runs it
  /// again from now, so the mark gives back the speed-up of the unused part of the wait.
  func returnEveryPCredit() {
    guard let c = cycle, c.everyPUntil > now else { return }
    let unused = c.everyPUntil - now
    let gain = profile.cost.markParallelGain
    let back = min(c.everyPCreditNs, Int(Double(unused) * (gain - 1)))
    cycle!.everyPUntil = now
    cycle!.blockedNs = max(0, c.blockedNs - unused)
    cycle!.everyPCreditNs -= back
    cycle!.terminationDue += back
    cycle!.markNs += back
  }

  /// Starts a cycle now: sweep termination, then the mark (see the file comment).
  func startCycle(_ trigger: GCTrigger) throws {
    precondition(!isMarking, "a cycle is already running")
    cyclesStarted += 1
    let n = numGC + 1
    let triggered = pacer.startCycle(heapLive: heapLive, goal: currentGoal())
    let goal = currentGoal()
    emit(.gcStart(number: n, trigger: trigger, timeNs: now, heapLive: heapLive, goal: goal))
    // runtime.GC's goroutine waits in gcWaitOnMark while its stack is scanned; a sleeping one in
    // its timer. Otherwise the cycle preempts it where it runs.
    let stackNs = try scanStacks(waiting: trigger == .user || programTimer != nil)
    let marked = markFromRoots()
    let (bytes, objects, scan) = (marked.bytes, marked.objects, marked.scanBytes)
    let c = profile.cost
    // The program's own globals are root jobs beside the runtime's, whose scan is part of
    // markBaseNs: each word of data and bss is read against the module's pointer mask
    // (mgcmark.go markrootBlock → scanblock).
    let programGlobalsNs = Double(pacer.programGlobalsScan) * c.markNsPerGlobalByte
    let markNs = Int(c.markBaseNs + programGlobalsNs + Double(scan) * c.markNsPerScanByte
      + Double(objects) * c.markNsPerObject + stackNs)
    let due = now + Int(c.sweepTermNs) + markNs
    // The mark's critical path: an object is found only once an object pointing to it has been
    // scanned, so a chain of n objects takes n scans one after another, however many workers
    // and assists share the work (a linked list's mark is serial). Go 1.27.3 on 2 Ps,
    // Tests/Recordings/runs/linkedlist: marks of 4, 11 and 22 MB of 24-byte nodes took 7.4, 14
    // and 33 ms of wall time; when assists could shorten a mark at will (before
    // markParallelGain), gcsh finished them in a third. Go 1.19.8's second P still shortens a
    // mark, down to this path.
    let hopNs = c.markNsPerObject
      + Double(marked.queuedBytes) / Double(max(1, marked.queuedObjects)) * c.markNsPerScanByte
    // Main's stack, scanned by one worker, is such a stretch too.
    let serialNs = max(Double(marked.depth) * hopNs, mainStackScanNs)
    let earliest = min(due, now + Int(c.sweepTermNs + c.markBaseNs + serialNs))
    let stackScan = stackScanWork
    let assistGoal = pacer.assistGoal(
      goal: goal, triggered: triggered, heapLive: heapLive, scanWork: scan,
      stackScanWork: stackScan)
    cycle = RunningCycle(
      number: n, trigger: trigger, startNs: now, markStartNs: now + Int(c.sweepTermNs),
      heapStart: heapLive, triggered: triggered,
      goal: goal,
      assistGoal: assistGoal, markNs: markNs,
      markWorkNs: markNs, markedBytes: bytes, markedObjects: objects, scanBytes: scan,
      stackScanBytes: stackScan, terminationDue: due, earliestDue: earliest,
      scheduledDue: due,
      heapAllocBefore: heapAllocBytes, objectsBefore: objectsAllocated - objectsFreed)
    // The worker's credit for the assists (GoRuntime.assist): only the work off the critical
    // path, the chain one goroutine follows at a time being the worker's or an assist's.
    let workerFrom = now + Int(c.sweepTermNs + c.markBaseNs)
    let offPath = Double(max(0, due - earliest)) / Double(max(1, due - workerFrom))
    cycle!.creditPerNs = c.workerCreditShare * min(1, offPath)
    cycle!.creditAsOf = workerFrom
    emit(.pacerStart(pacerPlan(goal: goal, heapScan: marked.scannableHeapBytes, stackScan: stackScan), timeNs: now))
    switch profile.collector {
    case .concurrent:
      schedule(.markTermination(cycle: n), at: due)
      // A cycle sysmon forces while the program sleeps has both Ps from its start.
      if let wake = programTimer { markWithEveryP(until: wake) }
      rescheduleSysmon()
    case .stopTheWorld:
      // Go 1.0: the world stays stopped through mark and sweep.
      now = due
      try finishCycle()
    }
  }

  /// The pacer's plan for the cycle starting now, as gcpacertrace reports it. gcController.heapScan
  /// counts the scannable bytes of the live heap as heapLive counts its bytes: here, every
  /// allocated object in a span that holds pointers (gcsh counts scan work by whole objects),
  /// which markFromRoots sums as it clears the marks.
  func pacerPlan(goal: Int, heapScan: Int, stackScan: Int) -> PacerStart {
    let plan = markWorkerPlan
    return PacerStart(
      assistRatio: pacer.startAssistRatio(
        heapLive: heapLive, goal: goal, maxScanWork: heapScan + stackScan + pacer.globalsScan),
      heapScan: heapScan, heapLive: heapLive, heapGoal: goal, dedicatedWorkers: plan.dedicated,
      fractionalGoal: plan.fractionalGoal)
  }

  /// mgcmark.go maxObletBytes: the most of one object a worker scans at a time.
  static let maxObletBytes = 128 << 10

  /// Marks everything reachable from the roots — the address root sources and the object an
  /// allocation in progress holds — through the typed pointer words of flat memory.
  func markFromRoots() -> MarkedHeap {
    var scannable = 0
    for case let s? in spans {
      s.clearMarks()
      if !s.noscan { scannable += s.allocCount * s.elemSize }
    }
    // Breadth first, a level at a time: the number of levels is the longest chain of scans the
    // mark must make one after another (its critical path: startCycle).
    var work: [ObjectRef] = []
    var next: [ObjectRef] = []
    var bytes = 0
    var objects = 0
    var scan = 0
    var queuedObjects = 0
    var queuedBytes = 0
    var depth = 0
    // Spans are used unretained (the span table keeps them): a retain and a release per object
    // marked were a sixth of a pointer-heavy program's time.
    func mark(_ r: ObjectRef) {
      guard let span = unretainedSpan(r) else { return }
      span._withUnsafeGuaranteedRef { s in
        let slot = Int(r.slot)
        guard s.setMark(slot) else { return }
        bytes += s.elemSize
        objects += 1
        if !s.noscan {
          scan += s.elemSize
          if s.hasFlatType(slot) {
            work.append(r)
            // A large object is scanned in 128 KiB oblets that any worker may take (mgcmark.go
            // scanobject, maxObletBytes): one hop of the chain is at most an oblet.
            queuedBytes += min(s.elemSize, Self.maxObletBytes)
          }
        }
      }
    }
    func markAddress(_ a: Address) {
      if let r = objectRef(at: a) { mark(r) }
    }
    for root in addressRootSources { root.source?.forEachRootAddress(markAddress) }
    if let held = heldObject { mark(held) }
    // The active tiny block is marked at the cycle's start (mgc.go gcStart → gcMarkTinyAllocs:
    // "Since we're allocating from these, they need to be black like other allocations"): a
    // tiny object packed into it during the mark is not marked on its own, so a block whose
    // earlier objects have died would otherwise be freed under it.
    if let tiny = tinyBlock { mark(tiny) }
    forEachFinalizerRoot(markAddress)
    forEachCleanupRoot(markAddress)
    forEachWeakHandleRoot(markAddress)
    while !work.isEmpty {
      depth += 1
      queuedObjects += work.count
      swap(&work, &next)
      for r in next {
        guard let span = unretainedSpan(r) else { continue }
        span._withUnsafeGuaranteedRef { s in forEachPointer(in: s, slot: Int(r.slot), markAddress) }
      }
      next.removeAll(keepingCapacity: true)
    }
    let isMarked: (Address) -> Bool = { [unowned self] a in
      guard let r = self.objectRef(at: a), let span = self.unretainedSpan(r) else { return false }
      return span._withUnsafeGuaranteedRef { $0.isMarked(Int(r.slot)) }
    }
    for root in addressRootSources { root.source?.markFinished(isMarked) }
    return MarkedHeap(
      bytes: bytes, objects: objects, scanBytes: scan, depth: depth, queuedObjects: queuedObjects,
      queuedBytes: queuedBytes, scannableHeapBytes: scannable)
  }

  /// gcControllerState.startCycle's plan for the background mark workers (mgcpacer.go): the
  /// 25 % background utilization goal as whole dedicated workers, int(procs × 0.25 + 0.5), one
  /// fewer when that overshoots the goal by more than 30 % — on 2 Ps, none — and the rest as
  /// fractional workers. A fractional worker checks whether it has had more than 1.2 × its
  /// share (mgc.go pollFractionalWorkerExit) after each root job and every drainCheckThreshold
  /// (100,000) units of scan work (mgcmark.go gcDrain); at a mark's start it has had all of the
  /// time so far, so it stops at its first check, and the P, with nothing else to run, runs an
  /// idle worker. findRunnableGCWorker (proc.go schedule) gives the fractional worker the P
  /// again whenever that P reschedules below its share — each time the idle worker yields, as
  /// it does when the program beside it keeps making and taking work. finishCycle counts as
  /// background time the most of: one slice of scan work, the globals' root work, and the
  /// share of the time the mark works beside the running program — at most the worker's time;
  /// the rest is idle time.
  /// The real traces: smallobj's 0.1 ms marks read `0.099/0.059/0` assist/background/idle ms
  /// (one slice); mixedsizes' 5-13 ms marks give the background a median 0.15-0.19 of the clock
  /// in both eras (per cycle anything from 0.01 to 0.9; Tests/Recordings/runs/mixedsizes and
  /// pacertrace/mixedsizes), linkedlist's 0.26-0.52; a program that waits in runtime.GC()
  /// leaves both Ps to idle workers (markcost: `0/0.27/26` in 13 ms), and so does a mark whose
  /// work is done while a fill that cannot be preempted holds its termination off (the seed's
  /// Go 1.19.8 anchors: `0/0.077/903`, `0/0.064/1148`).
  /// `fractionalGoal` is the fractional workers' share of each P (fractionalUtilizationGoal:
  /// what the dedicated ones leave of the 25 %, over the procs).
  var markWorkerPlan: (dedicated: Int, fractionalGoal: Double, fractionalSliceNs: Double) {
    let goal = Double(profile.procs) * 0.25
    var dedicated = Int(goal + 0.5)
    if goal > 0, abs(Double(dedicated) / goal - 1) > 0.3, Double(dedicated) > goal { dedicated -= 1 }
    let fractional = max(0, goal - Double(dedicated)) / Double(max(1, profile.procs))
    return (dedicated, fractional, 100_000 * profile.cost.markNsPerScanByte)
  }

  /// Mark termination and sweep of the running cycle.
  func finishCycle() throws {
    guard var c = cycle else { return }
    cycle = nil
    // Assists can move the mark's end earlier than the termination event already queued (it is
    // rescheduled only when the move is large: GoRuntime.assist); when that event is what ends
    // the cycle, the mark lasted until it, and gctrace's clock fields still add up to the cycle.
    if profile.collector == .concurrent {
      c.markNs = max(c.markNs, now - c.markStartNs)
    }
    let cost = profile.cost
    if profile.collector == .concurrent {
      // Mark termination stops the world (mgc.go gcMarkDone → stopTheWorldWithSema, then
      // gcMarkTermination, which restarts it with startTheWorldWithSema at the end): the pause
      // takes wall time, and the program does not run during it. work.tMarkTerm is taken when
      // the world has stopped and work.tEnd (= pause_end, last_gc) after the sweep is set up, so
      // gctrace's three clock fields add up to the cycle's wall time (tEnd - tSweepTerm). The
      // clock moves here rather than by scheduling termination markTermNs later: that would let
      // the program run through the pause. slowWork adds stoppedTheWorldNs to the work in
      // progress. (Go 1.0's collector stops the world for the whole cycle in startCycle.)
      now += Int(cost.markTermNs)
      stoppedTheWorldNs += Int(cost.markTermNs)
    }
    let heapEnd = heapLive
    let startupGarbage = freeStartupGarbage()
    let heapMarked = c.markedBytes + runtimeLiveBytes
    numGC += 1
    if c.trigger == .user { numForcedGC += 1 }
    let pause = profile.collector == .stopTheWorld ? c.markNs : Int(cost.sweepTermNs + cost.markTermNs)
    pauseTotalNs += pause
    // mgc.go gcMarkTermination: pause_ns[numgc % 256] and pause_end, before numgc counts this
    // cycle (here numGC already has: slot numGC - 1). The end is on the virtual clock, not Unix
    // time.
    pauseRing.ns[(numGC - 1) % pauseRing.ns.count] = pause
    pauseRing.end[(numGC - 1) % pauseRing.end.count] = now
    let procs = Double(profile.procs)
    // The mark's CPU: the assists (the program's goroutine, paying for its allocations), a
    // worker on the P the program leaves, for the mark's wall time but its fixed latency
    // (below), and the program's
    // own P while the program is blocked (markWithEveryP). Which kind of worker runs decides
    // what counts as the GC's CPU time (gctrace's assist/background/idle columns and its P%,
    // GCCPUFraction): a dedicated worker's time counts, an idle one's is "free". With a
    // dedicated worker (4+ Ps) it does all of it. On 2 Ps there is none: the P the program
    // leaves idle runs a fractional worker first, which stops at its first check that it has
    // had its share (one drain slice), then an idle worker, and the fractional worker again
    // whenever the P reschedules below its share (markWorkerPlan): its share of the time the
    // mark works beside the running program — after the mark's fixed start, not of the part
    // of a wait in runtime.GC() or a sleep in which the program's P marks too (blockedNs; a
    // wait on a chain's critical path is not such a part), nor of a mark held off past its
    // work by a fill (markWorkNs bounds it: a hold shorter than what assists and waits took
    // off the mark is still counted, a simplification). At most the worker's time. Go 1.0's
    // mark is the stop-the-world's work.
    // The mark's fixed part (markBaseNs) is mostly clock time in which no worker drains —
    // starting the workers, the termination handshakes — except the root jobs that scan the
    // binary's data and bss (globalsScan bytes; mgcmark.go markroot). A tiny heap's mark is all
    // background time: `0.10/0.078/0` in 0.3 ms (Go 1.27.3, Tests/Recordings/runs/alloccost),
    // no idle-worker time at all, so the background share here is at least that root work.
    // That is a fit to the traces, not the source's reading: gcDrain checks after every root
    // job, and data and bss are jobs of their own, so by markWorkerPlan's reasoning the
    // fractional worker would stop after the first; the recorded marks say it does not.
    let assist = min(c.assistNs, c.markWorkNs)
    let rootsNs = min(cost.markBaseNs, Double(profile.startup.globalsScanBytes) * cost.markNsPerScanByte)
    let worker =
      profile.collector == .concurrent
      ? Double(max(0, c.markNs - Int(cost.markBaseNs - rootsNs)) + min(c.blockedNs, c.markNs))
      : Double(c.markWorkNs - assist)
    let plan = markWorkerPlan
    let besideProgramNs = max(0, min(c.markNs, c.markWorkNs) - Int(cost.markBaseNs) - c.blockedNs)
    let background =
      profile.collector != .concurrent || plan.dedicated > 0
      ? worker
      : min(worker, max(plan.fractionalSliceNs, rootsNs, plan.fractionalGoal * Double(besideProgramNs)))
    let idle = worker - background
    // The GC's CPU time, as gcMarkTermination accumulates it: the two pauses times the procs
    // (Go 1.27.3: cpuStats.accumulateGCPauseTime with maxprocs; Go 1.19.8: work.totaltime's
    // sweepTermCpu and markTermCpu, with stwprocs), plus assist, dedicated and fractional
    // mark time; idle mark time is left out ("free": Go 1.27.3 subtracts GCIdleTime, Go 1.19.8
    // never adds it).
    gcCPUNs += pause * profile.procs + assist + Int(background)
    // The cycle's two stops of the world, sweep termination and mark termination, each one
    // sample of the pause histograms (Go 1.19.8 mgc.go gcPauseDist.record at both; Go 1.27.3
    // startTheWorldWithSema's stwTotalTimeGC), and the CPU the metrics read until the next one.
    recordCyclePauses()
    snapshotCPUStats(pause: pause, assist: assist, background: Int(background), idleMark: Int(idle))
    let lastHeapInUse = heapInUseBytes
    // endCycle's cons/mark (mgcpacer.go): the heap's growth past `triggered` over the scan work
    // done (heap, stacks and globals), each per the CPU time that did it —
    //   (heapLive - triggered) * (u + idleU) / (scanWork * (1 - u)),
    // u = gcBackgroundUtilization (0.25, the background worker assumed on target) + assist time
    // over the mark's wall time × procs (the assists are the one goroutine's, on one P: at most
    // the mark's wall time), idleU = idle mark time over the same: the idle worker's time that
    // gctrace's third CPU column shows (markWorkerPlan), which marking had beside the mutator's
    // 1 - u ("idle GC time is sort of double-counted here", mgcpacer.go). Go 1.19.8's own
    // gcpacertrace confirms the formula: inverting its PI controller gives each cycle's
    // measurement, and the idle share that measurement implies equals gctrace's idle column over
    // twice the mark's clock, cycle for cycle (mixedsizes: 0.35-0.45 of the steady cycles;
    // Tests/Recordings/runs/pacertrace). Leaving it out made the runway about half of Go's on a
    // 2-P machine. The assists' share matters when they do much of the mark: the mutator then
    // allocated little during it because it spent its time marking, not because allocation is
    // slow — counting that time (1 - u, the mutator's share, shrinks) keeps the estimate the
    // program's allocation rate. A heap that did not grow past `triggered` leaves the estimate
    // as it was.
    let grown = heapEnd - c.triggered
    let scanWork = c.scanBytes + c.stackScanBytes + pacer.globalsScan
    let utilization = 0.25 + (c.markNs > 0 ? Double(min(c.assistNs, c.markNs)) / (Double(c.markNs) * procs) : 0)
    let idleUtilization = c.markNs > 0 ? idle / (Double(c.markNs) * procs) : 0
    let consMark: Double? =
      grown > 0 && scanWork > 0
      ? Double(grown) * (utilization + idleUtilization) / (Double(scanWork) * (1 - utilization))
      : nil
    let oldConsMark = pacer.consMark
    let expected = pacer.expectedScanWork
    let lastGoal = currentGoal()
    let controllerOK = pacer.commit(
      heapMarked: heapMarked, heapScan: c.scanBytes, stackScan: c.stackScanBytes,
      consMark: consMark)
    if consMark != nil {
      emit(.pacerEnd(
        PacerEnd(
          utilization: utilization, heapScanWork: c.scanBytes, stackScanWork: c.stackScanBytes,
          globalsScanWork: pacer.globalsScan, expectedScanWork: expected,
          triggered: c.triggered, heapLive: heapEnd, heapGoal: lastGoal,
          oldConsMark: oldConsMark, controllerReset: !controllerOK),
        timeNs: now))
    }
    pages.nextGeneration()
    // Flush the mcaches: cached spans become ordinary in-use spans to be swept.
    releaseAllMCaches()
    // Go 1.0: the sweep stamps free spans it sees for the first time (before freeing any).
    if case .unusedSpans = profile.scavenger { pages.stampFreeRuns(at: now) }
    var (freedObjects, freedBytes) = sweep()
    freedObjects += startupGarbage.objects
    freedBytes += startupGarbage.bytes
    freeStackSpans()
    clearStackCache()
    heapLive = heapMarked
    lastGCEndNs = now
    let nextGoal = currentGoal()
    // The fraction is taken now, over the CPU time available since the start (cpuStats.TotalTime
    // / totalCpu: sched.totaltime + (now - procresizetime) * gomaxprocs), and ReadMemStats
    // returns it until the next mark termination. Every pause nanosecond counted above took a
    // nanosecond of wall time on each proc, and the background worker runs on one proc during
    // the mark's wall time, so the fraction cannot exceed 1.
    gcCPUFraction = Self.gcCPUFraction(cpuNs: gcCPUNs, endNs: now, procs: profile.procs)
    let info = GCCycle(
      number: c.number, trigger: c.trigger, startNs: c.startNs, endNs: now,
      sweepTermNs: Int(cost.sweepTermNs), markNs: c.markNs, markTermNs: Int(cost.markTermNs),
      cpuSweepTermNs: Int(cost.sweepTermNs * procs), cpuAssistNs: assist,
      cpuBackgroundNs: Int(background), cpuIdleNs: Int(idle),
      cpuMarkTermNs: Int(cost.markTermNs * procs),
      heapStart: c.heapStart, heapEnd: heapEnd, heapMarked: heapMarked, goal: c.goal,
      nextGoal: nextGoal, stacks: traceStackBytes, globals: pacer.globalsScan,
      procs: profile.procs, cpuPercent: Int(gcCPUFraction * 100), pauseNs: pause,
      freedObjects: freedObjects, freedBytes: freedBytes, heapAllocBefore: c.heapAllocBefore,
      heapAllocAfter: heapAllocBytes, objectsBefore: c.objectsBefore,
      objectsAfter: objectsAllocated - objectsFreed, mallocs: objectsAllocated, frees: objectsFreed)
    var ended = info
    (ended.finalizedObjects, ended.finalizedBytes) = lastSweepFinalized
    lastCycle = ended
    emit(.gcEnd(ended))
    guard pacedScavengerOrNil != nil else { return }
    paceScavenger(heapGoal: nextGoal, lastHeapGoal: c.goal, lastHeapInUse: lastHeapInUse)
    // The last sweeper prints scavtrace and readies the scavenger.
    emit(.scavengeReport(ScavengeReport(
      backgroundBytes: scavenger.releasedBgSinceReport,
      eagerBytes: scavenger.releasedEagerSinceReport, heapReleased: heapReleasedBytes,
      utilPercent: utilPercent, forced: false), timeNs: now))
    scavenger.releasedBgSinceReport = 0
    scavenger.releasedEagerSinceReport = 0
    scavenger.readyAt = now
    if c.trigger == .time { sysmonCycleFinished() }
    rescheduleSysmon()
  }

  /// Frees every unmarked object; returns objects and bytes freed.
  func sweep() -> (Int, Int) {
    clearUnreachableWeakHandles()
    lastSweepFinalized = queueUnreachableFinalizers()
    queueUnreachableCleanups()
    for i in partialSpans.indices { partialSpans[i].removeAll(keepingCapacity: true) }
    var freedObjects = 0
    var freedBytes = 0
    lastSweptSpans = 0
    for i in spans.indices {
      guard let s = spans[i] else { continue }
      lastSweptSpans += 1
      if s.isLarge {
        if !s.isMarked(0) {
          freedObjects += 1
          freedBytes += s.elemSize
          freeSpan(s)
        }
        continue
      }
      let live = s.markedCount
      let dead = s.allocCount - live
      if dead > 0 {
        if let types = s.slotTypes {
          for slot in 0..<s.nelems where s.isAllocated(slot) && !s.isMarked(slot) {
            types[slot] = 0
          }
        }
        freedObjects += dead
        freedBytes += dead * s.elemSize
        smallFreeCount[s.sizeClass] += dead
        s.perObjectNs = s.heapBitsNs + Double(s.elemSize) * profile.cost.zeroNsPerByte
      }
      s.adoptMarks()
      s.allocCount = live
      s.freeIndex = 0
      if live == 0 {
        freeSpan(s)
      } else if live < s.nelems {
        partialSpans[spanClass(s.sizeClass, noscan: s.noscan)].append(s.id)
      }
    }
    heapAllocBytes -= freedBytes
    objectsFreed += freedObjects
    return (freedObjects, freedBytes)
  }

  /// Returns a span's pages to the page heap and its id to the free list.
  func freeSpan(_ s: Span) {
    unmapPages(of: s)
    releaseFlatMemory(s)
    pages.free(s.basePage..<(s.basePage + s.npages))
    spans[Int(s.id)] = nil
    freeSpanIDs.append(s.id)
    mspans.free()
  }
}
