// Panics and deferred calls: a panic unwinds the goroutine's frames from the innermost out,
// running each frame's deferred calls (runtime/panic.go gopanic: for an open-coded defer,
// the runtime finds the frame's defer bits and its exit code through the function's funcdata
// and runs the calls whose bits are set). gcsh resumes a frame with defers at its exit
// (CodeObject.deferExit), which runs them and returns; frames without defers are dropped.
// Then the panic ends the program, as with no recover Go's does (fatalpanic) — after the
// deferred calls' output, which is why `defer fmt.Println(...)` prints before `panic: ...`.
// os.Exit, fatal errors (stack overflow, out of memory) and Ctrl-C run no deferred calls.
//
// The unwinding is a host call (unwindRunningDeferredCalls) that runs the deferred calls' code
// inside it, so no goroutine switch may happen until it is done (VM.unwindingDepth): a switch
// would leave the call and lose the panic. A deferred call that sleeps then advances the clock
// without the other goroutines running meanwhile; one that would block is gcsh's named limit.

import GoHeap

extension VM {
  /// Whether a trap is a Go panic (deferred calls run) rather than an exit or a fatal error.
  static func isPanic(_ kind: ErrorKind) -> Bool {
    switch kind {
    case .goPanic, .goRuntimePanic, .nilDereference, .indexOutOfRange, .sliceOutOfRange,
      .divisionByZero, .negativeShift:
      return true
    default: return false
    }
  }

  /// Runs the deferred calls of every frame above `depth`, innermost first, and drops those
  /// frames — until one of the calls recovers the panic: then its frame has returned (with its
  /// results as they are) and the unwinding stops; returns whether that happened. A deferred
  /// call that panics in turn may abort the panic and take its place (runDeferredCalls).
  func unwindRunningDeferredCalls(to depth: Int, _ report: (VMTrap) -> Error) throws -> Bool {
    let saved = stopDepth
    unwindingDepth += 1
    defer { stopDepth = saved; unwindingDepth -= 1 }
    while frames.count > depth {
      let f = frames[frames.count - 1]
      guard let exit = session.functions[f.function].deferExit else {
        frames.pop()
        continue
      }
      frames[frames.count - 1].pc = exit
      stopDepth = frames.count - 1
      panicking.frame = frames.count - 1
      try runDeferredCalls(of: frames.count - 1, report)
      if panicking.recovered { return true }
    }
    return false
  }
}

// MARK: Chained defers (a defer in a loop)
//
// A function with a defer in a loop keeps its deferred calls on a chain (runtime/panic.go:
// deferproc links a record into gp._defer; deferreturn and a panic pop and run them). A record
// of a statement in a loop is a _defer from the P's pool — 48 bytes in Go 1.27.3, 72 (class 80)
// in Go 1.19.8 — and its wrapper closure, with the values the call captured, is on the heap:
// both stay alive, and so everything the wrapper holds, until the function returns
// (Tests/Recordings/runs/deferloop, deferloopgc). Another statement's record and wrapper live in
// the frame (deferprocStack): nothing is allocated.
//
// The pools (panic.go newdefer, popDefer/freedefer): a record comes from the P's pool (32
// slots), which when empty first takes up to 16 from the scheduler's central list, else it is
// a new object; a used record goes back to the P's pool, which when full moves 16 to the
// central list first. The records in the pools stay allocated. A collection drops the central
// list (mgc.go clearpools), whose records its sweep then frees; the P's pool survives. (gcsh
// has one P: Go's main goroutine sometimes resumes on the other P after runtime.GC() and finds
// that P's pool empty — 16 of 30 recorded runs in Go 1.27.3, none with GOMAXPROCS=1.)

/// One chained defer: its frame (depth), statement, wrapper (or func value) and record.
struct ChainedCall {
  let frame: Int32
  let index: Int32
  let closure: Address
  let record: Address
}

/// The _defer records not in use: the P's pool and the central list (last = next out).
struct DeferPools {
  var local: [Address] = []
  var central: [Address] = []
  /// The collections started when the central list was last seen (clearpools drops it at each).
  var seenCycles = 0
  static let localCapacity = 32
}

extension VM {
  /// runtime._defer of the profile's era, as the collector scans it (fn and link are pointers).
  private var deferRecordType: GoType {
    heap.profile.version >= GoVersion(1, 22) ? Self.deferRecord127 : Self.deferRecord119
  }
  /// Where the record's fn field is, found once per era rather than at each push.
  private var deferRecordFnOffset: Int {
    heap.profile.version >= GoVersion(1, 22) ? Self.fnOffset127 : Self.fnOffset119
  }
  private static let fnOffset127 = deferRecord127.structFields!.first { $0.name == "fn" }!.offset
  private static let fnOffset119 = deferRecord119.structFields!.first { $0.name == "fn" }!.offset
  private static let deferRecord127 = GoType.structure([
    ("heap", .bool), ("rangefunc", .bool), ("sp", .uintptr), ("pc", .uintptr),
    ("fn", .pointer(to: .uint8)), ("link", .pointer(to: .uint8)), ("head", .pointer(to: .uint8)),
  ], name: "runtime._defer")
  private static let deferRecord119 = GoType.structure([
    ("started", .bool), ("heap", .bool), ("openDefer", .bool), ("sp", .uintptr), ("pc", .uintptr),
    ("fn", .pointer(to: .uint8)), ("_panic", .pointer(to: .uint8)), ("link", .pointer(to: .uint8)),
    ("fd", .pointer(to: .uint8)), ("varp", .uintptr), ("framepc", .uintptr),
  ], name: "runtime._defer")

  /// The deferred calls a goroutine may have pending: each is 24 bytes of gcsh's own memory
  /// (the simulated record and wrapper are the simulated heap's), so a loop that defers without
  /// end stops here, named, rather than filling the host's memory (100 MB).
  static let maxPendingDefers = 4 << 20

  /// deferproc (in a loop) or deferprocStack: the statement's record on the chain.
  func deferPush(_ d: ChainedDefer, _ s: UnsafeMutablePointer<UInt64>) throws {
    let frame = Int32(frames.count - 1)
    if deferChain.count >= Self.maxPendingDefers {
      throw SimulationLimit(
        "\(Self.maxPendingDefers) deferred calls are pending in this goroutine, the most gcsh keeps: a defer in a loop runs only when its function returns")
    }
    guard d.heap else {
      deferChain.append(ChainedCall(frame: frame, index: Int32(d.index), closure: 0, record: 0))
      return
    }
    let mark = inFlight.count
    defer { inFlight.removeSubrange(mark...) }
    let record = try newDeferRecord()
    inFlight.append(record)
    var closure: Address = 0
    if let w = d.wrapper, let fields = w.structFields {
      closure = try heap.allocate(w, count: 1)
      inFlight.append(closure)
      try store(closure, AddressSpace.textBase, 8)
      for (k, c) in d.captures.enumerated() {
        let field = closure + UInt64(fields[k + 1].offset)
        if c.type.size > ChainedDefer.byValueLimit {
          // Captured by reference: the value in a heap object of its own.
          let copy = try heap.allocate(c.type, count: 1)
          try store(field, copy, 8)
          try storeValue(c.type, from: s + c.slot, to: copy)
        } else {
          try storeValue(c.type, from: s + c.slot, to: field)
        }
      }
    } else if let c = d.captures.first {
      closure = s[c.slot]  // a func value in normal form: the record holds it
    }
    try store(record + UInt64(deferRecordFnOffset), closure, 8)
    deferChain.append(ChainedCall(frame: frame, index: Int32(d.index), closure: closure, record: record))
    // The wrapper holds the values now: the statement's variables are the next iteration's.
    for c in d.captures { (s + c.slot).update(repeating: 0, count: c.type.words) }
  }

  /// deferreturn's next call: the frame's last record off the chain, its captured values back in
  /// the statement's variables, the record back in the pool. Returns the statement's index, or
  /// -1 when the frame has none left.
  func deferPop(_ records: [ChainedDefer], _ s: UnsafeMutablePointer<UInt64>) throws -> Int {
    guard let c = deferChain.last, Int(c.frame) == frames.count - 1 else { return -1 }
    deferChain.removeLast()
    // (The records are the function's defer statements in order: index k is statement k.)
    let d = records[Int(c.index)]
    if d.heap {
      if let w = d.wrapper, let fields = w.structFields {
        for (k, cap) in d.captures.enumerated() {
          var at = c.closure + UInt64(fields[k + 1].offset)
          if cap.type.size > ChainedDefer.byValueLimit { at = try load(at, 8) }
          try loadValue(cap.type, from: at, into: s + cap.slot)
        }
      } else if let cap = d.captures.first {
        s[cap.slot] = c.closure
      }
      try freeDeferRecord(c.record)
    }
    return Int(c.index)
  }

  /// newdefer: from the P's pool, refilled from the central list when empty; else a new record.
  private func newDeferRecord() throws -> Address {
    dropCentralDeferPoolIfCollected()
    if deferPools.local.isEmpty {
      while deferPools.local.count < DeferPools.localCapacity / 2, let d = deferPools.central.popLast() {
        deferPools.local.append(d)
      }
    }
    if let d = deferPools.local.popLast() { return d }
    return try heap.allocate(deferRecordType, count: 1)
  }

  /// popDefer / freedefer: the record cleared and put back in the P's pool, half of which goes
  /// to the central list first when it is full.
  private func freeDeferRecord(_ d: Address) throws {
    dropCentralDeferPoolIfCollected()
    if deferPools.local.count == DeferPools.localCapacity {
      var moved: [Address] = []
      while deferPools.local.count > DeferPools.localCapacity / 2 { moved.append(deferPools.local.removeLast()) }
      // `first` (the P's last) ends up at the head of the central list.
      deferPools.central += moved.reversed()
    }
    try clearValue(d, deferRecordType.size)
    deferPools.local.append(d)
  }

  /// clearpools at each collection's start: the central list is dropped (its records are
  /// garbage from then on).
  private func dropCentralDeferPoolIfCollected() {
    if deferPools.seenCycles != heap.cyclesStarted {
      deferPools.seenCycles = heap.cyclesStarted
      deferPools.central.removeAll()
    }
  }

  /// The chain's records and wrappers and the pools' records: roots (gp._defer, pp.deferpool,
  /// sched.deferpool). Marking runs at a collection's start, after clearpools.
  func forEachDeferRoot(_ visit: (Address) -> Void) {
    dropCentralDeferPoolIfCollected()
    for c in deferChain { visitChained(c, visit) }
    for d in deferPools.local { visit(d) }
    for d in deferPools.central { visit(d) }
  }

  func visitChained(_ c: ChainedCall, _ visit: (Address) -> Void) {
    if c.closure != 0 { visit(c.closure) }
    if c.record != 0 { visit(c.record) }
  }
}

