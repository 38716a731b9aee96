// VM: runs bytecode — one dispatch loop over the running function's instruction array, its
// frame's slots held unboxed on the goroutine's stack (after Lua's lvm.c).
//
// The frames are the collector's roots. The VM registers itself with the runtime once; when a
// cycle starts it reports, for each frame on its call stack, the slots its function's stack map
// at the frame's current instruction names (the live pointers: Liveness.swift), the objects in
// frames those pointers reach (Go's stack objects), every global that holds a pointer, and the
// few addresses an instruction holds while it runs (a growing append's new array). Nothing else
// keeps an object alive: no value lives in a Swift variable across a point where the runtime can
// collect.
//
// The stack. The frames' slots are in one host buffer; the goroutine's stack that Go would
// manage is simulated by GoHeap (Stacks.swift): a frame's simulated size is its slots × 8 plus
// 16 B (CodeObject.stackCheckBytes). Each call compares the new frame's top with GoHeap's
// guard word, as Go's prologue compares SP with g.stackguard0, and only when it crosses it
// calls `morestack`: GoHeap grows the simulated stack (newstack), and the host buffer grows to
// hold frames up to the new guard. A GC may shrink the simulated stack and lower the guard; the
// host buffer keeps its size.
//
// Time. Each instruction charges the virtual nanoseconds it carries (a statement's cost, once);
// they accumulate in `pendingNs` and reach the runtime's clock before anything that can observe
// it (an allocation, a store, a runtime call, a builtin) and at every loop back edge, so runtime
// work due at an instant happens before the program's next statement sees the heap.

import GoHeap

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Set from a signal handler: the running script should stop at its next loop iteration or
/// call (Ctrl-C).
public enum Interrupt {
  nonisolated(unsafe) public static var requested = false
}

/// A call in progress. Its three numbers are stored in 32 bits each: a recursion that overflows
/// Go's stack holds tens of millions of frames (a 16 B frame per call, up to the 512 MiB stack),
/// and the host's record of them must stay smaller than the simulated stack they stand for.
/// Every value fits: a base is a slot below AddressSpace.stackLimitBytes / 8 (2^26), and a
/// program with 2^31 functions or instructions in one function could not be parsed in the
/// host's memory.
struct CallFrame {
  private let function32: Int32
  private let base32: Int32
  private var pc32: Int32

  init(function: Int, base: Int, pc: Int) {
    function32 = Int32(truncatingIfNeeded: function)
    base32 = Int32(truncatingIfNeeded: base)
    pc32 = Int32(truncatingIfNeeded: pc)
  }

  /// The function's index in the session table.
  var function: Int { Int(function32) }
  /// Its first slot on the stack.
  var base: Int { Int(base32) }
  /// The instruction it is executing (a caller: its call), kept current for the collector.
  var pc: Int {
    get { Int(pc32) }
    set { pc32 = Int32(truncatingIfNeeded: newValue) }
  }
}

/// Host memory for the buffers that grow with a goroutine's stack (its slots, its frames). They
/// come from malloc so that growing is realloc: glibc moves a large block by remapping its pages
/// (mremap) instead of copying them, so a stack that grows to hundreds of MiB never has its old
/// and new copies resident at once.
enum HostBuffer {
  static func allocate<T>(_: T.Type, capacity: Int) -> UnsafeMutablePointer<T> {
    resized(nil, capacity: capacity)
  }

  static func reallocate<T>(_ p: UnsafeMutablePointer<T>, capacity: Int) -> UnsafeMutablePointer<T> {
    resized(p, capacity: capacity)
  }

  static func free<T>(_ p: UnsafeMutablePointer<T>) { _free(p) }

  private static func resized<T>(_ p: UnsafeMutablePointer<T>?, capacity: Int) -> UnsafeMutablePointer<T> {
    let bytes = max(1, capacity) * MemoryLayout<T>.stride
    guard let raw = realloc(p, bytes) else {
      // The host is out of memory: what Swift's own allocator does then too.
      fatalError("gcsh: the host could not allocate \(bytes) bytes")
    }
    return raw.bindMemory(to: T.self, capacity: max(1, capacity))
  }
}

/// libc's free, by a name that HostBuffer.free does not shadow.
private func _free(_ p: UnsafeMutableRawPointer?) { free(p) }

/// The calls in progress, innermost last: a buffer the dispatch loop reads and writes without
/// bounds or copy-on-write checks (a call and a return are a store and a decrement).
struct CallFrames {
  private(set) var pointer: UnsafeMutablePointer<CallFrame>
  private(set) var count = 0
  private var capacity: Int

  /// Room for `capacity` frames to start with (a goroutine's few; main's 64), doubled as needed.
  init(capacity: Int = 64) {
    self.capacity = max(1, capacity)
    pointer = HostBuffer.allocate(CallFrame.self, capacity: self.capacity)
  }

  func deallocate() { HostBuffer.free(pointer) }

  var isEmpty: Bool { count == 0 }
  var last: CallFrame? { count > 0 ? pointer[count - 1] : nil }
  var all: UnsafeBufferPointer<CallFrame> { UnsafeBufferPointer(start: pointer, count: count) }

  subscript(i: Int) -> CallFrame {
    get { pointer[i] }
    nonmutating set { pointer[i] = newValue }
  }

  // CallFrame is a trivial type: its memory is moved by realloc as it is.
  mutating func push(_ f: CallFrame) {
    if count == capacity {
      capacity *= 2
      pointer = HostBuffer.reallocate(pointer, capacity: capacity)
    }
    (pointer + count).initialize(to: f)
    count += 1
  }

  mutating func pop() { count -= 1 }
  mutating func removeAll() { count = 0 }
}

/// The machine that runs a session's code on its simulated process.
final class VM: AddressRootSource, GoroutineStack {
  let heap: GoRuntime
  let session: LoweringSession
  /// Which values are their interface's data word: the rule the session's compiler lowered
  /// the program with (InterfaceConversion.swift), read on every conversion to an interface.
  let directInterface: DirectInterfaceRule
  weak var host: ScriptHost?
  /// The goroutine's stack: frames of slots.
  var stack: UnsafeMutablePointer<UInt64>
  var stackCapacity: Int
  /// GoHeap's stack guard (its g.stackguard0), in simulated frame bytes: a call whose frame
  /// reaches it calls `morestack`.
  let stackGuard: UnsafePointer<Int>
  /// Package-level variables.
  var globals: UnsafeMutablePointer<UInt64>
  var globalsCapacity: Int
  var frames = CallFrames()
  /// The running goroutine's chained defers (VM+Defer.swift), and the P's and the scheduler's
  /// pools of _defer records.
  var deferChain: [ChainedCall] = []
  var deferPools = DeferPools()
  /// The dispatch loop returns when a return leaves this many frames: 0 for a run, more while
  /// the runtime calls back into the program (fmt calling a String method: VM+Callbacks.swift).
  var stopDepth = 0
  /// The funcval of the latest call through a function value (the closure context register):
  /// the called literal's first instruction copies its captures from it.
  var closureContext: UInt64 = 0
  /// Callbacks in progress (VM+Callbacks.swift).
  var callbackDepth = 0
  /// The panic being unwound, for recover (VM+Recover.swift).
  var panicking = PanicState()
  /// Unwindings in progress (VM+Defer.swift): a panic's deferred calls run inside the host's
  /// call that unwinds, which a goroutine switch would leave, losing the panic.
  var unwindingDepth = 0
  /// How many panics raised by deferred calls are unwinding inside one another.
  var panicsNested = 0
  /// `--max-steps`: the steps a run may take (loop iterations and calls), and those left.
  var maxSteps: Int? = nil
  var stepsLeft = Int.max
  /// Addresses an instruction holds while it runs (roots until it finishes).
  var inFlight: [Address] = []
  /// runtime/metrics' state, once the package is initialised (VM+Metrics.swift).
  var metricsPackage: MetricsPackage? = nil
  /// The data words the running fmt call's operands were boxed into, by operand index
  /// (convertToInterfaces): what fmt.Errorf wraps for a %w of an error held by value.
  var boxedOperands: [Int: UInt64] = [:]
  /// fmt's pooled printer and its buffer (VM+PrinterPool.swift).
  let printerPool = PrinterPool()
  /// sync's allPools and oldPools (VM+SyncPool.swift).
  let syncPools = SyncPools()
  /// The program's name, os.Args[0] (the file it was run from, without its extension).
  var programName = "main"
  /// The hidden global holding os.Args's array, once used.
  var osArgsSlot: Int? = nil
  /// initLocal has run (VM+Time.swift), and what it keeps reachable from localLoc.
  var localZoneLoaded = false
  /// &localLoc and &utcLoc in read-only data, once made (VM+Time.swift).
  var timeLocations: (local: UInt64?, utc: UInt64?) = (nil, nil)
  /// The log package's standard logger (a heap object its initialisation makes) and its
  /// bufferPool (a global), VM+Log.swift.
  var stdLoggerObject: Address? = nil
  var logPoolSlot: Int? = nil
  var localZone: [Address] = []
  /// math/rand's global generator (VM+Rand.swift).
  let randState = RandState()
  /// Virtual time charged by instructions and not yet given to the runtime, ns.
  var pendingNs = 0
  /// `expect` statements that failed so far.
  var failedExpectations = 0
  /// `explain` is on: heap allocations note their sites (`noteHeapAllocation`).
  var explaining = false
  /// The sites explained so far this session (each once on the heap and once in a frame: a
  /// make of run-time size can be either), and the notes of the running statement, given to
  /// the host when it finishes.
  var explainedSites = Set<ObjectIdentifier>()
  var explainedFrameSites = Set<ObjectIdentifier>()
  var heapNotes: [String] = []
  /// The maps' random source (seeds, NaN hashes): deterministic, so runs repeat (MapKeys.swift).
  var mapRandomState: UInt64 = 0
  /// Source of the run being executed (for expect reports).
  var source = Source(name: "<none>", text: "")
  /// The running goroutine (main, id 1, runs each entry) and the scheduler
  /// (VM+Goroutines.swift); whether goroutines other than main exist.
  var current: Goroutine
  let scheduler = Scheduler()
  var multipleGoroutines = false
  /// The finalizer goroutine's g has been made (the first runtime.SetFinalizer).
  var finalizerGoroutineMade = false
  var cleanupGoroutineMade = false
  /// select's pollorder generator (VM+Channels.swift).
  var selectRandomState: UInt64 = 0
  /// Goroutines waiting on channels (by hchan address) and on semaphores (by the sema word's
  /// address): VM+Channels.swift.
  var channelWaiters: [Address: ChannelQueues] = [:]
  var semaWaiters: [Address: [Goroutine]] = [:]
  /// Goroutines parked in RWMutex.Lock on the writers' mutex, with the RWMutex (VM+RWMutex.swift).
  var rwLockWriters: [ObjectIdentifier: Address] = [:]
  /// Those of them the writers' mutex was handed to, to run the rest of their Lock.
  var rwLockHolders: Set<ObjectIdentifier> = []

  init(heap: GoRuntime, session: LoweringSession) {
    self.heap = heap
    self.session = session
    directInterface = session.compiler.directInterface
    stackCapacity = 1 << 14
    stack = HostBuffer.allocate(UInt64.self, capacity: stackCapacity)
    stack.initialize(repeating: 0, count: stackCapacity)
    stackGuard = heap.stackGuard
    // Ctrl-C (and --timeout) stop a long sleep between the runtime's events.
    heap.sleepInterrupted = { Interrupt.requested }
    globalsCapacity = 256
    globals = .allocate(capacity: globalsCapacity)
    globals.initialize(repeating: 0, count: globalsCapacity)
    current = Goroutine(id: 1, stack: stack, capacity: stackCapacity)
    current.state = .running
    scheduler.all[1] = current
    heap.addRoots(self)
    heap.setGoroutineStack(self, maxFrameBytes: AddressSpace.stackLimitBytes)
  }

  deinit {
    for (_, g) in scheduler.all where g !== current { g.release() }
    HostBuffer.free(stack)
    globals.deallocate()
    frames.deallocate()
  }

  /// Makes room for the session's globals (new ones start zero), and tells the runtime's pacer
  /// how many bytes of them the collector scans (the pointerful ones: the data and bss sections).
  func ensureGlobals() throws {
    let needed = session.globalPointers.count
    if needed * 8 > AddressSpace.globalsLimit {
      throw VMTrap(kind: .typeError("package-level variables too large for gcsh (over 64 MiB): allocate big arrays with new or make"))
    }
    heap.setProgramGlobals(bytes: session.scannedGlobalBytes)
    guard needed > globalsCapacity else { return }
    Self.grow(&globals, &globalsCapacity, to: max(needed, globalsCapacity * 2))
  }

  /// Moves slots to a larger zeroed buffer.
  static func grow(_ buffer: inout UnsafeMutablePointer<UInt64>, _ capacity: inout Int, to newCapacity: Int) {
    let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
    grown.initialize(repeating: 0, count: newCapacity)
    grown.update(from: buffer, count: capacity)
    buffer.deallocate()
    buffer = grown
    capacity = newCapacity
  }

  /// Zeroes a global's slots (a REPL run declared it again: the old one stops being a root).
  func clearGlobal(_ v: Variable) {
    guard let g = v.globalSlot, g + v.type.words <= globalsCapacity else { return }
    (globals + g).update(repeating: 0, count: v.type.words)
  }

  // MARK: Roots

  func forEachRootAddress(_ visit: (Address) -> Void) {
    // The cycle's poolCleanup comes first: it changes what the pools' globals reach.
    try? poolCleanupIfDue()
    let pointers = session.globalPointers
    for k in 0..<min(pointers.count, globalsCapacity) where pointers[k] && globals[k] != 0 {
      visit(globals[k])
    }
    for a in inFlight { visit(a) }
    for a in localZone { visit(a) }
    if let l = stdLoggerObject { visit(l) }
    forEachPrinterPoolRoot(visit)
    forEachSyncPoolRoot(visit)
    forEachTimerHeapRoot(visit)
    forEachMetricsRoot(visit)
    forEachDeferRoot(visit)
    forEachFrameRoot(frames, stack, stackCapacity, visit)
    if multipleGoroutines || !scheduler.allgs.isEmpty { forEachParkedGoroutineRoot(visit) }
  }

  /// The roots a goroutine's frames hold: each frame's live pointer slots at its current
  /// instruction, and the stack objects they reach.
  func forEachFrameRoot(
    _ frames: CallFrames, _ stack: UnsafeMutablePointer<UInt64>, _ stackCapacity: Int, _ visit: (Address) -> Void
  ) {
    var scanned = Set<Int>()
    for f in frames.all {
      let code = session.functions[f.function]
      guard f.pc < code.stackMapIndex.count else { continue }
      let map = code.stackMaps[Int(code.stackMapIndex[f.pc])]
      for (w, bits) in map.enumerated() where bits != 0 {
        var b = bits
        while b != 0 {
          let k = w << 6 + b.trailingZeroBitCount
          b &= b - 1
          let v = stack[f.base + k]
          if v != 0 { visitPointer(v, frames, stack, stackCapacity, visit, &scanned) }
        }
      }
    }
  }

  /// A root pointer: a heap address is the collector's; a pointer into a frame reaches a stack
  /// object, whose own pointers are scanned (once).
  private func visitPointer(
    _ v: Address, _ frames: CallFrames, _ stack: UnsafeMutablePointer<UInt64>, _ stackCapacity: Int,
    _ visit: (Address) -> Void, _ scanned: inout Set<Int>
  ) {
    guard v >= AddressSpace.stackBase else {
      visit(v)
      return
    }
    let slot = Int((v - AddressSpace.stackBase) / 8)
    guard let (base, object) = stackObject(containing: slot, frames), scanned.insert(base + object.slot).inserted else { return }
    for run in object.type.pointerRuns {
      for e in 0..<object.count {
        for r in 0..<run.count {
          for w in run.words {
            let offset = e * object.type.size + run.offset + r * run.stride + w
            let k = base + object.slot + offset / 8
            if k < stackCapacity, stack[k] != 0 { visitPointer(stack[k], frames, stack, stackCapacity, visit, &scanned) }
          }
        }
      }
    }
  }

  /// The stack object (and its frame's base) holding a slot.
  private func stackObject(containing slot: Int, _ frames: CallFrames) -> (Int, StackObject)? {
    for f in frames.all.reversed() where f.base <= slot {
      let code = session.functions[f.function]
      for o in code.stackObjects {
        let start = f.base + o.slot
        let words = max(1, (o.bytes + 7) / 8)
        if slot >= start && slot < start + words { return (f.base, o) }
      }
      return nil
    }
    return nil
  }

  // MARK: Running

  /// Runs a function to completion (the top-level code of a run, with no arguments).
  func run(_ function: Int, source: Source) throws {
    self.source = source
    frames.removeAll()
    inFlight = []
    stepsLeft = maxSteps ?? Int.max
    defer {
      recoverMainAfterError()
      frames.removeAll()
      // A run that ended in an error leaves main's pending defers behind: they are not its
      // next run's (nor roots any more).
      deferChain.removeAll()
      inFlight = []
    }
    explaining = host?.isExplaining ?? false
    do {
      let code = session.functions[function]
      if code.stackCheckBytes >= stackGuard.pointee { try morestack(code, base: 0) }
      stack.update(repeating: 0, count: code.frameSize)
      frames.push(CallFrame(function: function, base: 0, pc: 0))
      // A panic is reported where it happened, after the deferred calls ran (unless one of
      // them recovers it); a goroutine's panic ends the program as main's does.
      try runGoroutines()
    } catch let d as Deadlock {
      recoverMainAfterError()
      throw located(.deadlock(waitReason: d.reason, others: d.others))
    } catch let e as ScriptError {
      throw e
    } catch let t as VMTrap {
      throw located(t.kind)
    } catch let d as ProcessDeath {
      throw located(.death(d, fatalPrefix: heap.profile.fatalErrorPrefix))
    } catch let l as SimulationLimit {
      throw located(.invalidSetting(l.message))
    } catch let w as IdleWaitLimit {
      recoverMainAfterError()
      throw located(.invalidSetting(w.limit.message))
    } catch is SleepInterrupted {
      Interrupt.requested = false
      throw located(.interrupted)
    }
  }

  /// Under `explain`: an allocation from `site` went to the heap. The first time a site does,
  /// its note says where it is and why escape analysis put it there.
  func noteHeapAllocation(_ site: AllocationSite?, why reason: String? = nil) {
    guard let site, explainedSites.insert(ObjectIdentifier(site)).inserted else { return }
    let code = session.functions[frames[frames.count - 1].function]
    let (line, column) = code.source.location(of: site.span.start)
    let what: String
    switch site.kind {
    case .variable: what = "\(site.text) (moved to heap)"
    case .append: what = "append's new backing array"
    default: what = site.narrationText ?? (site.text.isEmpty ? "an object" : site.text)
    }
    let why = reason ?? site.explanation ?? "escape analysis could not keep it in the frame"
    // A library's code is Go's source compiled with the program: named by its function, not
    // by a position in a file the learner does not have.
    let place = code.isLibrary ? "in \(code.name) (Go's own code)" : "at \(code.source.name):\(line):\(column)\(inlinedText(site, code))"
    heapNotes.append("\(what) \(place) is allocated on the heap: \(why)")
  }

  /// Under `explain`: an allocation from `site` was kept in its function's frame. Said once per
  /// site, as heap allocations are.
  func noteFrameAllocation(_ site: AllocationSite) {
    guard explainedFrameSites.insert(ObjectIdentifier(site)).inserted else { return }
    let code = session.functions[frames[frames.count - 1].function]
    let (line, column) = code.source.location(of: site.span.start)
    let what = site.kind == .variable ? site.text : site.narrationText ?? (site.text.isEmpty ? "an object" : site.text)
    heapNotes.append(
      "\(what) at \(code.source.name):\(line):\(column)\(inlinedText(site, code)) stays in \(code.name)'s frame: it does not escape, so the collector never sees it")
  }

  /// ` (in counter, inlined at 40:17)` for a site of an inlined body: the allocation is the
  /// caller's, made where the call was.
  private func inlinedText(_ site: AllocationSite, _ code: CodeObject) -> String {
    guard let (callee, at) = site.inlined else { return "" }
    let (line, column) = code.source.location(of: at)
    return " (in \(callee), inlined at \(line):\(column))"
  }

  /// A narrated statement finished: its heap notes, then the narration, then where it is (for
  /// the timeline's statement boundaries).
  func statementFinished(narration k: Int) {
    let code = session.functions[frames[frames.count - 1].function]
    let text = code.narrations[k]
    if !heapNotes.isEmpty {
      host?.heapAllocations(heapNotes)
      heapNotes = []
    }
    host?.statementFinished(text)
    explaining = host?.isExplaining ?? false
    if let host, host.wantsStatementBoundaries {
      let span = code.narrationSpans[k]
      let first = code.source.location(of: span.start).line
      let last = code.source.location(of: max(span.start, span.end - 1)).line
      host.statementBoundary(file: code.source.name, lines: first...last)
    }
  }

  /// An error at the current instruction of the innermost frame of the program's own code: a
  /// library function's error is the program's call's (its frames are skipped, as a panic's
  /// message in Go names the program's line below the library's).
  func located(_ kind: ErrorKind) -> ScriptError {
    let kind = printedPanicKind(kind)
    guard let f = frames.all.last(where: { !session.functions[$0.function].isLibrary }) ?? frames.last else {
      return ScriptError(kind, at: Span(0, 0))
    }
    let code = session.functions[f.function]
    let span = f.pc < code.spans.count ? code.spans[f.pc] : Span(0, 0)
    return ScriptError(kind, at: span).located(in: code.source)
  }

  // MARK: The stack

  /// The simulated stack main's frames use: 8 B per slot up to the innermost frame's top, and
  /// 16 B per frame (CodeObject.stackCheckBytes).
  var stackFrameBytes: Int {
    guard let f = frames.last else { return 0 }
    return (f.base + session.functions[f.function].frameSize) * 8 + frames.count * 16
  }

  var stackFrameCount: Int { frames.count }

  /// The prologue's check failed for a call of `callee` at slot `base`: morestack. GoHeap grows
  /// the simulated stack (or records the pages the frames now write), then the host buffer
  /// grows to hold every frame below the new guard.
  @inline(never)
  func morestack(_ callee: CodeObject, base: Int) throws {
    let top = base + callee.frameSize
    let depth = frames.count
    do {
      // copystack's time is the goroutine's: charged with its next instructions.
      pendingNs += try heap.growStack(
        toFit: top * 8 + (depth + 1) * 16, check: base * 8 + depth * 16 + callee.stackCheckBytes)
    } catch let f as StackGrowthFailure {
      switch f.reason {
      case .overflow: throw VMTrap(kind: .stackOverflow)
      case .simulatorLimit(let bytes): throw VMTrap(kind: .stackBeyondGcsh(bytes: bytes))
      }
    }
    // Below the guard, a frame's top slot is below guard / 8 (its simulated size exceeds its
    // slots' bytes).
    let needed = max(top, stackGuard.pointee / 8 + 1)
    guard needed > stackCapacity else { return }
    let newCapacity = min(max(needed, stackCapacity * 2), AddressSpace.stackLimitBytes / 8)
    // Not zeroed ahead: a call zeroes its frame's slots (the dispatch loop's `.call`).
    stack = HostBuffer.reallocate(stack, capacity: newCapacity)
    stackCapacity = newCapacity
  }

  /// Runs the dispatch loop for the running goroutine, and for the others each time it parks
  /// or is preempted (VM+Goroutines.swift), until main's bottom frame returns.
  private func runGoroutines() throws {
    while true {
      do {
        try executeRecovering(depth: 0) { located($0.reportedKind) }
      } catch is GoroutineSwitch {
        try schedule()
        continue
      }
      if current.id == 1 { return }
      // Another goroutine's function returned: goexit, and the next one runs.
      try goexit()
    }
  }

  /// Gives the runtime the time instructions charged.
  @inline(__always)
  func flushTime() throws {
    if pendingNs > 0 {
      let ns = pendingNs
      pendingNs = 0
      try heap.elapse(ns)
    }
  }
}
