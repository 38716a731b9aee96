// The page→span table: which span holds each heap page (mheap.go `heapArena.spans`, read by
// `spanOf`).
//
// Go keeps one 8-byte entry per 8 KiB page, in every arena the heap has mapped. The simulator
// cannot afford to copy that: a program that maps terabytes it never touches (GOGC=off and a
// loop of `make([]T, 64 MiB)`; Linux overcommits the mappings) would make the host hold one
// entry per simulated page — as much host memory as the simulated process's own metadata, up to
// the simulated machine's size. So the table is two-level, by chunks of 512 pages (mpagealloc.go's
// pallocChunkPages: 4 MiB of 8 KiB pages), and a chunk is stored in one of two forms:
//
//     runs   at most two runs: pages [0, split) map to `low`, [split, 512) to `high`
//            (either may be nil). A chunk inside one large span, or where two large spans
//            meet, or a free one: no per-page storage.
//     pages  a 512-entry array, made when a chunk holds more than two runs (small-object
//            spans, a span between two others), and dropped again when freeing spans brings
//            it back to two runs.
//
// So the host's cost follows the number of spans, not the bytes mapped: a 64 MiB span costs a
// few 32-byte chunk entries. A lookup is one chunk load and, for a chunk of many spans, one
// page load: still O(1), as `spanOf` is in Go.

/// One chunk of the page→span table (see the file comment).
@usableFromInline struct SpanTableChunk {
  /// Per-page entries, when the chunk holds more than two runs; then low/high/split are unused.
  @usableFromInline var pages: UnsafeMutablePointer<Unmanaged<Span>?>?
  /// The span of pages [0, split) in the runs form.
  @usableFromInline var low: Unmanaged<Span>?
  /// The span of pages [split, chunkPages) in the runs form.
  @usableFromInline var high: Unmanaged<Span>?
  /// The first page of `high`'s run, 0...chunkPages.
  @usableFromInline var split: Int

  static var empty: SpanTableChunk { SpanTableChunk(pages: nil, low: nil, high: nil, split: 0) }
}

/// The page→span table: a growable array of chunks, owned by the runtime (deallocated with it).
/// Entries are unretained: the runtime's span list owns every span, and `freeSpan` clears a
/// span's pages before dropping it.
@usableFromInline struct SpanTable {
  /// log2 of the pages per chunk.
  @usableFromInline static let chunkShift = 9
  /// Pages per chunk.
  @usableFromInline static let chunkPages = 1 << chunkShift

  @usableFromInline private(set) var chunks: UnsafeMutablePointer<SpanTableChunk>
  /// Chunks in the table.
  @usableFromInline private(set) var chunkCount: Int

  init() {
    chunks = .allocate(capacity: 1)
    chunks.initialize(to: .empty)
    chunkCount = 1
  }

  /// Frees every chunk's page array and the table itself.
  func deallocate() {
    for c in 0..<chunkCount { chunks[c].pages?.deallocate() }
    chunks.deallocate()
  }

  /// Pages the table covers (a lookup beyond them is nil).
  var pageCount: Int { chunkCount << Self.chunkShift }

  /// Host bytes the table holds (for tests: it must follow spans, not mapped bytes).
  var hostBytes: Int {
    var n = chunkCount * MemoryLayout<SpanTableChunk>.stride
    for c in 0..<chunkCount where chunks[c].pages != nil {
      n += Self.chunkPages * MemoryLayout<Unmanaged<Span>?>.stride
    }
    return n
  }

  /// The span holding page `page`, nil for a free page or one past the table.
  @inlinable @inline(__always)
  func span(atPage page: UInt64) -> Unmanaged<Span>? {
    let c = Int(truncatingIfNeeded: page >> UInt64(Self.chunkShift))
    guard page >> UInt64(Self.chunkShift) < UInt64(truncatingIfNeeded: chunkCount) else {
      return nil
    }
    let i = Int(truncatingIfNeeded: page) & (Self.chunkPages - 1)
    let chunk = chunks + c
    if let p = chunk.pointee.pages { return p[i] }
    return i < chunk.pointee.split ? chunk.pointee.low : chunk.pointee.high
  }

  /// Points pages [range) at `span` (nil: frees them), growing the table to cover them.
  mutating func set(_ range: Range<Int>, to span: Unmanaged<Span>?) {
    guard !range.isEmpty else { return }
    grow(toPages: range.upperBound)
    var c = range.lowerBound >> Self.chunkShift
    while c << Self.chunkShift < range.upperBound {
      let base = c << Self.chunkShift
      let lo = max(range.lowerBound, base) - base
      let hi = min(range.upperBound, base + Self.chunkPages) - base
      setInChunk(c, lo..<hi, to: span)
      c += 1
    }
  }

  /// Whether every page of [range) maps to `span`.
  func allMap(_ range: Range<Int>, to s: Span) -> Bool {
    guard range.upperBound <= pageCount else { return false }
    let want = Unmanaged.passUnretained(s)
    var c = range.lowerBound >> Self.chunkShift
    while c << Self.chunkShift < range.upperBound {
      let base = c << Self.chunkShift
      let lo = max(range.lowerBound, base) - base
      let hi = min(range.upperBound, base + Self.chunkPages) - base
      let k = chunks[c]
      if let p = k.pages {
        for i in lo..<hi where !Self.same(p[i], want) { return false }
      } else {
        if lo < k.split && !Self.same(k.low, want) { return false }
        if hi > k.split && !Self.same(k.high, want) { return false }
      }
      c += 1
    }
    return true
  }

  /// Pages that map to some span.
  func mappedPages() -> Int {
    var n = 0
    for c in 0..<chunkCount {
      let k = chunks[c]
      if let p = k.pages {
        for i in 0..<Self.chunkPages where p[i] != nil { n += 1 }
      } else {
        n += (k.low == nil ? 0 : k.split) + (k.high == nil ? 0 : Self.chunkPages - k.split)
      }
    }
    return n
  }

  // MARK: Mechanism

  private static func same(_ a: Unmanaged<Span>?, _ b: Unmanaged<Span>?) -> Bool {
    a?.toOpaque() == b?.toOpaque()
  }

  private mutating func grow(toPages pages: Int) {
    let need = (pages + Self.chunkPages - 1) >> Self.chunkShift
    guard need > chunkCount else { return }
    let count = max(need, chunkCount * 2)
    let grown = UnsafeMutablePointer<SpanTableChunk>.allocate(capacity: count)
    grown.moveInitialize(from: chunks, count: chunkCount)
    (grown + chunkCount).initialize(repeating: .empty, count: count - chunkCount)
    chunks.deallocate()
    chunks = grown
    chunkCount = count
  }

  /// Sets pages [r) of chunk `c` (offsets within it) to `span`, keeping the runs form while the
  /// chunk has at most two runs and going back to it when a free leaves two.
  private mutating func setInChunk(_ c: Int, _ r: Range<Int>, to span: Unmanaged<Span>?) {
    let n = Self.chunkPages
    let k = chunks[c]
    if let p = k.pages {
      (p + r.lowerBound).update(repeating: span, count: r.count)
      if span == nil, let runs = Self.twoRuns(p) {
        p.deallocate()
        chunks[c] = SpanTableChunk(pages: nil, low: runs.low, high: runs.high, split: runs.split)
      }
      return
    }
    // The chunk's runs after the write, as (end, span) pairs, merged where equal.
    var runs: [(end: Int, span: Unmanaged<Span>?)] = []
    func append(_ end: Int, _ s: Unmanaged<Span>?) {
      if let last = runs.last, Self.same(last.span, s) { runs[runs.count - 1].end = end }
      else { runs.append((end, s)) }
    }
    var start = 0
    for (end, s) in [(k.split, k.low), (n, k.high)] where end > start {
      // The part of this run before, inside and after the written range.
      if start < r.lowerBound { append(min(end, r.lowerBound), s) }
      if r.lowerBound < end && r.upperBound > start { append(min(end, r.upperBound), span) }
      if end > r.upperBound { append(end, s) }
      start = end
    }
    if runs.count <= 2 {
      chunks[c] = SpanTableChunk(
        pages: nil, low: runs[0].span, high: runs.count == 2 ? runs[1].span : runs[0].span,
        split: runs.count == 2 ? runs[0].end : n)
    } else {
      let p = UnsafeMutablePointer<Unmanaged<Span>?>.allocate(capacity: n)
      var from = 0
      for (end, s) in runs {
        (p + from).initialize(repeating: s, count: end - from)
        from = end
      }
      chunks[c] = SpanTableChunk(pages: p, low: nil, high: nil, split: 0)
    }
  }

  /// The runs form of a page array with at most two runs, nil for more.
  private static func twoRuns(
    _ p: UnsafeMutablePointer<Unmanaged<Span>?>
  ) -> (low: Unmanaged<Span>?, high: Unmanaged<Span>?, split: Int)? {
    var split = chunkPages
    for i in 1..<chunkPages where !same(p[i], p[i - 1]) {
      if split != chunkPages { return nil }
      split = i
    }
    return (p[0], p[chunkPages - 1], split)
  }
}
