// Goroutines and the scheduler (runtime/proc.go: newproc, schedule, findRunnable, runqput,
// gopark/goready; time.go's timers for time.Sleep).
//
// gcsh runs one goroutine at a time, as the Go runtime does with one P (GOMAXPROCS=1). Each
// goroutine has its own frames and slot buffer; the VM's `stack`, `stackCapacity`, `frames`
// and `closureContext` are the running one's, and a switch saves them into its Goroutine and
// loads the next one's (GoHeap switches its simulated stack at the same time). The scheduler
// is proc.go's, for one P:
//
//   - `go f()` makes the new goroutine and puts it in `runnext` (runqput(pp, newg, true)): the
//     previous runnext moves to the tail of the local run queue. The creator keeps running.
//   - A goroutine that blocks (a channel operation, WaitGroup.Wait, a contended Mutex.Lock,
//     time.Sleep) parks; the one that unblocks it readies it into runnext (goready →
//     ready(gp, next=true)) and keeps running.
//   - runtime.Gosched, and a goroutine that has run for 10 ms of virtual time at a loop back
//     edge or a call (sysmon's forcePreemptNS: retake preempts a G running that long), go to
//     the tail of the global run queue.
//   - schedule(): every 61st schedule takes the global queue's head first (fairness), then
//     runnext, the local queue, the global queue. When nothing can run, the earliest sleeper's
//     timer fires: the clock advances to it as time passes in an idle program (GoHeap's
//     sleep: the scavenger and sysmon run meanwhile). When no goroutine sleeps either and main
//     is blocked, the program is deadlocked: checkdead's `fatal error: all goroutines are
//     asleep - deadlock!`.
//
// So a learner's program prints what it prints under GOMAXPROCS=1, every run (recorded: five
// goroutines that print then wg.Done() print 4 0 1 2 3 in Go 1.27.3 and 1.19.8). The heap model
// keeps its Ps for the collector's workers; only the program's goroutines are serialised.
//
// Memory. A go statement with arguments allocates the wrapper closure that captures them (the
// compiler's normalizeGoDeferCall; 16-24 B for the usual worker call); newproc reuses a dead
// goroutine's g, or allocates a new g on the heap (456 B in Go 1.27, 392 B in 1.19, held by
// allgs forever: roots); its stack comes from GoHeap (2 KiB, pooled). A goroutine that blocks
// on a channel or a semaphore takes a sudog from the P's cache, allocated on the heap the first
// times (acquireSudog); the GC empties the central cache. Every goroutine's frames are roots,
// blocked or not: a goroutine blocked forever keeps what it references alive.
//
// REPL. main is the goroutine that runs each entry; other goroutines run while main blocks,
// sleeps or is preempted, and wait between entries (no virtual time passes between them).

import GoHeap

/// One goroutine: its frames and slots while it is not running, and its state.
final class Goroutine {
  enum State: Equatable {
    case runnable
    case running
    /// Parked until another goroutine readies it; the wait reason as Go prints it.
    case waiting(String)
    /// In time.Sleep until the clock reaches `until`.
    case sleeping(until: Int)
    case dead
  }

  let id: Int
  var state: State = .runnable
  var stack: UnsafeMutablePointer<UInt64>
  var stackCapacity: Int
  /// Few frames to start with: a program may park many goroutines, and the host's memory for
  /// each should stay below the simulated process's (2 KiB of stack, a g of 456 B).
  var frames = CallFrames(capacity: 4)
  /// Its chained defers while another goroutine runs.
  var deferChain: [ChainedCall] = []
  var closureContext: UInt64 = 0
  /// The funcval newproc was given (the wrapper closure, or the func value), a root until the
  /// goroutine has started: then its first frame holds the arguments.
  var startFuncval: Address = 0
  /// The g's heap address.
  var g: Address = 0
  /// The sudogs it has taken while blocked (gp.waiting), to give back to the P's cache.
  var heldSudogs: [Address] = []
  /// time.Sleep has been called on it once (the g caches its timer from then on).
  var hasTimer = false
  /// It is in runtime.GC and let the ready goroutines run first (VM.forcedGC).
  var yieldedForGC = false
  /// A finalizer's goroutine: the object, a root until the call has its frame.
  var finalizedObject: Address = 0

  init(id: Int, stack: UnsafeMutablePointer<UInt64>, capacity: Int) {
    self.id = id
    self.stack = stack
    stackCapacity = capacity
  }

  func release() {
    HostBuffer.free(stack)
    frames.deallocate()
  }
}

/// The scheduler's state (one P).
final class Scheduler {
  var all: [Int: Goroutine] = [:]
  var runnext: Goroutine? = nil
  var local: [Goroutine] = []
  var localHead = 0
  var global: [Goroutine] = []
  var globalHead = 0
  /// Pending timers by when they fire (then by when they were set: each is inserted after the
  /// ones due at the same time): a sleeping goroutine's, or a time.After channel's.
  var sleepers: [PendingTimer] = []
  /// Go 1.14-1.22: when each stopped timer that is still in the P's heap was due (deltimer only
  /// marks a timer deleted; VM+Timers.swift says when it leaves).
  var deletedTimers: [(object: Address, until: Int)] = []
  /// Before Go 1.23, the P's timer heap array (`pp.timers`, kept by the P) and its capacity:
  /// one slot when the program starts (the runtime's own timers made it: the background
  /// scavenger sleeps on one).
  var timerHeapArray: Address = 0
  var timerHeapCapacity = 1
  var schedtick = 0
  /// The virtual time the running goroutine was scheduled at (its time slice's start).
  var sliceStart = 0
  /// Goroutines the program started (runtime/metrics' /sched/goroutines-created).
  var created = 0
  /// Heap addresses of every g ever made (allgs): never freed.
  var allgs: [Address] = []
  /// The sudogs in the P's cache (acquireSudog/releaseSudog): runtime data, so roots.
  var sudogCache: [Address] = []
  /// Other goroutines are runnable: a loop back edge checks the time slice only then.
  var othersRunnable: Bool { runnext != nil || localHead < local.count || globalHead < global.count }
  /// How many goroutines wait to run (runnext, the P's queue, the global queue):
  /// /sched/goroutines:runnable.
  var runnableCount: Int { (runnext == nil ? 0 : 1) + (local.count - localHead) + (global.count - globalHead) }

  func popLocal() -> Goroutine? { Self.pop(&local, &localHead) }
  func popGlobal() -> Goroutine? { Self.pop(&global, &globalHead) }

  /// A FIFO queue's head (the array's consumed prefix is dropped now and then).
  private static func pop(_ queue: inout [Goroutine], _ head: inout Int) -> Goroutine? {
    guard head < queue.count else { return nil }
    let g = queue[head]
    head += 1
    if head > 64 && head * 2 > queue.count {
      queue.removeFirst(head)
      head = 0
    }
    return g
  }

  /// runqput(pp, gp, next=true): gp into runnext, the old runnext to the local queue's tail.
  func ready(_ g: Goroutine) {
    g.state = .runnable
    if let old = runnext { local.append(old) }
    runnext = g
  }

  /// Removes a goroutine from every queue (an error ended it, or it is being reset).
  func forget(_ g: Goroutine) {
    if runnext === g { runnext = nil }
    // Only the queues' unconsumed parts hold goroutines.
    local = Array(local[localHead...].filter { $0 !== g })
    localHead = 0
    global = Array(global[globalHead...].filter { $0 !== g })
    globalHead = 0
    sleepers.removeAll { $0.g === g }
  }
}

/// A timer of the runtime's timer heap (time.go).
struct PendingTimer {
  let until: Int
  /// A goroutine in time.Sleep...
  var g: Goroutine? = nil
  /// ...or a channel timer: its channel and the timer object; a ticker's period (0 for a
  /// one-shot timer).
  var chan: Address = 0
  var object: Address = 0
  var period = 0
  /// ...or time.AfterFunc's timer: the function a new goroutine calls when it fires.
  var function: Address = 0
}

/// No goroutine can run and none sleeps: checkdead's fatal error (main's wait reason), and the
/// other goroutines as the traceback that follows it shows them.
struct Deadlock: Error {
  let reason: String
  var others: [String] = []
}

/// Every goroutine waits and the next timer is beyond what gcsh replays: reported, as a
/// deadlock is, at main's blocked statement.
struct IdleWaitLimit: Error {
  let limit: SimulationLimit
}

/// Thrown by an operation that parked or preempted the running goroutine: the dispatch loop
/// is left, the scheduler picks the next goroutine, and the loop resumes with its frames.
struct GoroutineSwitch: Error {}

extension VM {
  /// The Go version the scheduler's texts follow.
  private var modernWaitReasons: Bool { heap.profile.version >= GoVersion(1, 21) }

  /// Whether a goroutine switch may happen here: at the base of a goroutine's dispatch loop,
  /// not inside a callback or the deferred calls of a panic (even those of a goroutine's first
  /// frame, which run at the loop's base).
  var canSwitchGoroutines: Bool { stopDepth == 0 && callbackDepth == 0 && unwindingDepth == 0 }

  // MARK: newproc

  /// `go f(args)` (proc.go newproc): the wrapper closure, the goroutine with its g and stack,
  /// its first frame holding the arguments; then it waits in runnext.
  func goStatement(_ launch: GoLaunch, _ args: [(GoType, UnsafeMutablePointer<UInt64>)]) throws {
    try flushTime()
    scheduler.created += 1
    var operands = args[...]
    let function: Int
    var context: UInt64 = 0
    switch launch.target {
    case .function(let f): function = f
    case .value:
      let fv = args[0].1[0]
      if fv == 0 {
        // newproc of a nil func: `go fv()` with fv nil is a fatal error before anything runs.
        throw VMTrap(kind: .fatalError("go of nil func value"))
      }
      function = try funcvalTarget(fv)
      context = fv
      operands = operands.dropFirst()
    }
    // The wrapper closure: the code pointer, then the captured values.
    var startFuncval: Address = context
    if let w = launch.wrapper, let fields = w.structFields {
      let closure = try heap.allocate(w, count: 1)
      inFlight.append(closure)
      defer { inFlight.removeLast() }
      try store(closure, session.codePointer(ofIndex: function), 8)
      for ((t, p), field) in zip(args, fields.dropFirst()) { try storeValue(t, from: p, to: closure + UInt64(field.offset)) }
      startFuncval = closure
    }
    inFlight.append(startFuncval)
    defer { inFlight.removeLast() }
    let g = try spawn(function, context: context, Array(operands), startFuncval: startFuncval)
    scheduler.ready(g)
  }

  /// newproc1: a goroutine (a dead one's g reused, or a new g on the heap, kept by allgs for
  /// good) whose first frame calls `function` with the operands as its parameters; not queued
  /// yet.
  func spawn(
    _ function: Int, context: UInt64, _ operands: [(GoType, UnsafeMutablePointer<UInt64>)], startFuncval: Address
  ) throws -> Goroutine {
    let made = try heap.newGoroutine()
    let callee = session.functions[function]
    // The slots of its first frame (the buffer grows as a running goroutine's does).
    let capacity = max(callee.frameSize, 8)
    let g = Goroutine(id: made.id, stack: HostBuffer.allocate(UInt64.self, capacity: capacity), capacity: capacity)
    g.stack.initialize(repeating: 0, count: capacity)
    scheduler.all[g.id] = g
    multipleGoroutines = true
    if made.newG {
      let record = try heap.allocate(Self.gType(heap.profile), count: 1)
      scheduler.allgs.append(record)
      g.g = record
    }
    g.startFuncval = startFuncval
    g.closureContext = context
    // The first frame: the callee's results (never read), then its parameters.
    var at = callee.resultWords
    for (t, p) in operands {
      (g.stack + at).update(from: p, count: t.words)
      at += t.words
    }
    g.frames.push(CallFrame(function: function, base: 0, pc: 0))
    return g
  }

  /// newproc of a func value with its operands (AfterFunc's goFunc, the finalizer and cleanup
  /// goroutines' calls): the funcval is both the code and the closure context.
  func spawn(funcval fv: UInt64, _ operands: [(GoType, UnsafeMutablePointer<UInt64>)]) throws -> Goroutine {
    try spawn(try funcvalTarget(fv), context: fv, operands, startFuncval: fv)
  }

  /// The g struct as the collector sees it: sizeof(g) bytes, its first word a pointer
  /// (Tests/Recordings GOROUTINE-FACTS: 456 B in Go 1.27.3, 392 B in 1.19.8).
  static func gType(_ p: RuntimeProfile) -> GoType {
    p.version >= GoVersion(1, 27) ? gType127 : (p.version >= GoVersion(1, 2) ? gType119 : gType10)
  }
  private static let gType127 = GoType.structure([("stack", .pointer(to: .uint8)), ("rest", .array(of: .uint64, count: 56))], name: "runtime.g")
  private static let gType119 = GoType.structure([("stack", .pointer(to: .uint8)), ("rest", .array(of: .uint64, count: 48))], name: "runtime.g")
  /// Go 1.0's G (runtime.h): 26 words. UNCONFIRMED: no Go 1.0 binary was measured.
  private static let gType10 = GoType.structure([("stack", .pointer(to: .uint8)), ("rest", .array(of: .uint64, count: 25))], name: "runtime.g")

  // MARK: Parking and readying

  /// gopark: the running goroutine waits (`reason`); the dispatch loop switches after the
  /// instruction. The frame's pc stays at the blocking instruction: the one that readies it
  /// moves it on (a receive's value delivered) or leaves it to run again (a lock retried).
  func park(_ reason: String) throws {
    // Not a Go panic (no deferred call may recover it, nor fmt print it as a String method's):
    // a limit of gcsh's, which ends the run.
    guard canSwitchGoroutines else {
      throw SimulationLimit(
        "gcsh cannot block a goroutine (\(reason)) inside a String method fmt calls or a deferred call a panic runs")
    }
    current.state = .waiting(reason)
    throw GoroutineSwitch()
  }

  /// goready: `g` can run again; it goes to runnext.
  func ready(_ g: Goroutine) {
    scheduler.ready(g)
  }

  /// A parked goroutine's frame moves past its blocking instruction (its operation is done).
  func resumeAfterBlock(_ g: Goroutine) {
    if g === current {
      frames[frames.count - 1].pc += 1
    } else {
      g.frames[g.frames.count - 1].pc += 1
    }
  }

  /// The slots of a goroutine's innermost frame (the running one's are the VM's).
  func frameSlots(of g: Goroutine) -> UnsafeMutablePointer<UInt64> {
    if g === current { return stack + frames[frames.count - 1].base }
    return g.stack + g.frames[g.frames.count - 1].base
  }

  /// acquireSudog: from the P's cache, else new on the heap (the central cache, which the
  /// collector empties at each cycle, is not modelled: what would sit there until the next
  /// cycle is garbage here, freed by that cycle all the same).
  func acquireSudog() throws {
    if let s = scheduler.sudogCache.popLast() {
      current.heldSudogs.append(s)
    } else if let sudog = Self.sudogType(heap.profile) {
      current.heldSudogs.append(try heap.allocate(sudog, count: 1))
    }
  }

  /// releaseSudog: back to the P's cache; a full cache (128) sends half of itself to the
  /// central cache (here: lets it go).
  func releaseSudogs(of g: Goroutine) {
    scheduler.sudogCache += g.heldSudogs
    g.heldSudogs = []
    if scheduler.sudogCache.count >= 128 { scheduler.sudogCache.removeLast(64) }
  }

  /// sizeof(sudog) (104 B in Go 1.27, 88 B in 1.19); Go 1.0 put its SudoG in the blocking
  /// frame.
  static func sudogType(_ p: RuntimeProfile) -> GoType? {
    if p.version < GoVersion(1, 2) { return nil }
    return p.version >= GoVersion(1, 27) ? sudog127 : sudog119
  }
  private static let sudog127 = GoType.structure([("g", .pointer(to: .uint8)), ("rest", .array(of: .uint64, count: 12))], name: "runtime.sudog")
  private static let sudog119 = GoType.structure([("g", .pointer(to: .uint8)), ("rest", .array(of: .uint64, count: 10))], name: "runtime.sudog")

  // MARK: Switching

  /// Saves the running goroutine into its record and makes `g` the running one.
  func switchTo(_ g: Goroutine) {
    guard g !== current else {
      g.state = .running
      return
    }
    heap.switchGoroutine(to: g.id)
    let old = current
    old.stack = stack
    old.stackCapacity = stackCapacity
    old.frames = frames
    old.deferChain = deferChain
    old.closureContext = closureContext
    current = g
    stack = g.stack
    stackCapacity = g.stackCapacity
    frames = g.frames
    deferChain = g.deferChain
    closureContext = g.closureContext
    // The host buffer holds every frame below the guard GoHeap now set for this goroutine's
    // stack (the call check only compares with the guard).
    let needed = stackGuard.pointee / 8 + 1
    if needed > stackCapacity {
      stack = HostBuffer.reallocate(stack, capacity: needed)
      (stack + stackCapacity).initialize(repeating: 0, count: needed - stackCapacity)
      stackCapacity = needed
    }
    g.state = .running
    g.startFuncval = 0
    scheduler.sliceStart = heap.virtualTime
  }

  /// schedule(): picks the next goroutine to run and switches to it; when none can run, lets
  /// time pass to the earliest sleeper's wake-up, or reports the deadlock.
  func schedule() throws {
    // A scheduling point honours Ctrl-C (and --timeout) as a call or a loop's back edge does:
    // goroutines that allocate and block without looping or calling (each `make` a GC under a
    // tight memory limit) would otherwise run their whole course first.
    if Interrupt.requested {
      Interrupt.requested = false
      throw VMTrap(kind: .interrupted)
    }
    checkDeletedTimers()
    if !scheduler.sleepers.isEmpty {
      try flushTime()
      try fireTimers()
    }
    try runQueuedFinalizersAndCleanups()
    while true {
      let s = scheduler
      s.schedtick += 1
      var next: Goroutine? = nil
      if s.schedtick % 61 == 0 { next = s.popGlobal() }
      if next == nil, let r = s.runnext {
        s.runnext = nil
        next = r
      }
      if next == nil { next = s.popLocal() ?? s.popGlobal() }
      if let next {
        switchTo(next)
        return
      }
      // Idle: time passes to the earliest timer that can wake someone, and the timers due by
      // then fire.
      if let first = timerThatCanWake() {
        try flushTime()
        let now = heap.virtualTime
        if first.until > now {
          // A wait that cannot be replayed is reported at main's blocked statement, as a
          // deadlock is (the goroutine that parked last may have exited).
          do {
            try heap.checkSleep(first.until - now, waiting: "every goroutine is blocked: the wait for the next timer (\(first.until - now) ns)")
          } catch let l as SimulationLimit {
            throw IdleWaitLimit(limit: l)
          }
          try heap.sleep(first.until - now)
        }
        try fireTimers()
        continue
      }
      throw Deadlock(reason: waitReason(of: scheduler.all[1] ?? current), others: otherGoroutinesDump())
    }
  }

  /// The goroutines besides main as Go's traceback lists them after checkdead's fatal error:
  /// `goroutine 7 [chan send]:`, then the function it waits in and where (the caller's
  /// arguments, which Go prints as words, are `...`). A goroutine blocked forever keeps what
  /// its frames reference: this is the list of such leaks.
  private func otherGoroutinesDump() -> [String] {
    scheduler.all.values.filter { $0.id != 1 }.sorted { $0.id < $1.id }.map { g in
      var text = "goroutine \(g.id) [\(waitReason(of: g))]:"
      let top = g === current ? frames.last : g.frames.last
      if let f = top {
        let code = session.functions[f.function]
        let name = code.name.contains(".") ? code.name : "main." + code.name
        // The frame's pc is past the call that blocked.
        let k = min(max(f.pc - 1, 0), code.spans.count - 1)
        let line = k >= 0 ? code.source.location(of: code.spans[k].start).line : 0
        text += "\n\(name)(...)\n\t\(code.source.name):\(line)"
      }
      return text
    }
  }

  private func waitReason(of g: Goroutine) -> String {
    if case .waiting(let r) = g.state { return r }
    return "running"
  }

  /// The running goroutine (not main) returned from its function: goexit.
  func goexit() throws {
    let g = current
    g.state = .dead
    scheduler.all[g.id] = nil
    releaseSudogs(of: g)
    heap.exitGoroutine()
    multipleGoroutines = scheduler.all.count > 1
    // Its buffers go once another goroutine's are loaded (or main's, after a deadlock).
    defer { if g !== current { g.release() } }
    try schedule()
  }

  /// runtime.Gosched (its frame already past the call), or a preemption at the end of a time
  /// slice (its frame at the loop's branch, which runs again): the running goroutine goes to
  /// the global queue's tail and the scheduler runs another.
  func yieldProcessor() throws {
    guard canSwitchGoroutines, scheduler.othersRunnable else { return }
    current.state = .runnable
    scheduler.global.append(current)
    throw GoroutineSwitch()
  }

  /// sysmon's retake: a goroutine that has run for forcePreemptNS (10 ms) is preempted when
  /// others wait to run. Checked where a goroutine can be stopped (loop back edges).
  @inline(never)
  func preemptIfDue() throws {
    guard canSwitchGoroutines else { return }
    try runQueuedFinalizersAndCleanups()
    // Timers due by now fire (another P, or sysmon, would run them): a sleeper becomes ready.
    if let first = scheduler.sleepers.first, first.until <= heap.virtualTime { try fireTimers() }
    guard scheduler.othersRunnable, heap.virtualTime - scheduler.sliceStart >= 10_000_000 else { return }
    try yieldProcessor()
  }

  /// time.Sleep and GCScript's `sleep`: with other goroutines, the running one parks until its
  /// timer fires and they run meanwhile; alone, the program idles (GoHeap's sleep).
  func sleep(_ ns: Int) throws {
    try runQueuedFinalizersAndCleanups()
    if multipleGoroutines && canSwitchGoroutines {
      // Checked from the clock with this goroutine's instructions charged.
      try flushTime()
      if ns > 0 { try heap.checkSleep(ns) }
      try sleepGoroutine(ns)
    } else {
      try heap.sleep(ns)
    }
  }

  /// time.Sleep on a goroutine while others exist: it parks until its timer fires (a g's
  /// first Sleep allocates its timer: time.go timeSleep).
  func sleepGoroutine(_ ns: Int) throws {
    try flushTime()
    if !current.hasTimer, current.id != 1, let t = Self.timerType(heap.profile) {
      _ = try heap.allocate(t, count: 1)
      current.hasTimer = true
    }
    let until = deadline(after: ns)
    current.state = .sleeping(until: until)
    try addTimer(until: until, g: current)
    // The sleep returns when it is scheduled again.
    frames[frames.count - 1].pc += 1
    throw GoroutineSwitch()
  }

  /// runtime.GC: the caller waits for the cycle (gcWaitOnMark, gcWaitOnSweep), and meanwhile
  /// the P runs the goroutines that are ready — a goroutine that was about to exit does, and
  /// its stack is gone before the cycle ends. gcsh lets them run first (until they block or
  /// use their time slice), then collects: the call runs twice, yielding the first time.
  func forcedGC() throws {
    if multipleGoroutines, canSwitchGoroutines, scheduler.othersRunnable, !current.yieldedForGC {
      current.yieldedForGC = true
      current.state = .runnable
      scheduler.global.append(current)
      throw GoroutineSwitch()
    }
    current.yieldedForGC = false
    try heap.collect()
    let spawned = heap.hasQueuedFinalizers || heap.hasQueuedCleanups
    try runQueuedFinalizersAndCleanups()
    // runtime.GC finishes the sweep itself, calling Gosched after each span it sweeps (mgc.go
    // GC, the same in Go 1.19.8): the finalizer or cleanup goroutine that the sweep of an
    // object's span readied runs before GC returns (runs/weakpointer, GOMAXPROCS=1).
    if spawned, multipleGoroutines, canSwitchGoroutines, scheduler.othersRunnable {
      frames[frames.count - 1].pc += 1
      try yieldProcessor()
    }
  }

  /// The virtual time `ns` from now (a negative wait is none; a wait past the end of time
  /// saturates, as time.go's `when` does).
  func deadline(after ns: Int) -> Int {
    let now = heap.virtualTime
    return ns > Int.max - now ? Int.max : now + max(0, ns)
  }

  /// Adds a timer to the heap, in firing order: the one place every timer — a sleeping
  /// goroutine's, a channel timer's — enters it, and where the P's heap array grows to hold it
  /// (`growTimerHeap`). Before Go 1.23 every pending timer is in the P's heap; since Go 1.23 a
  /// channel timer is there only while a goroutine waits on its channel (not modelled: gcsh
  /// counts the sleeping goroutines' timers), and the recorded channel-timer runs did not grow
  /// it (Tests/Recordings/runs/timers). A ticker's next tick (`rearm`) reuses its entry
  /// (runOneTimer updates `when` in place).
  func addTimer(
    until: Int, g: Goroutine? = nil, chan: Address = 0, object: Address = 0, period: Int = 0,
    function: Address = 0, rearm: Bool = false
  ) throws {
    cleanTimers()
    let t = PendingTimer(until: until, g: g, chan: chan, object: object, period: period, function: function)
    let k = scheduler.sleepers.firstIndex { $0.until > until } ?? scheduler.sleepers.count
    scheduler.sleepers.insert(t, at: k)
    multipleGoroutines = true
    guard !rearm else { return }
    // The heap's timers with this one: the runtime's own (the scavenger's sleep) and those of
    // the program that are in it in this version.
    // (A function timer is always in it: needsAdd is false only for a channel timer nobody
    // waits on.)
    let inHeap = heap.profile.version >= GoVersion(1, 23)
      ? scheduler.sleepers.reduce(1) { $1.g != nil || $1.function != 0 ? $0 + 1 : $0 }
      : scheduler.sleepers.count + scheduler.deletedTimers.count + 1
    try growTimerHeap(holding: inHeap)
  }

  /// checkTimers: every timer due by now fires — a sleeper is readied, a channel timer sends
  /// the time on its channel (sendTime: never blocking; its buffer has room for one).
  func fireTimers() throws {
    let now = heap.virtualTime
    // (runtimer: a deleted timer that comes due at the heap's top leaves it.)
    scheduler.deletedTimers.removeAll { $0.until <= now }
    while let t = scheduler.sleepers.first, t.until <= now {
      scheduler.sleepers.removeFirst()
      if let g = t.g {
        scheduler.ready(g)
        continue
      }
      // AfterFunc's goFunc: `go f()`, its goroutine queued as a go statement's.
      if t.function != 0 {
        scheduler.created += 1
        inFlight.append(t.object)
        defer { inFlight.removeLast() }
        scheduler.ready(try spawn(funcval: t.function, []))
        continue
      }
      // The time.Time sendTime sends: time.Now at the timer's instant.
      let value = UnsafeMutablePointer<UInt64>.allocate(capacity: 3)
      defer { value.deallocate() }
      let at = GoTime.now(mono: Int64(now), local: localLocation)
      value.initialize(from: [at.wall, UInt64(bitPattern: at.ext), at.loc], count: 3)
      let c = t.chan
      if try canSend(c) { try chanSend(c, value, timeType) }
      // A ticker's next tick: the next multiple of its period after now (time.go: ticks missed
      // while nobody received are dropped, not queued).
      if t.period > 0 {
        let missed = (now - t.until) / t.period
        let next = t.until + (missed + 1) * t.period
        try addTimer(until: next, chan: c, object: t.object, period: t.period, rearm: true)
      }
    }
  }

  /// The timer the idle scheduler waits for: the earliest that can wake a goroutine — a
  /// sleeper's, or a channel timer whose channel a goroutine is blocked on (Go 1.23+ keeps a
  /// channel timer in the timer heap only then; before, an idle program with only tickers
  /// nobody waits on would sleep for ever: gcsh reports the deadlock either way).
  func timerThatCanWake() -> PendingTimer? {
    scheduler.sleepers.first { t in
      t.g != nil || t.function != 0 || channelWaiters[t.chan]?.recvq.isEmpty == false
    }
  }

  /// time.After(d): a `chan Time` of one, and the timer that will send on it (Go 1.23+: a
  /// timeTimer of 112 B; Go 1.19: a Timer of 80 B), 3 allocations in all (GOROUTINE-FACTS).
  /// time.Tick(d) (`every`): the same with a Ticker, sending every d; nil for d <= 0. The
  /// timer and its channel stay reachable until it fires — a ticker's for good, as every
  /// unstopped Ticker was before Go 1.23 (Go 1.23+ collects one nobody references: gcsh does
  /// not yet).
  func timeAfter(_ d: Int, every: Bool = false, into result: UnsafeMutablePointer<UInt64>) throws {
    if every && d <= 0 {
      result[0] = 0
      return
    }
    try flushTime()
    let c = try makeChan(GoType(.chan(timeType, .both)), size: 1)
    inFlight.append(c)
    defer { inFlight.removeLast() }
    var object: Address = 0
    if heap.profile.version >= GoVersion(1, 2) {
      let t = heap.profile.version >= GoVersion(1, 23) ? Self.timeTimer127 : Self.timer119Chan
      object = try heap.allocate(t, count: 1)
      try store(object + 8, c, 8)
    }
    try addChannelTimer(until: deadline(after: d), chan: c, object: object, period: every ? d : 0)
    result[0] = c
  }
  private static let timeTimer127 = GoType.structure(
    [("C", .pointer(to: .uint8)), ("c", .pointer(to: .uint8)), ("rest", .array(of: .uint64, count: 12))], name: "time.timeTimer")
  private static let timer119Chan = GoType.structure(
    [("C", .pointer(to: .uint8)), ("c", .pointer(to: .uint8)), ("rest", .array(of: .uint64, count: 8))], name: "time.Timer")

  /// The g's sleep timer (time.go `timer`: 96 B in Go 1.27, 72 B → 80 in 1.19).
  static func timerType(_ p: RuntimeProfile) -> GoType? {
    if p.version < GoVersion(1, 2) { return nil }
    return p.version >= GoVersion(1, 27) ? timer127 : timer119
  }
  private static let timer127 = GoType.structure([("g", .pointer(to: .uint8)), ("rest", .array(of: .uint64, count: 11))], name: "runtime.timer")
  private static let timer119 = GoType.structure([("g", .pointer(to: .uint8)), ("rest", .array(of: .uint64, count: 8))], name: "runtime.timer")

  /// Goroutines other than main that have not ended (runtime.NumGoroutine() - 1).
  var otherGoroutineCount: Int { scheduler.all.count - 1 }

  /// After an error ended a run (a panic, a deadlock, Ctrl-C): main is the running goroutine
  /// again, waiting for nothing; the goroutine that failed, if not main, is gone.
  func recoverMainAfterError() {
    guard let main = scheduler.all[1] else { return }
    for (_, q) in channelWaiters { q.remove(main) }
    for (k, list) in semaWaiters { semaWaiters[k] = list.filter { $0 !== main } }
    rwLockWriters[ObjectIdentifier(main)] = nil
    rwLockHolders.remove(ObjectIdentifier(main))
    scheduler.forget(main)
    if current !== main {
      let failed = current
      let wasDead = failed.state == .dead
      switchTo(main)
      if wasDead {
        failed.release()
      } else {
        failed.state = .dead
        scheduler.all[failed.id] = nil
        scheduler.forget(failed)
        for (_, q) in channelWaiters { q.remove(failed) }
        for (k, list) in semaWaiters { semaWaiters[k] = list.filter { $0 !== failed } }
        heap.forgetGoroutine(failed.id)
        failed.release()
      }
    }
    main.state = .running
    multipleGoroutines = scheduler.all.count > 1
  }

  // MARK: Roots

  /// Go 1.23+: the timers of channels the cycle found unreachable go with them.
  func markFinished(_ isMarked: (Address) -> Bool) {
    guard heap.profile.version >= GoVersion(1, 23), !scheduler.sleepers.isEmpty else { return }
    scheduler.sleepers.removeAll { t in t.chan != 0 && !isMarked(t.chan) }
  }

  /// Every root the goroutines that are not running hold: their frames (as the stack maps
  /// say), a not-yet-started one's funcval, every g (allgs).
  func forEachParkedGoroutineRoot(_ visit: (Address) -> Void) {
    for a in scheduler.allgs { visit(a) }
    // A channel timer keeps its channel alive until it fires — before Go 1.23 (the timer heap
    // holds it); from Go 1.23 only while a goroutine is blocked on the channel (needsAdd), so
    // an unreferenced time.After or Ticker is garbage (markFinished drops its timer).
    let weakTimers = heap.profile.version >= GoVersion(1, 23)
    for t in scheduler.sleepers where t.chan != 0 {
      guard !weakTimers || channelWaiters[t.chan]?.recvq.isEmpty == false else { continue }
      visit(t.chan)
      if t.object != 0 { visit(t.object) }
    }
    // An AfterFunc timer is in the P's heap until it fires or stops: it and its function live.
    for t in scheduler.sleepers where t.function != 0 { visit(t.object) }
    for a in scheduler.sudogCache { visit(a) }
    for a in current.heldSudogs { visit(a) }
    for (_, g) in scheduler.all where g !== current {
      for a in g.heldSudogs { visit(a) }
      if g.startFuncval != 0 { visit(g.startFuncval) }
      if g.finalizedObject != 0 && g.frames.count == 1 && g.frames[0].pc == 0 { visit(g.finalizedObject) }
      if g.closureContext != 0 && g.frames.count == 1 && g.frames[0].pc == 0 { visit(g.closureContext) }
      forEachFrameRoot(g.frames, g.stack, g.stackCapacity, visit)
      for c in g.deferChain { visitChained(c, visit) }
    }
  }
}

extension LoweringSession {
  /// A function's code pointer by its index in the session's table.
  func codePointer(ofIndex k: Int) -> UInt64 {
    AddressSpace.textBase + UInt64(k) * AddressSpace.textBytesPerFunction
  }
}
