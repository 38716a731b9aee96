// The goroutine stack (Stacks.swift): growth as newstack doubles it, the stack allocator's pool
// spans and large spans and when they return to the heap, the shrink at a GC the goroutine
// waits for, the stack term of the heap goal and of gctrace, the overflow, RSS, and Go 1.0's
// segments. Invariants are checked after every step; the numbers the real runs show are cited
// from Tests/Recordings/runs (stackgrow, stackbounds, stackoverflow).

@testable import GoHeap
import Testing

/// main's frames as the VM reports them: `call` runs the prologue's check the VM runs (a frame
/// of `bytes` simulated bytes, one of at most StackSmall counted as StackSmall) and calls
/// `growStack` when it crosses the guard.
final class MainFrames: GoroutineStack {
  let rt: GoRuntime
  private var sizes: [Int] = []
  private(set) var total = 0
  var stackFrameBytes: Int { total }
  var stackFrameCount: Int { sizes.count }

  init(_ rt: GoRuntime, maxFrameBytes: Int = 512 * MiB) {
    self.rt = rt
    rt.setGoroutineStack(self, maxFrameBytes: maxFrameBytes)
  }

  /// Pushes `count` frames of `bytes` each (the VM's CodeObject.stackCheckBytes: a frame's
  /// slots, return address and frame pointer, at least 136 B for the check).
  func call(_ bytes: Int, count: Int = 1) throws {
    for _ in 0..<count {
      let check = total + max(bytes, 136)
      if check >= rt.stackGuard.pointee { _ = try rt.growStack(toFit: total + bytes, check: check) }
      total += bytes
      sizes.append(bytes)
    }
  }

  /// Pops `count` frames.
  func ret(_ count: Int = 1) {
    for _ in 0..<count { total -= sizes.removeLast() }
  }

  func retAll() { ret(sizes.count) }
}

/// The contiguous-stack constants of a profile.
func stackParams(_ p: RuntimeProfile) throws -> ContiguousStacks {
  guard case .contiguous(let c) = p.stacks else {
    throw InvariantViolation(description: "segmented stacks")
  }
  return c
}

/// A fresh runtime whose main is `depth` levels down stackgrow's recursion with Go's frame
/// sizes (`-S`: main.main 32 B, phase 40 B, down 32 B a level, return addresses included).
func downWithGosFrames(_ name: String, depth: Int) throws
  -> (profile: RuntimeProfile, p: ContiguousStacks, rt: GoRuntime, frames: MainFrames)
{
  let profile = try #require(RuntimeProfile.named(name))
  let rt = GoRuntime(profile: profile)
  let frames = MainFrames(rt)
  try frames.call(32)
  try frames.call(40)
  try frames.call(32, count: depth + 1)
  return (profile, try stackParams(profile), rt, frames)
}

/// StackInuse after a checkpoint (ReadMemStats empties the stack caches first).
func stackInuse(_ rt: GoRuntime) -> Int {
  rt.flushMCachesForReadMemStats()
  return rt.memStats().stackInuse
}

@Test(arguments: ["go1.27", "go1.19"])
func mainStartsWithFourKiBInAPoolSpan(_ name: String) throws {
  let profile = try #require(RuntimeProfile.named(name))
  let p = try stackParams(profile)
  let rt = GoRuntime(profile: profile)
  _ = MainFrames(rt)
  let m = rt.memStats()
  // Recordings: StackInuse 262,144 (1.27) and 229,376 (1.19) at start; StackSys = StackInuse.
  #expect(m.stackInuse == profile.startup.stackPages * 8 * KiB)
  #expect(m.stackSys == m.stackInuse)
  #expect(m.heapSys + m.stackInuse == 4 * MiB)
  #expect(rt.goroutineStackSize == 4 * KiB)
  // stackguard0 = lo + 928: frames may reach 4,096 - 800 B from the top, main.main's included.
  #expect(rt.stackGuard.pointee == 4 * KiB - 800 - p.mainBaseBytes)
  try rt.checkInvariants()
}

/// newstack: the new size is twice the old, doubled again while the frame plus the 928-byte
/// guard does not fit; every push leaves the frames above stackguard0.
@Test(arguments: ["go1.27", "go1.19"])
func growthDoublesUntilFrameAndGuardFit(_ name: String) throws {
  let profile = try #require(RuntimeProfile.named(name))
  let p = try stackParams(profile)
  let rt = GoRuntime(profile: profile)
  let frames = MainFrames(rt)
  var sizes = [rt.goroutineStackSize]
  for bytes in [48, 48, 200, 1000, 48, 5000, 48, 40_000, 48, 300_000] {
    for _ in 0..<50 {
      let old = rt.goroutineStackSize
      try frames.call(bytes)
      let size = rt.goroutineStackSize
      let used = p.mainBaseBytes + frames.total
      #expect(used <= size - p.stackNosplit, "the frame reaches below stackguard0")
      if size != old {
        #expect(size >= 2 * old && size.nonzeroBitCount == 1)
        #expect(size - used >= p.stackGuard)
        // Not doubled once more than the frame needs.
        #expect(size == 2 * old || size / 2 - used < p.stackGuard)
        sizes.append(size)
      }
    }
  }
  #expect(sizes.first == 4 * KiB)
  #expect(sizes.count > 5)
  try rt.checkInvariants()
}

/// Recordings (stackgrow, 1k bottom): from 4 KiB to 64 KiB the stack passes through the pool's
/// 8 and 16 KiB stacks; the checkpoint's ReadMemStats empties the caches and the pool spans left
/// empty (main's 4 KiB one, the 8 and 16 KiB ones) return to the heap: start + 64 KiB - 32 KiB.
@Test(arguments: ["go1.27", "go1.19"])
func poolSpansLeaveWhenTheCachesAreEmptied(_ name: String) throws {
  let start = GoRuntime(profile: try #require(RuntimeProfile.named(name))).memStats()
  let (_, _, rt, _) = try downWithGosFrames(name, depth: 1000)
  #expect(rt.goroutineStackSize == 64 * KiB)
  // Before the checkpoint: main's old stacks wait in the P's cache (4, 8, 16 KiB) and keep
  // their spans; the 32 KiB one was its own span and went back at once.
  #expect(rt.memStats().stackInuse == start.stackInuse + 3 * 32 * KiB + 64 * KiB - 32 * KiB)
  let m = rt.memStats()
  _ = stackInuse(rt)
  let after = rt.memStats()
  #expect(after.stackInuse == start.stackInuse + 64 * KiB - 32 * KiB)
  #expect(after.stackInuse == (name == "go1.27" ? 294_912 : 262_144))
  // Stack pages are out of HeapSys, not in HeapInuse; nothing was mapped.
  #expect(after.heapInuse == start.heapInuse)
  #expect(after.heapSys + after.stackInuse == start.heapSys + start.stackInuse)
  #expect(m.heapSys + m.stackInuse == after.heapSys + after.stackInuse)
  #expect(after.sys == start.sys)
  try rt.checkInvariants()
}

/// Recordings (stackgrow, 1M bottom): with Go's frames, main's stack is 32 MiB and the heap's
/// mapped memory (HeapSys + StackInuse) 68 MiB: each large stack needed a run of pages the
/// smaller ones freed before it do not provide.
@Test(arguments: ["go1.27", "go1.19"])
func largeStacksTakeTheHeapsPages(_ name: String) throws {
  let rss0 = GoRuntime(profile: try #require(RuntimeProfile.named(name))).rss
  let (profile, p, rt, frames) = try downWithGosFrames(name, depth: 1_000_000)
  let inuse = stackInuse(rt)
  let m = rt.memStats()
  #expect(rt.goroutineStackSize == 32 * MiB)
  #expect(inuse == (profile.startup.stackPages - 4) * 8 * KiB + 32 * MiB)
  #expect(m.heapSys + m.stackInuse == 68 * MiB)
  // The recording's StackInuse is 33,882,112 (1.27) and 33,816,576 (1.19): 64 KiB more, the
  // stacks of a thread and of the first GC the runtime started meanwhile (README).
  // Every page the frames wrote is resident.
  #expect(m.rss - rss0 >= p.mainBaseBytes + frames.total - 4 * KiB)
  try rt.checkInvariants()
}

/// shrinkstack: each GC main waits for halves its stack while less than a quarter is used
/// (counting 800 B), down to 4 KiB with runtime.GC's frames on it; the old stack's span returns
/// to the heap at the cycle's end. Recordings (stackgrow after 1M): 32 MiB, 16, 8, … 4 KiB in 13
/// GCs, identical in every run.
@Test(arguments: ["go1.27", "go1.19"])
func eachGCMainWaitsForHalvesItsStack(_ name: String) throws {
  let (profile, p, rt, frames) = try downWithGosFrames(name, depth: 1_000_000)
  frames.ret(1_000_001)
  let others = (profile.startup.stackPages - 4) * 8 * KiB
  var sizes: [Int] = []
  var sys: [Int] = []
  for _ in 0..<16 {
    try rt.collect()
    try rt.checkInvariants()
    let size = rt.goroutineStackSize
    sizes.append(size)
    // A stack under 32 KiB is in a 32 KiB pool span.
    #expect(stackInuse(rt) == others + max(size, 32 * KiB))
    sys.append(rt.memStats().heapSys)
  }
  #expect(sizes == (0..<13).map { 16 * MiB >> $0 } + [4 * KiB, 4 * KiB, 4 * KiB])
  // Waiting in runtime.GC: main.main's and phase's frames and runtime.GC's 136 B, + 800, is a
  // quarter of 4 KiB or more, not of 8 KiB.
  let used = p.mainBaseBytes + frames.total + p.gcCallFrameBytes
  #expect(used + p.stackNosplit >= 1 * KiB && used + p.stackNosplit < 2 * KiB)
  // HeapSys never shrinks: the stacks' pages became idle heap.
  #expect(sys == sys.sorted())
}

/// A cycle that starts while main runs (here: an allocation past the trigger) scans it after an
/// asynchronous preemption, where shrinking is unsafe: the stack keeps its size.
@Test func aRunningGoroutineIsNotShrunk() throws {
  let (rt, roots) = runtime(.go127)
  let frames = MainFrames(rt)
  try frames.call(48, count: 20_000)
  frames.retAll()
  let size = rt.goroutineStackSize
  #expect(size == 1 * MiB)
  for i in 0..<8 { roots["x\(i)"] = try rt.allocateSlice(of: .uint8, len: 1 * MiB, cap: 1 * MiB) }
  try rt.waitForCycle()
  #expect(rt.memStats().numGC >= 1 && rt.memStats().numForcedGC == 0)
  #expect(rt.goroutineStackSize == size)
  try rt.collect()
  #expect(rt.goroutineStackSize == size / 2)
  try rt.checkInvariants()
}

/// mgcpacer.go: goal = heapMarked + (heapMarked + lastStackScan + globalsScan) * GOGC/100, where
/// lastStackScan is what the cycle scanned: main's used bytes (runtime.GC's frames included) and
/// the other goroutines'. gctrace's "stacks": lastStackScan in 1.27, maxStackScan (allocated
/// stacks) in 1.19. Recordings: `30 MB stacks` and `32 MB stacks` at the 1M bottom.
@Test(arguments: ["go1.27", "go1.19"])
func theScannedStackCountsInTheGoal(_ name: String) throws {
  let (profile, p, rt, frames) = try downWithGosFrames(name, depth: 1_000_000)
  var cycles: [GCCycle] = []
  rt.subscribe { if case .gcEnd(let c) = $0 { cycles.append(c) } }
  try rt.collect()
  let m = rt.memStats()
  let scanned = p.otherStackScanBytes + p.mainBaseBytes + frames.total + p.gcCallFrameBytes
  #expect(rt.pacer.stackScan == scanned)
  let marked = m.heapAlloc
  #expect(m.nextGC == marked + (marked + scanned + profile.startup.globalsScanBytes))
  // The recordings' NextGC less their globals and marked bytes: the same scan to the byte.
  let recorded =
    name == "go1.27" ? 32_288_266 - 2 * 67_664 - 150_218 : 32_278_744 - 2 * 36_112 - 204_208
  #expect(scanned == recorded)
  let c = try #require(cycles.last)
  if name == "go1.27" {
    #expect(c.stacks == scanned)
    #expect(c.stacks >> 20 == 30)
  } else {
    #expect(c.stacks == 4 * 2 * KiB + 32 * MiB + 2 * 2 * KiB)
    #expect(c.stacks >> 20 == 32)
  }
  // 1,000,002 frames above main.main's: 30-34 ms of mark in the recordings.
  #expect(c.markNs >= 30_000_000 && c.markNs <= 34_000_000)
  // After the return, the next cycle scans a few hundred bytes of main: the goal falls back.
  frames.ret(1_000_001)
  try rt.collect()
  #expect(rt.memStats().nextGC == 4 * MiB)
  try rt.checkInvariants()
}

/// newstack: a size above maxstacksize (1,000,000,000 B) is `fatal error: stack overflow`: the
/// last stack is 512 MiB (recording: `stack=[0x2fa7482e0000, 0x2fa7682e0000]`).
@Test func theStackOverflowsAboveMaxStackSize() throws {
  let rt = GoRuntime(profile: .go127)
  let frames = MainFrames(rt)
  let p = try stackParams(.go127)
  // 63 frames of 8 MiB: 504 MiB + main.main's base fits 512 MiB with its guard.
  try frames.call(8 * MiB, count: 63)
  #expect(rt.goroutineStackSize == 512 * MiB)
  #expect(throws: StackGrowthFailure(reason: .overflow(maxStackSize: p.maxStackSize))) {
    try frames.call(8 * MiB)
  }
  #expect(rt.goroutineStackSize == 512 * MiB)
  try rt.checkInvariants()
}

/// The pages the frames write are resident (RSS); the kernel kills the process when the stack
/// outgrows the machine, as it would for heap pages.
@Test func aDeepStackIsResidentAndCanBeKilled() throws {
  let rt = GoRuntime(profile: .go127)
  let frames = MainFrames(rt)
  let rss0 = rt.rss
  try frames.call(48, count: 100_000)
  let grown = rt.rss - rss0
  // The frames' pages; and the smaller stacks they outgrew (together less than the last one)
  // stay resident as free heap pages until the scavenger releases them.
  #expect(grown >= frames.total - 8 * KiB)
  #expect(grown <= frames.total + rt.goroutineStackSize + 64 * KiB)
  frames.retAll()
  #expect(rt.rss - rss0 == grown)
  try rt.checkInvariants()

  let small = GoRuntime(profile: .go127, machine: MachineConfig(ramBytes: 32 * MiB))
  let deep = MainFrames(small)
  #expect(throws: ProcessDeath.self) { try deep.call(48, count: 1_000_000) }
  guard case .killedByKernel = small.deathCause else {
    Issue.record("expected the OOM killer, got \(String(describing: small.deathCause))")
    return
  }
}

/// Go 1.0's segmented stacks: a 4 KiB segment per 3,896 B of frames from the M's FixAlloc,
/// freed when the frame that needed it returns; the FixAlloc's 128 KiB chunks stay mapped
/// (StackSys) and resident. No maximum: only the host's bound stops a runaway recursion.
@Test func go10SegmentsComeAndGo() throws {
  let rt = GoRuntime(profile: .go10)
  let frames = MainFrames(rt, maxFrameBytes: 64 * MiB)
  let start = rt.memStats()
  #expect(start.stackInuse == 3 * 4 * KiB)
  #expect(start.stackSys == 128 * KiB)
  try frames.call(48, count: 10_000)
  let base = 72 + 56
  let segments = (base + frames.total + 3895) / 3896
  let deep = rt.memStats()
  #expect(deep.stackInuse == (2 + segments) * 4 * KiB)
  #expect(deep.stackSys == ((2 + segments) * 4 * KiB + 128 * KiB - 1) / (128 * KiB) * 128 * KiB)
  #expect(deep.heapSys == start.heapSys)
  #expect(deep.rss - start.rss == (segments - 1) * 4 * KiB)
  frames.retAll()
  let back = rt.memStats()
  #expect(back.stackInuse == start.stackInuse)
  #expect(back.stackSys == deep.stackSys)
  #expect(back.rss == deep.rss)
  #expect(throws: StackGrowthFailure(reason: .simulatorLimit(bytes: 64 * MiB))) {
    try frames.call(48, count: 2_000_000)
  }
  try rt.checkInvariants()
}
