@testable import GoHeap
import Testing

struct IntervalSetCase: CustomTestStringConvertible, Sendable {
  let name: String
  let inserts: [Range<Int>]
  let removes: [Range<Int>]
  let expected: [Range<Int>]
  var testDescription: String { name }
}

@Test(arguments: [
  IntervalSetCase(name: "disjoint stay apart", inserts: [0..<2, 5..<7], removes: [],
                  expected: [0..<2, 5..<7]),
  IntervalSetCase(name: "adjacent coalesce", inserts: [0..<2, 2..<4], removes: [], expected: [0..<4]),
  IntervalSetCase(name: "overlap bridges three", inserts: [0..<2, 4..<6, 8..<9, 1..<8], removes: [],
                  expected: [0..<9]),
  IntervalSetCase(name: "remove splits", inserts: [0..<10], removes: [3..<5], expected: [0..<3, 5..<10]),
  IntervalSetCase(name: "remove across ranges", inserts: [0..<3, 5..<8, 10..<12], removes: [2..<11],
                  expected: [0..<2, 11..<12]),
  IntervalSetCase(name: "remove everything", inserts: [0..<3, 5..<8], removes: [0..<8], expected: []),
])
func intervalSet(_ c: IntervalSetCase) {
  var s = IntervalSet()
  for r in c.inserts { s.insert(r) }
  for r in c.removes { s.remove(r) }
  #expect(s.ranges == c.expected)
  #expect(s.total == c.expected.reduce(0) { $0 + $1.count })
}

@Test func intervalSetCountsAndFits() {
  var s = IntervalSet()
  #expect(s.insert(0..<10) == 10)
  #expect(s.insert(5..<15) == 5)
  #expect(s.remove(12..<20) == 3)
  #expect(s.overlap(8..<100) == 4)
  #expect(s.contains(range: 2..<6))
  #expect(!s.contains(12))
  s.remove(3..<4)
  #expect(s.firstFit(length: 5) == 4)
  #expect(s.firstFit(length: 9) == nil)
}
