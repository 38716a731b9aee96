// Goroutines' stacks: every goroutine the program starts has a stack of its own, allocated,
// grown, shrunk, scanned and counted as main's is (Stacks.swift), and a g that outlives it.
//
// The interpreter runs one goroutine at a time (its scheduler is in GCScript's VM); GoHeap's
// stack state describes the running one (`stacks.main`, `touched`, `baseBytes`) and keeps the
// others' in `stacks.parked`. A switch parks the running one with the bytes its frames use and
// loads the next, and the guard word then describes the next one's stack.
//
//   newproc1 (proc.go): a new goroutine takes a dead g from the P's free list (gfget) — with
//   the stack it kept, or a new stack of the starting size when it kept none — or makes one
//   (malg(stackMin): a 2 KiB stack from stackalloc, the g itself a heap object the VM
//   allocates and allgs keeps forever). Its first frame sits 4 words below the stack's top
//   (totalSize = 4*PtrSize + MinFrameSize on amd64).
//   goexit0 → gfput: the dead g keeps its stack when it is of the starting size; a stack that
//   grew is freed (stackfree) and gfget allocates a new one when the g is reused.
//   The collector scans every goroutine's stack (markroot → scanstack), blocked or not, and
//   shrinks one that waits at a safe point (all of them but the running one, here) to half
//   when less than a quarter is used. The pacer counts every goroutine's scanned bytes
//   (lastStackScan) and, in Go 1.18-1.20's gctrace, every allocated stack (maxStackScan).
//   Go 1.0 gives each goroutine a 4 KiB segment from the FixAlloc (proc.c newproc1 →
//   malg(StackMin)); gcsh counts one segment per goroutine (their own recursion is not
//   modelled in segments).

/// A goroutine that is not running: its stack and how much of it its frames use.
struct GoroutineStackState {
  var stack: StackRef
  var touched: Int
  var baseBytes: Int
  /// Bytes in use (hi - sp) when it stopped running.
  var used: Int
}

/// A goroutine the runtime made: its id, and whether its g is new (the VM allocates it on the
/// heap) or a dead goroutine's, reused.
public struct NewGoroutine: Sendable {
  public let id: Int
  public let newG: Bool
}

extension GoRuntime {
  /// newproc1: a goroutine with a stack of the starting size, parked until the VM runs it.
  public func newGoroutine() throws -> NewGoroutine {
    try checkAlive()
    // Page-allocator work of the new stack (a heap growth, eager scavenging under a memory
    // limit) is the stack's, charged with it, not left for the next allocation to find: the
    // allocation fast path requires none pending (found by gen_programs: a goroutine made
    // under --memlimit 64MiB, then its g record allocated).
    let pending = allocationWorkNs
    defer {
      stacks.workNs += allocationWorkNs - pending
      allocationWorkNs = pending
    }
    switch profile.stacks {
    case .segmented:
      stacks.goroutineSegments += 1
      if case .segmented(let p) = profile.stacks {
        stacks.fixAllocSys = max(
          stacks.fixAllocSys,
          alignUp((p.otherSegments + stacks.segmentHighWater + stacks.goroutineSegments) * p.stackMin, p.fixAllocChunk))
        os.nonHeapRSS += p.stackMin
        try checkMemoryPressure()
      }
      let reused = stacks.gfree.popLast()
      let id = reused?.id ?? takeGoroutineID()
      stacks.parked[id] = GoroutineStackState(stack: StackRef(base: 0, slot: 0, size: 0), touched: 0, baseBytes: 0, used: 0)
      return NewGoroutine(id: id, newG: reused == nil)
    case .contiguous(let p):
      // gfget: an empty P list takes a batch of 32 from the global one (those with stacks
      // first).
      if stacks.gfree.isEmpty && !stacks.gfreeGlobal.isEmpty {
        let withStacks = stacks.gfreeGlobal.filter { $0.stack != nil }
        let without = stacks.gfreeGlobal.filter { $0.stack == nil }
        let batch = Array((withStacks + without).prefix(32))
        stacks.gfreeGlobal = Array((withStacks + without).dropFirst(32))
        stacks.gfree = batch.reversed()
      }
      let reused = stacks.gfree.popLast()
      let stack = try reused?.stack ?? stackalloc(p.fixedStack, p)
      let id = reused?.id ?? takeGoroutineID()
      // newproc1 writes the first frame's words at the top: that page is resident.
      let base = newprocFrameBytes
      stacks.workNs += try touchStack(stack, from: 0, to: base)
      stacks.parked[id] = GoroutineStackState(stack: stack, touched: base, baseBytes: base, used: base)
      return NewGoroutine(id: id, newG: reused == nil)
    }
  }

  /// Bytes below a new goroutine's first frame (proc.go newproc1: 4 words + MinFrameSize 0).
  var newprocFrameBytes: Int { 32 }

  private func takeGoroutineID() -> Int {
    defer { stacks.nextGoroutineID += 1 }
    return stacks.nextGoroutineID
  }

  /// The VM runs goroutine `id` next: the running one is parked with the bytes its frames use
  /// now (call before the VM swaps its frames), the next one's stack becomes the running one.
  public func switchGoroutine(to id: Int) {
    guard id != stacks.running, let next = stacks.parked.removeValue(forKey: id) else { return }
    if stacks.running != 0 {
      stacks.parked[stacks.running] = GoroutineStackState(
        stack: stacks.main, touched: stacks.touched, baseBytes: stacks.baseBytes, used: mainStackUsed)
    }
    stacks.running = id
    stacks.main = next.stack
    stacks.touched = next.touched
    stacks.baseBytes = next.baseBytes
    updateStackGuard()
  }

  /// goexit0 → gfput: the running goroutine (not main) is dead. Its g goes to the free list,
  /// keeping its stack when it is of the starting size; a grown stack is freed. The VM switches
  /// to another goroutine next.
  public func exitGoroutine() {
    let id = stacks.running
    guard id != 1 else { return }
    stacks.running = 0
    switch profile.stacks {
    case .segmented(let p):
      stacks.goroutineSegments -= 1
      os.nonHeapRSS -= p.stackMin
      stacks.gfree.append((id, nil))
    case .contiguous(let p):
      if stacks.main.size == p.fixedStack {
        gfput((id, stacks.main))
      } else {
        stackfree(stacks.main, p)
        gfput((id, nil))
      }
    }
  }

  /// gfput: onto the P's list; at 64, down to 31 by moving the rest to the global list.
  private func gfput(_ g: (id: Int, stack: StackRef?)) {
    stacks.gfree.append(g)
    guard stacks.gfree.count >= 64 else { return }
    while stacks.gfree.count >= 32 { stacks.gfreeGlobal.append(stacks.gfree.removeLast()) }
  }

  /// markrootFreeGStacks (a cycle's mark phase): the stacks of the g's on the global free list
  /// are freed; the g's stay, without stacks.
  func freeGlobalGStacks() {
    guard case .contiguous(let p) = profile.stacks else { return }
    for k in stacks.gfreeGlobal.indices {
      if let s = stacks.gfreeGlobal[k].stack {
        stackfree(s, p)
        stacks.gfreeGlobal[k].stack = nil
      }
    }
  }

  /// A parked goroutine is gone without running to its end (an error ended the program's
  /// run): its stack is freed, its g goes to the free list.
  public func forgetGoroutine(_ id: Int) {
    guard id != 1, let g = stacks.parked.removeValue(forKey: id) else { return }
    switch profile.stacks {
    case .segmented(let p):
      stacks.goroutineSegments -= 1
      os.nonHeapRSS -= p.stackMin
    case .contiguous(let p):
      stackfree(g.stack, p)
    }
    gfput((id, nil))
  }

  // MARK: The collector's view

  /// Every parked goroutine's stack scanned (scanstack): its used bytes are scan work, and a
  /// stack less than a quarter used is halved first (they all wait at safe points). Returns
  /// the bytes scanned.
  func scanParkedStacks(_ p: ContiguousStacks) throws -> Int {
    var scanned = 0
    for id in stacks.parked.keys.sorted() {
      guard var g = stacks.parked[id] else { continue }
      let half = g.stack.size / 2
      if half >= p.fixedStack && g.used + p.stackNosplit < g.stack.size / 4 {
        let new = try stackalloc(half, p)
        let faultNs = try touchStack(new, from: 0, to: g.used)
        stackfree(g.stack, p)
        stacks.workNs += Double(g.used) * profile.cost.writeNsPerByte + faultNs
        g.stack = new
        g.touched = g.used
        stacks.parked[id] = g
      }
      scanned += g.used
    }
    return scanned
  }

  /// Allocated bytes of the parked goroutines' stacks (their share of maxStackScan).
  var parkedStackBytes: Int { stacks.parked.values.reduce(0) { $0 + $1.stack.size } }

  /// The parked goroutines' large stacks (own spans), for the span list.
  var parkedLargeStacks: [StackRef] {
    guard case .contiguous(let p) = profile.stacks else { return [] }
    return stacks.parked.values.map(\.stack).filter { $0.size > 0 && !isSmallStack($0.size, p) }
  }
}
