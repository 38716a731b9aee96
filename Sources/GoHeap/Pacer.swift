// Pacer: when the next GC starts (mgcpacer.go).
//
// After every cycle the pacer sets a heap goal from the bytes marked live:
//
//     gcPercentGoal = heapMarked + (heapMarked + lastStackScan + globalsScan) * GOGC/100
//                     floored at heapMinimum = 4 MiB * GOGC/100            (Go 1.18+)
//     memoryLimitGoal = limit - nonHeap - overage - headroom               (GOMEMLIMIT, 1.19+)
//     goal = min(gcPercentGoal, memoryLimitGoal)
//
// and a trigger between 45/64 and 61/64 of the way from heapMarked to the goal (or goal - 4 MiB
// when that is higher), pulled earlier by the runway the last cycles' allocation/scan ratio
// (consMark) says marking needs:
//
//     runway  = consMark * (1 - 0.25)/0.25 * (lastHeapScan + lastStackScan + globalsScan)
//     trigger = clamp(goal - runway, minTrigger, maxTrigger)
//
// The trigger is tested after every large allocation and after every mcache span refill, against
// heapLive (bytes in spans handed to the allocator). Before the first GC heapMarked and
// lastStackScan are 0, so the first goal is the globals' scan work or the 4 MiB minimum, and the
// first trigger usually 4 MiB * 61/64 = 3,997,696 B (8 MiB of pointer slots in a program's bss
// make it 8.5 MB: runs/bigglobals). GOGC=off makes gcPercentGoal infinite.
//
// consMark, the ratio of allocation to scan work during a mark, is measured at each mark
// termination (endCycle) from the allocation since the cycle's `triggered` point:
//
//     currentConsMark = (heapLive - triggered) * (u + idle) / (scanWork * (1 - u))
//
// (the rates here: GoRuntime+Collector). While a cycle runs and the heap is not memory-limited
// the goal is at least triggered + 64 KiB.
//
// Go 1.27 and Go 1.19 differ in three details (reference go-runtime-1.27.md §2.3-2.4; the 1.19
// source's own note on #53738): `triggered` is heapLive at the start in 1.27 (so a cycle started
// late by one huge allocation prints `381 MB goal`) but the computed trigger in 1.19 (`4 MB
// goal`, and the overshoot counts as allocation during the mark); consMark is the maximum of
// this cycle's value and the last 4 in 1.27, a PI controller's output in 1.19; the memory-limit
// headroom is max(3 %, 1 MiB) in 1.27, a flat 1 MiB in 1.19. Under GOMEMLIMIT with GOGC=off a
// late 40 MiB allocation thus gives 1.19 a cons/mark of hundreds against a few KB of scan work,
// a runway of tens of MB, and cycles that start at 160 MB of a 184 MB goal (memlimit runs).

/// The GC pacer's state.
struct Pacer {
  let profile: RuntimeProfile
  /// GOGC percent; -1 means off.
  private(set) var gcPercent: Int
  /// GOMEMLIMIT, bytes (Int.max when unset).
  var memoryLimit: Int = Int.max
  /// Bytes marked live by the last cycle (0 before the first).
  private(set) var heapMarked = 0
  /// Scannable heap bytes at the last mark (lastHeapScan).
  private(set) var lastHeapScan = 0
  /// Stack bytes scanned by the last cycle (lastStackScan: every goroutine's hi - sp when its
  /// stack was scanned; 0 before the first, as in the runtime, whose controller starts zeroed:
  /// the first cycle's gcpacertrace expects the globals' work alone, and the first NextGC is
  /// the globals' size when that is over the minimum, runs/bigglobals), and scannable globals.
  private(set) var stackScan = 0
  private(set) var globalsScan: Int
  /// The cons/mark estimate the trigger's runway uses (c.consMark), and what it is smoothed
  /// from: the measurements of recent cycles, newest last (1.27's lastConsMark), or the PI
  /// controller's error integral (1.19's consMarkController.errIntegral).
  private(set) var consMark = 0.0
  private(set) var consMarkHistory: [Double] = []
  private var consMarkIntegral = 0.0
  /// The gcPercent-based goal computed at the last commit, bytes.
  private(set) var gcPercentGoal: Int
  /// The running cycle's start as the pacer counts it (`triggered`: heapLive at the start, or the
  /// computed trigger; RuntimeProfile.triggeredAt), bytes; nil when no cycle runs.
  var triggered: Int? = nil

  init(profile: RuntimeProfile, gcPercent: Int) {
    self.profile = profile
    self.gcPercent = gcPercent
    globalsScan = profile.startup.globalsScanBytes
    // Go 1.0 collected once before main: next_gc starts at twice the runtime's live heap.
    if profile.pacerModel == .proportional && profile.startup.gcsBeforeMain > 0 {
      heapMarked = profile.startup.heapAllocBytes
    }
    gcPercentGoal = 0
    gcPercentGoal = computeGCPercentGoal()
  }

  /// heapMinimum scaled by GOGC (SetGCPercent: heapMinimum = defaultHeapMinimum * n / 100).
  var heapMinimum: Int { gcPercent < 0 ? 0 : profile.heapMinimum * gcPercent / 100 }

  private func computeGCPercentGoal() -> Int {
    if gcPercent < 0 { return Int.max }
    // The runtime computes in uint64 and wraps (GOGC is an int32, up to 2^31 - 1 percent); a goal
    // past Int.max is no goal this simulation can reach.
    let marked = UInt64(heapMarked)
    if profile.pacerModel == .proportional {
      return Int(clamping: marked &+ marked &* UInt64(gcPercent) / 100)  // mgc0.c: next_gc, no minimum
    }
    let scannable = marked &+ UInt64(stackScan) &+ UInt64(globalsScan)
    let goal = Int(clamping: marked &+ scannable &* UInt64(gcPercent) / 100)
    return max(goal, heapMinimum)
  }

  /// The program's own package-level variables that hold pointers, bytes: its share of the data
  /// and bss sections (the linker puts pointer-free variables in noptrdata and noptrbss). The
  /// runtime adds every module's `edata - data + ebss - bss` to globalsScan at start-up
  /// (symtab.go modulesinit → gcControllerState.addGlobals, Go 1.18+), before gcinit computes the
  /// first goal, and markroot counts each whole block as scan work (markrootBlock returns its
  /// size). The profile's globalsScanBytes is the runtime's and standard library's share.
  /// Tests/Recordings/runs/bigglobals: 8 MiB of pointer slots put the first goal at 8.5 MB.
  mutating func setProgramGlobals(bytes: Int) {
    let scan = profile.startup.globalsScanBytes + max(0, bytes)
    guard scan != globalsScan else { return }
    globalsScan = scan
    gcPercentGoal = computeGCPercentGoal()
  }

  /// The program's share of globalsScan, bytes.
  var programGlobalsScan: Int { globalsScan - profile.startup.globalsScanBytes }

  /// Sets GOGC (debug.SetGCPercent); returns the previous value.
  mutating func setGCPercent(_ percent: Int) -> Int {
    let old = gcPercent
    gcPercent = percent < 0 ? -1 : percent
    gcPercentGoal = computeGCPercentGoal()
    return old
  }

  /// The memory-limit goal given the current mapped-and-ready memory (mgcpacer.go
  /// memoryLimitHeapGoal). Int.max when no limit is set.
  func memoryLimitGoal(mappedReady: Int, heapFree: Int, heapAlloc: Int) -> Int {
    if memoryLimit == Int.max { return Int.max }
    let nonHeap = mappedReady - heapFree - heapAlloc
    let overage = max(mappedReady - memoryLimit, 0)
    if nonHeap + overage >= memoryLimit { return heapMarked }
    let g0 = memoryLimit - nonHeap - overage
    let headroom = max(Int(Double(g0) / 100 * profile.memoryLimitHeadroomPercent),
                       profile.memoryLimitHeadroomMin)
    var goal = g0 < 2 * headroom ? headroom : g0 - headroom
    goal = max(goal, heapMarked)
    return goal
  }

  /// The heap goal now (NextGC), including the running cycle's runway floor.
  func heapGoal(mappedReady: Int, heapFree: Int, heapAlloc: Int) -> Int {
    let limitGoal = memoryLimitGoal(mappedReady: mappedReady, heapFree: heapFree, heapAlloc: heapAlloc)
    if limitGoal < gcPercentGoal { return limitGoal }
    var goal = gcPercentGoal
    if let t = triggered, let runway = profile.lateCycleMinRunway, goal != Int.max {
      goal = max(goal, t + runway)
    }
    return goal
  }

  /// The heapLive value at which the next cycle starts.
  func trigger(goal: Int) -> Int {
    if goal == Int.max || profile.pacerModel == .proportional { return goal }
    let span = max(0, goal - heapMarked)
    let minTrigger = heapMarked + span / 64 * profile.triggerMinNum
    var maxTrigger = heapMarked + span / 64 * profile.triggerMaxNum
    if goal > profile.heapMinimum && goal - profile.heapMinimum > maxTrigger {
      maxTrigger = goal - profile.heapMinimum
    }
    // runway = consMark * (1 - 0.25)/0.25 * scan, stored as a uint64. A runway past the goal
    // puts the trigger at minTrigger; so does a negative one (1.19's PI controller can output a
    // negative estimate after a high one, and amd64 converts a negative float64 to a uint64 near
    // 2^64: uint64(-3.6e7) is 18446744073673551616, checked with Go 1.19.8).
    let runway = consMark * 3 * Double(lastHeapScan + stackScan + globalsScan)
    if runway < 0 || runway > Double(goal) { return minTrigger }
    return min(max(goal - Int(runway), minTrigger), maxTrigger)
  }

  /// The goal the running cycle's assists actually hold the heap to (mgcpacer.go `revise`):
  /// when the mark finds more scan work than the last cycle's (the scannable heap grew), the goal
  /// is extrapolated in proportion — `triggered + (goal - triggered) * work/expected` — up to the
  /// hard goal `goal * (1 + GOGC/100)`; a heap already past that gets 10 % more (maxOvershoot).
  /// That is why a growing pointer-heavy heap ends its cycles above their goal
  /// (`7->9->9 MB, 8 MB goal`, `16->22->21 MB, 19 MB goal` for a linked list in Go 1.27).
  func assistGoal(
    goal: Int, triggered: Int, heapLive: Int, scanWork: Int, stackScanWork: Int? = nil
  ) -> Int {
    guard goal != Int.max else { return goal }
    var g = goal
    let expected = expectedScanWork
    let work = scanWork + (stackScanWork ?? stackScan) + globalsScan
    if expected > 0 && work > expected {
      let ext = triggered.addingReportingOverflow(
        Int(saturating: Double(max(0, goal - triggered)) * Double(work) / Double(expected)))
      let extended = ext.overflow ? Int.max : ext.partialValue
      // goal * (1 + GOGC/100), saturating where a huge GOGC would overflow.
      let (extra, o1) = (goal / 100).multipliedReportingOverflow(by: max(gcPercent, 0))
      let (sum, o2) = goal.addingReportingOverflow(extra)
      let hard = gcPercent < 0 ? goal : (o1 || o2 ? Int.max : sum)
      g = max(goal, min(extended, hard))
    }
    if heapLive > g { g = Int(saturating: Double(g) * 1.1) }
    return g
  }

  /// End of a cycle: records what was marked and scanned (resetLive) and sets the next goal
  /// (gcControllerState.commit).
  /// `consMark` is the cycle's measured cons/mark, nil when the heap did not grow past
  /// `triggered` (endCycle then leaves the estimate as it was). Returns false when Go 1.19's
  /// controller was reset (gcpacertrace's `[controller reset]`).
  @discardableResult
  mutating func commit(
    heapMarked: Int, heapScan: Int, stackScan: Int? = nil, consMark measured: Double?
  ) -> Bool {
    self.heapMarked = heapMarked
    lastHeapScan = heapScan
    if let s = stackScan { self.stackScan = s }
    let ok = measured.map { updateConsMark($0) } ?? true
    gcPercentGoal = computeGCPercentGoal()
    triggered = nil
    return ok
  }

  /// revise() at a cycle's start, before any work is done, in the runtime's unit: scan bytes an
  /// assist owes per byte allocated, the work expected over the heap left to the goal. A heap
  /// already past its goal gets 10 % more and is expected to need the worst case,
  /// `maxScanWork` (everything scannable live).
  func startAssistRatio(heapLive: Int, goal: Int, maxScanWork: Int) -> Double {
    // No work done yet: assistGoal's only change to the goal is the overshoot.
    let g = assistGoal(goal: goal, triggered: heapLive, heapLive: heapLive, scanWork: 0, stackScanWork: 0)
    let expected = heapLive > goal ? maxScanWork : expectedScanWork
    return Double(max(expected, 1000)) / Double(max(g - heapLive, 1))
  }

  /// The scan work a cycle expects (revise's scanWorkExpected): the last cycle's heap and
  /// stack scan work and the globals.
  var expectedScanWork: Int { lastHeapScan + stackScan + globalsScan }

  /// Start of a cycle at `heapLive` (gcControllerState.startCycle): sets and returns `triggered`.
  mutating func startCycle(heapLive: Int, goal: Int) -> Int {
    let t: Int
    switch profile.triggeredAt {
    case .heapLive: t = heapLive
    case .computedTrigger: t = trigger(goal: goal)
    }
    triggered = t
    return t
  }

  /// endCycle's update of the estimate from this cycle's measurement; false when the PI
  /// controller was reset.
  private mutating func updateConsMark(_ measured: Double) -> Bool {
    switch profile.consMarkSmoothing {
    case .maximumOfLast(let n):
      consMarkHistory.append(measured)
      if consMarkHistory.count > n { consMarkHistory.removeFirst() }
      consMark = consMarkHistory.max() ?? 0
      return true
    case .piController(let kp, let ti, let tt, let lo, let hi):
      // piController.next(input: consMark, setpoint: measured, period: 1): the output is
      // kp * error + the error integral, clamped; the integral gains kp/ti of the error and loses
      // 1/tt of what the clamp cut (anti-windup). An infinite or NaN value resets it to 0 and
      // returns min, which endCycle replaces by 0 (`c.consMark = 0`).
      let error = measured - consMark
      let raw = kp * error + consMarkIntegral
      guard raw.isFinite else {
        consMarkIntegral = 0
        consMark = 0
        return false
      }
      let output = min(max(raw, lo), hi)
      consMarkIntegral += kp / ti * error + (output - raw) / tt
      if !consMarkIntegral.isFinite {
        consMarkIntegral = 0
        consMark = 0
        return false
      }
      consMark = output
      return true
    }
  }
}

extension Pacer: Equatable {
  /// Every piece of the pacer's state (the profile aside: one runtime has one).
  static func == (a: Pacer, b: Pacer) -> Bool {
    a.gcPercent == b.gcPercent && a.memoryLimit == b.memoryLimit && a.heapMarked == b.heapMarked
      && a.lastHeapScan == b.lastHeapScan && a.stackScan == b.stackScan
      && a.globalsScan == b.globalsScan && a.consMark == b.consMark
      && a.consMarkHistory == b.consMarkHistory && a.consMarkIntegral == b.consMarkIntegral
      && a.gcPercentGoal == b.gcPercentGoal && a.triggered == b.triggered
  }
}
