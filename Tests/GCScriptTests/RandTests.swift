// math/rand against the real runs of Tests/Recordings/runs/mathrand (Go 1.27.3 and 1.19.8): a
// seeded Rand's numbers digit for digit, what each call allocates, the package's start-up heap
// and first call, -m's lines and the inliner's costs.

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// Every line Go printed the same in its runs is gcsh's line: the seeded values of every method
/// (Int63 to Shuffle, Seed, the seeds 0, -1, 2³¹−1 ...), the allocations of NewSource (5,376 B),
/// New (48 B), Perm and the 100 New(NewSource(i)), the package functions' first call (Go
/// 1.19: nothing, its init made the global Rand; Go 1.27: the godebug lookup, the Rand and
/// its two runtimeSources), and Go 1.19's package functions, seeded with 1. The `~` lines (Go
/// 1.20+'s randomly seeded package functions) are compared by their words; the start line
/// (the heap before main: internal/godebug's init in Go 1.27, math/rand's in Go 1.19) by its
/// numbers against the runs' spread.
@Test(arguments: ["1.27.3", "1.19.8"])
func mathRandIsGos(_ version: String) throws {
  let recording = try RecordedRun("mathrand")
  let (out, _, _) = try run(recording.source, profile: profile(ofGo: version))
  let byRun = recording.linesByRun(version)
  let lines = out.split(separator: "\n").map(String.init)
  #expect(lines.count == byRun.count)
  for (line, seen) in zip(lines, byRun) {
    if line.hasPrefix("~ ") {
      #expect(seen.contains { $0.prefix(while: { $0 != ":" }) == line.prefix(while: { $0 != ":" }) }, "\(line)")
    } else if line.hasPrefix("start:") {
      // start: HeapAlloc N Mallocs M
      func numbers(_ s: String) -> [Int] { s.split(separator: " ").compactMap { Int($0) } }
      let mine = numbers(line)
      let theirs = seen.map(numbers)
      #expect(theirs.contains { abs($0[0] - mine[0]) <= 512 && abs($0[1] - mine[1]) <= 6 }, "gcsh \(line); Go \(seen.sorted())")
    } else {
      #expect(seen.contains(line), "gcsh: \(line); Go: \(seen.sorted())")
    }
  }
}

/// -m: New inlined (`&rand.Rand{...}` in the caller's frame or on the heap, as its *Rand flows),
/// NewSource inlined (`moved to heap: rand.rng`, with Go 1.27's newSource), Int63 and the
/// methods made of it inlined (`~r0 escapes to heap` for their results printed), Go 1.19's
/// package functions inlined, a literal's `can inline main.func1`. Not compared: Go 1.19's `&rand.Rand{...} escapes to heap` for a New inside a loop whose
/// Int63 is inlined (its inliner declares the inlined receiver outside the loop; gcsh's
/// inlined library calls have no such variable).
@Test(arguments: ["1.27.3", "1.19.8"])
func mathRandEscapeLinesAreGos(_ version: String) throws {
  let run = try RecordedRun("mathrand").compared(version) { line in
    line.hasPrefix("./main.go:")
  }
  if version == "1.19.8" {
    let loopNew = "./main.go:94:40: &rand.Rand{...} "
    #expect(run.go.contains(loopNew + "escapes to heap") && run.gcsh.contains(loopNew + "does not escape"))
    #expect(run.gcsh.filter { !$0.hasPrefix(loopNew) } == run.go.filter { !$0.hasPrefix(loopNew) })
  } else {
    #expect(run.gcsh == run.go)
  }
}

/// One-line wrappers of every function and method cost what Go's inliner says (-m=2). Not
/// compared: `sh`, whose Shuffle takes a func literal (Go 1.20+ can inline a function holding a
/// literal, costing the literal's body; gcsh's inliner leaves such a function alone).
@Test(arguments: ["1.27.3", "1.19.8"])
func mathRandCallsCostWhatGoSays(_ version: String) throws {
  let checked = try expectInlineCosts(try RecordedRun("mathrand"), "inline/main.go", version) { line in
    line.contains("func1") || line.contains(" main:") || line.contains(" main ") || line.contains(" sh")
  }
  #expect(checked == 28)
}

/// A program's own Source is called through its methods (Int63 for every draw, Seed for
/// r.Seed; without a Uint64 method, Uint64 takes two Int63s), a rand.Source variable calls
/// rngSource's, and a bad argument panics with rand.go's message. Go 1.27.3 and 1.19.8 print
/// these lines.
@Test(arguments: ["1.27.3", "1.19.8"])
func mathRandSources(_ version: String) throws {
  let (out, _, _) = try run("""
    package main

    import (
    \t"fmt"
    \t"math/rand"
    )

    // counter is a Source of its own: 1, 2, 3, ... shifted into the high bits.
    type counter struct{ n int64 }

    func (c *counter) Int63() int64 { c.n++; return c.n << 40 }
    func (c *counter) Seed(s int64) { c.n = s }

    func main() {
    \tc := &counter{}
    \tr := rand.New(c)
    \tfmt.Println(r.Int63(), r.Intn(1000), r.Float64(), r.Uint64())
    \tr.Seed(100)
    \tn := c.n
    \tfmt.Println(n, r.Int31(), r.Perm(4), len(r.Perm(0)))
    \tvar src rand.Source = rand.NewSource(3)
    \tfmt.Println(src.Int63())
    \tsrc.Seed(3)
    \tfmt.Println(src.Int63())
    \tdefer func() { fmt.Println("recovered:", recover()) }()
    \tr.Intn(0)
    }

    """, profile: profile(ofGo: version))
  #expect(out == """
    1099511627776 512 3.5762786865234375e-07 2048
    100 25856 [3 0 2 1] 0
    6640668014774057861
    6640668014774057861
    recovered: invalid argument to Intn

    """)
}
