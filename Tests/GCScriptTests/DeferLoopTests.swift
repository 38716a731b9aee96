// Defers in loops against the real runs of Tests/Recordings/runs/deferloop and deferloopgc (Go
// 1.27.3 and Go 1.19.8): each execution of a defer in a loop takes a _defer record from the
// pools (48 B in Go 1.27, 80 in Go 1.19) and puts its wrapper, with what it captured, on the
// heap; both stay until the function returns (VM+Defer.swift).

@testable import GCScript
import Foundation
import GoHeap
import Testing

private let deferVersions = ["1.27.3", "1.19.8"]
private func deferProfile(of version: String) -> RuntimeProfile { version == "1.27.3" ? .go127 : .go119 }

/// Every step of deferloop allocates what Go's did, object for object and size class for size
/// class, and runs its calls last first with the arguments of their statement: no arguments
/// (records only), an int (a 16-B wrapper; the records come back from the pool), a closure, a
/// pointer, the same again (a warm pool), after a GC (the central list dropped: 80 new records;
/// Go's main goroutine sometimes resumes on the other P, whose pool is empty, and makes 100), a
/// defer outside a loop (nothing), 200 (the pools' 100, then 100 new). The recording's module
/// says go 1.19, so its loop variable is shared; under Go 1.27's rules (gcsh's go1.27 profile)
/// the closure over it differs, and with it every later sum: those are compared in Go 1.19 only.
@Test(arguments: deferVersions)
func deferLoopStepsAllocateAsGosDid(_ version: String) throws {
  let recording = try RecordedRun("deferloop")
  let (out, _, _) = try run(recording.source, profile: deferProfile(of: version))
  let mine = out.split(separator: "\n").map(String.init)
  let runs = recording.runs(version).map { $0.split(separator: "\n").map(String.init) }
  #expect(runs.allSatisfy { $0.count == mine.count })
  let sharedLoopVariable = version == "1.19.8"
  for (k, line) in mine.enumerated() {
    var compared = line
    if !sharedLoopVariable {
      if line.hasPrefix("c_closure_shared") { continue }
      // The sums after the shared closure's step differ by what it added.
      compared = line.replacingOccurrences(of: #" ?(final )?sum[= ]\d+$"#, with: "", options: .regularExpression)
    }
    let matched = runs.contains { run in
      k < run.count && (sharedLoopVariable ? run[k] : run[k].replacingOccurrences(
        of: #" ?(final )?sum[= ]\d+$"#, with: "", options: .regularExpression)) == compared
    }
    #expect(matched, "line \(k + 1): \(line)\nGo: \(runs[0][k])")
  }
}

/// The lesson of deferloopgc: a function that defers `use(buf)` for 10,000 1-KiB buffers keeps
/// every buffer, wrapper and record alive until it returns; returning frees nothing by itself;
/// the next GC frees the buffers, the wrappers and the records on the central list (all but
/// the P's 32). The deltas from the start are Go's, class by class.
@Test(arguments: deferVersions)
func aDeferInALoopKeepsEverythingUntilReturn(_ version: String) throws {
  let recording = try RecordedRun("deferloopgc")
  let (out, _, _) = try run(recording.source, profile: deferProfile(of: version))
  /// Each checkpoint's BySize change from the start: size → (mallocs, frees).
  func deltas(_ text: String) -> [String: [Int: [Int]]] {
    var bySize: [String: [Int: [Int]]] = [:]
    for line in text.split(separator: "\n") where line.contains(" BySize ") {
      let words = line.split(separator: " ")
      var table: [Int: [Int]] = [:]
      for w in words.dropFirst(2) {
        let parts = w.split(whereSeparator: { $0 == ":" || $0 == "-" }).compactMap { Int($0) }
        if parts.count == 3 { table[parts[0]] = [parts[1], parts[2]] }
      }
      bySize[String(words[0])] = table
    }
    guard let start = bySize["start"] else { return [:] }
    return bySize.mapValues { t in
      t.reduce(into: [Int: [Int]]()) { acc, e in
        let s = start[e.key] ?? [0, 0]
        let d = [e.value[0] - s[0], e.value[1] - s[1]]
        if d != [0, 0] { acc[e.key] = d }
      }
    }
  }
  let mine = deltas(out)
  #expect(mine["loopEnd"] == mine["returned"], "returning frees nothing")
  let size = version == "1.27.3" ? 48 : 80
  #expect(mine["loopEnd"]?[size]?[0] == 10_000)
  #expect(mine["afterGC"]?[size]?[1] == 9_968)
  // Per class, the buffers (1,024 B), wrappers (32 B) and records are Go's, in some run.
  let runs = recording.runs(version).map(deltas)
  for label in ["loopEnd", "afterGC"] {
    for s in [1024, 32, size] {
      #expect(runs.contains { $0[label]?[s] == mine[label]?[s] }, "\(label) \(s): gcsh \(mine[label]?[s] ?? [])")
    }
  }
}

/// -m for defers in a loop: the arguments a wrapper captures escape with it (`make([]byte,
/// 1024) escapes to heap` though `use` keeps nothing), and the wrappers themselves get no
/// escape line (escape.go omits them); Go 1.27 says which wrappers it can inline.
@Test(arguments: deferVersions)
func deferLoopEscapeLinesAreGos(_ version: String) throws {
  let recording = try RecordedRun("deferloopgc")
  let (_, _, interp) = try interpret(recording.source, name: "main.go", profile: deferProfile(of: version))
  let go = try String(contentsOf: recording.directory.appendingPathComponent("go\(version).m.txt"), encoding: .utf8)
    .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.dropFirst(2)) }
  #expect(interp.escapeDecisions == go)
}

/// Deferred calls in a loop run last first when a panic unwinds the frame (and a recover in an
/// earlier deferred call stops it), in each goroutine on its own chain, and in order with the
/// function's defers outside the loop. The expected lines are Go 1.27.3's for this program (the
/// two workers' lines interleave as the scheduler runs them: each worker's are compared).
@Test(arguments: deferVersions)
func chainedDefersRunLastFirstEverywhere(_ version: String) throws {
  let program = """
    package main

    import (
    \t"fmt"
    \t"sync"
    )

    func unwind() (out string) {
    \tdefer func() {
    \t\tif r := recover(); r != nil {
    \t\t\tout = fmt.Sprint("recovered ", r)
    \t\t}
    \t}()
    \tfor i := 0; i < 3; i++ {
    \t\tdefer fmt.Println("deferred", i)
    \t}
    \tpanic("boom")
    }

    func worker(id int, wg *sync.WaitGroup, ch chan int) {
    \tdefer wg.Done()
    \tfor i := 0; i < 3; i++ {
    \t\tdefer fmt.Println("worker", id, "exit", i)
    \t\tch <- id*10 + i
    \t}
    }

    func mixed() {
    \tdefer fmt.Println("first defer, outside the loop")
    \tfor i := 0; i < 2; i++ {
    \t\tdefer fmt.Println("loop defer", i)
    \t}
    \tdefer fmt.Println("last defer, outside the loop")
    }

    func main() {
    \tfmt.Println(unwind())
    \tvar wg sync.WaitGroup
    \tch := make(chan int)
    \twg.Add(2)
    \tgo worker(1, &wg, ch)
    \tgo worker(2, &wg, ch)
    \tsum := 0
    \tfor i := 0; i < 6; i++ {
    \t\tsum += <-ch
    \t}
    \twg.Wait()
    \tfmt.Println("sum", sum)
    \tmixed()
    }

    """
  let (out, _, _) = try run(program, profile: deferProfile(of: version))
  let lines = out.split(separator: "\n").map(String.init)
  #expect(Array(lines.prefix(4)) == ["deferred 2", "deferred 1", "deferred 0", "recovered boom"])
  for id in [1, 2] {
    #expect(lines.filter { $0.hasPrefix("worker \(id) ") } == (0..<3).reversed().map { "worker \(id) exit \($0)" })
  }
  #expect(Array(lines.suffix(5)) == [
    "sum 96", "last defer, outside the loop", "loop defer 1", "loop defer 0", "first defer, outside the loop",
  ])
}

/// What defers in a loop capture, as Go's wrappers do (runs/deferloopvalues): an int8 and a
/// float32 come back as they were at the statement (their memory form, not the slot's), a func()
/// passed as an argument gets a wrapper of its own, and a 256-byte array is captured by
/// reference — a heap copy per iteration and a pointer in the wrapper. Output, Mallocs and bytes
/// are Go's in both versions.
@Test(arguments: deferVersions)
func deferLoopCapturesAsGosWrappersDo(_ version: String) throws {
  let recording = try RecordedRun("deferloopvalues")
  let (out, _, _) = try run(recording.source, profile: deferProfile(of: version))
  #expect(recording.runs(version).contains(out), "gcsh:\n\(out)\nGo:\n\(recording.runs(version)[0])")
}

/// A run that stops with a function's loop defers pending (here the step limit) leaves none
/// for the session's next run: they are neither run, nor roots, nor popped by another frame.
@Test func aStoppedRunLeavesNoPendingDefers() throws {
  let rt = GoRuntime(profile: .go127)
  let host = RecordingHost()
  let interp = Interpreter(heap: rt, host: host)
  interp.maxSteps = 50
  let first = Source(name: "a.gcs", text: "func keep(b []byte) {}\nfunc f() { for i := 0; i < 1000; i++ { defer keep(make([]byte, 1024)) } }\nf()")
  #expect(throws: (any Error).self) { try interp.run(Interpreter.parse(first).0, source: first) }
  interp.maxSteps = nil
  let second = Source(name: "b.gcs", text: "func g() { for i := 0; i < 2; i++ { defer fmt.Println(i) } }\ng()\nruntime.GC()\nexpect HeapAlloc < 1MiB")
  try interp.run(Interpreter.parse(second).0, source: second)
  #expect(host.text == "1\n0\n", "\(host.text)")
  #expect(interp.failedExpectations == 0)
}
