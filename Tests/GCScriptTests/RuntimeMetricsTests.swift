// runtime/metrics against the real runs of Tests/Recordings/runs/metricsall, metricsread,
// metricsstart and metricsvalues (Go 1.27.3 and Go 1.19.8): the table All returns, what Read
// and the package's init allocate, and the values Read gives next to MemStats.

@testable import GCScript
import Foundation
@testable import GoHeap
import Testing

/// Go's version and gcsh's profile of it (named, so that a failure names the profile).
private let metricsVersions = ["1.27.3", "1.19.8"]
private func metricsProfile(of version: String) -> RuntimeProfile { version == "1.27.3" ? .go127 : .go119 }

/// Every metric of both lists has a value of its kind (none falls through to KindBad), and a
/// name not on the list is KindBad.
@Test(arguments: metricsVersions)
func everyMetricHasAValueOfItsKind(_ version: String) {
  let profile = metricsProfile(of: version)
  let rt = GoRuntime(profile: profile)
  let scheduler = SchedulerCounts(live: 1, runnable: 0, created: 0)
  for d in profile.metricDescriptions {
    let kind: MetricKind = switch rt.readMetric(d.name, scheduler: scheduler) {
    case .bad: .bad
    case .uint64: .uint64
    case .float64: .float64
    case .histogram: .float64Histogram
    }
    #expect(kind == d.kind, "\(d.name)")
  }
  #expect(rt.readMetric("/no/such/metric:bytes", scheduler: scheduler) == .bad)
  #expect(RuntimeProfile.go10.metricDescriptions.isEmpty)
}

/// metrics.All() in a program lists what Go's did, entry for entry, with the descriptions.
@Test(arguments: metricsVersions)
func allListsWhatGoListed(_ version: String) throws {
  let profile = metricsProfile(of: version)
  let recording = try RecordedRun("metricsall")
  let (out, _, _) = try run(recording.source, profile: profile)
  #expect(out == recording.runs(version)[0])
}

/// Each step of metricsread — the first Read of the process (the runtime's map and bucket
/// slices), a histogram sample's first Read (its Float64Histogram and counts), a Read of every
/// metric, and the Reads that allocate nothing — costs what it cost Go: the same Mallocs, Frees,
/// bytes and size classes. The bucket boundaries are Go's. Not compared: the start (which
/// depends on how the runtime started: see metricsStartUpIsThePackagesInit) and the
/// scheduling latencies, which gcsh does not measure.
@Test(arguments: metricsVersions)
func readCostsWhatItCostGo(_ version: String) throws {
  let profile = metricsProfile(of: version)
  let recording = try RecordedRun("metricsread")
  let (out, _, _) = try run(recording.source, profile: profile)
  let mine = out.split(separator: "\n").map(String.init)
  let runs = recording.runs(version).map { $0.split(separator: "\n").map(String.init) }
  #expect(runs.allSatisfy { $0.count == mine.count })
  // The program's three package-level []metrics.Sample literals are static data, as in Go
  // (staticinit): the allocation histogram's sum is Go's too.
  for (k, line) in mine.enumerated() where !line.hasPrefix("start ") && !line.hasPrefix("/sched/latencies") {
    // The steps' lines: one of Go's runs printed this one (Go 1.19's first Read made an
    // overflow bucket for its map in 2 runs of 5, as its hash seed fell).
    #expect(runs.contains { k < $0.count && $0[k] == line }, "line \(k + 1): \(line)\nGo: \(runs[0][k])")
  }
}

/// A program importing runtime/metrics starts with the package's init done: in Go 1.27 the table
/// All returns, a []Description of 127 (6,144 B) and each reported GODEBUG's name and
/// description (84 strings), all live; in Go 1.19 nothing (the table is static data). The heap
/// at main — its counts and its whole BySize table — is Go's, and the first GC frees what Go's
/// did. (Not compared: HeapInuse. gcsh keeps the start-up objects as counts, so the init's
/// objects take new spans where Go's filled the start-up spans' free slots: 9 pages more.)
@Test(arguments: metricsVersions)
func metricsStartUpIsThePackagesInit(_ version: String) throws {
  let profile = metricsProfile(of: version)
  let recording = try RecordedRun("metricsstart")
  // (gcsh has no function values of package functions: the blank import runs the same init.)
  let source = recording.source.replacingOccurrences(of: "var _ = metrics.All\n", with: "")
    .replacingOccurrences(of: "\t\"runtime/metrics\"", with: "\t_ \"runtime/metrics\"")
  #expect(source != recording.source)
  let (out, _, _) = try run(source, profile: profile)
  func fields(_ text: String) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    guard lines.count == 4 else { return lines }
    let counts = lines[0].split(separator: " ").filter { word in
      ["Mallocs=", "Frees=", "HeapAlloc=", "HeapObjects=", "NumGC="].contains { word.hasPrefix($0) }
    }
    let frees = lines[2].split(separator: " ").filter { $0.hasPrefix("Frees=") }
    return counts.map(String.init) + [lines[1]] + frees.map(String.init)
  }
  let runs = recording.runs(version).map(fields)
  #expect(runs.contains(fields(out)), "gcsh: \(fields(out))\nGo run 1: \(runs[0])")
}

/// After a GC (which flushes every mcache, as ReadMemStats does), the heap metrics are MemStats'
/// numbers in the runtime's arithmetic (metricsvalues, every run): allocs:bytes is TotalAlloc,
/// allocs:objects plus the tiny allocations is Mallocs, objects:bytes is HeapAlloc, the
/// classes add up to Sys, the goal is NextGC, and the scan sizes add up.
@Test(arguments: metricsVersions)
func heapMetricsAreMemStatsAfterAGC(_ version: String) throws {
  let profile = metricsProfile(of: version)
  let program = """
    package main

    import (
    \t"fmt"
    \t"runtime"
    \t"runtime/metrics"
    )

    var keep []*[64]byte
    var big [][]byte
    var sink *[16]byte
    var ms runtime.MemStats

    func main() {
    \tall := metrics.All()
    \ts := make([]metrics.Sample, len(all))
    \tfor i := range all {
    \t\ts[i].Name = all[i].Name
    \t}
    \tkeep = make([]*[64]byte, 1000)
    \tfor i := range keep {
    \t\tkeep[i] = new([64]byte)
    \t}
    \tbig = make([][]byte, 50)
    \tfor i := range big {
    \t\tbig[i] = make([]byte, 100<<10)
    \t}
    \tfor i := 0; i < 10000; i++ {
    \t\tsink = new([16]byte)
    \t}
    \t// The first Read allocates (initMetrics, the histograms): before the GC that flushes.
    \tmetrics.Read(s)
    \truntime.GC()
    \tmetrics.Read(s)
    \truntime.ReadMemStats(&ms)
    \tfor _, x := range s {
    \t\tswitch x.Value.Kind() {
    \t\tcase metrics.KindUint64:
    \t\t\tfmt.Println(x.Name, x.Value.Uint64())
    \t\tcase metrics.KindFloat64:
    \t\t\tfmt.Println(x.Name, x.Value.Float64())
    \t\t}
    \t}
    \tfmt.Println("MemStats", ms.TotalAlloc, ms.HeapAlloc, ms.Mallocs, ms.Frees, ms.HeapObjects, ms.HeapInuse, ms.HeapIdle, ms.HeapReleased, ms.Sys, ms.NextGC, ms.NumGC, ms.NumForcedGC, ms.StackInuse, ms.GCSys)
    }

    """
  let (out, _, _) = try run(program, profile: profile)
  var v: [String: Double] = [:]
  var m: [Int] = []
  for line in out.split(separator: "\n") {
    let words = line.split(separator: " ")
    if words.first == "MemStats" { m = words.dropFirst().compactMap { Int($0) } } else if words.count == 2 {
      v[String(words[0])] = Double(words[1])
    }
  }
  try #require(m.count == 14)
  let (totalAlloc, heapAlloc, mallocs, frees, objects, inuse, idle, released, sys, nextGC, numGC, forced, stacks, gcSys) =
    (m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11], m[12], m[13])
  func u(_ name: String) -> Int { Int(v[name] ?? -1) }
  #expect(u("/gc/heap/allocs:bytes") == totalAlloc)
  #expect(u("/gc/heap/frees:bytes") == totalAlloc - heapAlloc)
  #expect(u("/gc/heap/allocs:objects") + u("/gc/heap/tiny/allocs:objects") == mallocs)
  #expect(u("/gc/heap/frees:objects") + u("/gc/heap/tiny/allocs:objects") == frees)
  #expect(u("/gc/heap/objects:objects") == objects)
  #expect(u("/memory/classes/heap/objects:bytes") == heapAlloc)
  #expect(u("/memory/classes/heap/unused:bytes") == inuse - heapAlloc)
  #expect(u("/memory/classes/heap/free:bytes") == idle - released)
  #expect(u("/memory/classes/heap/released:bytes") == released)
  #expect(u("/memory/classes/heap/stacks:bytes") == stacks)
  #expect(u("/memory/classes/metadata/other:bytes") == gcSys)
  #expect(u("/memory/classes/total:bytes") == sys)
  #expect(u("/gc/heap/goal:bytes") == nextGC)
  #expect(u("/gc/cycles/total:gc-cycles") == numGC)
  #expect(u("/gc/cycles/forced:gc-cycles") == forced)
  // The classes partition Sys.
  let classes = v.filter { $0.key.hasPrefix("/memory/classes/") && $0.key != "/memory/classes/total:bytes" }
  #expect(Int(classes.values.reduce(0, +)) == sys)
  if profile.version >= GoVersion(1, 21) {
    #expect(u("/gc/scan/total:bytes") == u("/gc/scan/heap:bytes") + u("/gc/scan/stack:bytes") + u("/gc/scan/globals:bytes"))
    // The goal from the last mark: live + (live + stacks + globals) × GOGC/100 (metricsvalues:
    // 5,513,560 × 2 + 1,976 + 158,250 = 11,187,346).
    #expect(u("/gc/heap/goal:bytes") == 2 * u("/gc/heap/live:bytes") + u("/gc/scan/stack:bytes") + u("/gc/scan/globals:bytes"))
    // The CPU classes add up to the total, snapshot at the last mark termination.
    let cpu = ["gc/total", "scavenge/total", "idle", "user"].map { v["/cpu/classes/\($0):cpu-seconds"] ?? -1 }
    #expect(abs(cpu.reduce(0, +) - (v["/cpu/classes/total:cpu-seconds"] ?? 0)) < 1e-6)
    #expect(cpu.allSatisfy { $0 >= 0 })
  }
}

/// Each GC stops the world twice, and each stop is one sample of /gc/pauses:seconds (metricsvalues:
/// 4 samples after 2 cycles, in both); in Go 1.27 each ReadMemStats is a non-GC stop.
@Test(arguments: metricsVersions)
func pausesAreCountedPerStopOfTheWorld(_ version: String) throws {
  let profile = metricsProfile(of: version)
  let program = """
    package main

    import (
    \t"fmt"
    \t"runtime"
    \t"runtime/metrics"
    )

    func total(name string) uint64 {
    \ts := []metrics.Sample{{Name: name}}
    \tmetrics.Read(s)
    \tif s[0].Value.Kind() != metrics.KindFloat64Histogram {
    \t\treturn 999
    \t}
    \tvar n uint64
    \tfor _, c := range s[0].Value.Float64Histogram().Counts {
    \t\tn += c
    \t}
    \treturn n
    }

    func main() {
    \tvar m runtime.MemStats
    \truntime.GC()
    \truntime.GC()
    \truntime.ReadMemStats(&m)
    \truntime.ReadMemStats(&m)
    \tfmt.Println(total("/gc/pauses:seconds"), total("/sched/pauses/total/gc:seconds"), total("/sched/pauses/total/other:seconds"))
    }

    """
  let (out, _, _) = try run(program, profile: profile)
  #expect(out == (profile.version >= GoVersion(1, 22) ? "4 4 2\n" : "4 999 999\n"))
}

/// Value's accessors panic as value.go does on the wrong kind; Go 1.0 has no runtime/metrics.
@Test func valueAccessorsPanicOnTheWrongKind() throws {
  let program = """
    package main

    import "runtime/metrics"

    func main() {
    \tvar v metrics.Value
    \tprintln(v.Kind() == metrics.KindBad)
    \t_ = v.Float64()
    }

    """
  let e = try #require(failure(program))
  #expect(e.kind.message.contains("called Float64 on non-float64 metric value"))
  let old = try #require(failure(program, profile: .go10))
  #expect(old.kind.message.contains("package runtime/metrics is not in go1.0"))
}

/// -m for runtime/metrics' calls, escape corpus style: the samples a local slice holds escape
/// (Read's runtime half has no body), the inlined panics' strings do, and a named constant given
/// to fmt is printed by value in Go 1.27 (`metrics.ValueKind(1)`, `time.Duration(1000000000)`).
@Test func namedConstantsPassedToFmtAreTheirValuesInGo127() throws {
  let program = """
    package main

    import (
    \t"fmt"
    \t"time"
    )

    type K int

    const A K = 300
    const B = 400

    func main() {
    \tfmt.Println(time.Second, A, B, time.Duration(5))
    }

    """
  let (_, _, interp) = try interpret(program, name: "main.go")
  let lines = interp.escapeDecisions.filter { $0.contains("escapes to heap") }
  // Go 1.27.3's -m for this program.
  #expect(lines == [
    "main.go:14:18: time.Duration(1000000000) escapes to heap", "main.go:14:27: K(300) escapes to heap",
    "main.go:14:30: 400 escapes to heap", "main.go:14:46: time.Duration(5) escapes to heap",
  ])
}

/// Go 1.19's Read takes &m[0] before anything else (index out of range for an empty slice);
/// Go 1.21+ returns first.
@Test func readOfNoSamples() throws {
  let program = "package main\nimport \"runtime/metrics\"\nfunc main() { metrics.Read(nil) }"
  #expect(failure(program) == nil)
  #expect(failure(program, profile: .go119)?.kind.message.contains("index out of range [0] with length 0") == true)
}
