// Events: what the simulated runtime reports to its subscribers.
//
// GoHeap prints nothing. Everything a trace line, a timeline or an explanation needs is carried by
// these values, emitted in the order the runtime would have produced them (gctrace's `gc N` line at
// mark termination, scavtrace at the end of a cycle's sweep, sysmon's `GC forced` before its cycle).

/// Why a GC cycle started.
public enum GCTrigger: String, Sendable {
  /// The heap reached the pacer's trigger (gcTriggerHeap).
  case heap
  /// runtime.GC() or debug.FreeOSMemory() (gcTriggerCycle, userForced).
  case user
  /// sysmon's periodic forced GC, more than 2 minutes after the last one (gcTriggerTime).
  case time
}

/// Everything a gctrace line and a timeline need about one completed cycle.
public struct GCCycle: Sendable {
  /// Cycle number, 1-based (NumGC after it).
  public var number: Int
  public var trigger: GCTrigger
  /// Virtual time the cycle started (sweep termination), ns since process start.
  public var startNs: Int
  /// Virtual time of mark termination, ns.
  public var endNs: Int
  /// Wall clock of the three phases: sweep termination STW, concurrent mark, mark termination STW.
  public var sweepTermNs: Int
  public var markNs: Int
  public var markTermNs: Int
  /// CPU time of the phases (gctrace's `C1+C2/C3/C4+C5 ms cpu`), ns.
  public var cpuSweepTermNs: Int
  public var cpuAssistNs: Int
  public var cpuBackgroundNs: Int
  public var cpuIdleNs: Int
  public var cpuMarkTermNs: Int
  /// heapLive at the start, at mark termination, and the bytes marked live, bytes.
  public var heapStart: Int
  public var heapEnd: Int
  public var heapMarked: Int
  /// The goal this cycle ran against, as the runtime prints it, bytes.
  public var goal: Int
  /// The goal for the next cycle (NextGC after this one), bytes.
  var nextGoal: Int
  /// Scannable stack and global bytes.
  public var stacks: Int
  public var globals: Int
  /// GOMAXPROCS.
  public var procs: Int
  /// GC CPU fraction since process start, percent (gctrace `P%`).
  public var cpuPercent: Int
  /// Stop-the-world pause of this cycle (both STW phases), ns.
  public var pauseNs: Int
  /// Objects and bytes freed by this cycle's sweep.
  var freedObjects: Int
  public var freedBytes: Int
  /// Objects the sweep found unreachable but kept for their finalizers (queued on finq), and
  /// their bytes: a later cycle frees them.
  public var finalizedObjects = 0
  public var finalizedBytes = 0
  /// HeapAlloc before and after the cycle, bytes (Go 1.0's `X -> Y MB`).
  public var heapAllocBefore: Int
  public var heapAllocAfter: Int
  /// Live objects before and after, and the cumulative mallocs and frees after (Go 1.0's
  /// `N -> M (A-B) objects`).
  public var objectsBefore: Int
  public var objectsAfter: Int
  public var mallocs: Int
  public var frees: Int
}

/// The pacer's plan for a cycle at its start, as GODEBUG=gcpacertrace=1 prints it (mgcpacer.go
/// startCycle, after revise): `pacer: assist ratio=R (scan S MB in L->G MB) workers=D+F`.
public struct PacerStart: Sendable {
  /// Scan work an assist owes per byte allocated (assistWorkPerByte): the work expected over the
  /// heap left to the goal (revise).
  public var assistRatio: Double
  /// Scannable heap bytes (gcController.heapScan), heapLive at the start (work.initialHeapLive)
  /// and the goal, bytes.
  public var heapScan: Int
  public var heapLive: Int
  public var heapGoal: Int
  /// Dedicated mark workers, and the fractional worker's utilisation goal.
  public var dedicatedWorkers: Int
  public var fractionalGoal: Double
}

/// The pacer's measurement of a cycle at mark termination (mgcpacer.go endCycle), as
/// gcpacertrace prints it: `pacer: U% CPU (25 exp.) for H+S+G B work (E B exp.) in T B -> L B
/// (∆goal D, cons/mark X)`. The runtime prints nothing when the heap did not grow past
/// `triggered` (endCycle returns first).
public struct PacerEnd: Sendable {
  /// The background goal (0.25) plus the assists' share of the mark's CPU.
  public var utilization: Double
  /// Scan work done: heap, stacks, globals; and the work the cycle expected, bytes.
  public var heapScanWork: Int
  public var stackScanWork: Int
  public var globalsScanWork: Int
  public var expectedScanWork: Int
  /// `triggered` and heapLive at mark termination, bytes.
  public var triggered: Int
  public var heapLive: Int
  /// The goal in force (lastHeapGoal), bytes.
  public var heapGoal: Int
  /// The cons/mark estimate before this cycle's update (oldConsMark).
  public var oldConsMark: Double
  /// Go 1.18-1.20: the PI controller's output was not finite and was reset to 0.
  public var controllerReset: Bool
}

/// One tick of Go 1.0's scavenger goroutine (mheap.c MHeap_Scavenger), as GOGCTRACE prints it.
public struct ScavengerTick: Sendable {
  /// The tick number k (`scvgK`), from 0.
  public var k: Int
  /// Whether this tick forced a GC (`scvgK: GC forced`).
  public var forcedGC: Bool
  /// Bytes released at this tick (`scvgK: 0x.. MB released`).
  public var released: Int
  /// heap_inuse, heap_idle, heap_sys, heap_released, bytes.
  public var inuse: Int
  public var idle: Int
  public var sys: Int
  public var heapReleased: Int
}

/// One report of scavenger work, as scavtrace prints it.
public struct ScavengeReport: Sendable {
  /// Bytes released by the background scavenger since the previous report.
  public var backgroundBytes: Int
  /// Bytes released synchronously (heap growth, memory limit, FreeOSMemory) since the previous one.
  public var eagerBytes: Int
  /// HeapReleased now, bytes.
  public var heapReleased: Int
  /// heapInUse * 100 / heapRetained (integer percent).
  public var utilPercent: Int
  /// True for FreeOSMemory's report (`(forced)`).
  public var forced: Bool
}

/// How the simulated process died. Each is a typed outcome, never a crash of the simulator.
/// A run gcsh cannot replay (it would outlast the virtual-time horizon): the program stops with
/// this message, located at its statement.
public struct SimulationLimit: Error, Equatable, Sendable {
  public let message: String
  public init(_ message: String) { self.message = message }
}

/// A sleep the host stopped (GoRuntime.sleepInterrupted): the program resumes at that instant.
public struct SleepInterrupted: Error, Sendable {}

public enum ProcessDeath: Error, Equatable, Sendable {
  /// The runtime could not reserve address space for the heap's growth (mheap.go grow, when
  /// mheap.sysAlloc fails: `runtime: out of memory: cannot allocate N-byte block (M in use)`,
  /// then allocLarge's or mcentral's `fatal error: out of memory`); exit status 2.
  case runtimeOutOfMemory(requested: Int, inUse: Int)
  /// runtime.throw with this message (`fatal error: runtime: out of memory` when the kernel
  /// refuses to map reserved heap memory: mem_linux.go sysMapOS on ENOMEM); exit status 2.
  case thrown(message: String)
  /// The kernel's OOM killer: resident memory exceeded the machine's or the container's memory
  /// (`Killed`); exit status 137.
  case killedByKernel(rss: Int, limit: Int)
  /// A Go panic, e.g. `runtime error: makeslice: len out of range`; exit status 2.
  case panic(message: String)

  /// The status the real process would have exited with.
  public var exitStatus: Int {
    switch self {
    case .runtimeOutOfMemory, .thrown, .panic: return 2
    case .killedByKernel: return 137
    }
  }
}

/// Something the runtime did, in the order it happened.
public enum HeapEvent: Sendable {
  /// A cycle started (sweep termination).
  case gcStart(number: Int, trigger: GCTrigger, timeNs: Int, heapLive: Int, goal: Int)
  /// A cycle reached mark termination and was swept.
  case gcEnd(GCCycle)
  /// The pacer's plan at a cycle's start and its measurement at the end (gcpacertrace), each
  /// before the cycle's `gcEnd`.
  case pacerStart(PacerStart, timeNs: Int)
  case pacerEnd(PacerEnd, timeNs: Int)
  /// sysmon's forcegchelper woke to start a periodic GC (gctrace prints `GC forced`).
  case sysmonForcedGC(timeNs: Int)
  /// scavtrace's line: printed at the end of each cycle's sweep and after FreeOSMemory.
  case scavengeReport(ScavengeReport, timeNs: Int)
  /// Go 1.0's scavenger ticked (after its forced GC's `gcEnd`, if any).
  case scavengerTick(ScavengerTick, timeNs: Int)
  /// The background scavenger released `bytes` in one burst.
  case scavengerBurst(bytes: Int, timeNs: Int)
  /// The heap mapped `bytes` more address space (HeapSys grew).
  case heapGrowth(bytes: Int, heapSys: Int, timeNs: Int)
  /// The kernel reclaimed lazily freed (MADV_FREE) pages under memory pressure.
  case reclaimed(bytes: Int, timeNs: Int)
  /// The process died.
  case death(ProcessDeath, timeNs: Int)
  /// Forced-GC periods of a long sleep advanced at once, the heap being in a steady state
  /// (GoRuntime+SteadyState.swift): `forEachEvent` gives the events stepping would have emitted.
  case steadyCycles(SteadyCycles)
}
