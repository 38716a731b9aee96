// PageHeap: the runtime's page allocator and address space (mheap.go, mpagealloc.go).
//
// The heap is a contiguous range of 8 KiB pages starting at the heap base. It grows in 4 MiB
// chunks (pallocChunkBytes) carved out of 64 MiB arena reservations (heapArenaBytes): `grow`
// rounds a request up to whole chunks (mheap.grow: ask = alignUp(npage, 512) pages) and maps it
// in the "Prepared" state, which MemStats counts as HeapIdle *and* HeapReleased until the pages
// are allocated. Every page is in exactly one of three states:
//
//     inUse      part of a span (objects, or stacks for the start-up stack pages)
//     retained   free, still backed by memory the process touched or may touch (heapFree)
//     released   free and returned to the OS, or never used since mapping (heapReleased)
//
// Transitions: grow → released; alloc: retained|released → inUse; free: inUse → retained;
// scavenge: retained → released. Allocation is address-ordered first fit over retained ∪
// released, as the radix-tree page allocator does.
//
// Per-chunk occupancy (scavengeIndex in mgcscavenge.go, Go 1.21+): each 4 MiB chunk records its
// pages in use now and in the previous GC generation; the background scavenger skips chunks that
// were dense (>= 496 of 512 pages) in either (`eligible`). Per-arena `zeroedBase` (mheap.go
// heapArena.zeroedBase) says which pages were ever handed out and so need zeroing on reuse.

/// Occupancy of one 4 MiB chunk, for density-gated scavenging.
struct ChunkOccupancy: Equatable {
  /// Pages in use now.
  var inUse = 0
  /// Pages in use at the end of the previous generation.
  var lastInUse = 0
  /// The generation of the last update.
  var gen = 0
}

/// The page-level heap: free, released and in-use pages, chunks and arenas.
struct PageHeap: Equatable {
  /// Pages per chunk (512).
  let chunkPages: Int
  /// Pages per arena (8192).
  let arenaPages: Int
  /// Free pages not released (heapFree), as page ranges.
  private(set) var retained = IntervalSet()
  /// Free pages released to the OS or never used since mapping (heapReleased).
  private(set) var released = IntervalSet()
  /// One past the last mapped page.
  private(set) var endPage = 0
  /// Pages in spans (heap objects and start-up stacks).
  private(set) var inUsePages = 0
  /// The randomised heap base's padding (Go 1.26+): pages of the first chunk marked allocated
  /// *and* scavenged (mpagealloc.go markRandomPaddingPages), so the page allocator never hands
  /// them out while MemStats counts them idle and released (heapReleased got the whole chunk at
  /// sysMap, and no span ever takes them).
  private(set) var padding: Range<Int> = 0..<0
  /// Occupancy per chunk.
  private(set) var chunks: [ChunkOccupancy] = []
  /// Current scavenge-index generation (incremented at each mark termination).
  private(set) var gen = 0
  /// Per arena: page offset below which every page has been handed out at least once.
  private(set) var zeroedBase: [Int] = []

  init(chunkPages: Int, arenaPages: Int) {
    self.chunkPages = chunkPages
    self.arenaPages = arenaPages
  }

  var retainedPages: Int { retained.total }
  /// Released pages as MemStats counts them (heapReleased): free released pages and the padding.
  var releasedPages: Int { released.total + padding.count }
  /// Arenas reserved so far.
  var arenas: Int { zeroedBase.count }

  /// Maps `ask` more pages (already rounded by the growth policy); new memory is released
  /// ("Prepared", modern) or idle (go1.0). Returns the pages added and the new arenas reserved.
  mutating func grow(pages ask: Int, asReleased: Bool) -> (pages: Int, newArenas: Int) {
    let start = endPage
    endPage += ask
    if asReleased { released.insert(start..<endPage) } else { retained.insert(start..<endPage) }
    let arenasNeeded = (endPage + arenaPages - 1) / arenaPages
    let newArenas = max(0, arenasNeeded - zeroedBase.count)
    zeroedBase += [Int](repeating: 0, count: newArenas)
    let chunksNeeded = (endPage + chunkPages - 1) / chunkPages
    if chunksNeeded > chunks.count {
      chunks += [ChunkOccupancy](
        repeating: ChunkOccupancy(gen: gen), count: chunksNeeded - chunks.count)
    }
    return (ask, newArenas)
  }

  /// The lowest run of `npages` free pages, retained or released (first fit).
  func findFree(_ npages: Int) -> Int? {
    freeRuns().first { $0.count >= npages }?.lowerBound
  }

  /// Allocates pages [base, base+npages), which must be free. Returns how many were released
  /// (scav, in pages) and whether any page lies below its arena's zeroedBase (needs zeroing).
  mutating func allocate(_ range: Range<Int>) -> (scavenged: Int, belowZeroedBase: Bool) {
    let scav = released.remove(range)
    let ret = retained.remove(range)
    precondition(scav + ret == range.count, "allocating pages that are not free")
    inUsePages += range.count
    updateChunks(range, delta: 1)
    // allocNeedsZero (mheap.go): per arena, pages below zeroedBase were used before.
    var dirty = false
    var p = range.lowerBound
    while p < range.upperBound {
      let arena = p / arenaPages
      let arenaEnd = min(range.upperBound, (arena + 1) * arenaPages)
      let offset = p - arena * arenaPages
      if offset < zeroedBase[arena] { dirty = true }
      zeroedBase[arena] = max(zeroedBase[arena], arenaEnd - arena * arenaPages)
      p = arenaEnd
    }
    return (scav, dirty)
  }

  /// Returns in-use pages to the free (retained) state.
  mutating func free(_ range: Range<Int>) {
    inUsePages -= range.count
    retained.insert(range)
    updateChunks(range, delta: -1)
  }

  /// Marks retained pages released (the scavenger's sysUnused).
  mutating func markReleased(_ range: Range<Int>) {
    let n = retained.remove(range)
    precondition(n == range.count, "releasing pages that are not free and retained")
    released.insert(range)
  }

  /// Takes released pages out of allocation as the heap base's random padding (mheap.go grow,
  /// first growth: `h.pages.markRandomPaddingPages(v, randNumPages)`). They stay in HeapReleased
  /// (`releasedPages` counts them) and count as occupied for the scavenge index (scav.index.alloc).
  mutating func markRandomPadding(_ range: Range<Int>) {
    let n = released.remove(range)
    precondition(n == range.count, "padding pages must be free and released")
    padding = range
    updateChunks(range, delta: 1)
  }

  /// Start-up layout: marks a range in use without zeroing bookkeeping (stacks, runtime data).
  mutating func reserveAtStartup(_ range: Range<Int>) {
    _ = allocate(range)
  }

  private mutating func updateChunks(_ range: Range<Int>, delta: Int) {
    var p = range.lowerBound
    while p < range.upperBound {
      let c = p / chunkPages
      let end = min(range.upperBound, (c + 1) * chunkPages)
      if chunks[c].gen != gen {
        chunks[c].lastInUse = chunks[c].inUse
        chunks[c].gen = gen
      }
      chunks[c].inUse += delta * (end - p)
      p = end
    }
  }

  /// Starts a new scavenge-index generation (at each GC's mark termination: scav.index.nextGen).
  mutating func nextGeneration() { gen += 1 }

  /// `n` generations pass with no page changing hands (closed-form forced-GC periods,
  /// GoRuntime+SteadyState.swift): a chunk updated in the current generation stays current, as
  /// each generation's first update would leave it (its lastInUse then equals its inUse).
  mutating func advanceGenerations(by n: Int) {
    guard n > 0 else { return }
    for c in chunks.indices where chunks[c].gen == gen { chunks[c].gen = gen + n }
    gen += n
  }

  /// This heap as the steady-state comparison sees it: a chunk's generation only matters as
  /// current or not (`eligible`, `noteUse`), and Go 1.0's stamps only relative to `now`.
  func normalizedForSteadyState(now: Int) -> PageHeap {
    var h = self
    for c in h.chunks.indices {
      if h.chunks[c].gen == gen {
        h.chunks[c].gen = 0
      } else {
        h.chunks[c].gen = -1
        h.chunks[c].lastInUse = 0
      }
    }
    h.gen = 0
    h.unusedSince = h.unusedSince.mapValues { now - $0 }
    return h
  }

  /// Whether the background scavenger may release pages of chunk `c`
  /// (scavChunkData.shouldScavenge with HiOcc = `dense`).
  func eligible(chunk c: Int, dense: Int) -> Bool {
    let ch = chunks[c]
    if ch.gen == gen { return ch.inUse < dense && ch.lastInUse < dense }
    return ch.inUse < dense
  }

  // MARK: Go 1.0 span ages (mheap.c `unusedsince`)

  /// Maximal free runs (retained and released pages together), ascending.
  func freeRuns() -> [Range<Int>] {
    var out: [Range<Int>] = []
    let a = retained.ranges
    let b = released.ranges
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      let next: Range<Int>
      if j >= b.count || (i < a.count && a[i].lowerBound < b[j].lowerBound) {
        next = a[i]
        i += 1
      } else {
        next = b[j]
        j += 1
      }
      if let last = out.last, last.upperBound == next.lowerBound {
        out[out.count - 1] = last.lowerBound..<next.upperBound
      } else {
        out.append(next)
      }
    }
    return out
  }

  /// When each free run was first seen free by a GC sweep, by run. A run changed since (split by
  /// an allocation, merged with a newly freed neighbour) is a new span in Go 1.0 with
  /// `unusedsince = 0`, so it is absent here until the next sweep stamps it.
  private(set) var unusedSince: [Range<Int>: Int] = [:]

  /// The GC sweep's stamp (mgc0.c: `if s->state == MSpanFree && s->unusedsince == 0`):
  /// unchanged runs keep their stamp, the others get `now`.
  mutating func stampFreeRuns(at now: Int) {
    var next: [Range<Int>: Int] = [:]
    for r in freeRuns() { next[r] = unusedSince[r] ?? now }
    unusedSince = next
  }

  /// Retained ranges from the highest address down, optionally restricted to eligible chunks.
  func releaseCandidates(denseThreshold: Int?) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for r in retained.ranges.reversed() {
      guard let dense = denseThreshold else {
        out.append(r)
        continue
      }
      // Split at chunk boundaries, top down, keeping eligible pieces.
      var hi = r.upperBound
      while hi > r.lowerBound {
        let c = (hi - 1) / chunkPages
        let lo = max(r.lowerBound, c * chunkPages)
        if eligible(chunk: c, dense: dense) { out.append(lo..<hi) }
        hi = lo
      }
    }
    return out
  }
}
