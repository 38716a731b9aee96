// Sets of frame slots as bit vectors (slot k: bit k & 63 of word k >> 6), as the lowering's pointer
// layouts and the liveness pass's live sets hold them. A range of slots is changed a word at a
// time, so a 10,000-word array in a frame costs 157 word operations, not 10,000 bit operations.

/// The mask of bits `lo..<hi` within one word (0 <= lo <= hi <= 64).
@inline(__always)
private func wordMask(_ lo: Int, _ hi: Int) -> UInt64 {
  let upper: UInt64 = hi == 64 ? ~0 : (1 << UInt64(hi)) - 1
  return upper & ~((1 << UInt64(lo)) - 1)
}

/// Applies `body` to each word that `range` touches, with the mask of its bits in the range;
/// slots outside `0..<bits.count * 64` are ignored.
@inline(__always)
private func forEachWord(
  _ bits: inout [UInt64], _ range: Range<Int>, _ body: (inout UInt64, UInt64) -> Void
) {
  let lo = max(range.lowerBound, 0)
  let hi = min(range.upperBound, bits.count * 64)
  guard lo < hi else { return }
  var w = lo >> 6
  while (w << 6) < hi {
    let first = max(lo - (w << 6), 0)
    let last = min(hi - (w << 6), 64)
    body(&bits[w], wordMask(first, last))
    w += 1
  }
}

/// Sets the bits of the slots in `range`.
func setBits(_ bits: inout [UInt64], _ range: Range<Int>) {
  forEachWord(&bits, range) { $0 |= $1 }
}

/// Clears the bits of the slots in `range`.
func clearBits(_ bits: inout [UInt64], _ range: Range<Int>) {
  forEachWord(&bits, range) { $0 &= ~$1 }
}
