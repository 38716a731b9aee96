// IntervalSet: a set of integers stored as sorted, disjoint, coalesced half-open ranges.
//
// The simulator never keeps one entry per byte or per page: free memory, released memory,
// resident memory and touched metadata are all sets of address ranges, and the number of ranges
// grows with the number of spans, not with the bytes they cover. A 400 MB slice is one range.
//
// Ranges are kept in one sorted array. Lookups are binary searches; an insertion or removal
// touches only the ranges it overlaps (plus an array shift), which is cheap for the few thousand
// ranges a heap of many spans produces.

/// A set of `Int` values stored as sorted, disjoint, non-adjacent half-open ranges.
struct IntervalSet: Equatable, Sendable {
  /// Range starts, ascending.
  private(set) var lows: [Int] = []
  /// Range ends (exclusive), parallel to `lows`.
  private(set) var highs: [Int] = []
  /// Sum of all range lengths.
  private(set) var total: Int = 0

  init() {}

  /// The ranges, ascending.
  var ranges: [Range<Int>] { zip(lows, highs).map { $0..<$1 } }
  /// Number of disjoint ranges.
  var count: Int { lows.count }
  var isEmpty: Bool { lows.isEmpty }

  /// Index of the first range whose high is > x (the range containing x or the next one).
  @inline(__always)
  private func firstIndex(highAbove x: Int) -> Int {
    var lo = 0
    var hi = highs.count
    while lo < hi {
      let mid = (lo + hi) >> 1
      if highs[mid] > x { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  /// Whether `x` is in the set.
  func contains(_ x: Int) -> Bool {
    let i = firstIndex(highAbove: x)
    return i < lows.count && lows[i] <= x
  }

  /// Whether every value of `r` is in the set.
  func contains(range r: Range<Int>) -> Bool {
    if r.isEmpty { return true }
    let i = firstIndex(highAbove: r.lowerBound)
    return i < lows.count && lows[i] <= r.lowerBound && highs[i] >= r.upperBound
  }

  /// Number of values of `r` that are in the set.
  func overlap(_ r: Range<Int>) -> Int {
    if r.isEmpty { return 0 }
    var i = firstIndex(highAbove: r.lowerBound)
    var n = 0
    while i < lows.count && lows[i] < r.upperBound {
      n += min(highs[i], r.upperBound) - max(lows[i], r.lowerBound)
      i += 1
    }
    return n
  }

  /// The parts of `r` that are in the set, ascending.
  func intersection(_ r: Range<Int>) -> [Range<Int>] {
    if r.isEmpty { return [] }
    var i = firstIndex(highAbove: r.lowerBound)
    var out: [Range<Int>] = []
    while i < lows.count && lows[i] < r.upperBound {
      out.append(max(lows[i], r.lowerBound)..<min(highs[i], r.upperBound))
      i += 1
    }
    return out
  }

  /// Adds every value of `r`; returns how many were not in the set before.
  @discardableResult
  mutating func insert(_ r: Range<Int>) -> Int {
    if r.isEmpty { return 0 }
    var lo = r.lowerBound
    var hi = r.upperBound
    // First range that touches or follows r (high >= lo, so adjacent ranges merge).
    let i = firstIndex(highAbove: lo - 1)
    if i < lows.count && lows[i] <= lo && highs[i] >= hi { return 0 }
    var j = i
    var covered = 0
    while j < lows.count && lows[j] <= hi {
      covered += min(highs[j], hi) - max(lows[j], lo)
      lo = min(lo, lows[j])
      hi = max(hi, highs[j])
      j += 1
    }
    let added = (r.upperBound - r.lowerBound) - max(0, covered)
    if i == j {
      lows.insert(lo, at: i)
      highs.insert(hi, at: i)
    } else {
      lows[i] = lo
      highs[i] = hi
      if j - i > 1 {
        lows.removeSubrange((i + 1)..<j)
        highs.removeSubrange((i + 1)..<j)
      }
    }
    total += added
    return added
  }

  /// Removes every value of `r`; returns how many were in the set.
  @discardableResult
  mutating func remove(_ r: Range<Int>) -> Int {
    if r.isEmpty { return 0 }
    var i = firstIndex(highAbove: r.lowerBound)
    var removed = 0
    while i < lows.count && lows[i] < r.upperBound {
      let l = lows[i]
      let h = highs[i]
      removed += min(h, r.upperBound) - max(l, r.lowerBound)
      if l < r.lowerBound && h > r.upperBound {
        // Split in two.
        highs[i] = r.lowerBound
        lows.insert(r.upperBound, at: i + 1)
        highs.insert(h, at: i + 1)
        break
      } else if l < r.lowerBound {
        highs[i] = r.lowerBound
        i += 1
      } else if h > r.upperBound {
        lows[i] = r.upperBound
        break
      } else {
        lows.remove(at: i)
        highs.remove(at: i)
      }
    }
    total -= removed
    return removed
  }

  /// Removes everything.
  mutating func removeAll() {
    lows.removeAll()
    highs.removeAll()
    total = 0
  }

  /// The lowest range of at least `length` values that lies wholly in the set, as the start of
  /// the first fit (address-ordered first fit, as the runtime's page allocator does).
  func firstFit(length: Int) -> Int? {
    for k in 0..<lows.count where highs[k] - lows[k] >= length { return lows[k] }
    return nil
  }
}
