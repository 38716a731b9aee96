// MemStats: the runtime's numbers, with Go's field names (runtime.MemStats, mstats.go).
//
// The identities of reference B.8 hold by construction:
//   HeapSys = HeapInuse + HeapIdle; HeapIdle = heapFree + HeapReleased; HeapReleased <= HeapIdle;
//   HeapObjects = Mallocs - Frees; Sys = HeapSys + StackSys + GCSys + OtherSys (the latter
//   standing for MSpanSys + MCacheSys + BuckHashSys + OtherSys); mappedReady = Sys - HeapReleased.
// RSS is not a MemStats field: it is the OS's count of resident pages (OSMemory).

/// A snapshot of the runtime's memory statistics.
public struct MemStats: Sendable, Equatable {
  /// Virtual time of the snapshot, ns.
  public var timeNs: Int
  public var heapAlloc: Int
  public var totalAlloc: Int
  public var sys: Int
  public var mallocs: Int
  public var frees: Int
  public var heapSys: Int
  public var heapIdle: Int
  public var heapInuse: Int
  public var heapReleased: Int
  public var heapObjects: Int
  public var stackInuse: Int
  public var stackSys: Int
  public var gcSys: Int
  /// MSpanSys + MCacheSys + BuckHashSys + OtherSys.
  public var otherSys: Int
  public var nextGC: Int
  /// Virtual time of the last mark termination, ns (0 before the first GC).
  var lastGC: Int
  var pauseTotalNs: Int
  public var numGC: Int
  public var numForcedGC: Int
  /// GC CPU fraction since start.
  public var gcCPUFraction: Double
  /// The OS's resident set size, bytes (macOS: the resident size).
  public var rss: Int
  /// macOS's physical footprint (Activity Monitor); equals `rss` elsewhere.
  public var footprint: Int

  /// Alloc is HeapAlloc (mstats.go).
  var alloc: Int { heapAlloc }

  /// The fields by Go name, for renderers (integers; bytes, counts or ns).
  public var fields: [(String, Int)] {
    [
      ("Alloc", alloc), ("TotalAlloc", totalAlloc), ("Sys", sys), ("Mallocs", mallocs),
      ("Frees", frees), ("HeapAlloc", heapAlloc), ("HeapSys", heapSys), ("HeapIdle", heapIdle),
      ("HeapInuse", heapInuse), ("HeapReleased", heapReleased), ("HeapObjects", heapObjects),
      ("StackInuse", stackInuse), ("StackSys", stackSys), ("GCSys", gcSys),
      ("OtherSys", otherSys), ("NextGC", nextGC), ("LastGC", lastGC),
      ("PauseTotalNs", pauseTotalNs), ("NumGC", numGC), ("NumForcedGC", numForcedGC),
    ]
  }

  /// A field by its Go name (also "RSS").
  public func value(named name: String) -> Int? {
    if name == "RSS" { return rss }
    if name == "Footprint" { return footprint }
    return fields.first { $0.0 == name }?.1
  }
}

extension GoRuntime {
  /// Pages in spans minus stack spans (mstats.go: stack spans are not heap in use).
  var heapInUseBytes: Int { (pages.inUsePages - stackHeapPages) * profile.pageSize }
  var heapReleasedBytes: Int { pages.releasedPages * profile.pageSize }
  var heapFreeBytes: Int { pages.retainedPages * profile.pageSize }
  /// heapInUse + heapFree: what the scavenger compares with its goal.
  var heapRetainedBytes: Int { heapInUseBytes + heapFreeBytes }
  var heapSysBytes: Int { heapInUseBytes + heapFreeBytes + heapReleasedBytes }
  var sysBytes: Int { heapSysBytes + stackSysBytes + gcSys + otherSys + metadataSys }
  /// MSpanSys + MCacheSys + BuckHashSys.
  var metadataSys: Int {
    let m = profile.metadataAllocators
    return mspans.sysBytes + m.mcacheSys + m.buckHashSys
  }
  /// Memory mapped and ready (Sys - HeapReleased): what GOMEMLIMIT limits.
  var mappedReady: Int { sysBytes - heapReleasedBytes }
  /// heapInUse * 100 / heapRetained, as scavtrace prints it.
  var utilPercent: Int {
    let r = heapRetainedBytes
    return r == 0 ? 0 : heapInUseBytes * 100 / r
  }

  /// runtime.ReadMemStats.
  public func memStats() -> MemStats {
    return MemStats(
      timeNs: now, heapAlloc: heapAllocBytes, totalAlloc: totalAllocBytes, sys: sysBytes,
      mallocs: objectsAllocated + tinyAllocs, frees: objectsFreed + tinyAllocs,
      heapSys: heapSysBytes, heapIdle: heapFreeBytes + heapReleasedBytes,
      heapInuse: heapInUseBytes, heapReleased: heapReleasedBytes,
      heapObjects: objectsAllocated - objectsFreed, stackInuse: stackInuseBytes,
      stackSys: stackSysBytes,
      gcSys: gcSys, otherSys: otherSys + metadataSys, nextGC: currentGoal() == Int.max ? Int.max : currentGoal(),
      lastGC: lastGCEndNs ?? 0, pauseTotalNs: pauseTotalNs, numGC: numGC,
      numForcedGC: numForcedGC, gcCPUFraction: gcCPUFraction,
      rss: os.rss, footprint: os.footprint)
  }

  /// What runtime.ReadMemStats does to the allocator before it reads: it stops the world and
  /// flushes every P's mcache (mstats.go readmemstats_m, flushallmcaches, mcache.releaseAll),
  /// which drops the tiny allocator's block, so the next tiny allocation starts a new 16-byte
  /// block (Tests/Recordings/runs/smallgrow, Go 1.19.8: each function's first 8-byte growslice
  /// adds 16 B to TotalAlloc, though the block of the one before had room). Each cached span
  /// goes back to its mcentral, its slots counted in the consistent stats (which
  /// runtime/metrics reads) and its free slots taken out of heapLive again; the next allocation
  /// of its class refills, and so tests the GC trigger (mallocgc's checkGCTrigger after
  /// nextFree): after SetGCPercent(100) over a 100 MiB heap, a ReadMemStats then one 8-byte
  /// allocation starts a cycle at once in Go 1.27.3 (Tests/Recordings/programs/gc-percent:
  /// `gc 1 ... 100->100->1 MB`, before the next make). The refill takes the span the flush let
  /// go first (Go's mcentral takes the oldest partly free span from its queue; with one, the
  /// same). Go 1.0's ReadMemStats (mgc0.c cachestats) only summed the mcaches: no release.
  /// flushmcache also empties each P's stack cache into the pool (stackcache_clear), which
  /// returns a pool span left with no stack to the heap: StackInuse drops then, not when the
  /// stack was freed.
  public func flushMCachesForReadMemStats() {
    if profile.collector == .concurrent {
      releaseAllMCaches()
    } else {
      // Go 1.0: the counts reach the stats; the spans and the tiny block stay.
      for spc in 0..<spanClassCount {
        guard let s = cachedSpan[spc]?.takeUnretainedValue() else { continue }
        countCachedAllocations(s)
      }
      flushStartupCounts()
    }
    clearStackCache()
  }

  /// mcache.releaseAll on every P: the cached spans become ordinary in-use spans, first in line
  /// for their class's next refill; the tiny block is dropped.
  func releaseAllMCaches() {
    for spc in 0..<spanClassCount {
      guard let cached = cachedSpan[spc] else { continue }
      let s = cached.takeUnretainedValue()
      uncache(s)
      cachedSpan[spc] = nil
      // refill counted the span's free slots in heapLive; releaseAll takes them out (a cycle's
      // mark termination recomputes heapLive anyway).
      heapLive -= (s.nelems - s.allocCount) * s.elemSize
      if s.allocCount < s.nelems { partialSpans[spc].append(s.id) }
    }
    releaseTinyBlock()
    flushStartupCounts()
  }

  /// The start-up objects' counts reach the consistent stats with every mcache's.
  func flushStartupCounts() {
    for c in unflushedStartupCount.indices { unflushedStartupCount[c] = 0 }
    unflushedStartupTiny = 0
  }

  /// mcache.releaseAll's `c.tiny = 0; c.tinyoffset = 0`.
  func releaseTinyBlock() {
    tinyBlock = nil
    tinyOffset = 0
  }

  /// The release mechanism in force.
  public var releaseMechanism: ReleaseMechanism { os.release }

  /// Cumulative bytes released by the background scavenger and eagerly.
  var releasedTotals: (background: Int, eager: Int) {
    (scavenger.totalReleasedBg, scavenger.totalReleasedEager)
  }
}
