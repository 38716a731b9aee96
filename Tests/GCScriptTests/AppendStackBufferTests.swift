// Appends that grow into a frame buffer (Go 1.26+): ssagen's stack backing store for append and
// the move2heap pass (Lower/AppendBackingStores.swift, Escape/SliceMoveToHeap.swift), against
// the real runs of Tests/Recordings/runs (smallgrow, appendpass) under both Go versions, and
// the collector's view of a buffer that holds pointers.

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// A recorded program of Tests/Recordings/runs, and gcsh's run of the same main.go.
struct RecordedRun {
  let directory: URL
  /// main.go with each `ckpt.CP(label)` written `stats label`, line for line (so -m positions
  /// stay those of the recording), and the checkpoint package's import (alone or in an import
  /// block) a blank import of os: what the checkpoint brings before main is os's package inits
  /// (it imports os, runtime and strconv), so the process starts as the recorded one did.
  let source: String

  init(_ name: String) throws {
    directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Recordings/runs/\(name)")
    let main = try String(contentsOf: directory.appendingPathComponent("main.go"), encoding: .utf8)
    source = main.replacingOccurrences(of: "\"gcsh.test/runs/ckpt\"", with: "_ \"os\"")
      .replacingOccurrences(of: #"ckpt\.CP\(("[^"]*")\)"#, with: "stats $1", options: .regularExpression)
  }

  /// The text of every recorded run of Go `version`'s `stream` ("stdout", "stderr"), run 1 first
  /// (go<version>.<stream>, then go<version>.runN.<stream> while there is one).
  func runs(_ version: String, stream: String = "stdout") -> [String] {
    var texts: [String] = []
    var suffix = ""
    while let text = try? String(
      contentsOf: directory.appendingPathComponent("go\(version)\(suffix).\(stream)"), encoding: .utf8)
    {
      texts.append(text)
      suffix = ".run\(texts.count + 1)"
    }
    return texts
  }

  /// For each line of Go `version`'s stdout, the lines its runs printed there (they differ
  /// where the runtime varies from run to run).
  func linesByRun(_ version: String) -> [Set<String>] {
    let runs = runs(version).map { $0.split(separator: "\n").map(String.init) }
    return (0..<(runs.first?.count ?? 0)).map { k in Set(runs.map { k < $0.count ? $0[k] : "" }) }
  }

  /// Runs main.go under the profile of Go `version` ("1.27.3" or "1.19.8"): what it printed
  /// against the recording's stdout, and the recorded -m lines that `keep` selects against
  /// gcsh's, each sorted unless `sorted` is false (the compilers order some lines differently).
  func compared(_ version: String, _ keep: (String) -> Bool, sorted: Bool = true) throws -> (printed: String, expected: String, gcsh: [String], go: [String]) {
    let expected = try String(contentsOf: directory.appendingPathComponent("go\(version).stdout"), encoding: .utf8)
    let (host, rt, interp) = try interpret(source, name: "./main.go", profile: version == "1.27.3" ? .go127 : .go119)
    try rt.checkInvariants()
    let goLines = try String(contentsOf: directory.appendingPathComponent("go\(version).m.txt"), encoding: .utf8)
      .split(separator: "\n").map(String.init).filter(keep)
    let mine = interp.escapeDecisions.filter(keep)
    return (host.text, expected, sorted ? mine.sorted() : mine, sorted ? goLines.sorted() : goLines)
  }

  /// What a run shows: the words it printed (":" dropped: gcsh's print spaces its operands),
  /// Mallocs and TotalAlloc between consecutive checkpoints, and the -m lines.
  struct Outcome: Equatable {
    var words: [String] = []
    var deltas: [String] = []
    var escape: Set<String> = []
  }

  static func words(_ text: String) -> [String] {
    text.replacingOccurrences(of: ":", with: " ").split(whereSeparator: \.isWhitespace).map(String.init)
  }

  static func delta(_ label: String, mallocs: Int, totalAlloc: Int) -> String {
    "\(label): \(mallocs) mallocs, \(totalAlloc) B"
  }

  /// The recording of Go `version` (its first run).
  func recorded(_ version: String) throws -> Outcome {
    func read(_ suffix: String) throws -> String {
      try String(contentsOf: directory.appendingPathComponent("go\(version).\(suffix)"), encoding: .utf8)
    }
    var o = Outcome()
    // stderr: println output (gctrace lines, if any, left out).
    let printed = try read("stderr").split(separator: "\n").filter { !$0.hasPrefix("gc ") }
    o.words = Self.words(printed.joined(separator: "\n"))
    var previous: [String: Any]? = nil
    for line in try read("stdout").split(separator: "\n") {
      let cp = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      if let p = previous {
        o.deltas.append(Self.delta(
          cp["label"] as! String, mallocs: (cp["Mallocs"] as! Int) - (p["Mallocs"] as! Int),
          totalAlloc: (cp["TotalAlloc"] as! Int) - (p["TotalAlloc"] as! Int)))
      }
      previous = cp
    }
    o.escape = Set(try read("m.txt").split(separator: "\n").map(String.init).filter(isUnderTest))
    return o
  }

  /// A -m line about the functions under test, which come before main (not the inliner's:
  /// gcsh does not inline; nor main's helpers, whose `print` gcsh runs as fmt.Println).
  func isUnderTest(_ line: String) -> Bool {
    let main = source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("func main()") } ?? 0
    let parts = line.split(separator: ":")
    guard parts.count > 2, let n = Int(parts[1]) else { return false }
    return n <= main && !line.contains("inlin")
  }

  /// gcsh's run under `profile` (the interpreter, for its listing).
  func gcsh(_ profile: RuntimeProfile) throws -> (Outcome, Interpreter) {
    let (host, _, interp) = try interpret(source, name: "./main.go", profile: profile)
    var o = Outcome()
    // The programs print with Go's builtin println: standard error, in both.
    o.words = Self.words(host.errorText)
    for (p, cp) in zip(host.stats, host.stats.dropFirst()) {
      o.deltas.append(Self.delta(cp.0 ?? "", mallocs: cp.1.mallocs - p.1.mallocs, totalAlloc: cp.1.totalAlloc - p.1.totalAlloc))
    }
    o.escape = Set(interp.escapeDecisions.filter(isUnderTest))
    return (o, interp)
  }
}

/// Compares gcsh's inliner with a recorded `-gcflags=-m=2` listing (`go<version>.inl.txt` in the
/// recording's directory, for the program `file` there): each function's cost, or why it cannot
/// be inlined. Lines `skip` selects are not compared. Returns how many were.
func expectInlineCosts(_ recording: RecordedRun, _ file: String, _ version: String, skip: (Substring) -> Bool) throws -> Int {
  let source = Source(name: "main.go", text: try String(contentsOf: recording.directory.appendingPathComponent(file), encoding: .utf8))
  var parser = Parser(source)
  let stmts = parser.parseProgram()
  let goProfile = profile(ofGo: version)
  let checker = Checker(profile: goProfile)
  let program = try #require(checker.check(stmts, source: source), "\(parser.errors + checker.errors)")
  Inliner(compiler: CompilerProfile(goProfile)).run(program, source: source)
  let lines = try String(contentsOf: recording.directory.appendingPathComponent("go\(version).inl.txt"), encoding: .utf8)
    .split(separator: "\n")
  var checked = 0
  for line in lines where !skip(line) {
    let words = line.split(separator: " ")
    if line.contains(": can inline ") {
      let name = String(words[3]), cost = Int(words[6])
      let f = try #require(program.functions.first { $0.name == name })
      #expect(f.inlineCost == cost, "\(name): gcsh \(String(describing: f.inlineCost)) (\(f.inlineReason ?? "")), Go \(String(describing: cost))")
    } else {
      let name = String(words[3].dropLast())
      let f = try #require(program.functions.first { $0.name == name })
      #expect(f.inlineCost == nil && f.inlineReason.map { line.hasSuffix($0) } == true, "\(name): \(String(describing: f.inlineReason))")
    }
    checked += 1
  }
  return checked
}

/// Every number and capacity the real runs printed, and -m, for Go 1.27.3 (the append buffer
/// and the move2heap pass, which also moves a named result slice at its return) and Go 1.19.8
/// (growslice from the first append).
@Test(arguments: ["smallgrow", "appendpass", "namedappend"], ["1.27.3", "1.19.8"])
func appendsMatchTheRecordedRuns(_ name: String, _ version: String) throws {
  let run = try RecordedRun(name)
  let expected = try run.recorded(version)
  let (mine, _) = try run.gcsh(version == "1.27.3" ? .go127 : .go119)
  #expect(!expected.deltas.isEmpty && !expected.words.isEmpty)
  #expect(mine.words == expected.words)
  #expect(mine.deltas == expected.deltas)
  #expect(mine.escape == expected.escape)
}

/// The smallgrow numbers as the README states them (the test above reads them from the files).
@Test func smallgrowCapacitiesAndMallocs() throws {
  let (go127, interp) = try RecordedRun("smallgrow").gcsh(.go127)
  #expect(go127.words.joined(separator: " ") == """
    local 4 4 4 4 8 8 8 8 16 16 16 16 16 16 16 16 32 32 32 32 \
    local_range 1 2 3 4 8 8 8 8 16 16 16 16 16 16 16 16 32 32 32 32 \
    escaping 1 2 3 4 8 8 8 8 16 16 16 16 16 16 16 16 32 32 32 32
    """)
  #expect(go127.deltas == ["after_local: 3 mallocs, 448 B", "after_local_range: 3 mallocs, 448 B", "after_escaping: 3 mallocs, 448 B"])
  // move2heap before the range and before `gEsc = s`; none in growLocal (no transition).
  #expect(interp.bytecodeListing.components(separatedBy: "moveToHeap").count - 1 == 2)
  let (go119, _) = try RecordedRun("smallgrow").gcsh(.go119)
  let heapGrowth = "1 2 4 4 8 8 8 8 16 16 16 16 16 16 16 16 32 32 32 32"
  #expect(go119.words.joined(separator: " ") == "local \(heapGrowth) local_range \(heapGrowth) escaping \(heapGrowth)")
  #expect(go119.deltas == ["after_local: 6 mallocs, 512 B", "after_local_range: 6 mallocs, 512 B", "after_escaping: 6 mallocs, 512 B"])
}

/// The profiles before Go 1.26 have neither mechanism: no buffers, no moves.
@Test(arguments: ["go1.19", "go1.0"])
func oldProfilesHaveNoAppendBuffers(_ name: String) throws {
  let profile = try #require(RuntimeProfile.named(name))
  let compiler = CompilerProfile(profile)
  #expect(!compiler.appendStackBuffer && !compiler.moveToHeapPass)
  for name in ["smallgrow", "appendpass", "namedappend"] {
    let (_, interp) = try RecordedRun(name).gcsh(profile)
    #expect(!interp.bytecodeListing.contains("moveToHeap"))
    #expect(interp.session.functions.allSatisfy { $0.appends.allSatisfy { $0.buffer == .none } })
  }
}

/// A `[]*T` whose buffer holds the only reference to an object: the object survives a
/// collection while the slice is live (the frame's stack object is scanned through the slice
/// pointing into it) and is freed once the frame is gone.
@Test func aPointerInTheBufferKeepsItsObjectAlive() throws {
  let (out, host, _) = try run("""
    type Big struct {
      n   int
      pad [1 << 17]int
    }
    func keep() int {
      var s []*Big
      s = append(s, &Big{n: 7})
      runtime.GC()
      stats "in frame"
      return s[0].n + cap(s)
    }
    print keep()
    runtime.GC()
    stats "returned"
    """)
  #expect(out == "11\n")  // 7, and the whole buffer: 4 pointers
  #expect(host.stats[0].1.heapAlloc > 1 << 20)
  #expect(host.stats[1].1.heapAlloc < 1 << 20)
}

/// The same through growsliceBuf and move2heap: a `[]*T` whose capacity is observed and that
/// is returned climbs the size classes in the buffer across a collection, then moves to a
/// pointerful heap array that keeps its objects.
@Test func aReturnedPointerSliceMovesItsObjectsToTheHeap() throws {
  let (out, host, _) = try run("""
    type Big struct {
      n   int
      pad [1 << 17]int
    }
    func build() []*Big {
      var s []*Big
      for i := 0; i < 3; i++ {
        s = append(s, &Big{n: i})
        print cap(s)
        runtime.GC()
      }
      stats "built"
      return s
    }
    b := build()
    runtime.GC()
    stats "moved"
    print len(b), cap(b), b[0].n + b[1].n + b[2].n
    b = nil
    runtime.GC()
    stats "dropped"
    """)
  #expect(out == "1\n2\n3\n3 3 3\n")
  #expect(host.stats[0].1.heapAlloc > 3 << 20)
  #expect(host.stats[1].1.heapAlloc > 3 << 20)
  #expect(host.stats[2].1.heapAlloc < 1 << 20)
}

/// A slice built in a frame buffer and returned was copied out before the frame went: a later
/// call that writes its own frame over the same stack does not change it.
@Test func aReturnedSliceDoesNotPointIntoTheDeadFrame() throws {
  let (out, _, _) = try run("""
    func build(n int) []byte {
      var b []byte
      for i := 0; i < n; i++ {
        b = append(b, byte(i + 1))
      }
      return b
    }
    func scribble() int {
      var a [8]int
      for i := 0; i < 8; i++ {
        a[i] = -1
      }
      return a[3]
    }
    b := build(20)
    x := scribble()
    sum := 0
    for _, v := range b {
      sum += int(v)
    }
    print len(b), cap(b), sum, x
    """)
  #expect(out == "20 24 210 -1\n")
}

/// The pass's decisions on one function: `return s` alone is its one transition (the appends
/// climb the buffer's size classes: cap is observed); the other exits make it give up, and the
/// appends grow on the heap from the first: two transitions, one inside a loop, a call whose
/// parameter leaks (the pass only understands calls that do not leak), a three-index slice,
/// and a slice whose address is taken (which also makes every append update it in place).
@Test(arguments: [
  ("return s", "1 2 3"),
  ("if n > 0 { return s }\n  g = s\n  return nil", "1 2 4"),
  ("for i := 0; i < 1; i++ { g = s }\n  return nil", "1 2 4"),
  ("leak(s)\n  return nil", "1 2 4"),
  ("s = s[0:2:3]\n  return s", "1 2 4"),
  ("p := &s\n  return *p", "1 2 4"),
])
func theMoveToHeapPass(_ exit: String, _ caps: String) throws {
  let (out, _, _) = try run("""
    var g []int
    func leak(x []int) { g = x }
    func f(n int) []int {
      var s []int
      for i := 0; i < 3; i++ {
        s = append(s, i)
        print cap(s)
      }
      \(exit)
    }
    f(1)
    """)
  #expect(RecordedRun.words(out).joined(separator: " ") == caps)
}

/// `used` is per call: a slice declared in a loop body gets the buffer in the first iteration
/// only (then growslice: 1 2 4), and the next call gets it again.
@Test func theBufferServesOneSlicePerCall() throws {
  let (out, _, _) = try run("""
    func f() {
      for j := 0; j < 2; j++ {
        var s []int
        for i := 0; i < 3; i++ {
          s = append(s, i)
          print cap(s)
        }
      }
    }
    f()
    f()
    """)
  #expect(RecordedRun.words(out).joined(separator: " ") == "4 4 4 1 2 4 4 4 4 1 2 4")
}
