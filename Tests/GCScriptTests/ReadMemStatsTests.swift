// runtime.ReadMemStats(&m) against Tests/Recordings/runs/memstats: the same program (twin.go,
// whose checkpoint prints with GCScript's print instead of strconv into a buffer) on both
// profiles, every MemStats field compared with what Go 1.27.3 and Go 1.19.8 wrote.

import Foundation
import GCScript
import GoHeap
import Testing

/// A checkpoint: its label, its fields by name, and BySize as class → (size, mallocs, frees).
private struct Checkpoint {
  var label = ""
  var fields: [String: UInt64] = [:]
  var bySize: [Int: (size: Int, mallocs: Int, frees: Int)] = [:]
  var pauses: [UInt64] = []

  func delta(_ name: String, since o: Checkpoint) -> Int64 {
    Int64(bitPattern: fields[name]! &- o.fields[name]!)
  }
  /// BySize mallocs and frees added since `o`, for the classes that changed.
  func bySizeDelta(since o: Checkpoint) -> [Int: [Int]] {
    var out: [Int: [Int]] = [:]
    for (c, v) in bySize {
      let before = o.bySize[c] ?? (v.size, 0, 0)
      let d = [v.mallocs - before.mallocs, v.frees - before.frees]
      if d != [0, 0] { out[c] = d }
    }
    return out
  }
}

private let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Recordings/runs/memstats")

/// main.go's lines: `label Name=value ... BySize=c:size:mallocs:frees,... PauseNs=ns,...`.
private func recorded(_ version: String) throws -> [Checkpoint] {
  let text = try String(contentsOf: directory.appendingPathComponent("go\(version).stdout"), encoding: .utf8)
  return text.split(separator: "\n").map { line in
    var cp = Checkpoint()
    let parts = line.split(separator: " ")
    cp.label = String(parts[0])
    for p in parts.dropFirst() {
      let kv = p.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let value = kv.count > 1 ? String(kv[1]) : ""
      switch kv[0] {
      case "BySize":
        for e in value.split(separator: ",") {
          let n = e.split(separator: ":").map { Int($0)! }
          cp.bySize[n[0]] = (n[1], n[2], n[3])
        }
      case "PauseNs": cp.pauses = value.split(separator: ",").map { UInt64($0)! }
      case "EnableGC", "DebugGC": cp.fields[String(kv[0])] = value == "true" ? 1 : 0
      default: cp.fields[String(kv[0])] = UInt64(value)!
      }
    }
    if cp.fields["DebugGC"] == nil { cp.fields["DebugGC"] = 0 }
    return cp
  }
}

/// twin.go's lines: `label Name value ...`, then `BySize c size mallocs frees` and
/// `PauseNs k ns` lines belonging to the checkpoint above them.
private func gcsh(_ profile: RuntimeProfile) throws -> [Checkpoint] {
  let source = try String(contentsOf: directory.appendingPathComponent("twin.go"), encoding: .utf8)
  let (text, _, _) = try run(source, profile: profile)
  var out: [Checkpoint] = []
  for line in text.split(separator: "\n") {
    let w = line.split(separator: " ").map(String.init)
    switch w[0] {
    case "BySize": out[out.count - 1].bySize[Int(w[1])!] = (Int(w[2])!, Int(w[3])!, Int(w[4])!)
    case "PauseNs": out[out.count - 1].pauses.append(UInt64(w[2])!)
    default:
      var cp = Checkpoint()
      cp.label = w[0]
      for k in stride(from: 1, to: w.count - 1, by: 2) {
        cp.fields[w[k]] = w[k + 1] == "true" ? 1 : w[k + 1] == "false" ? 0 : UInt64(w[k + 1])!
      }
      out.append(cp)
    }
  }
  return out
}

@Test(arguments: ["1.27.3", "1.19.8"])
func readMemStatsMatchesTheRecording(_ version: String) throws {
  let profile: RuntimeProfile = version == "1.27.3" ? .go127 : .go119
  let real = try recorded(version)
  let mine = try gcsh(profile)
  #expect(mine.map(\.label) == real.map(\.label))
  #expect(mine.map(\.label) == ["start", "allocated", "gc1", "gc2", "local"])
  guard mine.count == real.count, mine.count == 5 else { return }
  // Every field of the era is written, and nothing else.
  #expect(Set(mine[0].fields.keys) == Set(real[0].fields.keys))

  for (g, r) in zip(mine, real) {
    // Fixed after start-up, and the cycle counts: exact.
    for name in ["Lookups", "MCacheInuse", "MCacheSys", "BuckHashSys", "EnableGC", "DebugGC", "NumGC", "NumForcedGC"] {
      #expect(g.fields[name] == r.fields[name], "\(g.label) \(name)")
    }
    // The pause ring holds one entry per cycle, and they add up to PauseTotalNs.
    #expect(g.pauses.count == r.pauses.count, "\(g.label) pauses")
    #expect(g.pauses.reduce(0, +) == g.fields["PauseTotalNs"])
    // The identities readmemstats_m's consistency checks hold.
    let f = g.fields
    #expect(f["HeapObjects"] == f["Mallocs"]! - f["Frees"]!)
    #expect(f["Alloc"] == f["HeapAlloc"] && f["HeapSys"] == f["HeapIdle"]! + f["HeapInuse"]!)
    let sys = ["HeapSys", "StackSys", "MSpanSys", "MCacheSys", "BuckHashSys", "GCSys", "OtherSys"]
    #expect(f["Sys"] == sys.reduce(0) { $0 + f[$1]! }, "\(g.label) Sys is the sum of the *Sys fields")
  }
  // The start-up structures: exact.
  for name in ["Sys", "MSpanInuse", "MSpanSys", "StackInuse", "NextGC"] {
    #expect(mine[0].fields[name] == real[0].fields[name], "start \(name)")
  }
  // How the start-up non-heap memory splits between GCSys and OtherSys varies from run to run
  // (Go 1.19.8 OtherSys: 373,768 in run 1, 390,040 in run 2, with the same Sys); the profile's
  // GCSys is reference go-runtime-1.27.md §2.1's measurement.
  #expect(abs(mine[0].delta("OtherSys", since: real[0])) <= 16 * 1024)
  // What the program allocates, by size class (node 48 B x 1000; the [16]byte slice's growth
  // through 13 classes; the pointer slice's 8 KiB), exactly as the runtime counted it.
  #expect(mine[1].bySizeDelta(since: mine[0]) == real[1].bySizeDelta(since: real[0]))
  #expect(mine[1].delta("Mallocs", since: mine[0]) == real[1].delta("Mallocs", since: real[0]))
  #expect(mine[1].delta("TotalAlloc", since: mine[0]) == real[1].delta("TotalAlloc", since: real[0]))
  // gc2 frees 500 of the 1,000 nodes (class 5, 48 B).
  #expect(mine[3].bySize[5]!.frees - mine[2].bySize[5]!.frees == 500)
  #expect(real[3].bySize[5]!.frees - real[2].bySize[5]!.frees == 500)
}

/// The fields are the era's: Go 1.0's MemStats has no GCSys, OtherSys, PauseEnd, NumForcedGC
/// or GCCPUFraction (reference go-runtime-memory.md A.7), and a program naming one does not
/// compile.
@Test func memStatsFieldsAreTheEras() throws {
  let modern = RuntimeProfile.go127.memStatsType
  let old = try #require(RuntimeProfile.named("go1.0")).memStatsType
  #expect(modern.size == 5776)  // unsafe.Sizeof(runtime.MemStats{}) on amd64
  #expect(RuntimeProfile.go127.memStatsType === modern)  // one named type per era
  let program = "var m runtime.MemStats\nruntime.ReadMemStats(&m)\nprint m.NumForcedGC"
  #expect(failure(program, profile: try #require(RuntimeProfile.named("go1.0")))?.kind.message
    == "m.NumForcedGC undefined (type runtime.MemStats has no field or method NumForcedGC)")
  #expect(try run(program).0 == "0\n")
  // 22 uint64s, PauseNs, NumGC, EnableGC, DebugGC, padding to 8, BySize.
  #expect(old.size == 22 * 8 + 2048 + 4 + 2 + 2 + 61 * 24)
}

/// ReadMemStats stops the world: the program's clock moves by the era's measured cost, and a
/// nil pointer panics as Go's `_ = m.Alloc` does.
@Test func readMemStatsCostsAStopAndFaultsOnNil() throws {
  let (_, _, rt) = try run("var m runtime.MemStats\nruntime.ReadMemStats(&m)")
  let (_, _, rt2) = try run("var m runtime.MemStats\n_ = &m")  // the same number of statements
  #expect(rt.memStats().timeNs - rt2.memStats().timeNs == 5_500)
  let e = failure("var p *runtime.MemStats\nruntime.ReadMemStats(p)")
  #expect(e?.kind.message.contains("nil pointer dereference") == true)
}
