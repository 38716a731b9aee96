// sort.Slice, SliceStable and SliceIsSorted: Go's algorithms step for step and what they
// allocate, against recorded runs of Go 1.27.3 and 1.19.8 (Tests/Recordings/runs/sortslice);
// less run by the runtime on the goroutine's stack (a panic in it, a nil less, a GC while it
// runs).

@testable import GCScript
import Foundation
import GoHeap
import Testing

/// sortslice, byte for byte, and every escape decision: 2 mallocs and 56 bytes a call for 8-byte
/// and pointer elements and strings (the slice's 24-byte box, Swapper's 32-byte closure), 3 and
/// 88 for a 16-byte struct (the scratch element and a 48-byte closure), 1 and 24 for one element,
/// none for a nil slice; SliceIsSorted's box escapes in Go 1.19.8 (reflectlite.ValueOf's
/// escapes) and not in 1.27.3; equal keys where pdqsort leaves them — different in the two
/// versions, whose breakPatterns shuffle with different xorshifts — after 196 less calls.
@Test(arguments: ["1.27.3", "1.19.8"])
func sortSliceAsGo(_ version: String) throws {
  let decision = { (line: String) in line.contains("escape") || line.contains("moved to heap") }
  let r = try RecordedRun("sortslice").compared(version, decision)
  #expect(r.printed == r.expected)
  #expect(r.go.count > 50)
  #expect(r.gcsh == r.go)
}

/// less runs as the program's code: its panic unwinds through sort to a deferred recover; a nil
/// less is a nil call; a non-slice panics as reflectlite does (the first three lines are what
/// the same program printed with Go 1.27.3 and 1.19.8); a collection while less allocates
/// keeps the slice being sorted (every element's array survives, in order).
@Test func lessRunsAsTheProgramsCode() throws {
  let (out, _, _) = try run("""
    xs := []int{3, 1, 2}
    func try(f func()) (err any) {
      defer func() { err = recover() }()
      f()
      return nil
    }
    print try(func() { sort.Slice(xs, func(i, j int) bool { if xs[i] == 2 { panic("less saw 2") }; return xs[i] < xs[j] }) })
    n := 5
    print try(func() { sort.Slice(n, func(i, j int) bool { return false }) })
    var f func(i, j int) bool
    print try(func() { sort.Slice(xs, f) })
    big := make([][]byte, 20)
    for i := range big { big[i] = make([]byte, 1<<20); big[i][0] = byte(20 - i) }
    sort.SliceStable(big, func(i, j int) bool { junk := make([]byte, 1<<20); _ = junk; return big[i][0] < big[j][0] })
    print big[0][0], big[19][0], runtime.NumGoroutine()
    """, check: true)
  #expect(out == "less saw 2\nreflect: call of Swapper on int Value\nruntime error: invalid memory address or nil pointer dereference\n1 20 1\n")
}

/// A recovered panic's value is gone once it is recovered: a later run-time error recovered
/// elsewhere is that error, not the old value.
@Test func aRecoveredPanicLeavesNothingPending() throws {
  let (out, _, _) = try run("""
    func try(f func()) (err any) {
      defer func() { err = recover() }()
      f()
      return nil
    }
    print try(func() { panic("first") })
    xs := []int{1}
    k := 5
    print try(func() { xs[k] = 1 })
    """)
  #expect(out == "first\nruntime error: index out of range [5] with length 1\n")
}

/// sortedchecks: sort.IntsAreSorted, StringsAreSorted and Float64sAreSorted (NaN first, as
/// Float64Slice.Less orders it) answer as Go does; Go 1.27 checks through slices.IsSorted and
/// allocates nothing, Go 1.19 through IsSorted(IntSlice(x)), its box 1 malloc of 24 B a call
/// and the slice escaping with it. Every -m line, and the wrappers' costs.
@Test(arguments: ["1.27.3", "1.19.8"])
func sortedChecksAreGos(_ version: String) throws {
  let run = try RecordedRun("sortedchecks")
  let c = try run.compared(version) { !$0.hasPrefix("#") }
  #expect(c.printed == c.expected)
  #expect(c.expected.hasSuffix(version == "1.27.3" ? "allocs: 0 0 0 0 0 0\n" : "allocs: 1 24 1 24 1 24\n"))
  #expect(c.gcsh == c.go)
  #expect(try expectInlineCosts(run, "inline/main.go", version) { _ in false } == 3)
}
