// The scavenger: returning free heap pages to the OS (mgcscavenge.go, Go 1.13+).
//
// Nothing is released by elapsed time alone. After each GC the pacer sets a retained-heap goal
// (gcPaceScavenger):
//
//     gcPercentGoal = lastHeapInUse * (heapGoal / lastHeapGoal) * (1 + 10/100), page-aligned
//                     (infinite before the first GC, or when within one page of it)
//     memoryLimitGoal = 0.95 * GOMEMLIMIT   (1.19's `memoryLimit * (100.0 - 5)` bug makes it 95x)
//
// and, when the last span of the cycle is swept, readies the background scavenger; sysmon wakes
// it on its next wake-up. Awake, it works in bursts of at least 1 ms (minScavWorkTime) releasing
// 64 KiB quanta from the highest addresses down until heapRetained <= gcPercentGoal and
// mappedReady <= memoryLimitGoal, then sleeps worked/sleepRatio; a PI controller adjusts
// sleepRatio so that it uses 1 % of the CPU (scavengePercent). A burst that releases nothing parks
// it until the next GC readies it again.
//
// Go 1.21+ gates background (and heap-growth) scavenging by chunk density: a 4 MiB chunk that
// was >= 496/512 pages in use in the current or the previous GC generation is skipped
// (scavChunkData.shouldScavenge). Memory freed by GC k from a full chunk (a large object)
// therefore stays resident until GC k+1 starts a new generation — the anchors' explicit_gc
// (go1.27: 3.5 MiB released in 10 s) and diag/scavenge_second_gc (all of it within ~3 s after a
// second GC). Forced scavenging — FreeOSMemory and allocation over the memory limit — ignores it.
//
// Allocation-time scavenging (mheap.allocSpan): when an allocation would push mappedReady over
// GOMEMLIMIT, the excess is released at once (forced); when the heap just grew and
// retained + growth exceeds gcPercentGoal, min(growth, overage) is released (gated). Both count
// as "eager" in go1.27's scavtrace.
//
// Release speed comes from CostModel.releaseNs: per resident byte (releaseNsPerByte, calibrated
// on diag/scavenge_rate — go1.19: first burst at the program's next timer after runtime.GC(),
// all 386 MiB 1.1-1.6 s later — and diag/scavenge_second_gc — go1.27: ~14 MiB in the first
// burst), and far less for memory that is not resident, or never was (Tests/Recordings/runs/
// releasecost). A burst measures its work, so it releases a never-written heap in one go: Go
// 1.27.3 released all 140 MiB of largeobj's dropped slices at once (runs/largeobj).

/// The background scavenger's state.
struct ScavengerState: Equatable {
  /// Bumped to cancel a scheduled burst.
  var epoch = 0
  /// Whether the goroutine is parked (no burst scheduled).
  var parked = true
  /// When the last sweep readied the scavenger (scavenger.ready: sysmonWake), if not yet woken.
  var readyAt: Int? = nil
  /// sleepRatio of the PI controller (worked / slept).
  var sleepRatio: Double
  /// The controller's integral term.
  var errIntegral = 0.0
  /// Retained-heap goal, bytes (Int.max: none).
  var gcPercentGoal = Int.max
  /// Bytes released since the last scavtrace line, background and eager.
  var releasedBgSinceReport = 0
  var releasedEagerSinceReport = 0
  /// Cumulative bytes released, background and eager.
  var totalReleasedBg = 0
  var totalReleasedEager = 0
  /// The work those releases took, ns (CostModel.releaseNs): the scavenger's CPU time.
  var totalWorkBgNs = 0.0
  var totalWorkEagerNs = 0.0

  init(profile: RuntimeProfile) {
    switch profile.scavenger {
    case .paced(let p): sleepRatio = p.startSleepRatio
    case .unusedSpans: sleepRatio = 0
    }
  }
}

extension GoRuntime {
  /// Delay between sysmon waking the scavenger and its first burst (goroutine scheduling);
  /// calibrated so that the program's checkpoint at the same timer comes first (go1.19
  /// explicit_gc: nothing released at sleep_1s, 94 MiB by sleep_2s).
  static let scavengerStartLatencyNs = 1 * Duration.millisecond

  /// The modern scavenger's parameters; nil in eras without it.
  var pacedScavengerOrNil: PacedScavenger? {
    if case .paced(let p) = profile.scavenger { return p }
    return nil
  }

  var pacedScavenger: PacedScavenger {
    guard let p = pacedScavengerOrNil else { preconditionFailure("no background scavenger in \(profile.name)") }
    return p
  }

  /// gcPaceScavenger: the retained-heap goal after a cycle.
  func paceScavenger(heapGoal: Int, lastHeapGoal: Int, lastHeapInUse: Int) {
    let p = pacedScavenger
    guard lastHeapGoal > 0, heapGoal != Int.max else {
      scavenger.gcPercentGoal = Int.max
      return
    }
    let ratio = Double(heapGoal) / Double(lastHeapGoal)
    var goal = Double(lastHeapInUse) * ratio
    goal += goal * p.retainExtraPercent / 100
    if goal >= Double(Int.max / 2) {
      scavenger.gcPercentGoal = Int.max
      return
    }
    let g = alignUp(Int(goal), profile.physPageSize)
    let retained = heapRetainedBytes
    scavenger.gcPercentGoal = (retained <= g || retained - g < profile.physPageSize) ? Int.max : g
  }

  /// Bytes the background scavenger still wants to release.
  var scavengeNeed: Int {
    var need = 0
    if scavenger.gcPercentGoal != Int.max {
      need = max(need, heapRetainedBytes - scavenger.gcPercentGoal)
    }
    if pacer.memoryLimit != Int.max {
      let goal = Double(pacer.memoryLimit) * pacedScavenger.memoryLimitGoalFactor
      if goal < Double(mappedReady) { need = max(need, mappedReady - Int(goal)) }
    }
    return need
  }

  /// sysmon woke the scavenger: its first burst comes after the scheduling latency.
  func wakeScavenger(at t: Int) {
    scavenger.readyAt = nil
    guard scavenger.parked else { return }
    scavenger.parked = false
    scavenger.epoch += 1
    schedule(.scavengerBurst(epoch: scavenger.epoch), at: t + Self.scavengerStartLatencyNs)
  }

  /// One burst of background scavenging (scavengerState.run, then sleep): 64 KiB quanta (2 MiB
  /// huge pages on a THP-backed heap) until the burst has worked minScavWorkTime or nothing is
  /// needed. Its work is measured, as run's `worked += duration` is: memory that was never made
  /// resident costs the kernel almost nothing to release, so a burst releases far more of it.
  func scavengerBurst() {
    let p = pacedScavenger
    let need = scavengeNeed
    var released = (bytes: 0, workNs: 0.0)
    if need > 0 {
      // With a THP-backed heap (go1.19) a scavenge call releases whole 2 MiB huge pages where
      // the free range allows (findScavengeCandidate does not split a free huge page), so the
      // work comes in huge-page units; otherwise in 64 KiB quanta.
      let unit = p.hugePageBytes ?? p.quantumBytes
      released = releasePages(
        alignUp(need, unit), gated: p.densePagesThreshold != nil,
        workBudget: (unit: unit, ns: p.minWorkNs))
    }
    if released.bytes == 0 {
      scavenger.parked = true
      return
    }
    scavenger.releasedBgSinceReport += released.bytes
    scavenger.totalReleasedBg += released.bytes
    scavenger.totalWorkBgNs += released.workNs
    emit(.scavengerBurst(bytes: released.bytes, timeNs: now))
    let worked = released.workNs
    let slept = worked / scavenger.sleepRatio
    // PI controller toward the target CPU fraction (mgcscavenge.go scavengerState.sleep).
    let fraction = worked / ((slept + worked) * Double(profile.procs))
    let period = slept + worked
    let err = p.targetCPUFraction - fraction
    let raw = p.controllerKp * err + scavenger.errIntegral
    let out = min(max(raw, p.controllerMin), p.controllerMax)
    scavenger.errIntegral += (p.controllerKp * period / p.controllerTi) * err
      + (period / p.controllerTt) * (out - raw)
    scavenger.sleepRatio = out
    scavenger.epoch += 1
    schedule(.scavengerBurst(epoch: scavenger.epoch), at: now + Int(worked + slept))
  }

  /// Releases up to `bytes` of free, retained pages from the highest address down; with `gated`,
  /// only from chunks the density rule allows. With a `workBudget`, it releases `unit` at a time
  /// and stops once the work done reaches `ns` (the last unit may overshoot, as the scavenger's
  /// loop tests its time only between quanta). Returns the bytes released and the work:
  /// CostModel.releaseNs of the bytes that were resident and those that were not.
  @discardableResult
  func releasePages(
    _ bytes: Int, gated: Bool, workBudget: (unit: Int, ns: Double)? = nil
  ) -> (bytes: Int, workNs: Double) {
    let threshold = gated ? pacedScavengerOrNil?.densePagesThreshold : nil
    let pageSize = profile.pageSize
    var want = bytes == Int.max ? Int.max : (bytes + pageSize - 1) / pageSize
    let step = workBudget.map { max(1, $0.unit / pageSize) } ?? Int.max
    let budget = workBudget?.ns ?? .infinity
    var done = 0
    var workNs = 0.0
    // Where huge pages are advised (Go 1.19), findScavengeCandidate does not break a free huge
    // page: a piece that crosses a huge-page boundary is extended down to the boundary below
    // when the free run reaches it (mgcscavenge.go), so sysUnusedOS's ends fall on huge pages
    // and the whole ones inside stay advised (OSMemory.release).
    let hugePages = profile.hugePageAdviceBytes.map { $0 / pageSize }
    candidates: for r in pages.releaseCandidates(denseThreshold: threshold) {
      var top = r.upperBound
      while top > r.lowerBound {
        guard want > 0, workNs < budget else { break candidates }
        var take = min(want, top - r.lowerBound, step)
        if let h = hugePages, h > 1 {
          let start = top - take
          let below = start / h * h
          if (start + h - 1) / h * h <= top && below >= r.lowerBound { take = top - below }
        }
        let piece = (top - take)..<top
        let byteRange = (piece.lowerBound * pageSize)..<(piece.upperBound * pageSize)
        workNs += profile.cost.releaseNs(
          bytes: byteRange.count, resident: os.residentBytes(in: byteRange),
          everResident: os.everResidentBytes(in: byteRange))
        pages.markReleased(piece)
        os.release(byteRange)
        if want != Int.max { want = max(0, want - take) }
        done += take
        top -= take
      }
    }
    return (done * pageSize, workNs)
  }

  /// Allocation-time scavenging in allocSpan (memory limit: forced; heap growth: gated).
  func scavengeOnAllocation(scavengedPages: Int, growthPages: Int) throws {
    guard pacedScavengerOrNil != nil else { return }
    var toScavenge = 0
    var force = false
    let scav = scavengedPages * profile.pageSize
    // mappedReady before this allocation's released pages are committed.
    let ready = mappedReady - scav
    if pacer.memoryLimit != Int.max && scav + ready > pacer.memoryLimit {
      toScavenge = scav + ready - pacer.memoryLimit
      force = true
    }
    let growth = growthPages * profile.pageSize
    let goal = scavenger.gcPercentGoal
    if goal != Int.max && growth > 0 {
      let retained = heapRetainedBytes
      if retained + growth > goal {
        toScavenge = max(toScavenge, min(growth, retained + growth - goal))
      }
    }
    guard toScavenge > 0 else { return }
    let released = releasePages(
      toScavenge, gated: !force && pacedScavenger.densePagesThreshold != nil)
    scavenger.releasedEagerSinceReport += released.bytes
    scavenger.totalReleasedEager += released.bytes
    scavenger.totalWorkEagerNs += released.workNs
    allocationWorkNs += released.workNs
  }
}

// MARK: Go 1.0's scavenger goroutine (mheap.c runtime·MHeap_Scavenger)
//
// It sleeps `tick` (60 s) in a syscall, so its k-th wake-up is at 60*(k+1) s. Then, with the
// heap locked: if more than `forcegc` (120 s) passed since the last GC, it calls runtime·gc(1)
// and prints `scvgK: GC forced`; then it walks every free span and releases (SysUnused) those
// whose `unusedsince` is set and more than `limit` (5 min) old. `unusedsince` is stamped only by
// a GC sweep that finds the span free, and reset when spans are split or coalesced — so memory
// freed by GC n is stamped by GC n+1 and released more than 5 min after that (reference A.4).

extension GoRuntime {
  func scavengerTick(_ k: Int) throws {
    guard case .scavengerTick(let tick, let forceAfter) = profile.forcedGC,
      case .unusedSpans(let limit) = profile.scavenger
    else { return }
    var forced = false
    if let last = lastGCEndNs, now - last > forceAfter {
      if !(profile.gcOffDisablesRuntimeGC && pacer.gcPercent < 0) {
        try startCycle(.time)
        try waitForCycle()
        forced = true
      }
    }
    var released = 0
    for (run, stamp) in pages.unusedSince where now - stamp > limit {
      for r in pages.retained.intersection(run) {
        pages.markReleased(r)
        os.release((r.lowerBound * profile.pageSize)..<(r.upperBound * profile.pageSize))
        released += r.count * profile.pageSize
      }
    }
    scavenger.totalReleasedBg += released
    emit(.scavengerTick(ScavengerTick(
      k: k, forcedGC: forced, released: released, inuse: heapInUseBytes,
      idle: heapFreeBytes + heapReleasedBytes, sys: heapSysBytes, heapReleased: heapReleasedBytes),
      timeNs: now))
    schedule(.scavengerTick(k: k + 1), at: tick * (k + 2))
  }
}
