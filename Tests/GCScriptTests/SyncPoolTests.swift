// sync.Pool against the real runs of Tests/Recordings/runs/syncpool (Go 1.27.3 and 1.19.8):
// what each step allocates, what Get returns, what the victim cache keeps through one
// collection and drops at the second, and the compiler's -m lines and inlining costs.

import Foundation
@testable import GCScript
import GoHeap
import Testing


/// Every case's Mallocs, TotalAlloc, HeapAlloc change and identity check is one Go printed.
/// Go's runs differ where main resumed on the other P after a collection (a Get there misses the
/// private slot and calls New: `gc1_get 3 312 0 other`) or the runtime allocated beside the
/// program (Go 1.19's `big_gc2 1 96`); gcsh runs main on P 0, so each of its lines must be that
/// line of some recorded run (of five), and most are the same in all of them.
@Test(arguments: ["1.27.3", "1.19.8"])
func syncPoolAllocatesAsGosDid(_ version: String) throws {
  let recording = try RecordedRun("syncpool")
  let (out, _, _) = try run(recording.source, profile: profile(ofGo: version))
  #expect(recording.runs(version).count == 5)
  let byRun = recording.linesByRun(version)
  let lines = out.split(separator: "\n").map(String.init)
  #expect(lines.count == byRun.count)
  for (line, seen) in zip(lines, byRun) {
    #expect(seen.contains(line), "gcsh: \(line); Go: \(seen.sorted())")
  }
  // The steps nothing varies in, exactly: the first Get (allPools' 8 B, the [2]poolLocal array
  // of 256 B, New's 48-byte T), the chain's first element and ring (48 + 128 B) and its
  // successor of 16 (48 + 256 B), the boxes Put makes, a second pool's allPools growth (16 B),
  // a local pool moved to heap, and 1 MiB kept by the victim cache through one GC.
  for expected in [
    "first_get 3 312 0 ", "put2 3 224 0 ", "put20 2 304 0 ", "get20 0 0 0 same", "gc2_get 3 312 0 other",
    "put_slice 4 304 0 ", "put_int 3 192 0 ", "nil_new 2 272 0 same", "local_pool 4 384 0 same",
  ] {
    #expect(lines.contains(expected), "missing \(expected)")
  }
  #expect(lines.contains { $0.hasPrefix("big_gc1 ") && $0.hasSuffix(" 1023 ") })
  #expect(lines.contains("big_gc2 0 0 -1024 "))
}

/// -m: the pools' receivers leak (`moved to heap: p` for a local Pool), Put's operand goes to the
/// heap (`new(T) escapes to heap`, `thousand escapes to heap` — at the operand in Go 1.27, at the
/// call's `(` in Go 1.19 — and `make([]byte, 10)` twice: the make and its conversion), and a
/// package-level `sync.Pool{New: func...}` is static data, no `func literal` line, and its
/// literal is `init.func1` (Go 1.19: `glob..func1`).
@Test(arguments: ["1.27.3", "1.19.8"])
func syncPoolEscapeLinesAreGos(_ version: String) throws {
  let run = try RecordedRun("syncpool").compared(version) { line in line.hasPrefix("./main.go:") }
  #expect(run.gcsh == run.go)
}

/// One-line wrappers of Get and Put cost what Go's inliner says (inline/main.go, -m=2): a call
/// that is not inlined (57) with its receiver and operands, the conversion to `any` one more.
@Test(arguments: ["1.27.3", "1.19.8"])
func syncPoolCallsCostWhatGoSays(_ version: String) throws {
  let checked = try expectInlineCosts(try RecordedRun("syncpool"), "inline/main.go", version) { line in
    !line.contains(": can inline ") || line.contains("func1")
  }
  #expect(checked == 6)
}

/// The pool's contract, as pool.go has it: Put(nil) is ignored, Get without New returns nil, a
/// Get after two collections makes a new object, values of any type come back as they went in
/// (in LIFO order from the P's chain, after its private slot), and a nil *Pool panics with Go
/// 1.21+'s message.
@Test func syncPoolSemantics() throws {
  let program = """
    package main

    import (
    \t"fmt"
    \t"runtime"
    \t"sync"
    )

    func main() {
    \tvar p sync.Pool
    \tp.Put(nil)
    \tfmt.Println(p.Get() == nil)
    \tfor i := 1; i <= 20; i++ {
    \t\tp.Put(i)
    \t}
    \tsum := 0
    \tfirst := p.Get().(int)
    \tsecond := p.Get().(int)
    \tfor x := p.Get(); x != nil; x = p.Get() {
    \t\tsum += x.(int)
    \t}
    \tfmt.Println(first, second, sum)
    \tmade := 0
    \tq := sync.Pool{New: func() any { made++; return new([64]byte) }}
    \ta := q.Get()
    \tq.Put(a)
    \truntime.GC()
    \tfmt.Println(q.Get() == a, made)
    \tq.Put(a)
    \truntime.GC()
    \truntime.GC()
    \tfmt.Println(q.Get() == a, made)
    \tp.Put("s")
    \tfmt.Printf("%q\\n", p.Get())
    \tdefer func() { fmt.Println("recovered:", recover()) }()
    \tvar np *sync.Pool
    \tnp.Get()
    }

    """
  let (out, _, _) = try run(program)
  #expect(out == "true\n1 20 189\ntrue 1\nfalse 2\n\"s\"\nrecovered: nil Pool\n")
}

/// What a pool holds is reachable, and only until the second collection after its Put: heap
/// invariants hold throughout, and the memory comes back. (With the pacer on, the collections
/// the loop itself triggers would age the early buffers out, as they do in Go.)
@Test func syncPoolKeepsItsObjectsForOneCycle() throws {
  let program = """
    package main

    import (
    \t"runtime"
    \t"runtime/debug"
    \t"sync"
    )

    var pool sync.Pool

    func main() {
    \tdebug.SetGCPercent(-1) // only the program's collections
    \tfor i := 0; i < 100; i++ {
    \t\tb := make([]byte, 64<<10)
    \t\tb[0] = byte(i)
    \t\tpool.Put(&b)
    \t}
    \truntime.GC()
    \tstats "after one GC"
    \tn := 0
    \tfor x := pool.Get(); x != nil; x = pool.Get() {
    \t\tn += int((*x.(*[]byte))[0])
    \t}
    \tprintln(n)
    \truntime.GC()
    \truntime.GC()
    \tstats "after two more"
    }

    """
  let (host, rt, _) = try interpret(program, name: "main.go")
  try rt.checkInvariants()
  let one = try #require(host.stats.first { $0.0 == "after one GC" }?.1)
  let two = try #require(host.stats.first { $0.0 == "after two more" }?.1)
  #expect(one.heapAlloc > 100 * 64 << 10)
  #expect(two.heapAlloc < 1 << 20)
  #expect(host.errorText == "4950\n")
}
