// runtime/metrics: the package's table, Read and Value's methods, with the memory each costs
// (runtime/metrics/description.go, sample.go, value.go; runtime/metrics.go; Go 1.27.3 and
// 1.19.8, recorded in Tests/Recordings/runs/metricsstart and metricsread).
//
//   - The package's init (Go 1.21+) makes the table All returns: `more`, a []Description with
//     room for the static entries and every GODEBUG of internal/godebugs (61 in Go 1.27.3: one
//     6,144-byte object), and for each GODEBUG the runtime reports on, two concatenated strings
//     — its name and its description (84 objects of 48 to 144 bytes). They stay live: the
//     package variable allDesc holds them. Go 1.19's table is static data: no allocation.
//   - The first Read of the process runs the runtime's initMetrics: sizeClassBuckets (69
//     float64s in a 576-byte object), timeHistBuckets (163 float64s, 1,408 B, in Go 1.27.3; 722,
//     6,144 B, in Go 1.19.8) and the metrics map, a map[string]metricData made with a hint of
//     its literal's entries (66; 33) into which the GODEBUG names, concatenated again, are then
//     added. gcsh makes that map with its own map implementation, so its header, directory,
//     table and groups (Go 1.19: buckets) are what a map of that type and size allocates.
//   - A histogram sample's first Read makes its Float64Histogram (48 B) and the Counts slice;
//     Buckets is the runtime's shared slice. A later Read into the same sample reuses both.
// The values come from GoHeap's readMetric, from the same state as MemStats.

import GoHeap

/// The simulated process's runtime/metrics state.
final class MetricsPackage {
  /// The global slots of the package variable allDesc (a []Description) and, in Go 1.19, of the
  /// static array it points to.
  let allDescSlot: Int
  /// initMetrics' objects, once the first Read has made them: the map, and the shared bucket
  /// slices (address and length). Roots: the runtime's globals hold them.
  var runtimeMap: Address = 0
  var sizeClassBuckets: (address: Address, count: Int)? = nil
  var timeHistBuckets: (address: Address, count: Int)? = nil

  init(allDescSlot: Int) {
    self.allDescSlot = allDescSlot
  }
}

extension VM {
  /// internal/godebugs.All's length in Go 1.27.3 (the capacity init gives `more` beyond the
  /// static entries; 42 of the 61 settings are reported, the /godebug/ entries of All()).
  private static let godebugSettings127 = 61
  /// The runtime's metricData value: deps (statDepSet, [1]uint64) and compute (a func).
  private static let metricDataType = GoType.structure([("deps", .uint64), ("compute", .pointer(to: .uint8))])
  private static let metricsMapType = GoType(.map(.string, metricDataType))

  /// runtime/metrics' package init, once per process: at a Go program's start when it imports
  /// the package (Interpreter.run), else at the first use of All or Read.
  @discardableResult
  func initMetricsPackage() throws -> MetricsPackage {
    if let p = metricsPackage { return p }
    let descriptions = heap.profile.metricDescriptions
    let d = MetricsTypes.description
    let slot = session.allocateHiddenGlobal(.slice(of: d))
    let staticArray = heap.profile.version < GoVersion(1, 21)
      ? session.allocateHiddenGlobal(.array(of: d, count: descriptions.count)) : nil
    try ensureGlobals()
    let p = MetricsPackage(allDescSlot: slot)
    metricsPackage = p
    let header = AddressSpace.globalsBase + UInt64(slot * 8)
    let array: Address
    let capacity: Int
    if let staticArray {
      array = AddressSpace.globalsBase + UInt64(staticArray * 8)
      capacity = descriptions.count
    } else {
      // description.go init: `more := make([]Description, i, len(allDesc)+len(godebugs.All))`,
      // the GODEBUG entries appended, then the rest of the static ones (within its capacity).
      capacity = descriptions.count { !$0.isGodebugSetting } + Self.godebugSettings127
      array = try heap.allocateSlice(of: d, len: 0, cap: capacity)
    }
    // allDesc holds the array from here on (a root), before the strings are made.
    try store(header, array, 8)
    try store(header + 8, UInt64(descriptions.count), 8)
    try store(header + 16, UInt64(capacity), 8)
    guard let fields = d.structFields else { return p }
    func offset(_ name: String) -> UInt64 { UInt64(fields.first { $0.name == name }?.offset ?? 0) }
    let words = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
    defer { words.deallocate() }
    for (k, m) in descriptions.enumerated() {
      let e = array + UInt64(k * d.size)
      // A /godebug/ entry's name and description are concatenations made by init (one string
      // each: concatstrings); the others are constants in read-only data.
      for (field, text) in [("Name", m.name), ("Description", m.description)] {
        let bytes = Array(text.utf8)
        if m.isGodebugSetting {
          try newString(bytes, into: words)
        } else {
          words[0] = bytes.isEmpty ? 0 : session.rodataAddress(of: bytes)
          words[1] = UInt64(bytes.count)
        }
        try store(e + offset(field), words[0], 8)
        try store(e + offset(field) + 8, words[1], 8)
      }
      try store(e + offset("Kind"), UInt64(m.kind.rawValue), 8)
      try store(e + offset("Cumulative"), m.cumulative ? 1 : 0, 1)
    }
    return p
  }

  /// metrics.All(): the package's allDesc (no allocation; the program may write into it).
  func metricsAll(into result: UnsafeMutablePointer<UInt64>) throws {
    let p = try initMetricsPackage()
    let header = AddressSpace.globalsBase + UInt64(p.allDescSlot * 8)
    for k in 0..<3 { result[k] = try load(header + UInt64(8 * k), 8) }
  }

  /// runtime.initMetrics, on the first Read: the bucket slices, then the metrics map.
  private func initRuntimeMetrics(_ p: MetricsPackage) throws {
    guard p.runtimeMap == 0 else { return }
    let profile = heap.profile
    // `sizeClassBuckets = make([]float64, NumSizeClasses, NumSizeClasses+1)`, then +Inf appended.
    let sizes = profile.metricBuckets(.sizeClasses)
    let sizeArray = try heap.allocateSlice(of: .float64, len: sizes.count - 1, cap: sizes.count)
    p.sizeClassBuckets = (sizeArray, sizes.count)
    for (k, v) in sizes.enumerated() { try store(sizeArray + UInt64(8 * k), v.bitPattern, 8) }
    let times = profile.metricBuckets(.time)
    let timeArray = try heap.allocateSlice(of: .float64, len: times.count, cap: times.count)
    p.timeHistBuckets = (timeArray, times.count)
    for (k, v) in times.enumerated() { try store(timeArray + UInt64(8 * k), v.bitPattern, 8) }
    // `metrics = map[string]metricData{...}`: a literal of more than 25 entries is made with its
    // length as the hint and filled in order; then the GODEBUG names are added.
    let L = session.mapLayout(Self.metricsMapType)
    let descriptions = profile.metricDescriptions
    let statics = descriptions.filter { !$0.isGodebugSetting }
    let swiss = L.model == .swiss
    let m = swiss ? try swissMakeMap(L, hint: statics.count, header: nil) : try hmapMake(L, hint: statics.count, header: nil)
    p.runtimeMap = m
    let key = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
    defer { key.deallocate() }
    for d in statics + descriptions.filter(\.isGodebugSetting) {
      let bytes = Array(d.name.utf8)
      if d.isGodebugSetting {
        try newString(bytes, into: key)
      } else {
        key[0] = session.rodataAddress(of: bytes)
        key[1] = UInt64(bytes.count)
      }
      inFlight.append(key[0])
      defer { inFlight.removeLast() }
      _ = swiss ? try swissAssign(L, m, .slots(key)) : try hmapAssign(L, m, .slots(key))
    }
  }

  /// The runtime's metrics objects, roots for the process's life.
  func forEachMetricsRoot(_ visit: (Address) -> Void) {
    guard let p = metricsPackage else { return }
    for a in [p.runtimeMap, p.sizeClassBuckets?.address ?? 0, p.timeHistBuckets?.address ?? 0] where a != 0 { visit(a) }
  }

  /// metrics.Read(samples): each sample's Value filled by its name (sample.go Read, metrics.go
  /// readMetrics). Value is {kind, scalar, pointer} at offsets 16, 24 and 32 of a 40-byte
  /// Sample.
  func metricsRead(_ slice: UnsafeMutablePointer<UInt64>) throws {
    let (array, count) = (slice[0], Int(slice[1]))
    // Go 1.21+'s Read returns for an empty slice; Go 1.19's takes &m[0] first.
    if count == 0 && heap.profile.version < GoVersion(1, 21) { throw VMTrap(kind: .indexOutOfRange(index: 0, length: 0)) }
    guard count > 0 else { return }
    try flushTime()
    let p = try initMetricsPackage()
    try initRuntimeMetrics(p)
    let size = UInt64(MetricsTypes.sample.size)
    let counts = SchedulerCounts(live: 1 + otherGoroutineCount, runnable: scheduler.runnableCount, created: scheduler.created)
    // readMetricsLocked aggregates the statistics once, before any sample is filled: what the
    // histograms' first Read allocates is not in this Read's counts.
    var names: [String] = []
    for i in 0..<count {
      let s = array + UInt64(i) * size
      names.append(String(decoding: try bytes(try load(s, 8), Int(try load(s + 8, 8))), as: UTF8.self))
    }
    let values = heap.readMetrics(names, scheduler: counts)
    for (i, value) in values.enumerated() {
      let s = array + UInt64(i) * size
      let (kind, scalar, pointer) = (s + 16, s + 24, s + 32)
      switch value {
      case .bad: try store(kind, UInt64(MetricKind.bad.rawValue), 8)
      case .uint64(let v):
        try store(kind, UInt64(MetricKind.uint64.rawValue), 8)
        try store(scalar, v, 8)
      case .float64(let v):
        try store(kind, UInt64(MetricKind.float64.rawValue), 8)
        try store(scalar, v.bitPattern, 8)
      case .histogram(let values, let which):
        // float64HistOrInit: the sample's histogram, or a new one.
        var hist = try load(pointer, 8)
        if try load(kind, 8) != UInt64(MetricKind.float64Histogram.rawValue) || hist == 0 {
          try store(kind, UInt64(MetricKind.float64Histogram.rawValue), 8)
          hist = try heap.allocate(MetricsTypes.float64Histogram, count: 1)
          try store(pointer, hist, 8)
        }
        guard let buckets = which == .sizeClasses ? p.sizeClassBuckets : p.timeHistBuckets else { continue }
        // hist.buckets = buckets (the runtime's slice, shared); counts made when their length
        // is not len(buckets)-1.
        try store(hist + 24, buckets.address, 8)
        try store(hist + 32, UInt64(buckets.count), 8)
        try store(hist + 40, UInt64(buckets.count), 8)
        var countsArray = try load(hist, 8)
        if Int(try load(hist + 8, 8)) != buckets.count - 1 {
          countsArray = try heap.allocateSlice(of: .uint64, len: buckets.count - 1, cap: buckets.count - 1)
          try store(hist, countsArray, 8)
          try store(hist + 8, UInt64(buckets.count - 1), 8)
          try store(hist + 16, UInt64(buckets.count - 1), 8)
        }
        for (k, v) in values.prefix(buckets.count - 1).enumerated() { try store(countsArray + UInt64(8 * k), v, 8) }
      }
    }
  }

  /// Value.Kind, Uint64, Float64 and Float64Histogram (value.go), of the value's three words.
  func metricsValueMethod(_ b: Builtin, _ v: UnsafeMutablePointer<UInt64>) throws -> UInt64 {
    let kind = MetricKind(rawValue: Int(Int64(bitPattern: v[0])))
    switch b {
    case .metricsValueKind: return v[0]
    case .metricsValueUint64:
      guard kind == .uint64 else { throw VMTrap(kind: .goPanic("called Uint64 on non-uint64 metric value")) }
      return v[1]
    case .metricsValueFloat64:
      guard kind == .float64 else { throw VMTrap(kind: .goPanic("called Float64 on non-float64 metric value")) }
      return v[1]
    default:
      guard kind == .float64Histogram else {
        throw VMTrap(kind: .goPanic("called Float64Histogram on non-Float64Histogram metric value"))
      }
      return v[2]
    }
  }
}
