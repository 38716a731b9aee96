// runtime/metrics as the runtime computes it (runtime/metrics.go readMetrics, the statAggregate
// and its compute functions; runtime/histogram.go; Go 1.19.8's and 1.27.3's sources).
//
// A metric is a name the program passes in a metrics.Sample; Read fills the sample's Value by the
// name's compute function, from the runtime's statistics of the moment. The names and kinds of a
// profile are its Go's metrics.All() (RuntimeMetrics+Descriptions.swift, generated from the
// recorded lists). Every value here comes from the same state MemStats is read from, with the
// runtime's own arithmetic — which is not always MemStats':
//
//   - The heap counts come from the consistent stats (heapStatsAggregate): per size class, the
//     slots allocated as each span left an mcache, and frees as the sweeper counted them. Unlike
//     ReadMemStats, Read does not flush the mcaches, so slots taken from a span still cached are
//     not in /gc/heap/allocs:objects yet (nor in /memory/classes/heap/objects:bytes), and the
//     tiny allocations not yet flushed are not in /gc/heap/tiny/allocs:objects.
//   - The /cpu/classes/ values are the snapshot work.cpuStats took at the last mark termination
//     (cpuStatsAggregate.compute: "relying on the STW snapshot"): 0 before the first cycle.
//   - The time histograms (/gc/pauses:seconds, /sched/pauses/...) count each stop-the-world
//     pause in timeHistogram's buckets: Go 1.27.3's 4 sub-buckets per power of two from 2^9 ns,
//     Go 1.19.8's 16 per power of two from 1 ns.

/// A metric value's kind (metrics.ValueKind's constants, value.go).
public enum MetricKind: Int, Sendable {
  case bad = 0, uint64, float64, float64Histogram
}

/// One entry of metrics.All(): the metric's name, kind, description, and whether it only grows.
public struct MetricDescription: Sendable {
  public let name: String
  public let kind: MetricKind
  public let description: String
  public let cumulative: Bool
  /// A /godebug/ entry: one per GODEBUG setting of internal/godebugs, its name and description
  /// made by description.go's init (the others are constants).
  public var isGodebugSetting: Bool { name.hasPrefix("/godebug/") }

  init(_ name: String, _ kind: MetricKind, _ description: String, cumulative: Bool) {
    self.name = name
    self.kind = kind
    self.description = description
    self.cumulative = cumulative
  }
}

/// The bucket boundaries a histogram metric shares with the others of its kind (the runtime's
/// sizeClassBuckets and timeHistBuckets, made once by initMetrics).
public enum MetricBuckets: Sendable {
  case sizeClasses, time
}

/// What Read writes into a sample's Value.
public enum MetricValue: Sendable, Equatable {
  case bad
  case uint64(UInt64)
  case float64(Double)
  case histogram(counts: [UInt64], buckets: MetricBuckets)
}

/// The scheduler's side of /sched/goroutines*: gcsh's scheduler is the interpreter's, so the VM
/// reports its goroutines when it reads.
public struct SchedulerCounts: Sendable {
  /// The program's live goroutines (main included), those runnable but not running, and every
  /// goroutine the program started since the process began.
  public var live: Int
  public var runnable: Int
  public var created: Int

  public init(live: Int, runnable: Int, created: Int) {
    self.live = live
    self.runnable = runnable
    self.created = created
  }
}

extension RuntimeProfile {
  /// metrics.All() of this profile's Go (empty before Go 1.16).
  public var metricDescriptions: [MetricDescription] {
    guard has(.metrics) else { return [] }
    return version >= GoVersion(1, 21) ? MetricDescription.go127 : MetricDescription.go119
  }

  /// initMetrics' bucket boundaries. Size classes: 1, then each class's size + 1 (a class's
  /// sizes are (previous, size], a bucket's [lo, hi)), then +Inf; a large object counts in the
  /// last bucket. Times, in seconds: timeHistogramMetricsBuckets of the era.
  public func metricBuckets(_ b: MetricBuckets) -> [Double] {
    switch b {
    case .sizeClasses:
      return [1] + sizeClasses.classes.map { Double($0.size + 1) } + [Double.infinity]
    case .time:
      return TimeHistogram.buckets(for: version)
    }
  }
}

/// The runtime's timeHistogram (runtime/histogram.go): counts of durations by bucket, with an
/// underflow count for negative ones. Go 1.21+ (HDR-style: 2 bits of sub-bucket per power of
/// two, from 2^9 ns up to 2^48 ns, an overflow bucket above); Go 1.19 (4 bits of sub-bucket per
/// power of two, 45 super-buckets from 0 ns, the largest values clamped into the last bucket).
struct TimeHistogram: Sendable {
  private(set) var counts: [UInt64]
  private(set) var underflow: UInt64 = 0
  private(set) var overflow: UInt64 = 0
  let modern: Bool

  // Go 1.21+ (histogram.go).
  static let minBucketBits = 9
  static let maxBucketBits = 48
  static let subBucketBits = 2
  static let numSubBuckets = 1 << subBucketBits
  static let numBuckets = maxBucketBits - minBucketBits + 1
  // Go 1.19.8.
  static let subBucketBits119 = 4
  static let numSubBuckets119 = 1 << subBucketBits119
  static let numSuperBuckets119 = 45

  init(version: GoVersion) {
    modern = version >= GoVersion(1, 21)
    counts = Array(repeating: 0, count: modern
      ? Self.numBuckets * Self.numSubBuckets : Self.numSuperBuckets119 * Self.numSubBuckets119)
  }

  /// timeHistogram.record, `times` samples of one duration.
  mutating func record(_ duration: Int, times: Int = 1) {
    guard times > 0 else { return }
    let n = UInt64(times)
    switch slot(duration) {
    case .underflow: underflow += n
    case .overflow: overflow += n
    case .bucket(let i): counts[i] += n
    }
  }

  private enum Slot { case underflow, overflow, bucket(Int) }

  /// Where timeHistogram.record counts a duration.
  private func slot(_ duration: Int) -> Slot {
    if duration < 0 { return .underflow }
    let len = UInt64(duration).bitWidth - UInt64(duration).leadingZeroBitCount
    if modern {
      let (bucketBit, bucket) = len < Self.minBucketBits
        ? (Self.minBucketBits, 0) : (len, len - Self.minBucketBits + 1)
      if bucket >= Self.numBuckets { return .overflow }
      let sub = (duration >> (bucketBit - 1 - Self.subBucketBits)) % Self.numSubBuckets
      return .bucket(bucket * Self.numSubBuckets + sub)
    }
    guard duration >= Self.numSubBuckets119 else { return .bucket(duration) }
    let superBucket = len - Self.subBucketBits119
    // The largest durations are clamped into the last bucket.
    if superBucket * Self.numSubBuckets119 >= counts.count { return .bucket(counts.count - 1) }
    return .bucket(superBucket * Self.numSubBuckets119 + (duration >> (superBucket - 1)) % Self.numSubBuckets119)
  }

  /// timeHistogram.write: underflow, the buckets, and (Go 1.21+) overflow — one count per
  /// bucket of `buckets(for:)`.
  var metricCounts: [UInt64] {
    modern ? [underflow] + counts + [overflow] : [underflow] + counts
  }

  /// timeHistogramMetricsBuckets, in seconds.
  static func buckets(for version: GoVersion) -> [Double] {
    if version >= GoVersion(1, 21) {
      var b = [Double](repeating: 0, count: numBuckets * numSubBuckets + 3)
      b[0] = -Double.infinity
      for j in 0..<numSubBuckets {
        b[j + 1] = Double(UInt64(j) << (minBucketBits - 1 - subBucketBits)) / 1e9
      }
      for i in minBucketBits..<maxBucketBits {
        for j in 0..<numSubBuckets {
          let ns = (UInt64(1) << (i - 1)) | (UInt64(j) << (i - 1 - subBucketBits))
          b[(i - minBucketBits + 1) * numSubBuckets + j + 1] = Double(ns) / 1e9
        }
      }
      b[b.count - 2] = Double(UInt64(1) << (maxBucketBits - 1)) / 1e9
      b[b.count - 1] = Double.infinity
      return b
    }
    var b = [Double](repeating: 0, count: numSuperBuckets119 * numSubBuckets119 + 2)
    b[0] = -Double.infinity
    for i in 0..<numSubBuckets119 { b[i + 1] = Double(i) / 1e9 }
    for i in 0..<(numSuperBuckets119 - 1) {
      for j in 0..<numSubBuckets119 {
        let ns = (UInt64(1) << (i + subBucketBits119)) | (UInt64(j) << i)
        b[(i + 1) * numSubBuckets119 + j + 1] = Double(ns) / 1e9
      }
    }
    b[b.count - 1] = Double.infinity
    return b
  }
}

/// The runtime's stop-the-world histograms: GC pauses (Go 1.19.8's memstats.gcPauseDist, Go
/// 1.27.3's sched.stwTotalTimeGC) and, in Go 1.22+, the time to stop and the other (non-GC)
/// stops: ReadMemStats's.
struct PauseHistograms: Sendable {
  var totalGC: TimeHistogram
  var stoppingGC: TimeHistogram
  var totalOther: TimeHistogram
  var stoppingOther: TimeHistogram

  init(version: GoVersion) {
    totalGC = TimeHistogram(version: version)
    stoppingGC = totalGC
    totalOther = totalGC
    stoppingOther = totalGC
  }
}

/// heapStatsAggregate: the heap counts the consistent stats hold, bytes and objects.
struct HeapStatsAggregate {
  var allocBytes: Int
  var allocs: Int
  var freeBytes: Int
  var frees: Int
  /// Per small size class: its size, allocations and frees.
  var small: [(size: Int, allocs: Int, frees: Int)]
  var largeAllocs: Int
  var largeFrees: Int
}

/// work.cpuStats as the last mark termination left it (mstats.go cpuStats.accumulate), ns.
struct CPUStatsSnapshot: Sendable {
  var gcAssist = 0
  var gcDedicated = 0
  var gcIdle = 0
  var gcPause = 0
  var scavengeAssist = 0
  var scavengeBackground = 0
  var idle = 0
  var total = 0
  var gcTotal: Int { gcAssist + gcDedicated + gcIdle + gcPause }
  var scavengeTotal: Int { scavengeAssist + scavengeBackground }
  /// UserTime = TotalTime - (GCTotalTime + ScavengeTotalTime + IdleTime).
  var user: Int { total - gcTotal - scavengeTotal - idle }
}

extension GoRuntime {
  /// One stop-the-world pause of `ns` (its stopping part `stoppingNs`), for the histograms.
  func recordPause(_ ns: Int, stoppingNs: Int, gc: Bool, times: Int = 1) {
    if gc {
      pauseHistograms.totalGC.record(ns, times: times)
      pauseHistograms.stoppingGC.record(stoppingNs, times: times)
    } else {
      pauseHistograms.totalOther.record(ns, times: times)
      pauseHistograms.stoppingOther.record(stoppingNs, times: times)
    }
  }

  /// A GC cycle's stops of the world as the histograms count them: sweep termination and mark
  /// termination, two samples (Go 1.19.8 mgc.go gcPauseDist.record at both; Go 1.27.3
  /// startTheWorldWithSema's stwTotalTimeGC). Go 1.0, whose one stop lasts the whole cycle,
  /// has no runtime/metrics.
  func recordCyclePauses(times: Int = 1) {
    let cost = profile.cost
    let stops = profile.collector == .concurrent ? [Int(cost.sweepTermNs), Int(cost.markTermNs)] : []
    for stop in stops { recordPause(stop, stoppingNs: min(stop, cost.stwStoppingNs), gc: true, times: times) }
  }

  /// gcMarkTermination's cpuStats.accumulate: the GC's CPU by kind, the scavenger's, and the
  /// time the Ps had nothing to run — the program sleeping or blocked with every P idle, and
  /// the Ps beyond the one running the program while it runs — over GOMAXPROCS × the time since
  /// start.
  func snapshotCPUStats(pause: Int, assist: Int, background: Int, idleMark: Int) {
    cpuStats.gcPause &+= pause &* profile.procs
    cpuStats.gcAssist += assist
    cpuStats.gcDedicated += background
    cpuStats.gcIdle += idleMark
    refreshCPUStatsTotals(at: now)
  }

  /// cpuStats.accumulate's totals at `t` (a mark termination): TotalTime, the scavenger's time
  /// (the work of its releases) and IdleTime — every P's time that neither the
  /// program, the GC nor the scavenger used.
  func refreshCPUStatsTotals(at t: Int) {
    cpuStats.scavengeBackground = Int(scavenger.totalWorkBgNs)
    cpuStats.scavengeAssist = Int(scavenger.totalWorkEagerNs)
    // (TotalTime is an int64 of ns × GOMAXPROCS: a process that has slept for centuries of
    // virtual time would wrap it; it saturates here.)
    let (total, overflow) = t.multipliedReportingOverflow(by: profile.procs)
    cpuStats.total = overflow ? Int.max : total
    let idleSoFar = programIdleNs + (asleepSince.map { max(0, t - $0) } ?? 0)
    // (The program's clock also ran its mark assists, which cpuStats counts as the GC's.)
    let programRan = max(0, t - idleSoFar - stoppedTheWorldNs - cpuStats.gcAssist)
    cpuStats.idle = max(0, cpuStats.total - programRan - cpuStats.gcTotal - cpuStats.scavengeTotal)
  }

  /// The consistent stats' heap counts (heapStatsAggregate.compute): per size class as the
  /// mcaches last flushed them, large objects as allocated and freed.
  private func heapStatsAggregate() -> HeapStatsAggregate {
    let classes = profile.sizeClasses.classes
    // MemStats' counts are the consistent stats' plus the slots taken from spans still cached
    // (the flush ReadMemStats does): what is beyond both in Mallocs is large objects.
    let cachedSlots = cachedSlotsBySizeClass()
    var cached = (slots: 0, bytes: 0)
    for c in 1..<cachedSlots.count {
      cached.slots += cachedSlots[c]
      cached.bytes += cachedSlots[c] * classes[c - 1].size
    }
    var counted = (allocs: 0, allocBytes: 0, frees: 0, freeBytes: 0)
    var flushed = (allocs: 0, allocBytes: 0)
    var small: [(Int, Int, Int)] = []
    for c in 1..<smallAllocCount.count {
      let size = classes[c - 1].size
      let allocs = smallAllocCount[c] - min(smallAllocCount[c], unflushedStartupCount[c])
      small.append((size, allocs, smallFreeCount[c]))
      counted.allocs += smallAllocCount[c]
      counted.allocBytes += smallAllocCount[c] * size
      counted.frees += smallFreeCount[c]
      counted.freeBytes += smallFreeCount[c] * size
      flushed.allocs += allocs
      flushed.allocBytes += allocs * size
    }
    let largeAllocs = objectsAllocated - counted.allocs - cached.slots
    let largeAllocBytes = totalAllocBytes - counted.allocBytes - cached.bytes
    let largeFrees = objectsFreed - counted.frees
    let largeFreeBytes = (totalAllocBytes - heapAllocBytes) - counted.freeBytes
    return HeapStatsAggregate(
      allocBytes: flushed.allocBytes + largeAllocBytes, allocs: flushed.allocs + largeAllocs,
      freeBytes: counted.freeBytes + largeFreeBytes, frees: counted.frees + largeFrees, small: small,
      largeAllocs: largeAllocs, largeFrees: largeFrees)
  }

  /// The values one Read puts in samples of these names, all from the state of one moment
  /// (readMetricsLocked aggregates the statistics once, each kind when a sample first needs it).
  public func readMetrics(_ names: [String], scheduler: SchedulerCounts) -> [MetricValue] {
    let m = memStats()
    var heapStats: HeapStatsAggregate? = nil
    return names.map { metric($0, m, &heapStats, scheduler) }
  }

  /// The value Read puts in a sample named `name` (KindBad for a name the profile's Go does not
  /// have). `scheduler` is the interpreter's goroutines at the moment of the read.
  public func readMetric(_ name: String, scheduler: SchedulerCounts) -> MetricValue {
    readMetrics([name], scheduler: scheduler)[0]
  }

  private func metric(
    _ name: String, _ m: MemStats, _ heapStats: inout HeapStatsAggregate?, _ scheduler: SchedulerCounts
  ) -> MetricValue {
    guard profile.metricDescriptions.contains(where: { $0.name == name }) else { return .bad }
    let meta = profile.metadataAllocators
    let u = { (v: Int) -> MetricValue in .uint64(UInt64(bitPattern: Int64(v))) }
    let seconds = { (ns: Int) -> MetricValue in .float64(Double(ns) / 1e9) }
    if name.hasPrefix("/godebug/") { return .uint64(0) }
    switch name {
    case "/memory/classes/heap/objects:bytes", "/gc/heap/allocs:bytes", "/gc/heap/allocs:objects",
      "/gc/heap/frees:bytes", "/gc/heap/frees:objects", "/gc/heap/objects:objects",
      "/memory/classes/heap/unused:bytes", "/gc/heap/allocs-by-size:bytes", "/gc/heap/frees-by-size:bytes":
      let h = heapStats ?? heapStatsAggregate()
      heapStats = h
      switch name {
      case "/gc/heap/allocs:bytes": return u(h.allocBytes)
      case "/gc/heap/allocs:objects": return u(h.allocs)
      case "/gc/heap/frees:bytes": return u(h.freeBytes)
      case "/gc/heap/frees:objects": return u(h.frees)
      case "/gc/heap/objects:objects": return u(h.allocs - h.frees)
      case "/memory/classes/heap/objects:bytes": return u(h.allocBytes - h.freeBytes)
      case "/memory/classes/heap/unused:bytes": return u(m.heapInuse - (h.allocBytes - h.freeBytes))
      default:
        // One bucket per size class (class 0, the stand-in for large objects, has none), then
        // +Inf's, which counts the large objects.
        let allocs = name == "/gc/heap/allocs-by-size:bytes"
        let counts = h.small.map { UInt64(allocs ? $0.allocs : $0.frees) }
        return .histogram(counts: counts + [UInt64(allocs ? h.largeAllocs : h.largeFrees)], buckets: .sizeClasses)
      }
    case "/gc/heap/tiny/allocs:objects": return u(tinyAllocs - unflushedStartupTiny)
    case "/memory/classes/heap/free:bytes": return u(m.heapIdle - m.heapReleased)
    case "/memory/classes/heap/released:bytes": return u(m.heapReleased)
    case "/memory/classes/heap/stacks:bytes": return u(m.stackInuse)
    case "/memory/classes/os-stacks:bytes": return u(m.stackSys - m.stackInuse)
    case "/memory/classes/metadata/mcache/free:bytes": return u(meta.mcacheSys - meta.mcacheInuse)
    case "/memory/classes/metadata/mcache/inuse:bytes": return u(meta.mcacheInuse)
    case "/memory/classes/metadata/mspan/free:bytes": return u(mspans.sysBytes - mspans.inuseBytes)
    case "/memory/classes/metadata/mspan/inuse:bytes": return u(mspans.inuseBytes)
    case "/memory/classes/metadata/other:bytes": return u(m.gcSys)
    case "/memory/classes/other:bytes": return u(otherSys)
    case "/memory/classes/profiling/buckets:bytes": return u(meta.buckHashSys)
    case "/memory/classes/total:bytes": return u(m.sys)
    case "/gc/heap/goal:bytes": return u(m.nextGC)
    case "/gc/heap/live:bytes": return u(pacer.heapMarked)
    case "/gc/gogc:percent": return u(gcPercent)
    case "/gc/gomemlimit:bytes": return u(memoryLimit)
    case "/gc/cycles/total:gc-cycles": return u(numGC)
    case "/gc/cycles/forced:gc-cycles": return u(numForcedGC)
    case "/gc/cycles/automatic:gc-cycles": return u(numGC - numForcedGC)
    case "/gc/scan/heap:bytes": return u(pacer.lastHeapScan)
    case "/gc/scan/stack:bytes": return u(pacer.stackScan)
    case "/gc/scan/globals:bytes": return u(pacer.globalsScan)
    case "/gc/scan/total:bytes": return u(pacer.lastHeapScan + pacer.stackScan + pacer.globalsScan)
    case "/gc/stack/starting-size:bytes":
      if case .contiguous(let p) = profile.stacks { return u(p.fixedStack) }
      return u(0)
    case "/gc/finalizers/queued:finalizers": return u(finalizersQueued)
    case "/gc/finalizers/executed:finalizers": return u(finalizersExecuted)
    // runtime.AddCleanup is not in gcsh: no program has a cleanup.
    case "/gc/cleanups/queued:cleanups", "/gc/cleanups/executed:cleanups": return u(0)
    // gcsh models neither the GC CPU limiter (it never turns on) nor cgo (no calls).
    case "/gc/limiter/last-enabled:gc-cycle", "/cgo/go-to-c-calls:calls": return u(0)
    case "/gc/pauses:seconds", "/sched/pauses/total/gc:seconds":
      return .histogram(counts: pauseHistograms.totalGC.metricCounts, buckets: .time)
    case "/sched/pauses/stopping/gc:seconds":
      return .histogram(counts: pauseHistograms.stoppingGC.metricCounts, buckets: .time)
    case "/sched/pauses/total/other:seconds":
      return .histogram(counts: pauseHistograms.totalOther.metricCounts, buckets: .time)
    case "/sched/pauses/stopping/other:seconds":
      return .histogram(counts: pauseHistograms.stoppingOther.metricCounts, buckets: .time)
    case "/sched/latencies:seconds":
      // Not measured (gcsh's scheduler has no run-queue wait): an empty histogram.
      return .histogram(counts: TimeHistogram(version: profile.version).metricCounts, buckets: .time)
    case "/sched/gomaxprocs:threads": return u(profile.procs)
    case "/sched/goroutines:goroutines":
      // Go 1.27.3 counts the runtime's own goroutines too (gcount(true)); Go 1.19.8 does not.
      return u(scheduler.live + (profile.version >= GoVersion(1, 21) ? systemGoroutines : 0))
    case "/sched/goroutines/running:goroutines": return u(1)
    case "/sched/goroutines/runnable:goroutines": return u(scheduler.runnable)
    case "/sched/goroutines/not-in-go:goroutines": return u(0)
    case "/sched/goroutines/waiting:goroutines":
      return u(max(0, scheduler.live + systemGoroutines - 1 - scheduler.runnable))
    case "/sched/goroutines-created:goroutines": return u(scheduler.created + systemGoroutines)
    case "/sched/threads/total:threads": return u(profile.runtimeThreads)
    case "/sync/mutex/wait/total:seconds": return seconds(0)
    case "/cpu/classes/gc/mark/assist:cpu-seconds": return seconds(cpuStats.gcAssist)
    case "/cpu/classes/gc/mark/dedicated:cpu-seconds": return seconds(cpuStats.gcDedicated)
    case "/cpu/classes/gc/mark/idle:cpu-seconds": return seconds(cpuStats.gcIdle)
    case "/cpu/classes/gc/pause:cpu-seconds": return seconds(cpuStats.gcPause)
    case "/cpu/classes/gc/total:cpu-seconds": return seconds(cpuStats.gcTotal)
    case "/cpu/classes/idle:cpu-seconds": return seconds(cpuStats.idle)
    case "/cpu/classes/scavenge/assist:cpu-seconds": return seconds(cpuStats.scavengeAssist)
    case "/cpu/classes/scavenge/background:cpu-seconds": return seconds(cpuStats.scavengeBackground)
    case "/cpu/classes/scavenge/total:cpu-seconds": return seconds(cpuStats.scavengeTotal)
    case "/cpu/classes/total:cpu-seconds": return seconds(cpuStats.total)
    case "/cpu/classes/user:cpu-seconds": return seconds(cpuStats.user)
    default:
      // Every name of both lists is computed above (RuntimeMetricsTests reads them all).
      return .bad
    }
  }

  /// The runtime's goroutines besides the program's once main runs (forcegc, bgsweep,
  /// bgscavenge, ...), and the mark workers once the first cycle has started them.
  var systemGoroutines: Int {
    profile.runtimeGoroutinesAtMain + (markWorkersStarted ? profile.procs : 0)
  }

  /// Whether gcBgMarkStartWorkers has run (the first cycle starts one worker per P).
  var markWorkersStarted: Bool { cyclesStarted > 0 }
}
