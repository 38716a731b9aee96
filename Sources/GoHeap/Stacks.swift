// Stacks: the main goroutine's stack — how the runtime allocates it, grows it, shrinks it and
// counts it (stack.go, proc.go malg, mstats.go, mgcmark.go scanstack, mgcpacer.go; Go 1.0:
// proc.c newstack/oldstack, malloc.goc stackalloc, mfixalloc.c).
//
// gcsh runs one goroutine, main, whose frames are the VM's. Its stack is modelled as the runtime
// manages it. The stacks of the runtime's other goroutines and threads (g0, gsignal, forcegc,
// bgsweep, bgscavenge, the finalizer) are start-up data: pages that stay stack spans
// (StartupState.stackPages), scanned for a constant number of bytes at every GC.
//
// Contiguous stacks (Go 1.4+: the go1.19 and go1.27 profiles).
//   1. Size. Every stack is a power of two. main enters main.main with a 4 KiB stack (malg's
//      2 KiB, grown once by the package inits of a program that imports os and strconv:
//      Tests/Recordings/runs/stackbounds), alone in a 32 KiB pool span of 4 KiB stacks. (The
//      start-up stacks' resident pages are part of the start-up non-heap RSS.)
//   2. Growth (morestack → newstack → copystack). Each function's prologue compares the stack
//      pointer with stackguard0 = lo + stackGuard (928 B); a frame that would reach below it
//      (frames up to StackSmall = 128 B compare SP itself) calls morestack, and newstack
//      allocates a stack twice as large — doubled again until the frame plus stackGuard fits —
//      copies the used part to its top and frees the old one. A size above maxstacksize
//      (1,000,000,000 B on 64-bit) is `fatal error: stack overflow`: the largest stack is
//      512 MiB.
//   3. Allocation (stackalloc). A stack under 32 KiB (2, 4, 8 or 16 KiB: orders 0-3) comes from
//      the P's stack cache, refilled with 16 KiB worth of stacks from the global pool, whose
//      spans are 32 KiB (_StackCacheSize: 4 pages) carved into stacks of one order; a larger
//      stack is a span of its own (mheap.allocManual), or one of its size freed during a GC
//      (stackLarge). Stack spans are taken out of the heap: StackInuse (= StackSys, no cgo)
//      counts their pages, HeapSys does not (mstats.go: HeapSys = heapInUse + heapFree +
//      heapReleased; stacks are consStats.inStacks). Their pages are not zeroed, and become
//      resident as the goroutine writes them.
//   4. Freeing (stackfree). A small stack goes back to the P's cache (above 32 KiB cached, half
//      of it goes to the pool); a pool span whose stacks are all free returns to the heap at
//      once when no GC runs (stackpoolfree), else at the end of the cycle (freeStackSpans). A
//      large stack's span returns at once outside a GC, at the end of the cycle during one.
//      ReadMemStats and each cycle's end empty the caches into the pool (stackcache_clear):
//      that is when a pool span a growth left empty leaves StackInuse.
//   5. Shrinking (scanstack → shrinkstack). When a GC scans the stack and less than a quarter
//      of it is used (counting stackNosplit, 800 B, as used), it is copied to one half as
//      large, never below 2 KiB: one halving per GC. Only a goroutine that waits can be
//      shrunk there (isShrinkStackSafe): main in runtime.GC (gcWaitOnMark) or time.Sleep, with
//      those calls' frames on its stack. A cycle that starts while main runs stops it with an
//      asynchronous preemption, where shrinking is unsafe: the shrink waits for a synchronous
//      safe point (gp.preemptShrink), which gcsh does not model — it shrinks in the cycles main
//      waits for.
//   6. The pacer (Go 1.18+). The bytes a cycle scans (hi - sp of every goroutine) are its
//      stackScanWork; at mark termination they become lastStackScan, which the heap goal counts
//      (mgcpacer.go heapGoalInternal, gcPercentHeapGoal):
//          goal = heapMarked + (heapMarked + lastStackScan + globalsScan) * GOGC/100
//      gctrace's "N MB stacks" prints lastStackScan in Go 1.21+ (mgc.go) and maxStackScan, the
//      sum of every goroutine's allocated stack (addScannableStack), in Go 1.18-1.20.
//   7. The first GC starts a mark worker goroutine per P (gcBgMarkStartWorkers) with a 2 KiB
//      stack (malg(stackMin)), counted in maxStackScan. Their stacks come from the pool: in the
//      real runs a new 32 KiB span appeared at the first GC in some programs (stackgrow) and
//      not in others (the anchors, a program that only calls runtime.GC()), as did new threads'
//      g0 and signal stacks (allocm, mpreinit) and the GC's work buffers (allocManual too, in
//      GCSys). gcsh takes the start-up stack spans to have room for the workers and models none
//      of these: each is a 32-64 KiB difference at a moment the runtime's scheduler decides.
//
// Segmented stacks (Go 1.0-1.2: the go1.0 profile).
//   A goroutine's stack is a chain of segments. A frame that does not fit in the current
//   segment gets a new one of max(StackMin = 4 KiB, frame + args + StackExtra) bytes
//   (newstack), freed when that frame returns (lessstack → oldstack). Segments of exactly 4 KiB
//   come from the M's FixAlloc (malloc.goc stackalloc), which maps 128 KiB chunks and never
//   returns them: StackInuse is the FixAlloc's bytes in use, StackSys its chunks (mgc0.c
//   cachestats), both outside the heap. A frame fills a segment from its top down to
//   StackGuard - StackSmall (128 B) above its bottom, below sizeof(Stktop) = 72 B of link data,
//   so a segment holds 3,896 B of frames; gcsh counts the segments the frames in use need,
//   ceil(used / 3,896). There is no maximum (maxstacksize came with Go 1.2): a runaway recursion
//   takes memory until the kernel kills the process.
//
// The cost. The VM compares the top of each new frame with `stackGuard` (one word GoHeap
// writes, as the runtime writes g.stackguard0) and calls `growStack` only when it crosses it:
// for a morestack, for the next page of stack it writes (RSS), and, in Go 1.0, for a segment
// beyond the deepest so far.

/// How an era manages goroutine stacks.
enum StackModel: Sendable {
  case contiguous(ContiguousStacks)
  case segmented(SegmentedStacks)
}

/// What gctrace's "N MB stacks" field prints.
enum TraceStacks: Sendable {
  /// Go 1.21+: lastStackScan, the bytes the cycle scanned.
  case lastStackScan
  /// Go 1.18-1.20: maxStackScan, the goroutines' allocated stack bytes.
  case maxStackScan
}

/// Contiguous stacks' constants (stack.go, malloc.go, proc.go on linux/amd64) and the start-up
/// state of main's stack, measured.
struct ContiguousStacks: Sendable {
  /// The smallest stack, bytes (fixedStack: stackMin 2048 + stackSystem 0, rounded up to 2^k).
  var fixedStack = 2048
  /// Stack sizes the pool and the per-P caches serve: 2, 4, 8, 16 KiB (_NumStackOrders).
  var orders = 4
  /// A pool span, and the bound of a P's cache per order, bytes (_StackCacheSize).
  var cacheSize = 32 * KiB
  /// stackguard0 = lo + stackGuard: stackNosplit 800 + stackSystem 0 + StackSmall 128, bytes.
  var stackGuard = 928
  /// What a chain of NOSPLIT functions may use below the guard, bytes (stackNosplit); shrinkstack
  /// counts it as used.
  var stackNosplit = 800
  /// Frames up to this size compare SP itself with the guard (abi.StackSmall), bytes.
  var stackSmall = 128
  /// The largest size newstack accepts, bytes (proc.go main: maxstacksize on 64-bit).
  var maxStackSize = 1_000_000_000
  /// main's stack size when main.main starts, bytes.
  var mainStartSize = 4 * KiB
  /// Bytes of main's stack below main.main's frame (goexit's return address, runtime.main).
  var mainBaseBytes: Int
  /// Bytes runtime.GC's frames add while main waits for its cycle to be scanned, down to the sp
  /// mcall saves (runtime.GC 56, gcWaitOnMark 48, gopark 32 B with their return addresses and
  /// frame pointers, in both versions' stackgrow binaries); taken for time.Sleep's too.
  var gcCallFrameBytes = 136
  /// Bytes a cycle scans on the runtime's other goroutines' stacks.
  var otherStackScanBytes: Int
  /// Allocated stack bytes of the runtime's other goroutines (forcegc, bgsweep, bgscavenge, the
  /// finalizer: 2 KiB each), maxStackScan's share.
  var otherGoroutineStackBytes = 4 * 2 * KiB
  var traceStacks: TraceStacks
  /// Concurrent-mark time per frame scanned above main.main's, ns (scanframeworker; stackgrow:
  /// the GC at the bottom of 1,000,000 frames marked for 30-34 ms in both versions).
  var scanNsPerFrame: Double
}

/// Segmented stacks' constants (Go 1.0 stack.h, malloc.h; linux/amd64).
struct SegmentedStacks: Sendable {
  /// The smallest segment, and the only size the FixAlloc serves, bytes (StackMin, FixedStack).
  var stackMin = 4 * KiB
  /// Bytes of a segment frames can use: StackMin - sizeof(Stktop) 72 - (StackGuard 256 -
  /// StackSmall 128).
  var usableBytes = 4 * KiB - 72 - 128
  /// FixAlloc's chunk, bytes (malloc.h FixAllocChunk).
  var fixAllocChunk = 128 * KiB
  /// Segments of the runtime's other goroutines (the scavenger, the finalizer goroutine).
  var otherSegments = 2
  /// Bytes of main's first segment below main.main's frame (Stktop, runtime.main, goexit).
  /// UNCONFIRMED: no Go 1.0 binary was measured.
  var mainBaseBytes = 72 + 56
}

/// A stack: where it lives.
struct StackRef: Equatable {
  /// First page of its span.
  var base: Int
  /// Its index in a pool span (0 for a large stack).
  var slot: Int
  /// Its size, bytes (hi - lo).
  var size: Int
}

/// A 32 KiB pool span carved into stacks of one order.
struct StackPoolSpan {
  let order: Int
  /// Allocated stacks, one bit per slot (at most 16 slots of 2 KiB).
  var allocated: UInt32 = 0
  var count: Int { allocated.nonzeroBitCount }
}

/// Why a stack could not grow.
public struct StackGrowthFailure: Error, Equatable, Sendable {
  public enum Reason: Equatable, Sendable {
    /// The next size is above maxstacksize: `runtime: goroutine stack exceeds N-byte limit`,
    /// `fatal error: stack overflow`.
    case overflow(maxStackSize: Int)
    /// The goroutine's frames would outgrow what the interpreter holds (`maxFrameBytes` of
    /// `setGoroutineStack`): Go 1.0 has no stack limit.
    case simulatorLimit(bytes: Int)
  }
  public let reason: Reason
}

/// The goroutine whose frames use the simulated stack (the VM).
public protocol GoroutineStack: AnyObject {
  /// Bytes of the stack its frames use now, from main.main's frame up.
  var stackFrameBytes: Int { get }
  /// Frames on the stack now, main.main's included (0 when nothing runs).
  var stackFrameCount: Int { get }
}

/// The main goroutine's stack and the stack allocator's state.
struct StackState {
  /// Pages of all stack spans, the start-up ones included (StackInuse / pageSize).
  var spanPages: Int
  /// The global pool's spans by first page.
  var pool: [Int: StackPoolSpan] = [:]
  /// Per order, the pool spans that have a free stack, first first (stackpool[order].span: a
  /// span enters at the front when it is made or gets a free stack, leaves when it is full).
  var poolList: [[Int]] = []
  /// The P's stack cache: free stacks per order (one P runs main).
  var cache: [[StackRef]] = []
  /// Large stack spans freed during a GC (stackLarge), returned at its end.
  var largeFree: [StackRef] = []
  /// The running goroutine's stack (contiguous): main's until the program starts another
  /// (Goroutines.swift).
  var main = StackRef(base: 0, slot: 0, size: 0)
  /// Bytes at the top of the running goroutine's stack written so far (resident), from its top.
  var touched = 0
  /// Bytes of the running goroutine's stack below its first frame (main: runtime.main's frame
  /// and goexit's; another goroutine: newproc1's 4 words).
  var baseBytes = 0
  /// The goroutines other than the running one, by id, and the running one's id (main is 1).
  var parked: [Int: GoroutineStackState] = [:]
  var running = 1
  /// Dead goroutines' g structs, for reuse (gfput/gfget), last freed last: each keeps its stack
  /// when it is of the starting size. The P's list holds fewer than 64; the global list gets
  /// the rest, and a GC frees the stacks of the g's there (markrootFreeGStacks).
  var gfree: [(id: Int, stack: StackRef?)] = []
  var gfreeGlobal: [(id: Int, stack: StackRef?)] = []
  var nextGoroutineID = 2
  /// Go 1.0: segments of the goroutines other than main (one each).
  var goroutineSegments = 0
  /// The mark workers, once the first GC started them (their stacks are start-up pool stacks).
  var workers = 0
  /// Go 1.0: the most segments main has used at once, and the FixAlloc's mapped bytes.
  var segmentHighWater = 1
  var fixAllocSys = 0
  /// The bytes this cycle scanned on stacks (stackScanWork), and the frames of main it scanned
  /// above main.main's.
  var scanWork = 0
  var scanFrames = 0
  /// The interpreter's frame bytes the host can hold (setGoroutineStack).
  var maxFrameBytes = Int.max
  /// Time the stack operations took and nobody charged yet, ns.
  var workNs = 0.0
}

extension GoRuntime {
  // MARK: Public API

  /// The word the VM compares each new frame's top with (in `GoroutineStack.stackFrameBytes`
  /// units, with a small frame counted as StackSmall), as a prologue compares SP with
  /// g.stackguard0: crossing it calls `growStack`. GoHeap writes it.
  public var stackGuard: UnsafePointer<Int> { UnsafePointer(stackGuardWord) }

  /// main's stack size, bytes (hi - lo; Go 1.0: its segments).
  public var goroutineStackSize: Int {
    switch profile.stacks {
    case .contiguous: return stacks.main.size
    case .segmented(let p): return segments(used: mainStackUsed, p) * p.stackMin
    }
  }

  /// Registers the goroutine whose frames use the stack, and how many frame bytes the host can
  /// hold (the guard never allows more).
  public func setGoroutineStack(_ g: GoroutineStack, maxFrameBytes: Int) {
    goroutineStack = g
    stacks.maxFrameBytes = maxFrameBytes
    updateStackGuard()
  }

  /// The prologue's check failed: the goroutine's frames reach `check` bytes (a new frame of
  /// `frameBytes` in all, counted as the guard counts it). Grows the stack as newstack does when
  /// the frame does not fit — `frameBytes` is the goroutine's `stackFrameBytes` once the frame is
  /// pushed — and records the pages the frames write. Returns the time it took, ns, for the
  /// caller to charge once the frame is pushed (no runtime event runs in between: the frame's
  /// arguments are in no frame yet). Throws when the stack cannot grow.
  @discardableResult
  public func growStack(toFit frameBytes: Int, check: Int) throws -> Int {
    try checkAlive()
    switch profile.stacks {
    case .contiguous(let p):
      if check + stacks.baseBytes >= stacks.main.size - p.stackNosplit {
        try newstack(used: stacks.baseBytes + frameBytes, p)
      }
      // The prologue's probe reaches `check` (a small frame's StackSmall included): the pages
      // down to there are written from now on.
      try touchMainStack(used: min(stacks.baseBytes + check, stacks.main.size))
    case .segmented(let p):
      try segmentHighWater(used: p.mainBaseBytes + frameBytes, p)
    }
    // A stack within maxstacksize always fits the host (a frame's simulated size exceeds its
    // slots'); only an era without a maximum reaches this.
    if check >= stacks.maxFrameBytes {
      throw StackGrowthFailure(reason: .simulatorLimit(bytes: stacks.maxFrameBytes))
    }
    updateStackGuard()
    // Page-allocator work of a heap growth or a stack span (allocManual, scavenging) is part of it.
    let ns = stacks.workNs + allocationWorkNs
    stacks.workNs = 0
    allocationWorkNs = 0
    return Int(ns.rounded())
  }

  // MARK: The guard

  /// Bytes of main's stack in use (hi - sp) while the VM runs.
  var mainStackUsed: Int {
    let frames = goroutineStack?.stackFrameBytes ?? 0
    switch profile.stacks {
    case .contiguous: return stacks.baseBytes + frames
    case .segmented(let p): return p.mainBaseBytes + frames
    }
  }

  /// Sets the guard: below the real stackguard0, below the next page the frames would write for
  /// the first time, and within what the host holds.
  func updateStackGuard() {
    var g: Int
    switch profile.stacks {
    case .contiguous(let p):
      let real = stacks.main.size - p.stackNosplit - stacks.baseBytes
      // The written pages reach down to the page holding the lowest touched byte.
      let hi = stackTop(stacks.main)
      let low = (hi - stacks.touched) / profile.physPageSize * profile.physPageSize
      let resident = hi - max(low, hi - stacks.main.size)
      g = min(real, resident + 1 - stacks.baseBytes)
    case .segmented(let p):
      g = stacks.segmentHighWater * p.usableBytes + 1 - p.mainBaseBytes
    }
    stackGuardWord.pointee = min(g, stacks.maxFrameBytes)
  }

  // MARK: Contiguous stacks

  /// The start-up state: the other goroutines' stacks fill the first `stackPages - 4` pages; main's
  /// 4 KiB stack is alone in the pool span of the last 4, its used part written.
  func initStacks() {
    stacks = StackState(spanPages: profile.startup.stackPages)
    guard case .contiguous(let p) = profile.stacks else {
      if case .segmented(let p) = profile.stacks {
        stacks.segmentHighWater = 1
        stacks.fixAllocSys = alignUp((p.otherSegments + 1) * p.stackMin, p.fixAllocChunk)
      }
      updateStackGuard()
      return
    }
    stacks.cache = [[StackRef]](repeating: [], count: p.orders)
    let spanPages = p.cacheSize / profile.pageSize
    let base = profile.startup.stackPages - spanPages
    let order = self.order(of: p.mainStartSize, p)
    stacks.poolList = [[Int]](repeating: [], count: p.orders)
    var span = StackPoolSpan(order: order)
    let slot = p.cacheSize / p.mainStartSize - 1
    span.allocated = 1 << UInt32(slot)
    stacks.pool[base] = span
    stacks.poolList[order] = [base]
    stacks.main = StackRef(base: base, slot: slot, size: p.mainStartSize)
    stacks.baseBytes = p.mainBaseBytes
    // Its used part is resident, counted with the other start-up stacks in the non-heap RSS.
    stacks.touched = p.mainBaseBytes
    updateStackGuard()
  }

  /// The pool order of a small stack (stack.go: order = log2(size / fixedStack)).
  func order(of size: Int, _ p: ContiguousStacks) -> Int {
    (size / p.fixedStack).trailingZeroBitCount
  }

  /// Whether a stack of `size` comes from the pool and the caches.
  func isSmallStack(_ size: Int, _ p: ContiguousStacks) -> Bool {
    size < p.fixedStack << p.orders && size < p.cacheSize
  }

  /// One past the last heap byte of a stack (its hi, as a heap offset).
  func stackTop(_ s: StackRef) -> Int {
    s.base * profile.pageSize + (s.slot + 1) * s.size
  }

  /// newstack: a stack twice as large, doubled until `used` plus stackGuard fits, replaces
  /// main's (copystack).
  func newstack(used: Int, _ p: ContiguousStacks) throws {
    var newSize = stacks.main.size * 2
    while newSize - used < p.stackGuard { newSize *= 2 }
    if newSize > p.maxStackSize {
      throw StackGrowthFailure(reason: .overflow(maxStackSize: p.maxStackSize))
    }
    try copystack(newSize: newSize, used: used, p)
  }

  /// copystack: allocates the new stack, copies the used part to its top (memmove: those bytes
  /// are written), frees the old one.
  func copystack(newSize: Int, used: Int, _ p: ContiguousStacks) throws {
    let old = stacks.main
    let new = try stackalloc(newSize, p)
    stacks.main = new
    stacks.touched = 0
    let faultNs = try touchStack(new, from: 0, to: used)
    stacks.touched = used
    stackfree(old, p)
    stacks.workNs += Double(used) * profile.cost.writeNsPerByte + faultNs
  }

  /// The goroutine's frames reach `used` bytes: the pages they write become resident (a fault
  /// each, the first time).
  func touchMainStack(used: Int) throws {
    guard used > stacks.touched else { return }
    stacks.workNs += try touchStack(stacks.main, from: stacks.touched, to: used)
    stacks.touched = used
  }

  /// Writes bytes [hi - to, hi - from) of a stack; returns what its faults cost, ns.
  func touchStack(_ s: StackRef, from: Int, to: Int) throws -> Double {
    let hi = stackTop(s)
    let lo = hi - min(to, s.size)
    guard lo < hi - from else { return 0 }
    let fault = os.touch(lo..<(hi - from))
    guard fault.faulted > 0 else { return 0 }
    try checkMemoryPressure()
    return faultNs(fault)
  }

  /// stackalloc: a small stack from the P's cache (refilled from the pool), a large one from
  /// stackLarge or its own span.
  func stackalloc(_ size: Int, _ p: ContiguousStacks) throws -> StackRef {
    if isSmallStack(size, p) {
      let o = order(of: size, p)
      if stacks.cache[o].isEmpty {
        // stackcacherefill: half the cache's bound. (The cache is a LIFO list: its head is the
        // array's last element.)
        var got = 0
        while got < p.cacheSize / 2 {
          stacks.cache[o].append(try stackpoolalloc(o, p))
          got += size
        }
      }
      return stacks.cache[o].removeLast()
    }
    if let k = stacks.largeFree.firstIndex(where: { $0.size == size }) {
      return stacks.largeFree.remove(at: k)
    }
    let base = try allocManual(npages: size / profile.pageSize)
    return StackRef(base: base, slot: 0, size: size)
  }

  /// stackpoolalloc: a stack from the first pool span of its order that has a free one, else
  /// from a new 32 KiB span. A span hands out its highest free stack (its free list starts at
  /// the top).
  func stackpoolalloc(_ o: Int, _ p: ContiguousStacks) throws -> StackRef {
    let size = p.fixedStack << o
    let slots = p.cacheSize / size
    let full: UInt32 = (1 << UInt32(slots)) - 1
    if stacks.poolList[o].isEmpty {
      let base = try allocManual(npages: p.cacheSize / profile.pageSize)
      stacks.pool[base] = StackPoolSpan(order: o)
      stacks.poolList[o].insert(base, at: 0)
    }
    let base = stacks.poolList[o][0]
    let free = ~stacks.pool[base]!.allocated & full
    let slot = 31 - free.leadingZeroBitCount
    stacks.pool[base]!.allocated |= 1 << UInt32(slot)
    if stacks.pool[base]!.allocated == full { stacks.poolList[o].removeFirst() }
    return StackRef(base: base, slot: slot, size: size)
  }

  /// stackfree: a small stack to the P's cache (half the cache to the pool when it is full); a
  /// large one back to the heap, or to stackLarge while a GC runs.
  func stackfree(_ s: StackRef, _ p: ContiguousStacks) {
    if isSmallStack(s.size, p) {
      let o = order(of: s.size, p)
      if stacks.cache[o].count * s.size >= p.cacheSize {
        // stackcacherelease: down to half the bound, from the head.
        while stacks.cache[o].count * s.size > p.cacheSize / 2 {
          stackpoolfree(stacks.cache[o].removeLast(), p)
        }
      }
      stacks.cache[o].append(s)
      return
    }
    if isMarking {
      stacks.largeFree.append(s)
    } else {
      freeManual(s.base..<(s.base + s.size / profile.pageSize))
    }
  }

  /// stackpoolfree: a stack back to its pool span; an empty span returns to the heap unless a GC
  /// runs (freeStackSpans returns it at the cycle's end).
  func stackpoolfree(_ s: StackRef, _ p: ContiguousStacks) {
    let o = stacks.pool[s.base]!.order
    let full: UInt32 = (1 << UInt32(p.cacheSize / s.size)) - 1
    if stacks.pool[s.base]!.allocated == full { stacks.poolList[o].insert(s.base, at: 0) }
    stacks.pool[s.base]!.allocated &= ~(1 << UInt32(s.slot))
    if !isMarking && stacks.pool[s.base]!.allocated == 0 {
      stacks.poolList[o].removeAll { $0 == s.base }
      stacks.pool[s.base] = nil
      freeManual(s.base..<(s.base + p.cacheSize / profile.pageSize))
    }
  }

  /// stackcache_clear: every cached stack back to the pool (ReadMemStats's flushallmcaches, and
  /// mcache.prepareForSweep at the end of each cycle).
  func clearStackCache() {
    guard case .contiguous(let p) = profile.stacks else { return }
    for o in stacks.cache.indices {
      let cached = stacks.cache[o]
      stacks.cache[o] = []
      for s in cached { stackpoolfree(s, p) }
    }
  }

  /// freeStackSpans (end of a cycle): empty pool spans and the large stacks freed during it
  /// return to the heap.
  func freeStackSpans() {
    guard case .contiguous(let p) = profile.stacks else { return }
    for o in stacks.poolList.indices {
      var kept: [Int] = []
      for base in stacks.poolList[o] {
        if stacks.pool[base]!.allocated == 0 {
          stacks.pool[base] = nil
          freeManual(base..<(base + p.cacheSize / profile.pageSize))
        } else {
          kept.append(base)
        }
      }
      stacks.poolList[o] = kept
    }
    for s in stacks.largeFree { freeManual(s.base..<(s.base + s.size / profile.pageSize)) }
    stacks.largeFree = []
  }

  /// mheap.allocManual: `npages` for a stack span — out of the heap's pages (first fit, growing
  /// the heap if none fits), not in HeapInuse, not zeroed.
  func allocManual(npages: Int) throws -> Int {
    let (range, _, _) = try allocPages(npages)
    stacks.spanPages += npages
    allocMSpan()
    os.writeMetadata(pages: range, pageSize: profile.pageSize, model: profile.metadata)
    try checkMemoryPressure()
    stacks.workNs += profile.cost.allocNsPerPage * Double(npages)
    return range.lowerBound
  }

  /// mheap.freeManual: a stack span's pages return to the heap's free pages (still resident).
  func freeManual(_ range: Range<Int>) {
    pages.free(range)
    stacks.spanPages -= range.count
    mspans.free()
  }

  /// The first GC's gcBgMarkStartWorkers: a mark worker goroutine per P, each with a 2 KiB
  /// stack (essay, 7).
  func startMarkWorkers() {
    guard stacks.workers == 0, profile.collector == .concurrent else { return }
    stacks.workers = profile.procs
    allocateMarkWorkerObjects()
  }

  /// scanstack for main at the start of a cycle's mark: its used part is scan work, and, when it
  /// is `waiting` (parked in runtime.GC or time.Sleep, whose frames are on its stack), a stack
  /// less than a quarter used is halved first (shrinkstack). Returns the mark time it takes, ns:
  /// the frames above main.main's, and the copy of a shrink (done by the mark worker).
  func scanStacks(waiting: Bool) throws -> Double {
    let frames = goroutineStack?.stackFrameCount ?? 0
    stacks.scanFrames = max(0, frames - 1)
    guard case .contiguous(let p) = profile.stacks else {
      stacks.scanWork = 0
      return 0
    }
    // Work of the page allocator (scavenging on a heap growth) is the GC's, not an allocation's.
    let allocationWork = allocationWorkNs
    startMarkWorkers()
    let used = mainStackUsed + (waiting ? p.gcCallFrameBytes : 0)
    let half = stacks.main.size / 2
    if waiting && half >= p.fixedStack && used + p.stackNosplit < stacks.main.size / 4 {
      try copystack(newSize: half, used: used, p)
      updateStackGuard()
    }
    stacks.scanWork = p.otherStackScanBytes + used + (try scanParkedStacks(p))
    freeGlobalGStacks()
    let ns = stacks.workNs + (allocationWorkNs - allocationWork) + mainStackScanNs
    stacks.workNs = 0
    allocationWorkNs = allocationWork
    return ns
  }

  /// What scanning main's frames took this cycle, ns: one worker scans a goroutine's stack
  /// (mgcmark.go markroot → scanstack), so it is a stretch of the mark no other P can share.
  var mainStackScanNs: Double {
    guard case .contiguous(let p) = profile.stacks else { return 0 }
    return Double(stacks.scanFrames) * p.scanNsPerFrame
  }

  /// This cycle's stack scan work, bytes (the start-up value where stacks are not scanned for
  /// the pacer: Go 1.0).
  var stackScanWork: Int {
    if case .contiguous = profile.stacks { return stacks.scanWork }
    return profile.startup.stackScanBytes
  }

  /// maxStackScan (mgcpacer.go addScannableStack): every goroutine's allocated stack.
  var maxStackScan: Int {
    guard case .contiguous(let p) = profile.stacks else { return 0 }
    return p.otherGoroutineStackBytes + stacks.main.size + parkedStackBytes + stacks.workers * p.fixedStack
  }

  /// What gctrace prints as "N MB stacks" for a cycle that just ended.
  var traceStackBytes: Int {
    guard case .contiguous(let p) = profile.stacks else { return 0 }
    switch p.traceStacks {
    case .lastStackScan: return pacer.stackScan
    case .maxStackScan: return maxStackScan
    }
  }

  // MARK: Segmented stacks (Go 1.0)

  /// Segments main's frames need when `used` bytes are in use.
  func segments(used: Int, _ p: SegmentedStacks) -> Int {
    max(1, (used + p.usableBytes - 1) / p.usableBytes)
  }

  /// A deeper recursion than ever: the FixAlloc serves more segments at once, mapping a chunk
  /// when its carved ones are all in use; the new segments are written (resident).
  func segmentHighWater(used: Int, _ p: SegmentedStacks) throws {
    let n = segments(used: used, p)
    guard n > stacks.segmentHighWater else { return }
    let added = n - stacks.segmentHighWater
    stacks.segmentHighWater = n
    stacks.fixAllocSys = max(
      stacks.fixAllocSys, alignUp((p.otherSegments + n) * p.stackMin, p.fixAllocChunk))
    os.nonHeapRSS += added * p.stackMin
    stacks.workNs += Double(added * p.stackMin) * profile.cost.firstTouchNsPerByte
    try checkMemoryPressure()
  }

  // MARK: MemStats

  /// StackInuse, bytes.
  var stackInuseBytes: Int {
    switch profile.stacks {
    case .contiguous: return stacks.spanPages * profile.pageSize
    case .segmented(let p):
      return (p.otherSegments + segments(used: mainStackUsed, p) + stacks.goroutineSegments) * p.stackMin
    }
  }

  /// StackSys, bytes (StackInuse for heap-allocated stacks without cgo; Go 1.0's FixAlloc chunks).
  var stackSysBytes: Int {
    switch profile.stacks {
    case .contiguous: return stacks.spanPages * profile.pageSize
    case .segmented: return stacks.fixAllocSys
    }
  }

  /// The heap pages of every stack span: the start-up goroutines', the pool's, and the large
  /// stacks (main's, and those freed during a GC), ascending.
  func stackSpanRanges() -> [Range<Int>] {
    guard case .contiguous(let p) = profile.stacks else { return [] }
    let poolPages = p.cacheSize / profile.pageSize
    var out: [Range<Int>] = [0..<(profile.startup.stackPages - poolPages)]
    for base in stacks.pool.keys { out.append(base..<(base + poolPages)) }
    for s in stacks.largeFree + parkedLargeStacks + (isSmallStack(stacks.main.size, p) ? [] : [stacks.main]) {
      out.append(s.base..<(s.base + s.size / profile.pageSize))
    }
    return out.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
  }

  /// Stack span pages inside the heap's pages (0 when stacks live outside the heap).
  var stackHeapPages: Int {
    if case .contiguous = profile.stacks { return stacks.spanPages }
    return 0
  }
}
