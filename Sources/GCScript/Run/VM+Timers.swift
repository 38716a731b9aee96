// time.NewTimer, time.NewTicker, their Stop and Reset (time/sleep.go, time/tick.go, and the
// runtime's timers in runtime/time.go), and time.Duration's methods (time/time.go).
//
// A timer is its runtime object (Check/Checker+Time.swift's layout), whose C is a channel of
// one Time, and a PendingTimer in the scheduler's timer heap that sends on it when due
// (fireTimers; a ticker re-arms itself). Stop and Reset take it out of the heap and say whether
// it was still pending. Go 1.23's synchronous timer channels also drain a value the timer sent
// that nobody received — Stop and Reset then report it pending (runtime/time.go stop: "if
// timerchandrain(t.hchan()) { pending = true }") — where before Go 1.23 the value stays in the
// buffer for the next receive.
//
// Every timer enters its P's heap through `addTimer` (VM+Goroutines.swift), whose array grows by
// append as timers are added — an allocation each time it outgrows its capacity, the new array
// kept by the P, the old one garbage (`growTimerHeap`). Before Go 1.23 the heap is
// `pp.timers []*timer` and holds every pending timer: a sleeping goroutine's, and a channel
// timer's (runs/timers: 100 NewTimer(time.Hour) left pending cost 220 B a call in Go 1.19.8,
// 20 of them the heap's growth). Since Go 1.23 it is `pp.timers.heap []timerWhen` (16 bytes an
// entry), and a channel timer is in it only while a goroutine waits on its channel: the
// recorded channel-timer runs did not grow it (248 B a call: the channel, its buffer and the
// timer), while n goroutines sleeping at once do (runs/sleepers100, sleepers1000; TimerTests).

import GoHeap

extension VM {
  /// time.NewTimer(d) or time.NewTicker(d): the timer object, its C set.
  func newTimer(_ d: Int, ticker: Bool) throws -> Address {
    if ticker && d <= 0 { throw VMTrap(kind: .goPanic("non-positive interval for NewTicker")) }
    try flushTime()
    let c = try makeChan(GoType(.chan(timeType, .both)), size: 1)
    inFlight.append(c)
    defer { inFlight.removeLast() }
    let object = try heap.allocate(ticker ? TimeTypes.ticker(heap.profile) : TimeTypes.timer(heap.profile), count: 1)
    try store(object, c, 8)
    try store(object + 8, c, 8)
    try addChannelTimer(until: deadline(after: d), chan: c, object: object, period: ticker ? d : 0)
    return object
  }

  /// time.AfterFunc(d, f) (sleep.go): a timer without a channel whose function, when it fires,
  /// starts a goroutine that calls f (goFunc: `go arg.(func())()`). The timer object (112 B
  /// from Go 1.23, 80 B before) is the only allocation; it keeps f, and the timer heap keeps it
  /// while it is pending (runs/afterfunc).
  func afterFunc(_ d: Int, _ f: UInt64) throws -> Address {
    try flushTime()
    let object = try heap.allocate(TimeTypes.timer(heap.profile), count: 1)
    try store(object + UInt64(TimeTypes.argOffset), f, 8)
    try addTimer(until: deadline(after: d), object: object, function: f)
    return object
  }

  /// A channel timer enters the heap (its growth: `addTimer`).
  func addChannelTimer(until: Int, chan: Address, object: Address, period: Int) throws {
    try addTimer(until: until, chan: chan, object: object, period: period)
  }

  /// The P's timer heap takes one more timer: `append` to its array (Go 1.14-1.22 runtime/time.go
  /// doaddtimer, `pp.timers = append(pp.timers, t)`, a []*timer; Go 1.23+ timers.addHeap,
  /// `ts.heap = append(ts.heap, timerWhen{t, t.when})`, 16 bytes an entry), which grows as
  /// append grows a slice; the old array is garbage, the new one the P's. `inHeap` counts the
  /// timers it holds once this one is in (with the runtime's own: the background scavenger's).
  /// The heap's length falls as timers fire or stop; its capacity stays.
  func growTimerHeap(holding inHeap: Int) throws {
    guard let elem = Self.timerHeapEntry(heap.profile), inHeap > scheduler.timerHeapCapacity else { return }
    let capacity = grownCapacity(old: scheduler.timerHeapCapacity, needed: inHeap, elem: elem)
    scheduler.timerHeapArray = try heap.allocate(elem, count: capacity)
    scheduler.timerHeapCapacity = capacity
  }

  /// An entry of the P's timer heap: a *timer (Go 1.14-1.22), a timerWhen (Go 1.23+); nil before
  /// per-P heaps (Go 1.14), whose growth gcsh does not model.
  static func timerHeapEntry(_ p: RuntimeProfile) -> GoType? {
    if p.version < GoVersion(1, 14) { return nil }
    return p.version >= GoVersion(1, 23) ? timerWhen : .pointer(to: .uint8)
  }
  private static let timerWhen = GoType.structure([("timer", .pointer(to: .uint8)), ("when", .int)], name: "runtime.timerWhen")

  /// Timer.Stop, Ticker.Stop, and Reset's stop: the timer leaves the heap; whether it was
  /// pending (Go 1.23+: or had sent a value nobody received, now drained).
  func stopTimer(_ object: Address, resetting: Bool = false) throws -> Bool {
    if object == 0 { throw VMTrap(kind: .nilDereference) }
    let c = try load(object, 8)
    let function = try load(object + UInt64(TimeTypes.argOffset), 8)
    if c == 0 && function == 0 { throw VMTrap(kind: .goPanic("time: Stop called on uninitialized Timer")) }
    var pending = false
    if let k = scheduler.sleepers.firstIndex(where: { $0.g == nil && $0.object == object }) {
      let t = scheduler.sleepers.remove(at: k)
      pending = true
      // (Reset's modtimer changes a pending timer's entry in place.)
      if Self.keepsDeletedTimers(heap.profile), !resetting { scheduler.deletedTimers.append((object, t.until)) }
    }
    if heap.profile.version >= GoVersion(1, 23), c != 0, try load(c, 8) > 0 {
      let value = UnsafeMutablePointer<UInt64>.allocate(capacity: timeType.words + 1)
      defer { value.deallocate() }
      try chanRecv(c, into: value, timeType, wantsOk: false)
      pending = true
    }
    return pending
  }

  /// Timer.Reset(d) and Ticker.Reset(d): stopped, then due d from now (a ticker every d).
  func resetTimer(_ object: Address, _ d: Int, ticker: Bool) throws -> Bool {
    if ticker && d <= 0 { throw VMTrap(kind: .goPanic("non-positive interval for Ticker.Reset")) }
    let pending = try stopTimer(object, resetting: true)
    try flushTime()
    // Before Go 1.23 modtimer reuses the timer's entry in the P's heap when it has one — it
    // is pending, or stopped and still there, deleted — and only a fired timer is added anew.
    var reused = pending && Self.keepsDeletedTimers(heap.profile)
    if let k = scheduler.deletedTimers.firstIndex(where: { $0.object == object }) {
      scheduler.deletedTimers.remove(at: k)
      reused = true
    }
    // An AfterFunc timer is due again with its function (sleep.go Reset: `t.f` kept).
    let function = try load(object + UInt64(TimeTypes.argOffset), 8)
    if function != 0 {
      try addTimer(until: deadline(after: d), object: object, function: function, rearm: reused)
      return pending
    }
    try addTimer(until: deadline(after: d), chan: try load(object, 8), object: object, period: ticker ? d : 0, rearm: reused)
    return pending
  }

  /// Go 1.14-1.22 (runtime/time.go deltimer): a stopped timer stays in the P's heap, marked
  /// deleted, until cleantimers finds it at the top (each addtimer), a timer run finds it there,
  /// or checkTimers at a scheduling point finds more than a quarter of the heap deleted and
  /// clears them all (clearDeletedTimers). Until then it takes a slot of the heap's array:
  /// 100 AfterFunc-and-Stop calls with nothing scheduled grow it twice in Go 1.19.8 (runs/afterfunc:
  /// 1,536 B). From Go 1.23 a stopped timer is a zombie that the heap drops as lazily, but
  /// the recorded runs do not show its growth (gcsh does not model it).
  static func keepsDeletedTimers(_ p: RuntimeProfile) -> Bool {
    p.version >= GoVersion(1, 14) && p.version < GoVersion(1, 23)
  }

  /// cleantimers: the deleted timers at the heap's top leave it (those due before every timer
  /// still pending).
  func cleanTimers() {
    guard !scheduler.deletedTimers.isEmpty else { return }
    let head = scheduler.sleepers.first?.until ?? Int.max
    scheduler.deletedTimers.removeAll { $0.until < head }
  }

  /// checkTimers' clearDeletedTimers, when over a quarter of the heap is deleted timers.
  func checkDeletedTimers() {
    let deleted = scheduler.deletedTimers.count
    guard deleted > 0, deleted > (scheduler.sleepers.count + deleted + 1) / 4 else { return }
    scheduler.deletedTimers.removeAll()
  }

  /// The roots the timer heap holds beside its timers: the P's timers array (before Go 1.23).
  func forEachTimerHeapRoot(_ visit: (Address) -> Void) {
    if scheduler.timerHeapArray != 0 { visit(scheduler.timerHeapArray) }
  }

  // MARK: time.Duration

  /// A Duration method's result word (time/time.go), given the receiver and its argument.
  func durationMethod(_ b: Builtin, _ d: Int64, _ m: Int64) -> UInt64 {
    let second: Int64 = 1_000_000_000
    func split(_ unit: Int64) -> Double { Double(d / unit) + Double(d % unit) / Double(unit) }
    switch b {
    case .durationSeconds: return split(second).bitPattern
    case .durationMinutes: return split(60 * second).bitPattern
    case .durationHours: return split(3600 * second).bitPattern
    case .durationMilliseconds: return UInt64(bitPattern: d / 1_000_000)
    case .durationMicroseconds: return UInt64(bitPattern: d / 1_000)
    case .durationNanoseconds: return UInt64(bitPattern: d)
    case .durationTruncate: return UInt64(bitPattern: m <= 0 ? d : d - d % m)
    case .durationAbs: return UInt64(bitPattern: d >= 0 ? d : (d == .min ? .max : -d))
    case .durationRound:
      guard m > 0 else { return UInt64(bitPattern: d) }
      // lessThanHalf(x, y): x+x < y, as unsigned.
      func lessThanHalf(_ x: Int64, _ y: Int64) -> Bool { UInt64(bitPattern: x) &+ UInt64(bitPattern: x) < UInt64(bitPattern: y) }
      var r = d % m
      if d < 0 {
        r = -r
        if lessThanHalf(r, m) { return UInt64(bitPattern: d + r) }
        let (d1, overflow) = d.subtractingReportingOverflow(m - r)
        return UInt64(bitPattern: !overflow && d1 < d ? d1 : .min)
      }
      if lessThanHalf(r, m) { return UInt64(bitPattern: d - r) }
      let (d1, overflow) = d.addingReportingOverflow(m - r)
      return UInt64(bitPattern: !overflow && d1 > d ? d1 : .max)
    default: return 0
    }
  }
}
