// runtime.ReadMemStats as a program calls it: the era's `runtime.MemStats` struct, laid out as the
// gc compiler lays it out on amd64, and filled as mstats.go's readmemstats_m fills it.
//
// ReadMemStats stops the world, flushes every P's mcache (which settles the per-size-class
// allocation counts and drops the tiny block), reads the consistent statistics, and starts the
// world again (mstats.go ReadMemStats, readmemstats_m; Go 1.0: mgc0.c runtime·ReadMemStats with
// runtime·stoptheworld and cachestats). The stop is real time the program does not run: it is
// charged on the virtual clock (CostModel.readMemStatsNs).
//
// The fields by era (reference go-runtime-memory.md A.7 for Go 1.0; mstats.go for 1.19 and
// 1.27, whose structs are identical): GCSys and OtherSys arrived in Go 1.2, PauseEnd in 1.4,
// GCCPUFraction in 1.5, NumForcedGC in 1.8.

import Synchronization

extension RuntimeProfile {
  /// `runtime.MemStats` of this era, one type per era (a named type is identical only to
  /// itself, so every program checked against the era sees the same one).
  public var memStatsType: GoType { MemStatsLayout.type(for: version) }
}

/// The MemStats struct per era, built once.
enum MemStatsLayout {
  private static let cache = Mutex<[String: GoType]>([:])

  static func type(for v: GoVersion) -> GoType {
    cache.withLock { types in
      if let t = types[v.description] { return t }
      let t = build(v)
      types[v.description] = t
      return t
    }
  }

  /// The fields in declaration order (mstats.go `type MemStats struct`).
  private static func build(_ v: GoVersion) -> GoType {
    let u64 = GoType.uint64
    var fields: [(String, GoType)] = [
      "Alloc", "TotalAlloc", "Sys", "Lookups", "Mallocs", "Frees", "HeapAlloc", "HeapSys",
      "HeapIdle", "HeapInuse", "HeapReleased", "HeapObjects", "StackInuse", "StackSys",
      "MSpanInuse", "MSpanSys", "MCacheInuse", "MCacheSys", "BuckHashSys",
    ].map { ($0, u64) }
    if v >= GoVersion(1, 2) { fields += [("GCSys", u64), ("OtherSys", u64)] }
    fields += [("NextGC", u64), ("LastGC", u64), ("PauseTotalNs", u64)]
    fields.append(("PauseNs", .array(of: u64, count: pauseRingSize)))
    if v >= GoVersion(1, 4) { fields.append(("PauseEnd", .array(of: u64, count: pauseRingSize))) }
    fields.append(("NumGC", .uint32))
    if v >= GoVersion(1, 8) { fields.append(("NumForcedGC", .uint32)) }
    if v >= GoVersion(1, 5) { fields.append(("GCCPUFraction", .float64)) }
    fields += [("EnableGC", .bool), ("DebugGC", .bool)]
    let sizeStat = GoType.structure([("Size", .uint32), ("Mallocs", u64), ("Frees", u64)])
    fields.append(("BySize", .array(of: sizeStat, count: bySizeEntries)))
    return GoType.structure(fields, name: "runtime.MemStats")
  }

  /// len(MemStats.PauseNs): the circular buffer of the last 256 pauses.
  static let pauseRingSize = 256
  /// len(MemStats.BySize): 61 entries in every era, though Go 1.6+ has more size classes
  /// (mstats.go: "BySize ... cannot change due to backwards compatibility").
  static let bySizeEntries = 61
}

extension GoRuntime {
  /// MemStats.BySize: per size class (class 0 is size 0), the small objects allocated and freed
  /// (readmemstats_m from consStats.smallAllocCount / smallFreeCount). Spans still in the mcache
  /// are counted as flushallmcaches would count them.
  func allocationsBySizeClass() -> [(size: Int, mallocs: Int, frees: Int)] {
    let cached = cachedSlotsBySizeClass()
    let mallocs = smallAllocCount.indices.map { smallAllocCount[$0] + cached[$0] }
    return mallocs.indices.map { c in
      (c == 0 ? 0 : profile.sizeClasses.classes[c - 1].size, mallocs[c], smallFreeCount[c])
    }
  }

  /// Per size class, the slots taken from spans the mcaches still hold: counted in the consistent
  /// stats only when the span leaves the mcache (or ReadMemStats flushes it).
  func cachedSlotsBySizeClass() -> [Int] {
    var slots = [Int](repeating: 0, count: smallAllocCount.count)
    for spc in 0..<spanClassCount {
      guard let s = cachedSpan[spc]?.takeUnretainedValue() else { continue }
      slots[s.sizeClass] += s.allocCount - s.allocCountBeforeCache
    }
    return slots
  }

  /// runtime.ReadMemStats(&m): stops the world, flushes the mcaches, and writes the era's
  /// MemStats image (`profile.memStatsType`, little-endian as on amd64) into `image`, which
  /// must hold `memStatsType.size` bytes.
  public func readMemStats(into image: UnsafeMutableRawBufferPointer) throws {
    // stopTheWorld(stwReadMemStats) ... startTheWorld: the program waits.
    try work(profile.cost.readMemStatsNs)
    // Go 1.22+ counts every stop of the world in the /sched/pauses/ histograms: this one is not
    // the GC's (proc.go stopTheWorld(stwReadMemStats) ... startTheWorld).
    if profile.version >= GoVersion(1, 22) {
      let ns = Int(profile.cost.readMemStatsNs)
      recordPause(ns, stoppingNs: min(ns, profile.cost.stwStoppingNs), gc: false)
    }
    flushMCachesForReadMemStats()
    let m = memStats()
    let meta = profile.metadataAllocators
    let t = profile.memStatsType
    guard case .structure(let fields) = t.kind, image.count >= t.size else {
      preconditionFailure("readMemStats: the image does not hold a runtime.MemStats")
    }
    func put(_ v: UInt64, at offset: Int, size: Int) {
      for k in 0..<size { image[offset + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(k))) }
    }
    let byClass = allocationsBySizeClass()
    for f in fields {
      switch f.name {
      case "PauseNs", "PauseEnd":
        let ring = f.name == "PauseNs" ? pauseRing.ns : pauseRing.end
        for (k, v) in ring.enumerated() { put(UInt64(v), at: f.offset + 8 * k, size: 8) }
      case "BySize":
        guard case .array(let e, let n) = f.type.kind else { continue }
        for k in 0..<min(n, byClass.count) {
          let c = byClass[k]
          put(UInt64(c.size), at: f.offset + k * e.size, size: 4)
          put(UInt64(c.mallocs), at: f.offset + k * e.size + 8, size: 8)
          put(UInt64(c.frees), at: f.offset + k * e.size + 16, size: 8)
        }
      case "GCCPUFraction": put(m.gcCPUFraction.bitPattern, at: f.offset, size: 8)
      case "EnableGC": put(1, at: f.offset, size: 1)
      case "DebugGC", "Lookups": put(0, at: f.offset, size: f.type.size)
      case "MSpanInuse": put(UInt64(mspans.inuseBytes), at: f.offset, size: 8)
      case "MSpanSys": put(UInt64(mspans.sysBytes), at: f.offset, size: 8)
      case "MCacheInuse": put(UInt64(meta.mcacheInuse), at: f.offset, size: 8)
      case "MCacheSys": put(UInt64(meta.mcacheSys), at: f.offset, size: 8)
      case "BuckHashSys": put(UInt64(meta.buckHashSys), at: f.offset, size: 8)
      // MemStats.otherSys is the sum the other views show; the struct's field is the rest.
      case "OtherSys": put(UInt64(otherSys), at: f.offset, size: 8)
      default:
        guard let v = m.value(named: f.name) else {
          preconditionFailure("readMemStats: no value for MemStats.\(f.name)")
        }
        put(UInt64(truncatingIfNeeded: v), at: f.offset, size: f.type.size)
      }
    }
  }
}

/// The pause history as runtime/debug.ReadGCStats reads it (mgc.go readGCStats_m): the last
/// min(NumGC, 256) pauses and their end times, most recent first.
public struct GCPauseHistory: Sendable {
  public let numGC: Int
  public let pauseTotalNs: Int
  /// When the last cycle ended (LastGC), ns on the process's clock; 0 before the first.
  public let lastGC: Int
  public let pauses: [Int]
  public let ends: [Int]
}

extension GoRuntime {
  /// readGCStats_m: the pause history under the heap lock (no stop-the-world).
  public func gcPauseHistory() -> GCPauseHistory {
    let n = min(numGC, pauseRing.ns.count)
    let indexes = (0..<n).map { (numGC - 1 - $0) % pauseRing.ns.count }
    return GCPauseHistory(
      numGC: numGC, pauseTotalNs: pauseTotalNs, lastGC: lastGCEndNs ?? 0,
      pauses: indexes.map { pauseRing.ns[$0] }, ends: indexes.map { pauseRing.end[$0] })
  }
}
