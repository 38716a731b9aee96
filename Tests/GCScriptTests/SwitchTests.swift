// Switch statements, labels and branches beyond the corpus: what a switch costs in virtual
// time (the if/else chain it stands for), what its tag keeps alive (the recorded run
// Tests/Recordings/runs/switchlive), how it is lowered, inlined copies of switches, and what
// gcsh still names as missing (type switches, goto).

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// Virtual time of a loop running `body` for x = 0, 1, 2, 3, 4 in turn (a, b, c counters).
private func virtualTime(_ body: String, x: String = "i % 5") throws -> Int {
  let (_, _, rt) = try run("""
    func main() {
      a, b, c := 0, 0, 0
      for i := 0; i < 1000; i++ {
        x := \(x)
        \(body)
      }
      print a, b, c
    }
    """)
  return rt.virtualTime
}

/// One mechanism, any spelling: a switch costs what the if/else chain it stands for costs, on
/// every path — each clause tested is an `if`, the default clause the chain's `else` block.
@Test(arguments: ["i % 5", "0", "1", "2", "3", "4"])
func aSwitchCostsWhatItsIfElseChainCosts(_ x: String) throws {
  let chain = try virtualTime("if x == 1 { a++ } else if x == 2 || x == 3 { b++ } else { c++ }", x: x)
  let spellings = [
    "switch x { case 1: a++; case 2, 3: b++; default: c++ }",
    "switch x { default: c++; case 1: a++; case 2, 3: b++ }",
    "switch { case x == 1: a++; case x == 2 || x == 3: b++; default: c++ }",
    "switch { case x == 1: a++; case x == 2, x == 3: b++; default: c++ }",
  ]
  for s in spellings {
    #expect(try virtualTime(s, x: x) == chain, "\(s)")
  }
  // With an init statement, as `if y := x; ...` (the init is a statement of its own).
  #expect(try virtualTime("switch y := x; y { case 1: a++; case 2, 3: b++; default: c++ }", x: x)
    == virtualTime("if y := x; y == 1 { a++ } else if y == 2 || y == 3 { b++ } else { c++ }", x: x))
  // A switch without cases to test is a block.
  #expect(try virtualTime("switch x { default: c++ }", x: x) == virtualTime("{ c++ }", x: x))
}

/// Each path costs the tests it made: reaching the default clause of a three-test switch costs
/// three tests and the else block, one statement (1 ns in both eras) per step.
@Test func laterClausesCostMoreTests() throws {
  let body = "switch x { case 1: a++; case 2: a++; case 3: a++; default: a++ }"
  let first = try virtualTime(body, x: "1")
  #expect(try virtualTime(body, x: "2") == first + 1000)
  #expect(try virtualTime(body, x: "3") == first + 2000)
  #expect(try virtualTime(body, x: "9") == first + 3000)
}

/// Tests/Recordings/runs/switchlive: the tag is evaluated once into a temporary that is a root
/// while a case is still to be compared (a GC during a case's call keeps its 1 MiB block) and
/// dead after the last comparison (a GC in the clause frees it) — for a call tag and a variable
/// tag, in every recorded run of both versions; and a variable used in one clause only is not a
/// root in the clause that runs instead.
@Test(arguments: ["1.27.3", "1.19.8"])
func aSwitchTagIsARootUntilItsLastComparison(_ version: String) throws {
  let (run, mine, expected) = try recordedSwitchRun("switchlive", version)
  #expect(mine.words == expected.words)
  #expect(mine.escape == expected.escape)
  let (host, _, _) = try interpret(run.source, name: "./main.go", profile: version == "1.27.3" ? .go127 : .go119)
  let labels = host.stats.map { $0.0 ?? "" }
  #expect(labels == ["start", "in_case", "in_body", "in_case", "in_body", "in_other_clause", "end"])
  let base = host.stats[0].1.heapAlloc
  for (k, (label, m)) in host.stats.enumerated() {
    if label == "in_case" {
      // base is read before the first GC, which frees 1,208 B net of the runtime's own objects
      // (its start-up garbage less its mark workers' objects).
      #expect(m.heapAlloc >= base + 1 << 20 - 2048, "checkpoint \(k)")
    } else {
      #expect(m.heapAlloc < base + 4096, "checkpoint \(k) \(label ?? "")")
    }
  }
}

/// A local tag is compared where it is; constant integer cases are one compare-and-branch with
/// an immediate each, like an `if`'s `x == 3`.
@Test func integerCasesAreCompareAndBranchWithImmediates() throws {
  let (_, _, interp) = try interpret("""
    func f(x int) int {
      switch x {
      case 1, 2:
        return 10
      case 300:
        return 20
      }
      return 0
    }
    print f(2), f(300), f(4)
    """)
  let listing = interp.bytecodeListing
  let frame = listing.components(separatedBy: "func f:").dropFirst().first ?? ""
  let body = frame.components(separatedBy: "\nfunc ").first ?? frame
  #expect(body.components(separatedBy: "brEqImm").count - 1 == 3, "\(body)")
}

/// A switch in an inlined function: its copy has its own break target and fallthrough, and
/// runs as the function would.
@Test func inlinedSwitchesRunAsTheFunction() throws {
  let code = """
    func classify(n int) int {
      r := 0
      for i := 0; i < 3; i++ {
        switch {
        case n < 0:
          r--
          break
        case n == 0:
          r += 10
          fallthrough
        default:
          r++
        }
      }
      return r
    }
    func main() {
      print classify(-1), classify(0), classify(5)
    }
    """
  let (host, _, interp) = try interpret(code)
  #expect(host.text == "-3 33 3\n")
  #expect(interp.escapeDecisions.contains { $0.hasSuffix("inlining call to classify") })
}

/// A labelled loop is a loop like any other to escape analysis: a `new` in it whose pointer
/// stays in the iteration does not escape; one kept past the iteration does (escape.go's
/// loop depth; labels only matter for a backward goto, which gcsh does not run).
@Test func aLabelledLoopIsALoopToEscapeAnalysis() throws {
  let (host, _, interp) = try interpret("""
    func main() {
      var keep *int
      n := 0
    outer:
      for i := 0; i < 3; i++ {
        switch i {
        case 1:
          p := new(int)
          *p = i
          n += *p
          continue outer
        case 2:
          q := new(int)
          *q = 7
          keep = q
          break outer
        }
      }
      print n, *keep
    }
    """)
  #expect(host.text == "1 7\n")
  let decisions = interp.escapeDecisions
  #expect(decisions.contains { $0.hasSuffix("new(int) does not escape") })
  #expect(decisions.contains { $0.hasSuffix("new(int) escapes to heap") })
}

/// A type switch on a value that is not an interface is go build's error at the value; what
/// gcsh lacks (goto, which Go accepts) is named where it is.
@Test func typeSwitchesAndGotoAreNamedWhereTheyAre() {
  #expect(checkErrors("var x int\nswitch y := x.(type) {\ncase int:\n  _ = y\n}")
    == ["test.gcs:2:13: error: x (variable of type int) is not an interface\nswitch y := x.(type) {\n            ^"])
  #expect(checkErrors("i := 0\nloop:\n  i++\n  if i < 3 { goto loop }\nprint i")
    == ["test.gcs:4:14: error: goto is not supported by gcsh yet\n  if i < 3 { goto loop }\n             ^"])
}

/// Labels and branches in gcsh's top-level code follow the same rules as in a function.
@Test func topLevelLabelsWork() throws {
  let (out, _, _) = try run("""
    total := 0
    rows:
    for i := 0; i < 4; i++ {
      for j := 0; j < 4; j++ {
        switch {
        case j > i:
          continue rows
        case i == 3:
          break rows
        }
        total += j
      }
    }
    print total
    """)
  #expect(out == "4\n")
  #expect(checkErrors("unused:\nfor {}") == ["test.gcs:1:1: error: label unused defined and not used\nunused:\n^"])
}

/// Tests/Recordings/runs/switchstring: `switch string(b)` with only constant cases compares a
/// view of b's bytes (walk/switch.go OBYTES2STRTMP) and allocates nothing; with a case that is
/// not constant the conversion allocates a string each time (40 bytes: no stack buffer).
@Test(arguments: ["1.27.3", "1.19.8"])
func aSwitchOnStringOfBytesWithConstantCasesDoesNotCopy(_ version: String) throws {
  let (_, mine, expected) = try recordedSwitchRun("switchstring", version)
  #expect(mine == expected)
}

/// A recorded run of Tests/Recordings/runs and gcsh's run of the same program, for Go `version`.
private func recordedSwitchRun(_ name: String, _ version: String) throws
  -> (RecordedRun, RecordedRun.Outcome, RecordedRun.Outcome)
{
  let run = try RecordedRun(name)
  let (mine, _) = try run.gcsh(version == "1.27.3" ? .go127 : .go119)
  return (run, mine, try run.recorded(version))
}
