// sync/atomic against Tests/Recordings/atomic (Go 1.27.3 and Go 1.19.8): the values, and -m —
// the functions are intrinsics (no inlining line), the methods are inlined, and the pointer leaks
// in Go 1.19 (`moved to heap: x` for `atomic.AddInt64(&x, 2)`) but not in Go 1.27.

@testable import GCScript
import Foundation
import GoHeap
import Testing

@Test(arguments: ["1.27.3", "1.19.8"])
func atomicsAreGos(_ version: String) throws {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Recordings/atomic")
  let source = try String(contentsOf: dir.appendingPathComponent("main.go"), encoding: .utf8)
  let profile: RuntimeProfile = version == "1.27.3" ? .go127 : .go119
  let (host, _, interp) = try interpret(source, name: "main.go", profile: profile)
  #expect(host.text == (try String(contentsOf: dir.appendingPathComponent("go\(version).stdout"), encoding: .utf8)))
  let go = try String(contentsOf: dir.appendingPathComponent("go\(version).m.txt"), encoding: .utf8)
    .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.dropFirst(2)) }
  #expect(interp.escapeDecisions.sorted() == go.sorted())
}

/// atomicvalue (Go 1.27.3 and 1.19.8, one run each; the versions print the same): an empty
/// Value loads nil; Store of a pointer allocates only the pointee (1 malloc, 24 B), of a
/// constant int nothing (its box is read-only data); Swap returns the old value; CompareAndSwap
/// compares with == ; a value of another type than the first stored panics (`sync/atomic: store
/// of inconsistently typed value into Value`), and so does nil; fmt prints a Value as `{4000}`.
/// -m as Go's: Load inlined, its result `atomic.val` (Go 1.19: `"sync/atomic".val`), a Value a
/// Store writes through moved to heap, CompareAndSwap a call of its method expression.
@Test(arguments: ["1.27.3", "1.19.8"])
func atomicValueIsGos(_ version: String) throws {
  let run = try RecordedRun("atomicvalue")
  let c = try run.compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains("Store pointer: 1 24\n"))
  #expect(c.expected.contains("recovered: sync/atomic: store of inconsistently typed value into Value\n"))
  #expect(c.gcsh == c.go)
  let messages: [(String, String)] = [
    ("var v atomic.Value\nv.Swap(nil)", "panic: sync/atomic: swap of nil value into Value"),
    ("var v atomic.Value\nv.CompareAndSwap(1, nil)", "panic: sync/atomic: compare and swap of nil value into Value"),
    ("var v atomic.Value\nv.CompareAndSwap(1, \"a\")", "panic: sync/atomic: compare and swap of inconsistently typed values"),
    ("var v atomic.Value\nv.Store(1)\nv.CompareAndSwap(\"a\", \"b\")", "panic: sync/atomic: compare and swap of inconsistently typed value into Value"),
    ("var v atomic.Value\nv.Store([]int{1})\nv.CompareAndSwap([]int{1}, []int{2})", "panic: runtime error: comparing uncomparable type []int"),
    ("var v atomic.Value\nv.Add(1)", "v.Add undefined (type atomic.Value has no field or method Add)"),
  ]
  for (program, message) in messages {
    #expect(failure(program)?.kind.message == message, "\(program)")
  }
}

/// atomicpointer (Go 1.27.3 and 1.19.8, one run each; the versions print the same):
/// sync/atomic.Pointer[T] — Load of the zero Pointer is nil, Store allocates only what it is
/// given (1 malloc, 24 B for a &config{...}), Swap returns the old pointer, CompareAndSwap
/// compares pointers, `%T` is `atomic.Pointer[int]`. A Pointer a method is called on moves to
/// the heap in both versions. -m as each Go prints it: Go 1.27.3 inlines every method, named
/// by its type argument's shape (`atomic.(*Pointer[go.shape.int]).Load`), with its named
/// results (`atomic.swapped`); Go 1.19.8 inlines none and spells each call with its shape
/// instance and dictionary (`"sync/atomic".(*Pointer[go.shape.int_0]).Load(&"sync/atomic"..dict.
/// (*Pointer[int]).Load, p)`), and boxes a Pointer converted to an interface (it is not one
/// pointer there: DirectInterfaceRule).
@Test(arguments: ["1.27.3", "1.19.8"])
func atomicPointerIsGos(_ version: String) throws {
  let run = try RecordedRun("atomicpointer")
  let c = try run.compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains("Store: 1 24\n"))
  #expect(c.expected.contains("false true a\n"))
  #expect(c.gcsh == c.go)
  // types2's words (Go 1.27.3's go vet).
  #expect(failure("var p atomic.Pointer[int]\np.Store(5)")?.kind.message == "cannot use 5 (untyped int constant) as *int value in argument to p.Store")
  #expect(failure("var p atomic.Pointer\n_ = p")?.kind.message == "cannot use generic type atomic.Pointer[T any] without instantiation")
  #expect(failure("var p atomic.Pointer[int]\np.Add(1)")?.kind.message == "p.Add undefined (type atomic.Pointer[int] has no field or method Add)")
  // A literal of an instance names its type argument qualified, as weak.Pointer's do (go build
  // -gcflags=-m: `&atomic.Pointer[main.config]{} escapes to heap` in both versions).
  let literal = """
    package main

    import "sync/atomic"

    type config struct{ n int }

    var sink any

    func main() {
    \tsink = &atomic.Pointer[config]{}
    }
    """
  let (_, _, interp) = try interpret(literal, name: "./main.go", profile: version == "1.27.3" ? .go127 : .go119)
  #expect(interp.escapeDecisions.contains("./main.go:10:9: &atomic.Pointer[main.config]{} escapes to heap"))
}
