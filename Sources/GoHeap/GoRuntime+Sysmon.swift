// sysmon: the runtime's monitor thread, which forces a GC when none ran for 2 minutes and wakes
// the background scavenger (proc.go `sysmon`, `forcegchelper`; mgc.go gcTrigger.test).
//
// While the program runs, sysmon polls every 20 us to 10 ms. When every P is idle (the program
// sleeps, or waits in runtime.GC) it deep-sleeps until the next timer or at most 60 s
// (forcegcperiod/2), then sleeps 10 ms before it looks again. At each wake-up it:
//   - starts a GC if GOGC >= 0, at least one GC has completed and more than 120 s passed since the
//     last one ended (gcTriggerTime; not counted in NumForcedGC; gctrace prints `GC forced`);
//   - wakes the scavenger if a sweep readied it.
// So in an idle program the forced GC lands at the first wake-up past 120 s: the program's next
// timer (anchors: 121.16 s and 241.24 s with 5 s sleeps) or the 60 s deep-sleep grid plus the
// 10 ms re-check (120.023 s, 240.034 s); and after runtime.GC() the scavenger starts only at the
// program's next timer (go1.19 explicit_gc: released between the 1 s and the 2 s checkpoints).
//
// The simulator does not step through every poll: it computes sysmon's next wake-up from its
// state (polling, or deep-sleeping since a time) and the program's timer, and keeps one event on
// the queue for it, recomputed whenever either changes.

/// sysmon's state.
struct SysmonState {
  /// When sysmon entered its current deep sleep; nil while it polls.
  var deepSleepSince: Int? = nil
  /// Bumped to cancel the scheduled wake-up.
  var epoch = 0
}

extension GoRuntime {
  /// sysmon's timing; nil in eras without sysmon (Go 1.0).
  var sysmonPolicyOrNil: (periodNs: Int, maxIdleSleepNs: Int, pollNs: Int)? {
    if case .sysmon(let period, let maxIdle, let poll) = profile.forcedGC { return (period, maxIdle, poll) }
    return nil
  }

  var sysmonPolicy: (periodNs: Int, maxIdleSleepNs: Int, pollNs: Int) {
    sysmonPolicyOrNil ?? (Int.max / 4, Int.max / 4, Int.max / 4)
  }

  /// The earliest time a forced GC may start (strictly more than the period after the last GC).
  var forcedGCDeadline: Int? {
    guard sysmonPolicyOrNil != nil, pacer.gcPercent >= 0, let last = lastGCEndNs, !isMarking else { return nil }
    return last + sysmonPolicy.periodNs + 1
  }

  /// The program went idle (time.Sleep): sysmon notices at its next poll and deep-sleeps.
  func sysmonProgramIdle(at t: Int) {
    if sysmon.deepSleepSince == nil { sysmon.deepSleepSince = t + sysmonPolicy.pollNs }
    rescheduleSysmon()
  }

  /// The program parked in runtime.GC(): every P goes idle, sysmon deep-sleeps from now.
  func sysmonProgramParked() {
    if sysmon.deepSleepSince == nil { sysmon.deepSleepSince = now }
    rescheduleSysmon()
  }

  /// The program's timer fired at `t`: sysmon is awake with it and does its duties before the
  /// program resumes.
  func sysmonTimerFired(at t: Int) throws {
    if sysmon.deepSleepSince != nil {
      sysmon.deepSleepSince = nil
      try sysmonDuties(at: t)
    }
    rescheduleSysmon()
  }

  /// Schedules sysmon's next wake-up if it has anything to do.
  func rescheduleSysmon() {
    sysmon.epoch += 1
    guard sysmonPolicyOrNil != nil else { return }
    var due: Int? = forcedGCDeadline
    if let r = scavenger.readyAt { due = min(due ?? r, r) }
    guard let due else { return }
    let p = sysmonPolicy
    let wake: Int
    if let s = sysmon.deepSleepSince {
      var w = s + p.maxIdleSleepNs
      if let timer = programTimer, timer < w { w = timer }
      wake = max(w, now)
    } else {
      // Polling: the first poll at or after `due` (polls on a fixed grid of pollNs).
      wake = alignUp(max(due, now), p.pollNs)
    }
    schedule(.sysmonWake(epoch: sysmon.epoch), at: wake)
  }

  /// A scheduled wake-up: sysmon does its duties, then sleeps again — deeply (after one more
  /// poll) while the program is idle, polling while it runs.
  func sysmonWake() throws {
    // About to force a GC while the program sleeps: periods that repeat are advanced at once.
    if programTimer != nil, let deadline = forcedGCDeadline, now >= deadline { advanceSteadyPeriods() }
    let t = now
    try sysmonDuties(at: t)
    if let timer = programTimer, timer > t {
      if !isMarking { sysmon.deepSleepSince = t + sysmonPolicy.pollNs }
    } else {
      sysmon.deepSleepSince = nil
    }
    rescheduleSysmon()
  }

  /// A cycle sysmon started has finished: sysmon, polling while the GC ran, notices the
  /// scavenger's readiness at its next poll, then deep-sleeps again if the program still sleeps.
  func sysmonCycleFinished() {
    sysmon.deepSleepSince = nil
  }

  /// What sysmon does when awake: the periodic GC and waking the scavenger.
  func sysmonDuties(at t: Int) throws {
    if let deadline = forcedGCDeadline, t >= deadline {
      emit(.sysmonForcedGC(timeNs: t))
      sysmon.deepSleepSince = nil  // the GC makes Ps busy: sysmon polls until it is done
      try startCycle(.time)
    }
    if let r = scavenger.readyAt, r <= t {
      wakeScavenger(at: t)
    }
  }
}
