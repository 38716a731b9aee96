// runtime/debug.ReadGCStats (debug/garbage.go, runtime/mgc.go readGCStats_m), with the memory it
// costs: a first call makes stats.Pause's buffer (2×256+3 Durations: the pauses, their end times
// and three words, as garbage.go sizes it) and PauseEnd's (256 time.Times); later calls reuse
// them while their capacities suffice.

import GoHeap

extension VM {
  private static let sliceBox = GoType.slice(of: durationType)
  private static let lessClosure = GoType.structure([("F", .uintptr), ("sorted", .slice(of: durationType))])

  func readGCStats(_ stats: Address) throws {
    if stats == 0 { throw VMTrap(kind: .nilDereference) }
    try flushTime()
    let history = heap.gcPauseHistory()
    guard let fields = gcStatsType.structFields else { return }
    func offset(_ name: String) -> UInt64 { UInt64(fields.first { $0.name == name }!.offset) }
    let maxPause = 256
    let n = history.pauses.count
    // stats.Pause: the transfer buffer, then cut to the pauses.
    let pauseAt = stats + offset("Pause")
    var buffer = try load(pauseAt, 8)
    var capacity = Int(try load(pauseAt + 16, 8))
    if capacity < 2 * maxPause + 3 {
      capacity = 2 * maxPause + 3
      buffer = try heap.allocateSlice(of: durationType, len: capacity, cap: capacity)
    }
    inFlight.append(buffer)
    defer { inFlight.removeLast() }
    let words = history.pauses + history.ends + [history.lastGC, history.numGC, history.pauseTotalNs]
    for (k, w) in words.enumerated() { try store(buffer + UInt64(8 * k), UInt64(w), 8) }
    try store(pauseAt, buffer, 8)
    try store(pauseAt + 8, UInt64(n), 8)
    try store(pauseAt + 16, UInt64(capacity), 8)
    // LastGC and PauseEnd: time.Unix(0, ns) of each instant on the virtual clock's wall time
    // (debug/garbage.go; Run/GoTime.swift).
    func wallTime(_ ns: Int) -> GoTime {
      GoTime.unix(GoTime.virtualEpochUnix, Int64(ns), local: localLocation)
    }
    func storeTime(_ t: GoTime, _ at: UInt64) throws {
      try store(at, t.wall, 8)
      try store(at + 8, UInt64(bitPattern: t.ext), 8)
      try store(at + 16, t.loc, 8)
    }
    try storeTime(history.lastGC == 0 ? GoTime.unix(0, 0, local: localLocation) : wallTime(history.lastGC), stats + offset("LastGC"))
    try store(stats + offset("NumGC"), UInt64(history.numGC), 8)
    try store(stats + offset("PauseTotal"), UInt64(history.pauseTotalNs), 8)
    // stats.PauseEnd: appended to from empty, in a buffer of 256 when it has less.
    let endAt = stats + offset("PauseEnd")
    var ends = try load(endAt, 8)
    var endCap = Int(try load(endAt + 16, 8))
    if endCap < maxPause {
      endCap = maxPause
      ends = try heap.allocateSlice(of: timeType, len: 0, cap: endCap)
    }
    for (k, ns) in history.ends.enumerated() {
      try storeTime(wallTime(ns), ends + UInt64(k * timeType.size))
    }
    try store(endAt, ends, 8)
    try store(endAt + 8, UInt64(n), 8)
    try store(endAt + 16, UInt64(endCap), 8)
    // stats.PauseQuantiles, when the caller gave it a length: the minimum, the quantiles, the
    // maximum of the sorted pauses (computed in the buffer's second half, as garbage.go does).
    let quantAt = stats + offset("PauseQuantiles")
    let quantiles = try load(quantAt, 8)
    let count = Int(try load(quantAt + 8, 8))
    guard count > 0 else { return }
    let sorted = history.pauses.sorted()
    if n > 0 && heap.profile.version < GoVersion(1, 21) {
      // Go 1.19 sorts with sort.Slice: the slice boxed into an `any` (24 B) and the less
      // closure (32 B) go to the heap — 2 mallocs per call (recorded: read-gc-stats); Go 1.21+
      // sorts with slices.Sort, which allocates nothing.
      _ = try heap.allocate(Self.sliceBox, count: 1)
      _ = try heap.allocate(Self.lessClosure, count: 1)
    }
    let nq = count - 1
    for i in 0..<count {
      let v = n == 0 ? 0 : (i < nq ? sorted[n * i / nq] : sorted[n - 1])
      try store(quantiles + UInt64(8 * i), UInt64(v), 8)
    }
  }
}
