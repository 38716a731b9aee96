// Channels (runtime/chan.go) and sync's WaitGroup and Mutex (sync/waitgroup.go, sync/mutex.go,
// runtime/sema.go) on the simulated heap.
//
// A channel is an hchan on the heap, laid out as the runtime's (112 B in Go 1.27, 96 B in
// 1.19): its counters live in its own words (qcount at 0, dataqsiz at 8, buf at 16, closed at
// 28, sendx and recvx), its buffer is memory the collector scans — right after the header in
// one noscan allocation when the element has no pointers (or the buffer is empty), a second
// allocation of the element type when it has (makechan's three cases; Go 1.0 always made one).
// The wait queues (recvq, sendq: sudogs in Go) are the interpreter's, by channel address, and
// exist only while a goroutine waits — a waiting goroutine's frame holds the channel, so the
// address cannot be reused meanwhile.
//
// A value passes as chan.go passes it: a send to a waiting receiver copies straight into the
// receiver's slots (send → sendDirect), a receive from a waiting sender straight from the
// sender's (recv: from the buffer's head, the sender's value going to its tail, when the
// buffer is full); otherwise through the buffer. A blocked sender's value stays in its frame,
// a root, until taken.
//
// WaitGroup's state word holds the counter (high 32 bits) and the waiters (low 32), as Go's;
// Wait and a contended Lock park on a semaphore keyed by the address of the sema word
// (sema.go's semtable). Unlock hands the mutex to the first waiter (Go's starvation mode; its
// normal mode lets the unlocker race the woken waiter, which on one P the unlocker wins until
// the waiter has waited 1 ms — gcsh hands off at once).

import GoHeap

/// The goroutines waiting on one channel, first first.
final class ChannelQueues {
  struct Waiter {
    let g: Goroutine
    /// A sender's value, or where a receiver's value goes (its ok bool right after, when
    /// `wantsOk`).
    let slots: UnsafeMutablePointer<UInt64>
    let wantsOk: Bool
    /// A goroutine parked in select waits on several channels at once: the case this waiter
    /// is, and where the chosen case's index goes.
    var select: SelectWait? = nil
    var caseIndex = 0
  }
  var recvq: [Waiter] = []
  var sendq: [Waiter] = []

  var isEmpty: Bool { recvq.isEmpty && sendq.isEmpty }

  func remove(_ g: Goroutine) {
    recvq.removeAll { $0.g === g }
    sendq.removeAll { $0.g === g }
  }
}

/// A goroutine parked in select (select.go: a sudog per case, all dequeued once one fires).
final class SelectWait {
  let index: UnsafeMutablePointer<UInt64>
  var channels: [Address] = []
  init(index: UnsafeMutablePointer<UInt64>) { self.index = index }
}

/// hchan's layout per era (chan.go): where sendx and recvx are, and the header's size.
struct ChannelLayout {
  let headerBytes: Int
  let sendx: UInt64
  let recvx: UInt64
  /// makechan puts a pointerful element's buffer in an allocation of its own (Go 1.2+).
  let separatePointerBuffer: Bool
  /// The header as the collector sees it when it is an allocation of its own: buf (at 16)
  /// and the runtime's pointer fields.
  let type: GoType

  static func of(_ p: RuntimeProfile) -> ChannelLayout {
    if p.version >= GoVersion(1, 27) { return go127 }
    return p.version >= GoVersion(1, 2) ? go119 : go10
  }

  private static let ptr = GoType.pointer(to: .uint8)
  /// Go 1.27: qcount, dataqsiz, buf, elemsize+closed, timer, elemtype, sendx, recvx, recvq
  /// (2 words), sendq (2), bubble, lock.
  static let go127 = ChannelLayout(
    headerBytes: 112, sendx: 48, recvx: 56, separatePointerBuffer: true,
    type: .structure(
      [("qcount", .uint), ("dataqsiz", .uint), ("buf", ptr), ("elemsize", .uint64), ("timer", ptr),
       ("elemtype", ptr), ("sendx", .uint), ("recvx", .uint), ("recvq", .array(of: ptr, count: 2)),
       ("sendq", .array(of: ptr, count: 2)), ("bubble", ptr), ("lock", .uintptr)], name: "runtime.hchan"))
  /// Go 1.19: no timer, no bubble.
  static let go119 = ChannelLayout(
    headerBytes: 96, sendx: 40, recvx: 48, separatePointerBuffer: true,
    type: .structure(
      [("qcount", .uint), ("dataqsiz", .uint), ("buf", ptr), ("elemsize", .uint64),
       ("elemtype", ptr), ("sendx", .uint), ("recvx", .uint), ("recvq", .array(of: ptr, count: 2)),
       ("sendq", .array(of: ptr, count: 2)), ("lock", .uintptr)], name: "runtime.hchan"))
  /// Go 1.0's Hchan (chan.c): 72 B, the buffer always right after it (runtime·mal). gcsh keeps
  /// its counters where Go 1.19 has them.
  static let go10 = ChannelLayout(
    headerBytes: 72, sendx: 40, recvx: 48, separatePointerBuffer: false,
    type: .structure([("words", .array(of: .uint64, count: 9))], name: "runtime.hchan"))
}

extension VM {
  var channelLayout: ChannelLayout { ChannelLayout.of(heap.profile) }

  // MARK: make, len, cap, close

  /// makechan.
  func makeChan(_ t: GoType, size: Int64) throws -> Address {
    guard let (elem, _) = t.chanInfo else { throw VMTrap(kind: .internalFault("make of a non-channel")) }
    let layout = channelLayout
    let (mem, overflow) = elem.size.multipliedReportingOverflow(by: Int(clamping: size))
    // chan.go: mem > maxAlloc - hchanSize (maxAlloc is 1 << 48 on linux/amd64).
    if size < 0 || overflow || mem > (1 << 48) - layout.headerBytes {
      throw VMTrap(kind: .goRuntimePanic("makechan: size out of range"))
    }
    try flushTime()
    let c: Address
    let buf: Address
    if mem == 0 || !elem.hasPointers || !layout.separatePointerBuffer {
      // One noscan allocation: the header, then the buffer.
      c = try heap.allocate(.uint8, count: layout.headerBytes + mem)
      buf = c + UInt64(layout.headerBytes)
    } else {
      c = try heap.allocate(layout.type, count: 1)
      inFlight.append(c)
      defer { inFlight.removeLast() }
      buf = try heap.allocate(elem, count: Int(size))
    }
    try store(c + 8, UInt64(size), 8)
    try store(c + 16, buf, 8)
    try store(c + 24, UInt64(elem.size), 2)
    return c
  }

  func chanLength(_ c: Address, capacity: Bool) throws -> Int {
    guard c != 0 else { return 0 }
    return Int(try load(c + (capacity ? 8 : 0), 8))
  }

  /// closechan: every waiting receiver gets the zero value and false; every waiting sender
  /// wakes to panic. They are readied in the order the runtime's gList pops them (last
  /// queued first).
  func closeChan(_ c: Address, _ elem: GoType) throws {
    if c == 0 { throw VMTrap(kind: .goPanic("close of nil channel")) }
    if try isClosed(c) { throw VMTrap(kind: .goPanic("close of closed channel")) }
    try store(c + 28, 1, 4)
    guard let q = channelWaiters.removeValue(forKey: c) else { return }
    // A goroutine in select may wait on this channel in several cases: it wakes once.
    var woken: [Goroutine] = []
    var seen = Set<ObjectIdentifier>()
    for w in q.recvq where seen.insert(ObjectIdentifier(w.g)).inserted {
      finishSelect(w)
      w.slots.update(repeating: 0, count: elem.words)
      if w.wantsOk { w.slots[elem.words] = 0 }
      resumeAfterBlock(w.g)
      woken.append(w.g)
    }
    // A sender runs its send (or its select) again, which panics on the closed channel.
    for w in q.sendq where seen.insert(ObjectIdentifier(w.g)).inserted {
      if let s = w.select { leaveSelect(w.g, s) }
      woken.append(w.g)
    }
    for g in woken.reversed() {
      releaseSudogs(of: g)
      ready(g)
    }
  }

  // MARK: send and receive

  /// A send would not block: a receiver waits, or the buffer has room (closed or not).
  func canSend(_ c: Address) throws -> Bool {
    if channelWaiters[c]?.recvq.isEmpty == false { return true }
    return try load(c, 8) < load(c + 8, 8)
  }

  /// A receive would not block: a sender waits, the buffer holds a value, or it is closed.
  func canReceive(_ c: Address) throws -> Bool {
    if channelWaiters[c]?.sendq.isEmpty == false { return true }
    return try load(c, 8) > 0 || isClosed(c)
  }

  func isClosed(_ c: Address) throws -> Bool { try load(c + 28, 4) != 0 }

  /// chansend: to a waiting receiver, into the buffer, or the sender parks.
  func chanSend(_ c: Address, _ value: UnsafeMutablePointer<UInt64>, _ elem: GoType) throws {
    if c == 0 {
      try park("chan send (nil chan)")
      return
    }
    if try isClosed(c) { throw VMTrap(kind: .goPanic("send on closed channel")) }
    if let q = channelWaiters[c], !q.recvq.isEmpty {
      let w = q.recvq.removeFirst()
      if q.isEmpty { channelWaiters[c] = nil }
      finishSelect(w)
      w.slots.update(from: value, count: elem.words)
      if w.wantsOk { w.slots[elem.words] = 1 }
      resumeAfterBlock(w.g)
      releaseSudogs(of: w.g)
      ready(w.g)
      return
    }
    let layout = channelLayout
    let qcount = try load(c, 8)
    let size = try load(c + 8, 8)
    if qcount < size {
      let sendx = try load(c + layout.sendx, 8)
      let buf = try load(c + 16, 8)
      if elem.size > 0 { try storeValue(elem, from: value, to: buf + sendx * UInt64(elem.size)) }
      try store(c + layout.sendx, sendx + 1 == size ? 0 : sendx + 1, 8)
      try store(c, qcount + 1, 8)
      return
    }
    try enqueue(.init(g: current, slots: value, wantsOk: false), on: c, sending: true)
    try park("chan send")
  }

  /// The running goroutine waits on channel `c` (a sudog of its own in the queue).
  private func enqueue(_ w: ChannelQueues.Waiter, on c: Address, sending: Bool) throws {
    try acquireSudog()
    let q = channelWaiters[c] ?? ChannelQueues()
    channelWaiters[c] = q
    if sending { q.sendq.append(w) } else { q.recvq.append(w) }
  }

  /// chanrecv: from a waiting sender, from the buffer, the zero value of a closed channel, or
  /// the receiver parks (its value is delivered into `result` by the sender).
  func chanRecv(_ c: Address, into result: UnsafeMutablePointer<UInt64>, _ elem: GoType, wantsOk: Bool) throws {
    if c == 0 {
      try park("chan receive (nil chan)")
      return
    }
    let layout = channelLayout
    let size = try load(c + 8, 8)
    if let q = channelWaiters[c], !q.sendq.isEmpty {
      let w = q.sendq.removeFirst()
      if q.isEmpty { channelWaiters[c] = nil }
      finishSelect(w)
      if size == 0 {
        result.update(from: w.slots, count: elem.words)
      } else {
        // A full buffer: its head to the receiver, the sender's value to the slot freed.
        let recvx = try load(c + layout.recvx, 8)
        let buf = try load(c + 16, 8)
        let at = buf + recvx * UInt64(elem.size)
        if elem.size > 0 {
          try loadValue(elem, from: at, into: result)
          try storeValue(elem, from: w.slots, to: at)
        }
        let next = recvx + 1 == size ? 0 : recvx + 1
        try store(c + layout.recvx, next, 8)
        try store(c + layout.sendx, next, 8)
      }
      if wantsOk { result[elem.words] = 1 }
      resumeAfterBlock(w.g)
      releaseSudogs(of: w.g)
      ready(w.g)
      return
    }
    let qcount = try load(c, 8)
    if qcount > 0 {
      let recvx = try load(c + layout.recvx, 8)
      let buf = try load(c + 16, 8)
      let at = buf + recvx * UInt64(elem.size)
      if elem.size > 0 {
        try loadValue(elem, from: at, into: result)
        try clearMemory(at, elem.size)
      }
      try store(c + layout.recvx, recvx + 1 == size ? 0 : recvx + 1, 8)
      try store(c, qcount - 1, 8)
      if wantsOk { result[elem.words] = 1 }
      return
    }
    if try isClosed(c) {
      result.update(repeating: 0, count: elem.words)
      if wantsOk { result[elem.words] = 0 }
      return
    }
    try enqueue(.init(g: current, slots: result, wantsOk: wantsOk), on: c, sending: false)
    try park("chan receive")
  }

  // MARK: select

  /// selectgo: the cases are polled in a random order (pollorder: Go's cheaprandn shuffle; here
  /// from a seeded generator, so a run repeats) and the first that can proceed does; else the
  /// default (-1); else the goroutine waits on every case's channel until one fires (`select
  /// (no cases)`: forever).
  func select(_ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: UnsafeMutablePointer<UInt64>) throws {
    let hasDefault = args[0].1[0] != 0
    struct Case {
      let send: Bool
      let chan: Address
      let elem: GoType
      let slots: UnsafeMutablePointer<UInt64>
    }
    var cases: [Case] = []
    var out = result + 1
    var k = 1
    while k + 1 < args.count {
      let send = args[k].1[0] == 1
      let (t, p) = args[k + 1]
      guard let elem = t.chanInfo?.elem else { throw VMTrap(kind: .internalFault("select on a non-channel")) }
      if send {
        cases.append(Case(send: true, chan: p[0], elem: elem, slots: args[k + 2].1))
        k += 3
      } else {
        cases.append(Case(send: false, chan: p[0], elem: elem, slots: out))
        out += elem.words + 1
        k += 2
      }
    }
    // select.go: pollorder[norder] = pollorder[j]; pollorder[j] = i, j random in 0...i.
    var order: [Int] = []
    for i in cases.indices {
      let j = Int(selectRandom() % UInt64(i + 1))
      if j == order.count { order.append(i) } else {
        order.append(order[j])
        order[j] = i
      }
    }
    for n in order {
      let c = cases[n]
      guard c.chan != 0 else { continue }
      // A send to a closed channel proceeds too: to its panic.
      let ready = c.send ? try isClosed(c.chan) || canSend(c.chan) : try canReceive(c.chan)
      guard ready else { continue }
      result[0] = UInt64(n)
      if c.send {
        try chanSend(c.chan, c.slots, c.elem)
      } else {
        try chanRecv(c.chan, into: c.slots, c.elem, wantsOk: true)
      }
      return
    }
    if hasDefault {
      result[0] = UInt64(bitPattern: -1)
      return
    }
    if cases.allSatisfy({ $0.chan == 0 }) {
      try park(cases.isEmpty ? "select (no cases)" : "select")
    }
    let wait = SelectWait(index: result)
    for (n, c) in cases.enumerated() where c.chan != 0 {
      var w = ChannelQueues.Waiter(g: current, slots: c.slots, wantsOk: !c.send)
      w.select = wait
      w.caseIndex = n
      try enqueue(w, on: c.chan, sending: c.send)
      wait.channels.append(c.chan)
    }
    try park("select")
  }

  /// The select shuffle's generator: deterministic (the same run chooses the same cases).
  private func selectRandom() -> UInt64 {
    selectRandomState &+= 0x9E37_79B9_7F4A_7C15
    var z = selectRandomState
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A waiter's select fired on its case: the index is written and the goroutine leaves the
  /// other channels' queues.
  func finishSelect(_ w: ChannelQueues.Waiter) {
    guard let s = w.select else { return }
    s.index[0] = UInt64(w.caseIndex)
    leaveSelect(w.g, s)
  }

  private func leaveSelect(_ g: Goroutine, _ s: SelectWait) {
    for c in s.channels {
      guard let q = channelWaiters[c] else { continue }
      q.remove(g)
      if q.isEmpty { channelWaiters[c] = nil }
    }
  }

  // MARK: sync

  /// The wait reason Go prints for a goroutine parked in sync (Go 1.21+ names the call; Go
  /// 1.19 says semacquire).
  func syncWaitReason(_ modern: String) -> String {
    heap.profile.version >= GoVersion(1, 21) ? modern : "semacquire"
  }

  /// WaitGroup.Add(delta) (Done is Add(-1)): at zero, every waiter is released.
  func waitGroupAdd(_ wg: Address, _ delta: Int64) throws {
    if wg == 0 { throw VMTrap(kind: .nilDereference) }
    let state = try load(wg, 8)
    let counter = Int64(Int32(truncatingIfNeeded: state >> 32)) + delta
    let waiters = state & 0xFFFF_FFFF
    if counter < 0 { throw VMTrap(kind: .goPanic("sync: negative WaitGroup counter")) }
    if counter > Int64(Int32.max) { throw VMTrap(kind: .goPanic("sync: WaitGroup counter overflow")) }
    guard counter == 0, waiters > 0 else {
      try store(wg, UInt64(UInt32(truncatingIfNeeded: counter)) << 32 | waiters, 8)
      return
    }
    try store(wg, 0, 8)
    // runtime_Semrelease once per waiter: each readies the first waiting, into runnext.
    let key = wg + 8
    let list = semaWaiters.removeValue(forKey: key) ?? []
    for g in list {
      resumeAfterBlock(g)
      releaseSudogs(of: g)
      ready(g)
    }
  }

  /// WaitGroup.Wait: returns at once when the counter is zero, else parks until it is.
  func waitGroupWait(_ wg: Address) throws {
    if wg == 0 { throw VMTrap(kind: .nilDereference) }
    let state = try load(wg, 8)
    if state >> 32 == 0 { return }
    try store(wg, state + 1, 8)
    try semacquire(wg + 8, reason: syncWaitReason("sync.WaitGroup.Wait"))
  }

  /// Mutex.Lock: the fast path takes an unlocked mutex; a locked one parks the caller until
  /// an Unlock hands it over.
  func mutexLock(_ m: Address) throws {
    if m == 0 { throw VMTrap(kind: .nilDereference) }
    let state = try load(m, 4)
    if state & 1 == 0 {
      try store(m, state | 1, 4)
      return
    }
    try semacquire(m + 4, reason: syncWaitReason("sync.Mutex.Lock"))
  }

  func mutexTryLock(_ m: Address) throws -> Bool {
    if m == 0 { throw VMTrap(kind: .nilDereference) }
    let state = try load(m, 4)
    guard state & 1 == 0 else { return false }
    try store(m, state | 1, 4)
    return true
  }

  /// Mutex.Unlock: an unlocked mutex is a fatal error; with waiters, the first gets the lock.
  func mutexUnlock(_ m: Address) throws {
    if m == 0 { throw VMTrap(kind: .nilDereference) }
    let state = try load(m, 4)
    if state & 1 == 0 {
      throw VMTrap(kind: .fatalError("sync: unlock of unlocked mutex"))
    }
    let key = m + 4
    if var list = semaWaiters[key], !list.isEmpty {
      let g = list.removeFirst()
      semaWaiters[key] = list.isEmpty ? nil : list
      // A writer waiting in RWMutex.Lock has the writers' mutex now: it wakes (runnext, as
      // goready puts it) and runs the rest of its Lock when scheduled — its Lock instruction
      // again, which finds the mutex its own.
      if rwLockWriters[ObjectIdentifier(g)] != nil {
        rwLockHolders.insert(ObjectIdentifier(g))
        releaseSudogs(of: g)
        ready(g)
        return
      }
      resumeAfterBlock(g)
      releaseSudogs(of: g)
      ready(g)
      return
    }
    try store(m, state & ~1, 4)
  }

  /// semacquire1: the running goroutine queues on the semaphore at `key` and parks.
  func semacquire(_ key: Address, reason: String) throws {
    try acquireSudog()
    semaWaiters[key, default: []].append(current)
    try park(reason)
  }
}
