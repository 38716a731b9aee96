// The collector's roots are the VM's frames: a local or a temporary is a root exactly while it
// is live, as the Go compiler's stack maps say (cmd/compile/internal/liveness). Each test below
// holds one kind of value only in an interpreter temporary and runs a GC while it is held; the
// value must survive (and the program must read back what it wrote). The others check the other
// direction: a local past its last use is not a root.
//
// Expected behaviour comes from recorded real runs (Tests/Recordings/runs, README.md there).

import GCScript
import GoHeap
import Testing

/// Helpers shared by the programs: `mk(v)` returns a fresh 1 MiB object whose first byte is v;
/// `gcThen(v)` collects first, then does the same. A temporary holding an earlier `mk` result
/// while `gcThen` runs is the only reference to it.
private let helpers = """
  type Block [1 << 20]byte
  func mk(v byte) *Block {
    p := new(Block)
    p[0] = v
    return p
  }
  func gcThen(v byte) *Block {
    runtime.GC()
    return mk(v)
  }

  """

/// The program and Tests/Recordings/runs/liveness: `for i, v := range s` evaluates `s`
/// once, so the loop's own copy of the header keeps the array alive after `s = nil`. Go prints
/// `1 5` in every recorded run; the GC in iteration 0 leaves HeapAlloc unchanged.
@Test func aRangeLoopKeepsItsOperandAlive() throws {
  let (out, host, rt) = try run("""
    func main() {
      s := make([]int, 100000)
      s[1] = 5
      stats "start"
      for i, v := range s {
        if i == 0 {
          s = nil
          gc
          stats "after_gc"
          q := make([]int, 100000)
          q[1] = 9
          _ = q
        }
        if i == 1 { print i, v }
      }
      gc
      stats "end"
    }
    """)
  #expect(out == "1 5\n")
  let s = host.stats.map(\.1)
  // The recording: HeapAlloc -1,320 B after the GC in Go 1.27.3 (+192 in 1.19.8): the array stays;
  // the runtime's start-up garbage went and its mark workers' objects came (-1,208 B in gcsh).
  #expect(abs(s[1].heapAlloc - s[0].heapAlloc) < 2048)
  #expect(s[2].heapAlloc < s[0].heapAlloc - 800_000)  // both arrays freed at the end
  #expect(s[1].numGC == 1 && s[2].numGC == 2)
  try rt.checkInvariants()
}

/// A call's arguments are evaluated left to right into the callee's window: the first is held
/// only there while the second's evaluation collects.
@Test func callArgumentsUnderEvaluationAreRoots() throws {
  let (out, _, rt) = try run(helpers + """
    func both(a *Block, b *Block) int { return int(a[0]) * 10 + int(b[0]) }
    print both(mk(7), gcThen(9))
    """)
  #expect(out == "79\n")
  #expect(rt.memStats().numGC == 1)
}

/// A composite literal's elements already built are held only in the literal under
/// construction.
@Test func aCompositeLiteralUnderConstructionIsARoot() throws {
  let (out, _, _) = try run(helpers + """
    type Pair struct { a, b *Block }
    func main() {
      p := Pair{a: mk(3), b: gcThen(4)}
      s := []*Block{mk(5), gcThen(6), mk(7)}
      arr := [2]*Block{mk(1), gcThen(2)}
      print p.a[0], p.b[0], s[0][0], s[1][0], s[2][0], arr[0][0], arr[1][0]
    }
    """)
  #expect(out == "3 4 5 6 7 1 2\n")
}

/// `append`'s operands: the slice being appended to and the values evaluated before a later
/// one collects.
@Test func appendOperandsAreRoots() throws {
  let (out, _, _) = try run(helpers + """
    func main() {
      var s []*Block
      s = append(s, mk(1), gcThen(2))
      s = append(s[:1], mk(3), gcThen(4), gcThen(5))
      print len(s), s[0][0], s[1][0], s[2][0], s[3][0]
    }
    """)
  #expect(out == "4 1 3 4 5\n")
}

/// Operands of a binary expression and an index: the left value is held only in a temporary
/// while the right side (a call that collects, then allocates in the same size class, so that a
/// freed slot would be reused and overwritten) is evaluated.
@Test func binaryAndIndexOperandsAreRoots() throws {
  let (out, _, rt) = try run("""
    func bytes(v byte) []byte {
      b := make([]byte, 64)
      for i := range b { b[i] = v }
      return b
    }
    func str(v byte) string { return string(bytes(v)) }
    func gcStr(v byte) string {
      runtime.GC()
      return str(v)
    }
    func gcIndex() int {
      runtime.GC()
      b := bytes(9)
      return int(b[1]) - 9
    }
    func main() {
      s := str('a') + gcStr('b')
      v := bytes(5)[gcIndex()]
      print len(s), s[0], s[63], s[64], v
    }
    """)
  #expect(out == "128 97 97 98 5\n")
  #expect(rt.memStats().numGC == 2)
}

/// A returned value travels through the callee's result slot and the caller's temporaries.
@Test func resultsOnTheirWayBackAreRoots() throws {
  let (out, _, _) = try run(helpers + """
    func pass(p *Block) *Block { return p }
    func main() {
      a := []*Block{pass(mk(6)), pass(gcThen(7))}
      print a[0][0], a[1][0]
    }
    """)
  #expect(out == "6 7\n")
}

/// Past its last use a local is not a root (Go's stack maps; the gcoll recording: "`s` is dead
/// as soon as `s[0] = byte(i)` has run"). `runtime.KeepAlive` extends the use.
@Test func aDeadLocalIsCollected() throws {
  let (_, host, _) = try run("""
    func dead() {
      s := make([]byte, 32 << 20)
      s[0] = 1
      gc
      stats "dead"
    }
    func kept() {
      s := make([]byte, 32 << 20)
      s[0] = 1
      gc
      stats "kept"
      runtime.KeepAlive(s)
    }
    dead()
    kept()
    """)
  #expect(host.stats[0].1.heapAlloc < 1 * MiB)
  #expect(host.stats[1].1.heapAlloc > 32 * MiB)
}

/// Top-level script variables are package-level globals: roots for the whole run, used later
/// or not.
@Test func scriptVariablesAreGlobals() throws {
  let (_, host, _) = try run("""
    s := make([]byte, 32 << 20)
    s[0] = 1
    gc
    stats "global"
    """)
  #expect(host.stats[0].1.heapAlloc > 32 * MiB)
}

/// *Mastering Go*'s gColl loop, Tests/Recordings/runs/gcoll: ten 50 MB slices, each dead once
/// `s[0] = byte(i)` has run. Go 1.27.3 runs 10 cycles (`95->95->47 MB` in the steady state:
/// the slice being allocated is live, the previous one is garbage) and ends at HeapAlloc
/// 50,071,728 (47.75 MiB) in most runs; TotalAlloc grows by exactly ten 50,003,968-byte spans.
/// Two mechanisms give that: the dead `s` is not a root (stack maps), and an allocation during
/// a mark assists — finishing the cycle — before it takes its memory.
@Test func gCollRunsTenCyclesAndEndsAtOneSlice() throws {
  let (_, host, rt) = try run("""
    func main() {
      stats "start"
      for i := 0; i < 10; i++ {
        s := make([]byte, 50000000)
        s[0] = byte(i)
      }
      stats "end"
    }
    """)
  let start = host.stats[0].1
  let end = host.stats[1].1
  #expect(end.numGC == 10)
  // Ten slices, and the first cycle's mark-worker objects (2,240 B; the recording's TotalAlloc
  // grew by 2,464 B besides the slices: 224 B of runtime objects gcsh does not model). At the end
  // one slice is live, and the start-up garbage (3,448 B) is gone.
  #expect(end.totalAlloc - start.totalAlloc == 10 * 50_003_968 + 2_240)
  #expect(end.heapAlloc - start.heapAlloc == 50_003_968 + 2_240 - 3_448)
  // The last cycle's gctrace reads `95->95->47 MB`: two slices at its start and end, one live.
  let last = try #require(rt.lastCycle)
  #expect(last.heapStart >> 20 == 95 && last.heapEnd >> 20 == 95 && last.heapMarked >> 20 == 47)
}

/// Several results and named results: a named result is a root while the function runs (it
/// is only in its result slot while `gcThen` collects), the values of `return a, b` are held
/// while a later one is evaluated, a caller's `x, y := f()` holds both, and `f(g())`'s
/// temporaries hold g's results until f is called.
@Test func severalResultsAreRoots() throws {
  let (out, _, rt) = try run(helpers + """
    func named() (p *Block, n int) {
      p = mk(3)
      q := gcThen(4)
      n = int(q[0])
      return
    }
    func two() (*Block, *Block) { return mk(1), gcThen(2) }
    func both(a *Block, b *Block) int {
      c := gcThen(8)
      return int(a[0]) * 100 + int(b[0]) * 10 + int(c[0])
    }
    func main() {
      p, n := named()
      x, y := two()
      z := gcThen(5)
      print p[0], n, x[0], y[0], z[0], both(two())
    }
    """)
  #expect(out == "3 4 1 2 5 128\n")
  #expect(rt.memStats().numGC == 5)
}

/// A variadic call's implicit slice in the caller's frame holds the values already stored in it
/// while a later one collects; so does a kept (heap) one.
@Test func aVariadicSliceUnderConstructionIsARoot() throws {
  let (out, _, _) = try run(helpers + """
    var kept []*Block
    func sum(bs ...*Block) int {
      t := 0
      for _, b := range bs { t += int(b[0]) }
      return t
    }
    func keep(bs ...*Block) int {
      kept = bs
      return len(bs)
    }
    func main() {
      print sum(mk(1), gcThen(2), mk(3)), keep(mk(4), gcThen(5)), kept[0][0], kept[1][0]
    }
    """)
  #expect(out == "6 2 4 5\n")
}
