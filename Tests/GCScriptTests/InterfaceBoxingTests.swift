// What fmt allocates: its operands converted to interfaces (which conversions allocate a box and
// how big) and its own printer (the pooled pp, its buffer, reflect's copies), against recorded
// runs of Go 1.27.3 and Go 1.19.8 (Tests/Recordings/runs/boxing and fmtprinter: one fmt call per
// case, its Mallocs and TotalAlloc deltas).

@testable import GCScript
import GoHeap
import Testing

/// boxing: every case prints Go's Mallocs and TotalAlloc deltas, byte for byte: small integers
/// and one-byte values use staticuint64s, constants and (Go 1.27) never-reassigned locals
/// read-only data, "" and nil slices zeroVal; other integers and floats take 2-, 4- or 8-byte
/// tiny boxes, strings 16 bytes, slices 24, structs their size. The warm-up is fmt's first
/// printer: the pool's allPools entry and poolLocal array, the pp (176 B in Go 1.27, 208 B in
/// Go 1.19) and its buffer grown to 64 then 128 bytes. Printing a slice copies each element, and
/// a pointer to a struct the struct (reflect's Value.Interface of an addressable value).
///
/// fmtprinter (run 1 of each version): the first call's pool arrays and pp, the buffer kept and grown by append (9 and 41 bytes),
/// padding's new buffer of 2*cap+n, reflect's copies of slice elements, of a pointed-to struct's
/// exported fields and of a pointed-to array's elements, Go 1.19's 8-byte field index per `%+v`
/// field, the 64 KiB limit (Go 1.19 drops the pp with it), collections emptying the pool, and
/// fmtsort's slices and key and value copies for a map. Go's "after one GC" line is 4 mallocs
/// instead of 2 in the runs where main resumed on the other P after runtime.GC (runs 2 and 3 of
/// Go 1.27.3); gcsh models one P, as run 1.
///
/// And main's -m lines, every one about fmt's operands: "... argument does not escape" at the
/// call's `(`, "x escapes to heap" per operand that is not pointer-shaped — at the operand
/// (its operator, its bracket) in Go 1.27, at the call or the last argument before it that is
/// not a name in Go 1.19 — named as the compiler prints it (`i16 + int16(1)`, a long string cut
/// at 72 characters, `123456` for a local Go 1.27 rewrote to its constant).
@Test(arguments: ["boxing", "fmtprinter"], ["1.27.3", "1.19.8"])
func fmtAllocatesAsGo(_ name: String, _ version: String) throws {
  let run = try RecordedRun(name)
  let expected = try String(contentsOf: run.directory.appendingPathComponent("go\(version).stdout"), encoding: .utf8)
  let (host, rt, interp) = try interpret(run.source, name: "./main.go", profile: version == "1.27.3" ? .go127 : .go119)
  #expect(host.text == expected)
  try rt.checkInvariants()
  let main = run.source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("func main()") }! + 1
  func inMain(_ line: String) -> Bool {
    let parts = line.split(separator: ":")
    return parts.count > 2 && (Int(parts[1]) ?? 0) > main && !line.contains("inlin")
  }
  let goLines = try String(contentsOf: run.directory.appendingPathComponent("go\(version).m.txt"), encoding: .utf8)
    .split(separator: "\n").map(String.init).filter(inMain)
  #expect(goLines.count > 20)
  #expect(interp.escapeDecisions.filter(inMain).sorted() == goLines.sorted())
}

/// GCScript's print statement converts nothing (it allocates nothing); Go's fmt.Println does.
@Test func printStatementDoesNotBox() throws {
  let (host, _, _) = try interpret("""
    var m runtime.MemStats
    big := 123456
    big = big + 1
    fmt.Println("the first call sets up fmt's printer")
    runtime.ReadMemStats(&m)
    m0 := m.Mallocs
    print big
    runtime.ReadMemStats(&m)
    m1 := m.Mallocs
    fmt.Println(big)
    runtime.ReadMemStats(&m)
    print m1 - m0, m.Mallocs - m1
    """)
  #expect(host.text == "the first call sets up fmt's printer\n123457\n123457\n0 1\n")
}

/// fmt's pooled printer keeps its buffer between calls: a line longer than any before grows it
/// (append's doubling), a shorter one costs nothing; two collections drop the printer, and the
/// next call makes a new one (sync.Pool's victim cache keeps it for one).
@Test func printerBufferIsKeptUntilTwoCollections() throws {
  let (host, _, _) = try interpret("""
    var m runtime.MemStats
    func mallocs() uint64 {
      runtime.ReadMemStats(&m)
      return m.Mallocs
    }
    func main() {
      fmt.Fprint(os.Stderr, "1234567\\n")
      m0 := mallocs()
      fmt.Fprint(os.Stderr, "12345678\\n")
      m1 := mallocs()
      fmt.Fprint(os.Stderr, "1234\\n")
      m2 := mallocs()
      runtime.GC()
      m3 := mallocs()
      fmt.Fprint(os.Stderr, "1234\\n")
      m4 := mallocs()
      runtime.GC()
      runtime.GC()
      m5 := mallocs()
      fmt.Fprint(os.Stderr, "1234\\n")
      m6 := mallocs()
      fmt.Println(m1-m0, m2-m1, m4-m3, m6-m5)
    }
    """, name: "main.go")
  // 9 bytes outgrow the 8 the first line left: 1. After one GC: the pool's per-P array again (2:
  // allPools and poolLocal), the printer from the victim cache. After two: those and a new pp
  // and its buffer (4). Checked with this program under Go 1.27.3 and 1.19.8, 3 runs each:
  // "1 0 2 4", except one Go 1.27 run with "1 0 4 4" — main resumed on the other P after the
  // GC, whose victim slot is empty (gcsh models one P's pool).
  #expect(host.text.hasSuffix("1 0 2 4\n"))
}


/// directiface (Go 1.27.3 and 1.19.8, one run each): which values are their interface's data
/// word (types.IsDirectIface). Go 1.27.3 takes any one-word type holding a pointer, so a struct
/// of a pointer and zero-size fields converts without an allocation; Go 1.19.8 only a struct of
/// one such field, so the same conversion boxes 8 bytes. A struct padded past one word by a
/// trailing zero-size field is boxed in both (16 B). Method calls through the interface and
/// type assertions back read the same representation; -m as each Go prints it (Go 1.19.8
/// devirtualizes `g.Get()` to `S.Get(g.(S))`).
@Test(arguments: ["1.27.3", "1.19.8"])
func directInterfacesAreEachGos(_ version: String) throws {
  let run = try RecordedRun("directiface")
  let c = try run.compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains(version == "1.27.3" ? "S: 0 0 U: 1 16 V: 0 0" : "S: 1 8 U: 1 16 V: 1 8"))
  #expect(c.gcsh == c.go)
}

/// fmt reads its format and nothing keeps it: `format does not escape` for Printf's, Sprintf's
/// and Fprintf's, direct or with the operands spread (go build -gcflags=-m, Go 1.27.3 and
/// 1.19.8 alike), so a format built by concatenation stays in the frame.
@Test(arguments: [RuntimeProfile.go127, .go119])
func aFormatDoesNotEscape(_ profile: RuntimeProfile) throws {
  let source = """
    package main

    import (
    \t"fmt"
    \t"os"
    )

    func g(format string, x int) string { return fmt.Sprintf(format, x) }

    func h(format string, x int) { fmt.Printf(format, x) }

    func k(format string, xs ...any) { fmt.Printf(format, xs...) }

    func w(format string) { fmt.Fprintf(os.Stderr, format, 1) }

    func main() {
    \tfmt.Println(g("%d", 7))
    \th("%d\\n", 8)
    \tk("%d\\n", 9)
    \tw("%d\\n")
    }
    """
  let (_, _, interp) = try interpret(source, name: "./main.go", profile: profile)
  for line in [8, 10, 12, 14] {
    #expect(interp.escapeDecisions.contains("./main.go:\(line):8: format does not escape"), "line \(line)")
  }
  #expect(interp.escapeDecisions.contains("./main.go:12:23: leaking param content: xs"))
}

/// A variadic call's packed arguments print as the IR's `... argument...` in -m's text of the
/// call (`sum(... argument...) escapes to heap`, through a func value too; a spread call as
/// written). Recorded with go build -gcflags=-m, Go 1.27.3 and 1.19.8 alike.
@Test(arguments: [RuntimeProfile.go127, .go119])
func variadicCallsPrintTheirPackedArguments(_ profile: RuntimeProfile) throws {
  let source = """
    package main

    import "fmt"

    //go:noinline
    func sum(xs ...int) int {
    \tt := 0
    \tfor _, x := range xs {
    \t\tt += x
    \t}
    \treturn t
    }

    //go:noinline
    func pick() func(...int) int { return sum }

    func main() {
    \tfmt.Println(sum(1, 2, 3))
    \tf := pick()
    \tfmt.Println(f(4, 5))
    \ts := []int{6}
    \tfmt.Println(sum(s...), f(s...))
    }
    """
  let (out, _, interp) = try interpret(source, name: "./main.go", profile: profile)
  #expect(out.text == "6\n9\n6 6\n")
  for line in ["./main.go:18:17: sum(... argument...) escapes to heap", "./main.go:20:15: f(... argument...) escapes to heap",
               "./main.go:22:17: sum(s...) escapes to heap", "./main.go:22:26: f(s...) escapes to heap"] {
    #expect(interp.escapeDecisions.contains(line), "\(line)")
  }
}

/// A Sprint's string and an Errorf's error stay reachable while fmt puts its printer back: under
/// a memory limit of 0 every allocation of free's Put starts a cycle, and the call's result,
/// not yet in its destination, was freed (found by gen_programs, seed 413: `s` printed `0`,
/// `e` nothing, then `not a heap object`).
@Test func aSprintResultSurvivesTheCyclesOfFmtFree() throws {
  for profile in [RuntimeProfile.go127, .go119] {
    let (out, _, rt) = try run("""
      debug.SetMemoryLimit(0)
      s := fmt.Sprint(1)
      e := fmt.Errorf("x %d", 2)
      t := fmt.Sprintf("%05d", 42)
      gc
      print s, e, t
      """, profile: profile)
    #expect(out == "1 x 2 00042\n")
    try rt.checkInvariants()
  }
}

/// argboxing: arguments converted to the program's own functions' `any` parameters — every -m
/// line of Go 1.27.3 and 1.19.8: Go 1.19.8's positions (an operand's node; a name at the last
/// argument before it that is not a name, else the call's `(`), Go 1.25+'s constant for a
/// variable assigned once (`5000 escapes to heap`, `int64(5000)`) and an inlined call's result
/// (`~r0`; `~R0` in Go 1.19.8).
@Test(arguments: ["1.27.3", "1.19.8"])
func argumentsBoxedForTheProgramsFunctionsAreReportedAsGoReportsThem(_ version: String) throws {
  let c = try RecordedRun("argboxing").compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.gcsh == c.go)
  #expect(c.go.contains(version == "1.27.3" ? "./main.go:31:7: 5000 escapes to heap" : "./main.go:31:6: i escapes to heap"))
}

/// literalboxing: a static composite literal converted to `any` — read-only data in Go 1.27.3
/// (no allocation), a boxed copy each time in Go 1.19.8, whose order.go addrTemp keeps only
/// basic literals static (`item{}: 400 19200`); every -m line as recorded.
@Test(arguments: ["1.27.3", "1.19.8"])
func staticCompositeLiteralsAreBoxedAsEachGoBoxesThem(_ version: String) throws {
  let c = try RecordedRun("literalboxing").compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains(version == "1.27.3" ? "item{}: 0 0" : "item{}: 400 19200"))
  #expect(c.gcsh == c.go)
}
