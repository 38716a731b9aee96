// unicode/utf8, compiled from each Go's source (Libraries+UTF8.swift), and walk's note for
// indexes proved in range (BoundedIndex.swift), against Tests/Recordings/runs/utf8pkg and
// boundedindex (Go 1.27.3 and 1.19.8): the output, and every -m line of the program — the
// utf8 functions inlined or not, the named result `utf8.n` boxed (Go 1.27.3; `n` in 1.19.8),
// and `index bounds check elided` in the program's functions and in inlined bodies (utf8's
// FullRune looks `first[p[0]]` and `acceptRanges[x>>4]` up).

import Foundation
@testable import GCScript
import GoHeap
import Testing

@Test(arguments: ["1.27.3", "1.19.8"])
func utf8PackageIsGos(_ version: String) throws {
  let run = try RecordedRun("utf8pkg").compared(version) { $0.hasPrefix("./main.go:") }
  #expect(run.printed == run.expected)
  #expect(run.gcsh.sorted() == run.go.sorted())
  #expect(run.gcsh.filter { $0.hasSuffix("index bounds check elided") }.count == 2)  // FullRune's two lookups
}

/// Every -m line Go 1.19.8 printed; of Go 1.27.3's, all but the five boxed operands that hold
/// a typed constant, which its IR prints converted (`table[x & uint32(15)]`, `h[108]` for
/// `h['l']`) and gcsh as written.
@Test(arguments: ["1.27.3", "1.19.8"])
func walkElidesTheBoundsChecksGoElides(_ version: String) throws {
  let run = try RecordedRun("boundedindex").compared(version) { $0.hasPrefix("./main.go:") }
  #expect(run.printed == run.expected)
  let typedConstantText = version == "1.27.3" ? ["22:15:", "22:27:", "22:40:", "22:53:", "22:93:"] : []
  func kept(_ lines: [String]) -> [String] {
    lines.filter { l in !(l.hasSuffix("escapes to heap") && typedConstantText.contains { l.hasPrefix("./main.go:" + $0) }) }.sorted()
  }
  #expect(kept(run.gcsh) == kept(run.go))
  #expect(run.gcsh.count == run.go.count)
  #expect(run.gcsh.filter { $0.hasSuffix("index bounds check elided") }.count == 7)
}

/// walk/expr.go bounded's cases, by hand against its source.
@Test func boundedFollowsWalk() {
  func v(_ name: String, _ t: GoType) -> TypedExpr {
    TypedExpr(.variable(Variable(name: name, type: t, span: Span(0, 0), storage: .local, function: nil)), t, Span(0, 0))
  }
  func c(_ n: Int128, _ t: GoType) -> TypedExpr { TypedExpr(.constant(.int(n)), t, Span(0, 0)) }
  let u32 = v("x", .uint32), i = v("i", .int), b = v("b", .uint8)
  #expect(Batch.bounded(b, 256))
  #expect(!Batch.bounded(b, 255))
  #expect(Batch.bounded(TypedExpr(.binary("&", u32, c(15, .uint32)), .uint32, Span(0, 0)), 16))
  #expect(Batch.bounded(TypedExpr(.binary("&", i, c(15, .int)), .int, Span(0, 0)), 16))
  #expect(!Batch.bounded(TypedExpr(.binary("%", i, c(16, .int)), .int, Span(0, 0)), 16))
  #expect(Batch.bounded(TypedExpr(.binary("%", u32, c(16, .uint32)), .uint32, Span(0, 0)), 16))
  #expect(Batch.bounded(TypedExpr(.shift(">>", u32, c(28, .uint32)), .uint32, Span(0, 0)), 16))
  #expect(!Batch.bounded(TypedExpr(.shift(">>", u32, c(27, .uint32)), .uint32, Span(0, 0)), 16))
  #expect(Batch.bounded(TypedExpr(.binary("/", b, c(16, .uint8)), .uint8, Span(0, 0)), 16))
  #expect(!Batch.bounded(i, 1 << 40))
  // uintptr, unsigned and 64 bits wide (go build -gcflags=-m of `table[u%16]`, `table[u>>60]`
  // with u a uintptr and table a [16]byte: both elided, Go 1.27.3).
  let p = v("u", .uintptr)
  #expect(Batch.bounded(TypedExpr(.binary("%", p, c(16, .uintptr)), .uintptr, Span(0, 0)), 16))
  #expect(Batch.bounded(TypedExpr(.shift(">>", p, c(60, .uintptr)), .uintptr, Span(0, 0)), 16))
  #expect(!Batch.bounded(TypedExpr(.shift(">>", p, c(59, .uintptr)), .uintptr, Span(0, 0)), 16))
}
