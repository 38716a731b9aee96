// The runtime's own fixed-size structures that ReadMemStats reports: span structures
// (MSpanInuse, MSpanSys), per-P caches (MCacheInuse, MCacheSys) and the profiling bucket table
// (BuckHashSys).
//
// Every span (a heap span, a large object's, a stack span) has an `mspan` structure, allocated by
// mheap.spanalloc, a fixalloc (mfixalloc.go): structures come from the free list of returned
// ones, else from the current chunk, else from a new chunk of _FixAllocChunk (16 KiB) rounded
// down to a whole number of structures, which counts in MSpanSys for good. Since Go 1.14 a P
// takes them through its mspancache (mheap.go allocMSpanLocked / freeMSpanLocked): when the
// cache is empty it takes half its capacity (64) from spanalloc at once, and a freed span's
// structure goes back to the cache unless the cache is full (128). MSpanInuse is
// spanalloc.inuse: structures in spans and in the P's cache alike, so it moves in steps of 64
// (Tests/Recordings/runs/memstats: 13,440 → 23,680 B in Go 1.27.3, 84 → 148 structures of 160 B).
// Go 1.0 has no cache: each span takes one structure (malloc.h MSpan, FixAlloc).
//
// The mcaches (one per P; per M in Go 1.0) and the bucket table are allocated at start-up and do
// not change in a program without profiling: their values are the recorded start-up ones.

/// The sizes and start-up state of the era's metadata allocators.
struct MetadataAllocatorModel: Sendable {
  /// unsafe.Sizeof(mspan{}) on amd64, bytes.
  var mspanBytes: Int
  /// _FixAllocChunk, bytes.
  var fixAllocChunk: Int
  /// Whether a chunk is rounded down to whole structures and only those count (mfixalloc.go
  /// since Go 1.12, `f.nalloc`); Go 1.0 counts the whole chunk.
  var roundsChunkDown: Bool = true
  /// The P's mspancache refill (len(buf)/2) and capacity; nil: no cache (Go 1.0).
  var mspanCache: (refill: Int, capacity: Int)?
  /// mspan structures handed out at start-up, in spans and caches (MSpanInuse / mspanBytes).
  var startMSpans: Int
  /// Structures left in the P's mspancache at start-up.
  var startMSpanCache: Int
  /// MCacheInuse and MCacheSys: the mcaches of the Ps (Ms in Go 1.0), fixed after start-up.
  var mcacheInuse: Int
  var mcacheSys: Int
  /// BuckHashSys: the memory-profile bucket table and its buckets at start-up.
  var buckHashSys: Int

  /// MSpanSys + MCacheSys + BuckHashSys at start-up: the part of the start-up non-heap Sys these
  /// structures account for.
  var startSysBytes: Int { MSpanAllocator(self).sysBytes + mcacheSys + buckHashSys }
}

/// mheap.spanalloc behind the P's mspancache.
struct MSpanAllocator {
  let structBytes: Int
  /// Structures per fixalloc chunk.
  let perChunk: Int
  /// Bytes a chunk adds to MSpanSys.
  let chunkSys: Int
  let cache: (refill: Int, capacity: Int)?
  /// spanalloc.inuse, in structures.
  private(set) var inuse: Int
  /// Structures the fixalloc has ever carved from chunks.
  private(set) var carved: Int
  /// Structures on the fixalloc's free list.
  private var freeList = 0
  /// Structures in the P's mspancache.
  private var cached: Int
  /// Structures carved at start-up (their pages are in the start-up resident set).
  private let startCarved: Int

  init(_ m: MetadataAllocatorModel) {
    structBytes = m.mspanBytes
    perChunk = m.fixAllocChunk / m.mspanBytes
    chunkSys = m.roundsChunkDown ? perChunk * m.mspanBytes : m.fixAllocChunk
    cache = m.mspanCache
    inuse = m.startMSpans
    carved = m.startMSpans
    cached = m.startMSpanCache
    startCarved = m.startMSpans
  }

  /// Bytes of structures carved since start-up: fixalloc hands each one out initialised, so
  /// they are written memory (persistentalloc'd chunks, resident for good).
  var writtenSinceStart: Int { max(0, carved - startCarved) * structBytes }

  /// MSpanSys: the chunks carved so far.
  var sysBytes: Int { (carved + perChunk - 1) / perChunk * chunkSys }
  /// MSpanInuse, bytes.
  var inuseBytes: Int { inuse * structBytes }

  /// fixalloc.alloc: the free list first, then the chunk.
  private mutating func fixalloc() {
    if freeList > 0 { freeList -= 1 } else { carved += 1 }
    inuse += 1
  }

  /// A structure for a new span (mheap.allocMSpanLocked).
  mutating func alloc() {
    guard let c = cache else { return fixalloc() }
    if cached == 0 {
      for _ in 0..<c.refill { fixalloc() }
      cached = c.refill
    }
    cached -= 1
  }

  /// A freed span's structure (mheap.freeMSpanLocked).
  mutating func free() {
    if let c = cache, cached < c.capacity {
      cached += 1
      return
    }
    inuse -= 1
    freeList += 1
  }
}
