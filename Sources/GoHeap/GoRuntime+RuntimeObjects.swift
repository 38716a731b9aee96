// The runtime's own heap objects after start-up: the start-up garbage the first cycle frees,
// and the objects the first cycle makes for its mark workers.
//
// gcsh keeps the runtime's objects as counts (runtimeLiveBytes/Objects, the BySize counters and
// the start-up span pages), not as slots: no program pointer reaches them, and the runtime's
// own pointers to them are not modelled. What the real runtime does with them is still visible
// in MemStats, so the counts follow it:
//
//   - At main, some start-up objects are already unreachable (Tests/Recordings/runs/startup,
//     GODEBUG=memprofilerate=1: the array of a schedinit slice that growslice outgrew, a copy
//     syscall.init made of the environment, a helper goroutine's closure, ...). The first
//     cycle's mark leaves them white, so they are not in its heapMarked, and its sweep frees them
//     (MemStats.Frees grows by 14 in Go 1.27.3, 8 in 1.19.8) and returns the spans it empties to
//     the page heap: HeapInuse drops by 2-4 pages, which stay resident until scavenged.
//   - The first cycle's gcStart calls gcBgMarkStartWorkers (mgc.go), which starts one mark worker
//     goroutine per P. Its g, the worker's node and (Go 1.21+) the go statement's closure, the
//     `ready` channel and the sudog main waits on it with are heap objects that stay live
//     (allgs, the worker pool). Their stacks are Stacks.swift's (startMarkWorkers).

extension GoRuntime {
  /// The first cycle's mark termination: the start-up garbage leaves the runtime's live data
  /// (before heapMarked is taken from it) and is freed, with the start-up spans it empties.
  /// Returns the objects and bytes freed, for the cycle's sweep totals.
  func freeStartupGarbage() -> (objects: Int, bytes: Int) {
    guard startupGarbagePending else { return (0, 0) }
    startupGarbagePending = false
    let st = profile.startup
    var objects = 0
    var bytes = 0
    for (size, n) in st.garbageBySize {
      let c = profile.sizeClasses.sizeClass(for: size)
      smallFreeCount[c.index] += n
      objects += n
      bytes += n * c.size
    }
    runtimeLiveBytes -= bytes
    runtimeLiveObjects -= objects
    heapAllocBytes -= bytes
    objectsFreed += objects
    // The emptied spans are the last of the start-up ones here: which they are does not matter,
    // as every start-up page below the first growth's free run is in use (GoRuntime.init).
    let top = st.stackPages + runtimeHeapPages
    let emptied = min(st.garbagePages, runtimeHeapPages)
    pages.free((top - emptied)..<top)
    runtimeHeapPages -= emptied
    return (objects, bytes)
  }

  /// gcBgMarkStartWorkers' heap objects, allocated black during the first cycle (the workers'
  /// stacks are Stacks.swift's). They fit in the start-up spans of their classes (the recorded
  /// HeapInuse does not grow for them).
  func allocateMarkWorkerObjects() {
    let perWorker = (0..<profile.procs).flatMap { _ in profile.markWorkerObjectBytes }
    for size in profile.markWorkerSetupBytes + perWorker {
      let c = profile.sizeClasses.sizeClass(for: size)
      smallAllocCount[c.index] += 1
      heapAllocBytes += c.size
      totalAllocBytes += c.size
      objectsAllocated += 1
      runtimeLiveBytes += c.size
      runtimeLiveObjects += 1
      heapLive += c.size
    }
  }
}
