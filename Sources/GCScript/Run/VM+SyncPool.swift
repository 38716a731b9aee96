// sync.Pool, as sync/pool.go and sync/poolqueue.go run it (the same in Go 1.19.8 and 1.27.3),
// with every structure in simulated memory so that the collector sees exactly what Go's sees.
//
//   Pool        40 bytes: local (a [P]poolLocal array), localSize, victim, victimSize, New.
//   poolLocal   128 bytes: private (an `any`), shared (a poolChain: head and tail pointers),
//               padding against false sharing.
//   poolChain   a doubly linked list of poolChainElt (48 bytes: headTail, vals []eface, next,
//               prev), each a ring of 8, 16, 32, ... interface slots (vals, 16 bytes each).
//
//   Get   pin() — pinSlow when the pool has no local array: allPools = append(allPools, p), then
//         make([]poolLocal, GOMAXPROCS) — then the P's private slot, else the head of its
//         chain, else getSlow: the tail of the other Ps' chains, then the victim cache (the
//         P's private slot, then every P's chain tail; an empty victim is marked so); else New()
//         when set, else nil.
//   Put   pin(); the private slot when empty, else pushHead on the P's chain (the first push
//         makes an element of 8; a full one gets a successor of twice the size).
//
// At the start of every cycle (mgc.go gcStart → clearpools → sync's poolCleanup) each pool in
// oldPools loses its victim, each in allPools moves local to victim, and allPools becomes
// oldPools: an object put back survives one collection in the victim cache and is dropped by
// the second, and allPools is a new slice after every cycle (its first append allocates).
// fmt's printer pool (VM+PrinterPool.swift) is in the same allPools, as ppFree is in Go.
//
// gcsh runs one goroutine at a time on P 0, so a Get finds what the last Put left (in Go, main
// may resume on another P after a collection, and a Get there misses the private slot: recorded
// in 3 of 10 runs of `gc1_get`, never with GOMAXPROCS=1). Recorded: Tests/Recordings/runs/syncpool.

import GoHeap

/// The runtime's list of pools (sync/pool.go allPools and oldPools), as addresses in simulated
/// memory; fmt's ppFree is the entry 0 (its state is PrinterPool's).
final class SyncPools {
  /// allPools: the pools pinned since the last cycle started, and the slice's backing array.
  var all: [Address] = []
  var allArray: Address? = nil
  var allCapacity = 0
  /// oldPools: allPools when the last cycle started (their victims are dropped by the next).
  var old: [Address] = []
  var oldArray: Address? = nil
  /// The cycles whose poolCleanup has been applied (it runs lazily: see poolCleanupIfDue).
  var cleanedThrough = 0
  /// A Get or Put is between pin and unpin: Go cannot start a cycle then (gcStart returns while
  /// the M holds locks), so a cycle an allocation starts there has its cleanup after unpin.
  var pinned = false
}

/// The layouts of sync's internal types (pool.go, poolqueue.go), made once.
enum SyncPoolTypes {
  static let word = GoType.pointer(to: .uint8)
  /// poolChainElt: poolDequeue{headTail atomic.Uint64, vals []eface}, next, prev.
  static let chainElt = GoType.structure([
    ("headTail", .uint64), ("vals", .slice(of: .any)), ("next", word), ("prev", word),
  ])
  /// Field offsets of Pool, poolLocal and poolChainElt.
  static let (local, localSize, victim, victimSize, new) = (0, 8, 16, 24, 32)
  static let (privateType, privateData, chainHead, chainTail) = (0, 8, 16, 24)
  static let (headTail, vals, valsLen, next, prev) = (0, 8, 16, 32, 40)
  static let poolLocalBytes = 128
  /// poolqueue.go: dequeueBits = 32, dequeueLimit = 1 << 30, the chain's first ring 8.
  static let initSize = 8
  static let dequeueLimit = 1 << 30
}

extension VM {
  private typealias L = SyncPoolTypes

  // MARK: Get and Put

  /// (*Pool).Get: writes the interface it returns (two words) to `result`, found again after
  /// New runs (a call may move the frame).
  func poolGet(_ p: Address, into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    try poolCleanupIfDue()
    var x: (UInt64, UInt64)
    do {
      syncPools.pinned = true
      defer { syncPools.pinned = false }
      let l = try pin(p)
      x = (try load(l + UInt64(L.privateType), 8), try load(l + UInt64(L.privateData), 8))
      try store(l + UInt64(L.privateType), 0, 8)
      try store(l + UInt64(L.privateData), 0, 8)
      if x.0 == 0 {
        x = try popHead(chain: l + UInt64(L.chainHead)) ?? getSlow(p)
      }
    }
    // runtime_procUnpin: a cycle started while pinned cleans the pools now.
    try poolCleanupIfDue()
    if x.0 == 0 {
      let new = try load(p + UInt64(L.new), 8)
      if new != 0 {
        let v = try callFuncValue(new, arguments: [], resultWords: 2, what: "sync.Pool's New")
        x = (v[0], v[1])
      }
    }
    if let out = result() { (out[0], out[1]) = x }
  }

  /// (*Pool).Put(x): nothing for a nil interface.
  func poolPut(_ p: Address, _ x: (UInt64, UInt64)) throws {
    guard x.0 != 0 else { return }
    try poolCleanupIfDue()
    do {
      syncPools.pinned = true
      defer { syncPools.pinned = false }
      let l = try pin(p)
      if try load(l + UInt64(L.privateType), 8) == 0 {
        try store(l + UInt64(L.privateType), x.0, 8)
        try store(l + UInt64(L.privateData), x.1, 8)
      } else {
        // The value is in the caller's argument slots (a root) until it is in the chain.
        try pushHead(chain: l + UInt64(L.chainHead), x)
      }
    }
    try poolCleanupIfDue()
  }

  /// pin: the running P's poolLocal (P 0), made by pinSlow when the pool has none.
  private func pin(_ p: Address) throws -> Address {
    if p == 0 {
      // Go 1.21+ checks first ("nil Pool"); Go 1.19 faults on p.localSize.
      if heap.profile.version >= GoVersion(1, 21) { throw VMTrap(kind: .goPanic("nil Pool")) }
      throw VMTrap(kind: .nilDereference)
    }
    let pid = 0
    if pid < Int(try load(p + UInt64(L.localSize), 8)) {
      return try load(p + UInt64(L.local), 8) + UInt64(pid * L.poolLocalBytes)
    }
    // pinSlow: a pool that has no array is not in allPools yet (poolCleanup set local to nil).
    if try load(p + UInt64(L.local), 8) == 0 { try appendToAllPools(p) }
    let size = heap.gomaxprocs
    let local = try heap.allocate(FmtRuntimeTypes.poolLocal, count: size)
    try store(p + UInt64(L.local), local, 8)
    try store(p + UInt64(L.localSize), UInt64(size), 8)
    return local + UInt64(pid * L.poolLocalBytes)
  }

  /// getSlow: steal from the other Ps' chains (their tails), then the victim cache.
  private func getSlow(_ p: Address) throws -> (UInt64, UInt64) {
    let pid = 0
    var size = Int(try load(p + UInt64(L.localSize), 8))
    var locals = try load(p + UInt64(L.local), 8)
    for i in 0..<size {
      let l = locals + UInt64((pid + i + 1) % size * L.poolLocalBytes)
      if let x = try popTail(chain: l + UInt64(L.chainHead)) { return x }
    }
    size = Int(try load(p + UInt64(L.victimSize), 8))
    guard pid < size else { return (0, 0) }
    locals = try load(p + UInt64(L.victim), 8)
    let l = locals + UInt64(pid * L.poolLocalBytes)
    let x = (try load(l + UInt64(L.privateType), 8), try load(l + UInt64(L.privateData), 8))
    if x.0 != 0 {
      try store(l + UInt64(L.privateType), 0, 8)
      try store(l + UInt64(L.privateData), 0, 8)
      return x
    }
    for i in 0..<size {
      let l = locals + UInt64((pid + i) % size * L.poolLocalBytes)
      if let x = try popTail(chain: l + UInt64(L.chainHead)) { return x }
    }
    // Mark the victim cache empty, so that later Gets do not look at it again.
    try store(p + UInt64(L.victimSize), 0, 8)
    return (0, 0)
  }

  // MARK: poolChain (poolqueue.go)

  /// pushHead: onto the head element's ring; a chain without one starts with a ring of 8, and a
  /// full ring gets a successor of twice its size (up to dequeueLimit).
  private func pushHead(chain c: Address, _ x: (UInt64, UInt64)) throws {
    var d = try load(c, 8)
    if d == 0 {
      d = try newChainElt(size: L.initSize, prev: 0)
      try store(c, d, 8)
      try store(c + 8, d, 8)
    }
    if try dequeuePushHead(d, x) { return }
    let size = min(Int(try load(d + UInt64(L.valsLen), 8)) * 2, L.dequeueLimit)
    let d2 = try newChainElt(size: size, prev: d)
    try store(c, d2, 8)
    try store(d + UInt64(L.next), d2, 8)
    _ = try dequeuePushHead(d2, x)
  }

  /// `d := &poolChainElt{}; d.vals = make([]eface, size)`, linked to `prev`: the element is a
  /// root while its ring is allocated.
  private func newChainElt(size: Int, prev: Address) throws -> Address {
    let d = try heap.allocate(L.chainElt, count: 1)
    inFlight.append(d)
    defer { inFlight.removeLast() }
    if prev != 0 { try store(d + UInt64(L.prev), prev, 8) }
    let vals = try heap.allocate(.any, count: size)
    try store(d + UInt64(L.vals), vals, 8)
    try store(d + UInt64(L.valsLen), UInt64(size), 8)
    try store(d + UInt64(L.valsLen) + 8, UInt64(size), 8)
    return d
  }

  /// popHead: from the head element back through its predecessors.
  private func popHead(chain c: Address) throws -> (UInt64, UInt64)? {
    var d = try load(c, 8)
    while d != 0 {
      if let x = try dequeuePopHead(d) { return x }
      d = try load(d + UInt64(L.prev), 8)
    }
    return nil
  }

  /// popTail: from the tail element forward; a drained tail with a successor is dropped from
  /// the chain (its successor's prev cleared, so that the collector can take it).
  private func popTail(chain c: Address) throws -> (UInt64, UInt64)? {
    var d = try load(c + 8, 8)
    if d == 0 { return nil }
    while true {
      let d2 = try load(d + UInt64(L.next), 8)
      if let x = try dequeuePopTail(d) { return x }
      if d2 == 0 { return nil }
      try store(c + 8, d2, 8)
      try store(d2 + UInt64(L.prev), 0, 8)
      d = d2
    }
  }

  /// The ring's head and tail indexes, packed in headTail (head in the high 32 bits).
  private func headTail(_ d: Address) throws -> (head: UInt32, tail: UInt32) {
    let v = try load(d + UInt64(L.headTail), 8)
    return (UInt32(truncatingIfNeeded: v >> 32), UInt32(truncatingIfNeeded: v))
  }

  private func setHeadTail(_ d: Address, _ head: UInt32, _ tail: UInt32) throws {
    try store(d + UInt64(L.headTail), UInt64(head) << 32 | UInt64(tail), 8)
  }

  /// The address of slot `i` of the ring (len(vals) is a power of two).
  private func slot(_ d: Address, _ i: UInt32) throws -> Address {
    let n = try load(d + UInt64(L.valsLen), 8)
    return try load(d + UInt64(L.vals), 8) + (UInt64(i) & (n - 1)) * 16
  }

  private func dequeuePushHead(_ d: Address, _ x: (UInt64, UInt64)) throws -> Bool {
    let (head, tail) = try headTail(d)
    let n = UInt32(try load(d + UInt64(L.valsLen), 8))
    if tail &+ n == head { return false }  // full
    let s = try slot(d, head)
    try store(s, x.0, 8)
    try store(s + 8, x.1, 8)
    try setHeadTail(d, head &+ 1, tail)
    return true
  }

  private func dequeuePopHead(_ d: Address) throws -> (UInt64, UInt64)? {
    let (head, tail) = try headTail(d)
    if head == tail { return nil }
    try setHeadTail(d, head &- 1, tail)
    let s = try slot(d, head &- 1)
    let x = (try load(s, 8), try load(s + 8, 8))
    try store(s, 0, 8)
    try store(s + 8, 0, 8)
    return x
  }

  private func dequeuePopTail(_ d: Address) throws -> (UInt64, UInt64)? {
    let (head, tail) = try headTail(d)
    if head == tail { return nil }
    try setHeadTail(d, head, tail &+ 1)
    let s = try slot(d, tail)
    let x = (try load(s, 8), try load(s + 8, 8))
    try store(s, 0, 8)
    try store(s + 8, 0, 8)
    return x
  }

  // MARK: allPools and poolCleanup

  /// `allPools = append(allPools, p)`: the slice grows as append grows a []*Pool (8, 16, 32
  /// bytes ...; the first append after a cycle makes a new one from nil). `p` is 0 for fmt's
  /// printer pool.
  func appendToAllPools(_ p: Address) throws {
    try poolCleanupIfDue()
    let pools = syncPools
    if pools.all.count == pools.allCapacity {
      let capacity = grownCapacity(old: pools.allCapacity, needed: pools.all.count + 1, elem: L.word)
      let array = try heap.allocate(L.word, count: capacity)
      for (k, q) in pools.all.enumerated() { try store(array + UInt64(8 * k), q, 8) }
      pools.allArray = array
      pools.allCapacity = capacity
    }
    try store(pools.allArray! + UInt64(8 * pools.all.count), p, 8)
    pools.all.append(p)
  }

  /// poolCleanup for every cycle started since it last ran. Go runs it with the world stopped
  /// at the cycle's start; gcsh runs it before anything can observe a pool — the collector's
  /// root scan, a Get or a Put — which is the same. Two cleanups leave no pool anything, so
  /// more than two are one pair.
  func poolCleanupIfDue() throws {
    let pools = syncPools
    let due = heap.cyclesStarted - pools.cleanedThrough
    guard due > 0, !pools.pinned else { return }
    pools.cleanedThrough = heap.cyclesStarted
    for _ in 0..<min(due, 2) { try poolCleanup() }
  }

  private func poolCleanup() throws {
    let pools = syncPools
    for p in pools.old where p != 0 {
      try store(p + UInt64(L.victim), 0, 8)
      try store(p + UInt64(L.victimSize), 0, 8)
    }
    for p in pools.all where p != 0 {
      try store(p + UInt64(L.victim), try load(p + UInt64(L.local), 8), 8)
      try store(p + UInt64(L.victimSize), try load(p + UInt64(L.localSize), 8), 8)
      try store(p + UInt64(L.local), 0, 8)
      try store(p + UInt64(L.localSize), 0, 8)
    }
    (pools.old, pools.oldArray) = (pools.all, pools.allArray)
    (pools.all, pools.allArray, pools.allCapacity) = ([], nil, 0)
  }

  /// The package variables allPools and oldPools: their arrays, through which the collector
  /// reaches every pool pinned in the last two cycles and what those pools hold.
  func forEachSyncPoolRoot(_ visit: (Address) -> Void) {
    if let a = syncPools.allArray { visit(a) }
    if let a = syncPools.oldArray { visit(a) }
  }
}
