// ObjectContents: the sparse, inline, dictionary, dense-pointer and dense-scalar forms of one
// object's stored words must all read back what a plain byte-offset map would hold, through
// any mix of stores, zero stores, constant fills and clears.

@testable import GoHeap
import Testing

extension SplitMix {
  /// A number in 0..<n (BreakdownTests' generator, so a failure replays).
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

struct ContentsCase: CustomTestStringConvertible, Sendable {
  /// Object size, bytes.
  let size: Int
  /// Stores go to multiples of this many bytes (8: []int64; 4: []uint32, unaligned halves too).
  let step: Int
  let noscan: Bool
  let seed: UInt64
  var testDescription: String { "\(size) B, \(step)-byte elements, \(noscan ? "noscan" : "scan"), seed \(seed)" }
}

@Test(arguments: [
  ContentsCase(size: 800, step: 8, noscan: true, seed: 1),
  ContentsCase(size: 80_000, step: 8, noscan: true, seed: 2),
  ContentsCase(size: 80_000, step: 4, noscan: true, seed: 3),
  ContentsCase(size: 4096, step: 4, noscan: true, seed: 4),
  ContentsCase(size: 80_000, step: 8, noscan: false, seed: 5),
])
func contentsReadBackWhatWasWritten(_ c: ContentsCase) {
  var rng = SplitMix(state: c.seed)
  let contents = ObjectContents()
  var model: [Int: Word] = [:]  // the reference: every non-zero word by offset
  let slots = c.size / c.step
  func randomRange() -> Range<Int> {
    let a = rng.below(slots) * c.step
    let b = min(c.size, a + (rng.below(slots / 4 + 1) + 1) * c.step)
    return a..<b
  }
  // A loop filling the first half (s[i] = f(i)), then a mix of everything.
  for k in 0..<slots / 2 {
    let w = Word.scalar(UInt64(k + 1))
    contents.store(w, at: k * c.step, objectSize: c.size, noscan: c.noscan)
    model[k * c.step] = w
  }
  for _ in 0..<20_000 {
    switch rng.below(100) {
    case 0..<80:  // a non-zero store, mostly in a dense run from the start
      let o = (rng.below(3) == 0 ? rng.below(slots) : rng.below(max(1, slots / 3))) * c.step
      let w = Word.scalar(rng.next() | 1)
      contents.store(w, at: o, objectSize: c.size, noscan: c.noscan)
      model[o] = w
    case 80..<90:  // a zero store
      let o = rng.below(slots) * c.step
      contents.store(rng.below(2) == 0 ? nil : .scalar(0), at: o, objectSize: c.size, noscan: c.noscan)
      model[o] = nil
    case 90..<95:  // a constant fill (the clear idiom with a constant)
      let r = randomRange()
      let w = Word.scalar(UInt64(rng.below(1000) + 1))
      contents.fill(r, stride: c.step, word: w)
      for o in model.keys where r.contains(o) { model[o] = nil }
      for o in stride(from: r.lowerBound, to: r.upperBound, by: c.step) { model[o] = w }
    default:  // a memclr
      let r = randomRange()
      contents.clear(r)
      for o in model.keys where r.contains(o) { model[o] = nil }
    }
  }
  var mismatches = 0
  for o in stride(from: 0, to: c.size, by: c.step) where contents.load(o) != model[o] {
    mismatches += 1
  }
  #expect(mismatches == 0)
  #expect(!contents.isEmpty)
  // Each noscan case ends in dense scalar storage; a scan object never uses it.
  #expect(contents.hasDenseScalars == c.noscan)
}

/// A noscan slice written densely moves to dense scalar storage; the words it reports for a
/// copy are exactly those stored, in order.
@Test func denseScalarWordsAreReportedForCopies() {
  let contents = ObjectContents()
  for k in 0..<1000 { contents.store(.scalar(UInt64(k + 1)), at: 8 * k, objectSize: 8000, noscan: true) }
  contents.store(.scalar(7), at: 8 * 500 + 4, objectSize: 8000, noscan: true)  // an unaligned word
  let words = contents.words(in: 8 * 499..<8 * 502)
  #expect(words.map(\.0) == [3992, 4000, 4004, 4008])
  #expect(words.map(\.1) == [.scalar(500), .scalar(501), .scalar(7), .scalar(502)])
  #expect(contents.hasDenseScalars)
}

/// An object whose size is not a multiple of 8 (a large []byte): asking for the words of its
/// last, partial word range finds the byte stored there (no word index past the array).
@Test func partialLastWordOfADenseObject() {
  let contents = ObjectContents()
  for k in stride(from: 0, to: 4000, by: 4) {
    contents.store(.scalar(UInt64(k + 1)), at: k, objectSize: 4007, noscan: true)
  }
  contents.store(.scalar(9), at: 4005, objectSize: 4007, noscan: true)
  #expect(contents.hasDenseScalars)
  #expect(contents.words(in: 4001..<4007).map(\.0) == [4005])
  contents.clear(4001..<4007)
  #expect(contents.load(4005) == nil)
  #expect(contents.load(3996) == .scalar(3997))
}
