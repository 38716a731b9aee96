// Closed-form long sleeps (GoRuntime+SteadyState.swift): advancing the forced-GC periods that
// repeat must leave exactly what stepping them one by one leaves — every MemStats field, the
// runtime.MemStats image (PauseNs and PauseEnd rings), debug.ReadGCStats's pause history,
// `stats gctrace`'s last cycle — and give subscribers the same events.

@testable import GoHeap
import Testing

/// A process with live objects, garbage freed by the last cycle, a released large object and a
/// smaller live one; then a sleep. Returns the runtime and the events it emitted (the advanced
/// periods expanded as `SteadyCycles.forEachEvent` gives them).
private func sleptProcess(
  _ profile: RuntimeProfile, closedForm: Bool, sleeps: [Int]
) throws -> (GoRuntime, [HeapEvent]) {
  let (rt, roots) = runtime(profile)
  rt.advancesSteadyPeriods = closedForm
  var events: [HeapEvent] = []
  rt.subscribe { e in
    if case .steadyCycles(let s) = e { s.forEachEvent { events.append($0) } } else { events.append(e) }
  }
  let node = nodeType()
  var kept: [Address] = []
  for k in 0..<3000 {
    let n = try rt.allocate(node, count: 1)
    if k % 3 == 0 { kept.append(n) }
  }
  for (k, a) in kept.enumerated() { roots["n\(k)"] = a }
  let big = try rt.allocateSlice(of: .uint8, len: 40 * MiB, cap: 40 * MiB)
  try rt.fillMemory(big, bytes: 40 * MiB, pattern: 1, elemSize: 1)
  roots["small"] = try rt.allocateSlice(of: .uint64, len: 100_000, cap: 100_000)
  try rt.collect()
  try rt.sleep(3 * Duration.second)
  for ns in sleeps { try rt.sleep(ns) }
  try rt.checkInvariants()
  return (rt, events)
}

/// The runtime.MemStats image ReadMemStats writes (every field of the era's struct).
private func image(_ rt: GoRuntime) throws -> [UInt8] {
  var bytes = [UInt8](repeating: 0, count: rt.profile.memStatsType.size)
  try bytes.withUnsafeMutableBytes { try rt.readMemStats(into: $0) }
  return bytes
}

/// What a subscriber can tell apart about an event.
private func describe(_ e: HeapEvent) -> String {
  switch e {
  case .gcEnd(let c):
    return "gcEnd \(c.number) \(c.trigger) \(c.startNs) \(c.endNs) \(c.cpuPercent) \(c.pauseNs) "
      + "\(c.heapStart) \(c.heapEnd) \(c.heapMarked) \(c.goal) \(c.freedBytes) \(c.markNs)"
  default: return "\(e)"
  }
}

@Test(arguments: ["go1.27", "go1.19"])
func closedFormSleepLeavesWhatSteppingLeaves(_ name: String) throws {
  let profile = try #require(RuntimeProfile.named(name))
  // 2000 hours (60,000 forced cycles), then shorter sleeps that start and end mid-period.
  let sleeps = [2000 * Duration.hour, 37 * Duration.minute, 100 * Duration.hour + 17]
  let (stepped, steppedEvents) = try sleptProcess(profile, closedForm: false, sleeps: sleeps)
  let (closed, closedEvents) = try sleptProcess(profile, closedForm: true, sleeps: sleeps)
  #expect(stepped.steadyCyclesAdvanced == 0)
  #expect(closed.steadyCyclesAdvanced > 60_000)
  #expect(closed.virtualTime == stepped.virtualTime)
  let a = stepped.memStats()
  let b = closed.memStats()
  #expect(a == b)
  #expect(a.numGC > 60_000)
  #expect(a.gcCPUFraction.bitPattern == b.gcCPUFraction.bitPattern)
  for ((name, x), (_, y)) in zip(a.fields, b.fields) { #expect(x == y, "\(name)") }
  let ha = stepped.gcPauseHistory()
  let hb = closed.gcPauseHistory()
  #expect(ha.numGC == hb.numGC && ha.pauseTotalNs == hb.pauseTotalNs && ha.lastGC == hb.lastGC)
  #expect(ha.pauses == hb.pauses && ha.ends == hb.ends)
  #expect(ha.pauses.count == 256)
  #expect(describe(.gcEnd(try #require(stepped.lastCycle))) == describe(.gcEnd(try #require(closed.lastCycle))))
  #expect(stepped.nextForcedGCNs == closed.nextForcedGCNs)
  #expect(try image(stepped) == image(closed))
  // Subscribers that expand the advanced periods see every event stepping emits.
  #expect(steppedEvents.count == closedEvents.count)
  #expect(steppedEvents.map(describe) == closedEvents.map(describe))
}

@Test func closedFormAppliesOnlyWhileNothingElseIsScheduled() throws {
  // A sleep shorter than three forced-GC periods: nothing to advance.
  let (rt, _) = try sleptProcess(.go127, closedForm: true, sleeps: [5 * Duration.minute])
  #expect(rt.steadyCyclesAdvanced == 0)
  // Go 1.0 has no sysmon: its scavenger ticks are stepped.
  let (old, _) = try sleptProcess(.go10, closedForm: true, sleeps: [10 * Duration.hour])
  #expect(old.steadyCyclesAdvanced == 0)
}

@Test func sleepsUpToTheEndOfTheMonotonicClock() throws {
  let (rt, _) = runtime(.go127)
  try rt.collect()
  // 292 years less a day: 76 million forced cycles, advanced at once.
  try rt.sleep(GoRuntime.virtualHorizonNs - 24 * Duration.hour)
  #expect(rt.memStats().numGC > 76_000_000)
  try rt.checkInvariants()
  // time.Sleep(math.MaxInt64) saturates at maxWhen (runtime/time.go): it would never wake.
  #expect(throws: SimulationLimit.self) { try rt.sleep(Int.max) }
  // Past the horizon, an hour short of maxWhen.
  #expect(throws: SimulationLimit.self) { try rt.sleep(25 * Duration.hour) }
  try rt.sleep(20 * Duration.hour)
}
