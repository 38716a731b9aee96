// Slice to array and to array pointer conversions (types2 conversions.go; walk/convert.go
// walkSliceToArray; runtime/error.go boundsConvert), against `go run` of the same programs
// (Go 1.27.3 and Go 1.19.8; their -m lines are in the escape corpus,
// Tests/Recordings/escape/corpus/escape_slicetoarray*.go).

@testable import GCScript
import GoHeap
import Testing

/// The pointer aliases the slice's backing array (a write through it is the slice's); the
/// array is a copy; a slice shorter than the array panics with the runtime's words — Go 1.20
/// added the array conversion and "array or" to the message. What `go run` printed:
/// Go 1.27.3 `[9 2 3 4 5] [9 2 3] [7 3 4 5] 3` then `runtime error: cannot convert slice
/// with length 5 to array or pointer to array with length 8`; Go 1.19.8 (the array
/// conversion written `*(*[4]int)(s[1:])`) the same first line and `... to pointer to array
/// with length 8`.
@Test(arguments: ["go1.27", "go1.19"])
func sliceToArrayConversionsRunAsInGo(_ name: String) throws {
  let profile = try #require(RuntimeProfile.named(name))
  let array = profile.version >= GoVersion(1, 20) ? "[4]int(s[1:])" : "*(*[4]int)(s[1:])"
  let tooLong = profile.version >= GoVersion(1, 20) ? "[8]int(s)" : "(*[8]int)(s)"
  let (out, _, _) = try run("""
    s := []int{1, 2, 3, 4, 5}
    p := (*[3]int)(s)
    p[0] = 9
    a := \(array)
    a[0] = 7
    fmt.Println(s, *p, a, len(p))
    func() {
      defer func() { fmt.Println(recover()) }()
      _ = \(tooLong)
    }()
    """, profile: profile)
  let what = profile.version >= GoVersion(1, 20) ? "array or pointer to array" : "pointer to array"
  #expect(out == "[9 2 3 4 5] [9 2 3] [7 3 4 5] 3\nruntime error: cannot convert slice with length 5 to \(what) with length 8\n")
}

/// A nil slice converts to a nil pointer to an empty array, and to the empty array without a
/// panic (walk marks that dereference bounded: the spec's zero value).
@Test func aNilSliceConvertsToEmptyArrays() throws {
  let (out, _, _) = try run("var e []int\nz := [0]int(e)\nq := (*[0]int)(e)\nfmt.Println(len(z), q == nil)")
  #expect(out == "0 true\n")
}

/// The pointer keeps the slice's backing array alive after the slice is gone: a collection
/// finds it through the pointer (the run's heap invariants are checked after it).
@Test func theArrayPointerKeepsTheBackingArrayAlive() throws {
  let (out, _, rt) = try run("""
    s := make([]int, 1<<20)
    s[5] = 42
    p := (*[1 << 20]int)(s)
    s = nil
    runtime.GC()
    fmt.Println(p[5])
    """)
  #expect(out == "42\n")
  #expect(rt.memStats().heapAlloc >= 8 << 20)
}

/// Each conversion exists from the Go version that added it: the array pointer from 1.17, the
/// array from 1.20 (go1.19 and go1.0 say what Go 1.19.8's types2 says for `[4]int(s)`).
@Test func sliceToArrayConversionsFollowTheProfilesGo() throws {
  let pointer = "s := []int{1, 2}\np := (*[2]int)(s)\n_ = p"
  let array = "s := []int{1, 2}\na := [2]int(s)\n_ = a"
  #expect(failure(pointer, profile: .go119) == nil)
  let go10 = try #require(RuntimeProfile.named("go1.0"))
  #expect(failure(pointer, profile: go10)?.kind.message == "cannot convert s (variable of type []int) to type *[2]int")
  #expect(failure(array, profile: .go119)?.kind.message == "cannot convert s (variable of type []int) to type [2]int")
  #expect(failure(array, profile: .go127) == nil)
  // The element types must be identical.
  #expect(failure("s := []int{1, 2}\na := [2]int64(s)\n_ = a")?.kind.message == "cannot convert s (variable of type []int) to type [2]int64")
}
