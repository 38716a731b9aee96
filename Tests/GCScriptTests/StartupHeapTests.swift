// The heap a Go program finds when main begins, and what the first GC does to it, against the
// real runs of Tests/Recordings/runs/startup (imports fmt) and startupbare (runtime alone): five
// runs each under Go 1.27.3 and Go 1.19.8. The process starts as the program it runs
// (RuntimeProfile.startup(for:)); its start-up garbage goes at the first GC, and the first GC's
// mark workers make their objects (GoRuntime+RuntimeObjects.swift).

@testable import GCScript
import GoHeap
import Testing

/// A program importing fmt prints, before and after its first GC, every MemStats count and the
/// whole BySize table exactly as one of Go's runs did (the runs differ by an M or a 96-B object).
@Test(arguments: [("1.27.3", RuntimeProfile.go127), ("1.19.8", RuntimeProfile.go119)])
func aFmtProgramStartsAndFirstCollectsAsRecorded(_ version: String, _ profile: RuntimeProfile) throws {
  let recording = try RecordedRun("startup")
  let (out, _, _) = try run(recording.source, profile: profile)
  let runs = recording.runs(version)
  #expect(runs.contains(out), "gcsh:\n\(out)\nGo run 1:\n\(runs[0])")
}

/// A program importing only runtime starts with the runtime's own objects, exactly as recorded.
/// Its first GC frees the same start-up objects as Go's; Go's often also makes one 64-B object
/// gcsh does not (in most recorded runs of this program, in none with fmt imported).
@Test(arguments: [("1.27.3", RuntimeProfile.go127), ("1.19.8", RuntimeProfile.go119)])
func aRuntimeOnlyProgramStartsAsRecorded(_ version: String, _ profile: RuntimeProfile) throws {
  let recording = try RecordedRun("startupbare")
  let (_, host, _) = try run(recording.source, profile: profile)
  let mine = host.errorText.split(separator: "\n").map(String.init)
  let runs = recording.runs(version, stream: "stderr").map { $0.split(separator: "\n").map(String.init) }
  #expect(runs.contains { Array($0.prefix(2)) == Array(mine.prefix(2)) }, "gcsh: \(mine.prefix(2))")
  func field(_ line: String, _ name: String) -> Int? {
    let words = line.split(separator: " ")
    guard let i = words.firstIndex(of: Substring(name)), i + 1 < words.count else { return nil }
    return Int(words[i + 1])
  }
  // Of the runs that started as gcsh does: the first GC freed as many, and allocated as many or
  // one more.
  for goRun in runs where goRun[0] == mine[0] {
    #expect(field(mine[2], "Frees") == field(goRun[2], "Frees"))
    let extra = (field(goRun[2], "Mallocs") ?? 0) - (field(mine[2], "Mallocs") ?? 0)
    #expect(extra == 0 || extra == 1, "Go's first GC made \(extra) objects more")
  }
}

/// A script starts as the anchors' programs did (their checkpoint package's buffers included):
/// the Go-program start applies to Go programs only.
@Test func aScriptStartsAsTheAnchorsPrograms() throws {
  let (_, host, _) = try run("stats \"start\"\n")
  let m = try #require(host.stats.first?.1)
  #expect(m.heapAlloc == 87_888 && m.mallocs == 122)
}
