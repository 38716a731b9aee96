// ObjectContents: the sparse store behind one heap object.
//
// A Go object is a run of bytes; the simulator keeps only the words that were written with a
// non-zero value, keyed by byte offset. Zeros cost nothing: `make([]uint32, 1e8)` followed by a
// clear loop stores no words at all. Small objects keep a few (offset, word) pairs in an inline
// list; objects with many written words switch to a dictionary; arrays of 8-byte pointers written
// densely (a slice of 10 million pointers) switch to a packed array of 8 bytes per element, so the
// simulator's own memory stays close to what the Go program stores. Objects without pointers
// (noscan: []int, []float64, [N]uint64) whose 8-byte-aligned words are written densely enough
// switch to an array of those words, 8 bytes each: a dictionary costs several times that per
// word, and hashing every offset was most of the cost of `s[i] = s[i] + x`.

/// Packs a pointer word into 8 bytes when its parts fit: span (31 bits) + 1, slot (16 bits),
/// offset (16 bits). Zero is nil.
@inline(__always)
func packPointer(_ p: HeapPointer) -> UInt64? {
  guard p.object.span >= 0, p.object.slot < 1 << 16, p.offset >= 0, p.offset < 1 << 16 else {
    return nil
  }
  return UInt64(p.object.span + 1) << 32 | UInt64(p.object.slot) << 16 | UInt64(p.offset)
}

@inline(__always)
func unpackPointer(_ v: UInt64) -> HeapPointer? {
  if v == 0 { return nil }
  return HeapPointer(
    object: ObjectRef(span: Int32(v >> 32) - 1, slot: Int32((v >> 16) & 0xFFFF)),
    offset: Int(v & 0xFFFF))
}

/// The stored non-zero words of one object. A class: the span's table holds one reference per
/// object, so reading a word retains one object instead of copying four containers.
final class ObjectContents {
  /// Few words: (byte offset, word) pairs, unordered.
  private var list: [(Int, Word)] = []
  /// Many words: by byte offset.
  private var map: [Int: Word]? = nil
  /// Dense 8-byte pointer elements: element i at byte offset 8*i, packed (0 = nil).
  private var dense: [UInt64]? = nil
  /// A noscan object's scalar words at 8-byte-aligned offsets: word i at byte offset 8*i (0 =
  /// zero). Words at other offsets (a []uint32's odd elements) stay in `list`/`map`.
  private var scalars: [UInt64]? = nil
  /// Constant fills (`for i := range s { s[i] = v }`): every `stride` bytes of `range` hold `word`.
  /// Later fills and writes take precedence; sparse words override fills.
  private var fills: [(range: Range<Int>, stride: Int, word: Word)] = []

  /// Words kept inline before switching to a dictionary.
  private static let listLimit = 8

  init() {}

  /// Whether the aligned scalar words are held densely (for tests).
  var hasDenseScalars: Bool { scalars != nil }

  var isEmpty: Bool {
    list.isEmpty && (map?.isEmpty ?? true) && dense == nil && scalars == nil && fills.isEmpty
  }

  /// The word at `offset`, or nil for zero.
  func load(_ offset: Int) -> Word? {
    if let scalars, offset & 7 == 0, offset >> 3 < scalars.count, scalars[offset >> 3] != 0 {
      return .scalar(scalars[offset >> 3])
    }
    if let map {
      if let w = map[offset] { return w }
    } else {
      for (o, w) in list where o == offset { return w }
    }
    if let dense, offset & 7 == 0, offset >> 3 < dense.count, dense[offset >> 3] != 0 {
      return unpackPointer(dense[offset >> 3]).map { .pointer($0) }
    }
    return fills.isEmpty ? nil : fillWord(at: offset)
  }

  /// The word the latest fill covering `offset` put there, if any.
  private func fillWord(at offset: Int) -> Word? {
    for f in fills.reversed() where f.range.contains(offset) && (offset - f.range.lowerBound) % f.stride == 0 {
      return f.word
    }
    return nil
  }

  /// Fills every `stride` bytes of `range` with `word` (a non-zero constant fill).
  func fill(_ range: Range<Int>, stride: Int, word: Word) {
    clear(range)
    fills.append((range, stride, word))
  }

  /// Stores `word` (nil or a zero word clears) at `offset`. `objectSize` bounds dense storage;
  /// `noscan` (the object holds no pointers) allows dense scalar storage.
  func store(_ word: Word?, at offset: Int, objectSize: Int, noscan: Bool = false) {
    if let count = scalars?.count, offset & 7 == 0, offset >> 3 < count {
      if case .scalar(let v)? = word, v != 0 {
        scalars![offset >> 3] = v
        return
      }
      if word == nil || word!.isZero {
        scalars![offset >> 3] = 0
        if !fills.isEmpty && fills.contains(where: { $0.range.contains(offset) }) { cutFills(offset..<(offset + 1)) }
        return
      }
      // Not a scalar (cannot happen in a noscan object): kept sparsely below.
      scalars![offset >> 3] = 0
    }
    let w = (word?.isZero ?? true) ? nil : word
    if let count = dense?.count, offset & 7 == 0, offset >> 3 < count {
      if case .pointer(let p)? = w, let packed = packPointer(p) {
        removeSparse(offset)
        dense![offset >> 3] = packed
        return
      }
      // Zero, or a word the packed form cannot hold (stored sparsely below).
      dense![offset >> 3] = 0
    }
    guard let w else {
      removeSparse(offset)
      if fills.contains(where: { $0.range.contains(offset) }) { cutFills(offset..<(offset + 1)) }
      return
    }
    if map != nil {
      map![offset] = w
    } else {
      for i in list.indices where list[i].0 == offset {
        list[i].1 = w
        return
      }
      list.append((offset, w))
      if list.count > Self.listLimit {
        map = Dictionary(uniqueKeysWithValues: list)
        list = []
        if noscan { switchToScalarsIfDense(objectSize: objectSize) }
      }
    }
    if noscan, scalars == nil, let m = map, m.count & 63 == 0 {
      switchToScalarsIfDense(objectSize: objectSize)
    }
    // Many pointer words in an array of pointers (at least 1 in 64 of its words written): switch
    // to dense packed storage, 8 bytes per element as in Go.
    if let m = map, m.count >= 1024, m.count & 1023 == 0, objectSize / 8 <= 1 << 28,
      m.count * 64 >= objectSize / 8 || Self.isDensePrefix(m)
    {
      var d = [UInt64](repeating: 0, count: objectSize / 8)
      var rest: [Int: Word] = [:]
      for (o, word) in m {
        if case .pointer(let p) = word, o & 7 == 0, let packed = packPointer(p) {
          d[o >> 3] = packed
        } else {
          rest[o] = word
        }
      }
      if rest.count * 2 < m.count {
        dense = d
        map = rest
      }
    }
  }

  /// Moves a noscan object's aligned scalar words into `scalars` once they are dense enough
  /// that the array (8 bytes per word of the object) costs no more than the dictionary would
  /// (about 64 bytes per stored word): at least one word in eight written, or a small object.
  private func switchToScalarsIfDense(objectSize: Int) {
    guard let m = map, scalars == nil else { return }
    let words = objectSize / 8
    guard words > 0, words <= 1 << 24, words <= 512 || m.count * 8 >= words else { return }
    var sc = [UInt64](repeating: 0, count: words)
    var rest: [Int: Word] = [:]
    for (o, w) in m {
      if case .scalar(let v) = w, o & 7 == 0, o >> 3 < words {
        sc[o >> 3] = v
      } else {
        rest[o] = w
      }
    }
    scalars = sc
    // What is left (words at unaligned offsets) goes back to the inline list when it fits.
    if rest.count <= Self.listLimit {
      map = nil
      list = Array(rest)
    } else {
      map = rest
    }
  }

  /// Whether the stored offsets are exactly 0, 8, 16, ... (a slice being filled from the start):
  /// dense storage then costs what the filled part will.
  private static func isDensePrefix(_ m: [Int: Word]) -> Bool {
    var maxKey = 0
    for (o, w) in m {
      guard o & 7 == 0, case .pointer = w else { return false }
      maxKey = max(maxKey, o)
    }
    return maxKey == 8 * (m.count - 1)
  }

  private func removeSparse(_ offset: Int) {
    if map != nil {
      map!.removeValue(forKey: offset)
    } else if let i = list.firstIndex(where: { $0.0 == offset }) {
      list.remove(at: i)
    }
  }

  /// Removes fills from a byte range, keeping their parts outside it (aligned to their stride).
  private func cutFills(_ range: Range<Int>) {
    var kept: [(range: Range<Int>, stride: Int, word: Word)] = []
    for f in fills {
      let r = f.range
      if r.upperBound <= range.lowerBound || r.lowerBound >= range.upperBound {
        kept.append(f)
        continue
      }
      if r.lowerBound < range.lowerBound { kept.append((r.lowerBound..<range.lowerBound, f.stride, f.word)) }
      if r.upperBound > range.upperBound {
        // Restart at the first element at or after the cut that is on the fill's stride.
        let k = (range.upperBound - r.lowerBound + f.stride - 1) / f.stride
        let start = r.lowerBound + k * f.stride
        if start < r.upperBound { kept.append((start..<r.upperBound, f.stride, f.word)) }
      }
    }
    fills = kept
  }

  /// Clears every word in the byte range (a memclr).
  func clear(_ range: Range<Int>) {
    if !fills.isEmpty { cutFills(range) }
    if map != nil {
      map = map!.filter { !range.contains($0.key) }
    } else {
      list.removeAll { range.contains($0.0) }
    }
    if let count = dense?.count {
      for i in Self.wordIndices(in: range, count: count) { dense![i] = 0 }
    }
    if let count = scalars?.count {
      for i in Self.wordIndices(in: range, count: count) { scalars![i] = 0 }
    }
  }

  /// The indices of a dense array's words (word i at byte offset 8*i) whose offsets fall in
  /// `range`, as the sparse forms select theirs; empty past the array's `count` words.
  private static func wordIndices(in range: Range<Int>, count: Int) -> Range<Int> {
    let lo = min(count, max(0, (range.lowerBound + 7) >> 3))
    let hi = min(count, max(lo, (range.upperBound + 7) >> 3))
    return lo..<hi
  }

  /// Calls `body` with every stored word that references an object.
  @inline(__always)
  func forEachReferent(_ body: (ObjectRef) -> Void) {
    if let map {
      for w in map.values { if let r = w.referent { body(r) } }
    } else {
      for (_, w) in list { if let r = w.referent { body(r) } }
    }
    if let dense {
      for v in dense where v != 0 { if let p = unpackPointer(v) { body(p.object) } }
    }
    for f in fills { if let r = f.word.referent { body(r) } }
  }

  /// The fills overlapping `range`, for copying.
  func fills(in range: Range<Int>) -> [(range: Range<Int>, stride: Int, word: Word)] {
    fills.compactMap { f in
      let lo = max(f.range.lowerBound, range.lowerBound)
      let hi = min(f.range.upperBound, range.upperBound)
      guard lo < hi else { return nil }
      let k = (lo - f.range.lowerBound + f.stride - 1) / f.stride
      let start = f.range.lowerBound + k * f.stride
      return start < hi ? (start..<hi, f.stride, f.word) : nil
    }
  }

  /// The stored words whose offsets fall in `range`, ascending by offset.
  func words(in range: Range<Int>) -> [(Int, Word)] {
    var out: [(Int, Word)] = []
    if let map {
      for (o, w) in map where range.contains(o) { out.append((o, w)) }
    } else {
      for (o, w) in list where range.contains(o) { out.append((o, w)) }
    }
    if let dense {
      for i in Self.wordIndices(in: range, count: dense.count) {
        if let p = unpackPointer(dense[i]) { out.append((i << 3, .pointer(p))) }
      }
    }
    if let scalars {
      for i in Self.wordIndices(in: range, count: scalars.count) where scalars[i] != 0 {
        out.append((i << 3, .scalar(scalars[i])))
      }
    }
    return out.sorted { $0.0 < $1.0 }
  }

}
