// The slices and cmp packages, strings.Clone, bytes.Clone and strings.Compare against the real
// runs of Tests/Recordings/runs/slicesfuncs and slicesedge (Go 1.27.3; the packages arrived in
// Go 1.21) and runs/stringsclone (Go 1.27.3 and 1.19.8): every result, panic and allocation of
// the recordings, -m's lines, the inliner's costs, and the checker's instantiation errors.

import Foundation
@testable import GCScript
@testable import GoHeap
import Testing

/// Clone (ints, pointers, strings, structs, nil, empty, a result kept in the frame), Clip, Grow,
/// Insert (in place, grown, at the end), Delete, Compact, Replace and DeleteFunc with the tails
/// they clear, Sort, BinarySearch, Reverse, the searches, SortFunc and SortStableFunc (how many
/// times cmp ran: 5 for 4 elements, 678 for 100), IndexFunc, ContainsFunc, Max/MinFunc,
/// EqualFunc, cmp.Compare, strings.Clone and bytes.Clone: Go's output line for line, with the
/// Mallocs and TotalAlloc of each call.
@Test func slicesFunctionsAreGos() throws {
  try expectRecordedOutput("slicesfuncs", "1.27.3")
}

/// The edges: each panic's message (Max of nothing, Grow by a negative count, Delete, Insert and
/// Replace out of range, within cap too), a named slice type kept by Clone, NaN and -0 in Sort, Max, Min and
/// cmp, unsigned and 8-bit integers, Compact and Index of structs, CompactFunc (each element
/// against its original neighbour: a relation that is not transitive), EqualFunc of two
/// element types, Insert of a slice into itself, Replace growing and shrinking (the tail
/// cleared), nil slices, and SortStableFunc and SortFunc of 300 pointers whose comparison
/// allocates and collects (3349 and 311 calls, as in Go) — the heap's invariants hold after.
@Test func slicesEdgesAreGos() throws {
  try expectRecordedOutput("slicesedge", "1.27.3")
}

/// -m, every line about main.go: each call Go inlines named with its shapes
/// (`slices.Clone[go.shape.[]main.pair,go.shape.struct { main.k string; main.v int }]`,
/// `slices.Contains` with the Index inside it, `cmp.Compare[go.shape.int]` with its isNaN
/// twice, strings.Clone with stringslite.Clone); what the inlined bodies allocate
/// (`go.shape.[]int{} escapes to heap` and `append escapes to heap`, or `does not escape` for a
/// result kept local; Grow's make and panic string, Max's panic string, Reverse's
/// self-assignment); a call Go does not inline spelled with its dictionary
/// (`slices.Compare[go.shape.[]int,go.shape.int](&slices..dict.Compare[[]int,int], s, ints)`);
/// an inlined call's result as `~r0`; and strings.Compare's operands leaking. Not compared: the
/// program's function literals, which Go inlines (into IndexFunc, MaxFunc, ...) and gcsh does
/// not (grammar.md), and the two package-level literals at lines 43 and 45, which Go
/// initializes statically and gcsh reports as escaping.
@Test func slicesEscapeLinesAreGos() throws {
  let run = try RecordedRun("slicesfuncs").compared("1.27.3") { line in
    line.hasPrefix("./main.go:") && !line.contains("main.func") && !line.contains("func literal")
      && !line.hasPrefix("./main.go:240:23: inlining call to cmp.") && !line.hasPrefix("./main.go:43:")
      && !line.hasPrefix("./main.go:45:")
  }
  #expect(run.gcsh == run.go)
  #expect(run.go.count > 400)
}

/// One-line wrappers of each function cost what Go's inliner says (-m=2).
@Test func slicesCallsCostWhatGoSays() throws {
  let checked = try expectInlineCosts(try RecordedRun("slicesfuncs"), "inline/main.go", "1.27.3") { line in
    line.contains(" main ") || line.contains(" main:")
  }
  #expect(checked == 36)
}

/// strings.Clone: a clone that escapes is one heap allocation of its size class; one that does
/// not stays in the frame up to 32 bytes in Go 1.25+ and is the heap's in Go 1.19 (a make of
/// run-time size); the empty string costs nothing; after the clone the big string is
/// collected. -m's lines are Go's (`make([]byte, len(stringslite.s)) does not escape`), the
/// literals' `can inline main.funcN` with them.
@Test(arguments: ["1.27.3", "1.19.8"])
func stringsCloneIsGos(_ version: String) throws {
  let run = try RecordedRun("stringsclone").compared(version) { line in
    line.hasPrefix("./main.go:")
  }
  #expect(run.printed == run.expected)
  #expect(run.gcsh == run.go)
}

@Test(arguments: ["1.27.3", "1.19.8"])
func stringsCloneCostsWhatGoSays(_ version: String) throws {
  let checked = try expectInlineCosts(try RecordedRun("stringsclone"), "inline/main.go", version) { line in
    line.contains(" main ") || line.contains(" main:")
  }
  #expect(checked == 2)
}

/// The checker instantiates each call as types2 would, and says so when it cannot: E must be
/// ordered for Sort, comparable for Contains; S must be a slice; a nil alone fixes nothing;
/// cmp.Compare's operands share one type; the packages are Go 1.21's, Clone 1.18's and 1.20's.
@Test func slicesInstantiationErrors() {
  func errors(_ body: String, imports: String = "\"slices\"", profile: RuntimeProfile = .go127) -> [String] {
    checkErrors("package main\n\nimport (\n\(imports)\n)\n\nfunc main() {\n\(body)\n}\n", profile: profile)
      .map { String($0.split(separator: "\n")[0]) }
  }
  // go build's messages (Go 1.27.3), less types2's "(declared at $GOROOT/src/slices/...)".
  #expect(errors("type p struct{ a int }\nslices.Sort([]p{})") == [
    "test.gcs:9:13: error: p does not satisfy cmp.Ordered (p missing in ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string)"
  ])
  #expect(errors("_ = slices.Contains([][]int{}, nil)") == ["test.gcs:8:21: error: []int does not satisfy comparable"])
  #expect(errors("x := 3\n_ = slices.Clone(x)") == ["test.gcs:9:18: error: in call to slices.Clone, S (type int) does not satisfy ~[]E"])
  #expect(errors("_ = slices.Clone(3)") == ["test.gcs:8:18: error: in call to slices.Clone, cannot infer E"])
  #expect(errors("_ = slices.Clone(nil)") == ["test.gcs:8:18: error: in call to slices.Clone, cannot infer S"])
  #expect(errors("_ = slices.Index([]string{}, 1)").first?.contains("cannot use 1 (untyped int constant) as string value in argument to slices.Index") == true)
  #expect(errors("x := []int{}\nx = slices.Insert(x, 0, \"a\")").first?.contains("as int value in argument to slices.Insert") == true)
  #expect(errors("_ = cmp.Compare(1, \"a\")", imports: "\"cmp\"").count == 1)
  #expect(errors("_ = slices.Clone([]int{})", profile: .go119) == [
    "test.gcs:4:1: error: package slices does not exist in go1.19: it arrived in Go 1.21"
  ])
  #expect(errors("_ = strings.Clone(\"a\")", imports: "\"strings\"", profile: .go10).first?.contains("strings.Clone does not exist in go1.0: it arrived in Go 1.18") == true)
  #expect(errors("_ = bytes.Clone(nil)", imports: "\"bytes\"", profile: .go119).first?.contains("bytes.Clone does not exist in go1.19: it arrived in Go 1.20") == true)
  #expect(errors("_ = slices.Contains([]struct{ v any }{}, struct{ v any }{})").first?.contains("slices.Contains of elements that hold interfaces is not supported by gcsh yet") == true)
  #expect(errors("_ = slices.Repeat([]int{}, 2)").first?.contains("slices.Repeat is not supported by gcsh yet") == true)
  #expect(errors("slices.Sort([]int{}...)").first?.contains("cannot use ... in call to non-variadic slices.Sort") == true)
}
