// Issue 13's mechanisms against real runs (Tests/Recordings/runs: growseq, memlimit,
// memlimitdrop, sleepgc, smallobj, smallobj50, linkedlist, mixedsizes, largeobj; each directory has the Go
// program, its run.sh and six recorded runs per Go version, runs 4-6 made on an idle machine). gcsh runs the same main.go with
// the run's GOGC and GOMEMLIMIT, and each checkpoint is compared with every recorded replicate:
// a value is in tolerance when it is within the fidelity tolerance of at least one of them
// (sizes max(2 %, 1 MiB), HeapReleased 4 MiB, NumGC exactly) — the runs differ where the real
// runtime races (when a concurrent mark ends against the program's next allocation).

import Foundation
import GoHeap
import Testing

/// One recorded scenario and gcsh's run of it.
private struct FidelityRun {
  let run: RecordedRun
  /// Per recorded replicate, per checkpoint, the MemStats fields the checkpoint wrote.
  let replicates: [[[String: Int]]]
  /// gcsh's checkpoints and its trace records.
  let mine: [MemStats]
  let cycles: [GCCycle]

  init(_ name: String, _ profileName: String, gogc: Int = 100, memoryLimit: Int = Int.max) throws {
    let profile = try #require(RuntimeProfile.named(profileName))
    let recording = try RecordedRun(name)
    run = recording
    let version = profile.name == "go1.27" ? "1.27.3" : "1.19.8"
    replicates = try recording.runs(version).map { text in
      try text.split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        return object.compactMapValues { $0 as? Int }
      }
    }
    var ends: [GCCycle] = []
    let (host, _, _) = try interpret(recording.source, name: "./main.go", profile: profile) { rt in
      _ = try! rt.setGCPercent(gogc)
      _ = try! rt.setMemoryLimit(memoryLimit)
      rt.subscribe { e in if case .gcEnd(let c) = e { ends.append(c) } }
    }
    mine = host.stats.map(\.1)
    cycles = ends
  }

  static let fields = [
    "NumGC", "HeapAlloc", "HeapInuse", "HeapSys", "HeapIdle", "HeapReleased", "NextGC",
  ]

  static func value(_ m: MemStats, _ field: String) -> Int {
    switch field {
    case "NumGC": m.numGC
    case "HeapAlloc": m.heapAlloc
    case "HeapInuse": m.heapInuse
    case "HeapSys": m.heapSys
    case "HeapIdle": m.heapIdle
    case "HeapReleased": m.heapReleased
    default: m.nextGC
    }
  }

  static func close(_ field: String, _ mine: Int, _ real: Int) -> Bool {
    switch field {
    case "NumGC": mine == real
    case "HeapReleased": abs(mine - real) <= 4 * MiB
    default: Double(abs(mine - real)) <= max(0.02 * Double(real), Double(MiB))
    }
  }

  /// The recorded values of `field` at checkpoint `i`, one per replicate.
  func recorded(_ i: Int, _ field: String) -> [Int] {
    replicates.compactMap { i < $0.count ? $0[i][field] : nil }
  }

  /// Values in tolerance of some replicate, of all compared; and the misses, described.
  func score() -> (inTolerance: Int, compared: Int, misses: [String]) {
    var ok = 0
    var n = 0
    var misses: [String] = []
    for (i, m) in mine.enumerated() {
      for f in Self.fields {
        let real = recorded(i, f)
        guard !real.isEmpty else { continue }
        n += 1
        let v = Self.value(m, f)
        if real.contains(where: { Self.close(f, v, $0) }) {
          ok += 1
        } else {
          misses.append("#\(i) \(f) \(v) vs \(real)")
        }
      }
    }
    return (ok, n, misses)
  }
}

/// Item 6: growslice's capacities for 14 element types (1 to 1,000 bytes, pointer-free and
/// pointerful) are Go's, with the malloc header of pointerful objects over 512 B in Go 1.27
/// (`string 1 2 4 8 16 32 71 143 303 591 1023 1535 ...`) and without it in Go 1.19 (`... 32 64
/// 128 256 512 848 1280 ...`); every checkpoint's Mallocs and TotalAlloc delta is the recording's,
/// except around the first GC, in Go's run or gcsh's (the runtime's own objects: the start-up
/// garbage it frees, the 8 (Go 1.27.3) or 4 (1.19.8) its mark workers allocate, and the
/// mcaches' flush, at a checkpoint that depends on where each run's cycle fell).
@Test(arguments: ["go1.27", "go1.19"])
func growsliceCapacitiesMatchGo(_ profile: String) throws {
  let f = try FidelityRun("growseq", profile)
  let version = profile == "go1.27" ? "1.27.3" : "1.19.8"
  let (mine, _) = try f.run.gcsh(try #require(RuntimeProfile.named(profile)))
  let expected = try f.run.recorded(version)
  #expect(expected.words.count > 150)
  #expect(mine.words == expected.words)
  let real = f.replicates[0]
  #expect(f.mine.count == real.count)
  let quiet = { (i: Int) in
    i + 1 < real.count && real[i + 1]["NumGC"] == real[i - 1]["NumGC"]
      && f.mine[i + 1].numGC == f.mine[i - 1].numGC
  }
  for i in 1..<min(f.mine.count, real.count) where quiet(i) {
    let mallocs = real[i]["Mallocs"]! - real[i - 1]["Mallocs"]!
    let bytes = real[i]["TotalAlloc"]! - real[i - 1]["TotalAlloc"]!
    #expect(f.mine[i].mallocs - f.mine[i - 1].mallocs == mallocs, "#\(i)")
    #expect(f.mine[i].totalAlloc - f.mine[i - 1].totalAlloc == bytes, "#\(i)")
  }
}

/// Item 1, Go 1.27.3: GOGC=off under GOMEMLIMIT=200MiB runs one cycle each time the heap
/// reaches the limit — every gctrace line `200->200->40 MB, 185 MB goal` when only one 40 MiB
/// slice is live (`200->200->80` when the previous one is still referenced), 4 and 6 cycles —
/// and allocation-time scavenging holds HeapSys at 203.8 MiB. Every checkpoint value is in
/// tolerance.
@Test(arguments: [("memlimitdrop", 40, 4), ("memlimit", 80, 6)])
func memoryLimitWithGOGCOffIn127(_ name: String, _ liveMB: Int, _ cycles: Int) throws {
  let f = try FidelityRun(name, "go1.27", gogc: -1, memoryLimit: 200 * MiB)
  let s = f.score()
  #expect(s.inTolerance == s.compared && s.compared == 147, "\(s.misses)")
  #expect(f.cycles.count == cycles)
  for c in f.cycles {
    let mb: [Int] = [c.heapStart >> 20, c.heapEnd >> 20, c.heapMarked >> 20, c.goal >> 20]
    #expect(mb == [200, 200, liveMB, 185])
  }
  #expect(f.mine.map(\.heapSys).max()! < 204 * MiB)
}

/// Item 1, Go 1.19.8: the same programs run 5 and 7 cycles, most of them starting at 160 MB of
/// a 184 MB goal: 1.19's pacer counts a cycle from its computed trigger (`triggered =
/// heapTrigger`), so the first cycle, started by a 40 MiB allocation far past it, measures a
/// huge cons/mark; its PI controller keeps the estimate high, and the runway pulls the trigger
/// down to 45/64 of the way (Pacer.swift). Before that was modelled gcsh ran 4 and 5 cycles,
/// each at 200 MB, and 113 and 100 of the 147 values were in tolerance.
@Test(arguments: [("memlimitdrop", 5, 142), ("memlimit", 7, 131)])
func memoryLimitWithGOGCOffIn119(_ name: String, _ cycles: Int, _ floor: Int) throws {
  let f = try FidelityRun(name, "go1.19", gogc: -1, memoryLimit: 200 * MiB)
  let s = f.score()
  #expect(s.compared == 147 && s.inTolerance >= floor, "\(s.inTolerance): \(s.misses)")
  #expect(f.cycles.count == cycles)
  #expect(f.recorded(20, "NumGC").contains(f.mine[20].numGC))
  #expect(f.cycles.dropFirst().filter { $0.heapStart >> 20 == 160 }.count >= cycles / 2)
  #expect(f.mine.map(\.heapSys).max()! < 204 * MiB)
}

/// Item 5: sysmon's forced GC is due during the eighth 15 s sleep after a 400 MB fill; sysmon,
/// asleep until the program's next timer, forces it at that wake-up (gc 2 @120.28-120.43 s in
/// Go 1.27.3, @121.8-123.5 s in Go 1.19.8). In all six recorded runs the program's checkpoint
/// at that wake-up still reads NumGC 1 and the next one (15 s later) reads 2: the program,
/// woken by the same timer, reads MemStats before the forcegc helper's cycle has run. gcsh
/// does the same, every NumGC is the recordings', and so is every other value, except Go
/// 1.19.8's HeapReleased 15 s after that cycle: its background scavenger had released 110-226
/// of the 380 MiB by then (all of it 30 s after), gcsh's all of it.
@Test(arguments: ["go1.27", "go1.19"])
func forcedGCAtAWakeUpAndTheCheckpointThere(_ profile: String) throws {
  let f = try FidelityRun("sleepgc", profile)
  #expect(f.mine.count == 13)
  for i in f.mine.indices {
    let real = f.recorded(i, "NumGC")
    #expect(!real.isEmpty && real.contains(f.mine[i].numGC), "#\(i): \(f.mine[i].numGC) vs \(real)")
  }
  #expect(f.mine[9].numGC == 1 && f.mine[10].numGC == 2)
  let s = f.score()
  #expect(s.inTolerance >= s.compared - (profile == "go1.19" ? 1 : 0), "\(s.misses)")
}

/// Items 2-4 as they stand, against all six runs of each: runs 1-3 were recorded while the
/// 2-core machine was loaded (their marks of a tiny heap last a median 5 ms of wall time: the
/// second thread waits for a CPU), runs 4-6 on the idle machine (0.24-0.30 ms, as gcsh's). On
/// runs 4-6 alone go1.27 is in tolerance everywhere in smallobj, smallobj50 and linkedlist. The
/// scenarios: the pacer with many small objects, a pointer-heavy list, mixed size
/// classes, and large objects only: largeobj, whose dropped, never-written slices Go 1.27.3's
/// scavenger releases in one burst, as gcsh's does since it costs releases by residency — 135 →
/// 139 in go1.27; in go1.19, 119 → 114: the slices go back at once, as in every real run, but
/// gcsh's burst comes right after the cycle that freed them, before the next cycles lower the
/// retained-heap goal, so it keeps 10 MiB where the runs keep 4.7; with its idle runs 4-6, 140
/// and 119): the values in tolerance may only rise. Where they miss is listed in
/// Tests/Recordings/runs/README.md. Go 1.27's randomised heap base (mheap.go grow: the first
/// chunk's padding pages, modelled at their mean) raised smallobj50 from 22 to 28 and linkedlist
/// from 72 to 80 in go1.27: the heap maps its second chunk when the real one does. Starting as
/// the recorded program did (its checkpoint imports os: Tests/Recordings/runs/startupos, 37 KiB
/// less at main in go1.19 than the anchors' start) and freeing the start-up garbage at the first
/// GC moved two chaotic counts by a cycle: smallobj50 go1.27's second NumGC is 16 (Go: 15, 17,
/// 18; was 28/28), mixedsizes go1.19 runs its cycles earlier still (8/35, was 10/35) — item 4's
/// gap, not the start's. Counting the assists' share of the mark in endCycle's cons/mark
/// (mgcpacer.go: u = 0.25 + assistTime / (duration × procs)) raised linkedlist go1.19 from 79
/// to 81 and mixedsizes go1.19 from 9 to 11 (its triggers now sit at the minimum, 0.7 of the
/// way to the goal, as Go 1.27.3's do); nothing else moved. Touching the page of each malloc
/// header (theRuntimesOwnWritesMakePagesResident, below) and charging the inline mark bits'
/// page fault raised mixedsizes go1.27 from 13 to 14. Fitting the allocator's costs to
/// Tests/Recordings/runs/alloccost (allocationCostsFollowTheRecordedRuns) and bounding a mark by
/// its longest pointer chain (aPointerChainsMarkTakesItsLength) left linkedlist at 84 and 81 with
/// its timestamps and goals now those of the real runs (gc 3 at 0.044 s, `21->23->22 MB, 25 MB
/// goal`; Go: 0.039 s, `19->23->22 MB, 23 MB goal`; it was at 0.024 s), raised growseq to 105/105
/// in both, and took one value from mixedsizes go1.27 (14 → 13). Clearing each object taken
/// from a span a sweep freed objects in (mgcsweep.go needzero; Span.perObjectNs) then moved
/// mixedsizes to 11 (go1.27) and 12 (go1.19, was 11). Its values in tolerance are the phase of
/// a checkpoint within a cycle, not its cycles: gcsh runs 27 where Go runs 15-20, its mutator
/// still 1.7 times too fast and its marks 9 ms against 14, so its goals stay at 70 MB against 84.
/// Making the mark's costs one worker's and the second P's help markParallelGain, both fitted
/// to Tests/Recordings/runs/markcost (aMarkTakesWhatItsHeapCosts; before, every assist's time
/// shortened the mark, as if both Ps marked at full speed), and charging an assist the heap's
/// per-object cost too, raised mixedsizes go1.27 from 11 to 17 (20 cycles, Go's idle runs
/// 19-20; 13 ms marks against 11-12; goals 77-80 MB against 82-84) and linkedlist go1.19 from
/// 81 to 84; nothing else moved. Charging Go 1.19's heap bitmap per pointerful allocation
/// (heapBitsNsPerWord, runs/allocptr) then took one value from mixedsizes go1.19 (12 → 11),
/// whose cycles were and are wrong (28 against Go's 16-21: its marks too short, 4-5 ms against
/// 5-8, its goals 58-65 MB against 76-80). An assist owing the mark work remaining over the
/// heap remaining, revised as the mark goes (mgcpacer.go revise: the background worker's
/// progress is not owed again), raised mixedsizes go1.27 from 17 to 19 — its cycles now read
/// `70->82->41 MB, 82 MB goal` against Go's idle runs' `72->84->42 MB, 84 MB goal` — and moved
/// linkedlist go1.19's last NextGC from Go's 23.4 MiB to 22.1 (84 → 83). Counting the idle
/// worker's time in endCycle's cons/mark (mgcpacer.go idleUtilization, confirmed cycle by cycle
/// by Go 1.19.8's gcpacertrace: Tests/Recordings/runs/pacertrace) and charging a released page's
/// refault at the 4 KiB rate in Go 1.19 (then CostModel.refaultNsPerByte: its mutator allocated a
/// fifth as fast during marks as between them, paying the THP fill's rate for pages the
/// scavenger had released) raised mixedsizes go1.19 from 11 to 13 (26 cycles against 16-21;
/// goals 66-71 MB against 76-80), largeobj go1.19 from 119 to 120 and smallobj50 go1.27 from
/// 27 to 28; nothing else moved. Counting the program's own globals in the pacer's globalsScan
/// (symtab.go modulesinit adds every module's data and bss; mixedsizes' two rings of slice
/// headers are 196,608 B of it; pointer-free variables are in noptrbss and not counted,
/// runs/bigglobals), with their scan in each mark (markNsPerGlobalByte), and building no zero
/// value for a package-level `var` (it is bss) raised mixedsizes go1.27 from 19 to 25 — its
/// steady cycles read `72->84->42 MB, 84 MB goal`, as Go's idle runs do — and largeobj go1.19
/// from 120 to 121, and took one value from mixedsizes go1.19 (13 → 12: its last NextGC, 72 MB
/// against 77-96, item 4's gap). (Letting assists owe mark work in heaps without pointerful
/// objects too, as Go's never-zero assist ratio does, raised largeobj go1.19 to 145 but made
/// alloccost's recycled steps and lesson 10 run 2-4 cycles too many on go1.27: see
/// GoRuntime.assist.) Go 1.19's huge pages as its source gives them (only whole huge pages of a
/// span readied from released or fresh pages are MADV_HUGEPAGE; every other fault is a 4 KiB
/// one, CostModel.smallPageFaultNsPerByte, where before only a released page's refault was)
/// moved bigglobals' second cycle from 25 ms to Go's 8-9 and mixedsizes go1.19 from 12 to 13,
/// and took five values from largeobj go1.19 (121 → 116: its churn of reused 1 MiB spans now
/// runs faster than Go's fastest runs, 19 ms against 36-144, so fewer cycles and less
/// scavenging fall in it) and one from linkedlist go1.19 (83 → 82). Letting go1.19's assists
/// steal half the worker's credit (assistsDrawOnTheWorkersCredit) raised mixedsizes go1.19 from
/// 13 to 19, and giving the fractional worker its share of a mark beside the running program
/// (theFractionalWorkerMarksBesideTheProgram) to 21: its steady cycles read `65->76->38 MB, 76
/// MB goal` (were `61->69->35 MB, 72 MB goal`) and it runs 20 cycles (Go 16-21; 23 before);
/// what it misses now is HeapSys (87.8 MiB against 91.7-167.8) and HeapReleased (the real heap
/// fragments more in the first 50,000 steps). Nothing else moved.
@Test(arguments: [
  ("smallobj", "go1.27", 100, 27), ("smallobj", "go1.19", 100, 28),
  ("smallobj50", "go1.27", 50, 28), ("smallobj50", "go1.19", 50, 28),
  ("linkedlist", "go1.27", 100, 84), ("linkedlist", "go1.19", 100, 82),
  ("mixedsizes", "go1.27", 100, 25), ("mixedsizes", "go1.19", 100, 21),
  ("largeobj", "go1.27", 100, 140), ("largeobj", "go1.19", 100, 116),
])
func pacerAndSpanScenariosStayAtLeastThisClose(
  _ name: String, _ profile: String, _ gogc: Int, _ floor: Int
) throws {
  let f = try FidelityRun(name, profile, gogc: gogc)
  let s = f.score()
  #expect(s.compared >= 28 && s.inTolerance >= floor, "\(s.inTolerance)/\(s.compared): \(s.misses)")
}

/// The scavenger's work by residency (CostModel.releaseNs, runs/releasecost): FreeOSMemory of a
/// dropped 400 MiB slice takes Go 1.27.3 0.7 ms when the memory was never touched, 26-42 ms when
/// every page was written, and 3.6-4.4 ms when it was not written but reused pages an earlier
/// slice had (the kernel kept their page tables). gcsh times the same program on its clock: each
/// round's duration is within the range of the recorded rounds of its kind (a quarter either
/// side) and it releases what they did (within 1 MiB). Go 1.19.8's huge-page releases cost the
/// same resident or not (2.2-4.8 ms), 0.7-1.0 ms never touched.
@Test(arguments: ["1.27.3", "1.19.8"])
func releasingMemoryCostsWhatItsResidencyDoes(_ version: String) throws {
  let run = try RecordedRun("releasecost")
  func rounds(_ text: String) throws -> [(touched: Bool, ns: Int, released: Int)] {
    try text.split(separator: "\n").map { line in
      let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      return (o["touched"] as! Bool, o["freeOSMemoryNs"] as! Int, o["released"] as! Int)
    }
  }
  let real = try run.runs(version).map(rounds)
  #expect(real.count == 3)
  let (host, _, _) = try interpret(
    run.source, name: "./main.go", profile: version == "1.27.3" ? .go127 : .go119)
  let mine = try rounds(host.text)
  #expect(mine.count == 6)
  // Rounds of a kind: the first (memory never touched), the written ones, the unwritten later
  // ones (reusing pages an earlier round wrote).
  func kind(_ i: Int, _ touched: Bool) -> Int { i == 0 ? 0 : touched ? 1 : 2 }
  for (i, m) in mine.enumerated() {
    let ns = real.flatMap { r in r.indices.filter { kind($0, r[$0].touched) == kind(i, m.touched) }.map { r[$0].ns } }
    #expect(m.touched == real[0][i].touched)
    #expect(
      Double(m.ns) >= 0.75 * Double(ns.min()!) && Double(m.ns) <= 1.25 * Double(ns.max()!),
      "round \(i): \(m.ns) ns vs \(ns)")
    #expect(real.contains { abs($0[i].released - m.released) <= MiB }, "round \(i): \(m.released)")
  }
}

/// headertouch (Tests/Recordings/runs/headertouch): mixedsizes' program under GOGC=off. No
/// object is ever written and nothing is reused, so the resident set is what the runtime writes
/// itself: in Go 1.27 the 8-byte type header in front of each pointerful object above 512 B
/// (mbitmap.go heapSetTypeSmallHeader), the inline mark bits at the end of each 16-512 B span,
/// and the 160-byte mspan structure of each of the ~36,000 spans. Go 1.27.3's six runs read RSS
/// 29.2, 55.9, 82.6 and 109.3 MiB at the four checkpoints (all within 0.2 MiB of each other);
/// gcsh read 9 MiB at the end before it wrote the headers, 102.5 before it counted the span
/// structures, and 28.6, 55.1, 81.6, 108.1 now: within the fidelity tolerance for RSS,
/// max(2 %, 2 MiB). (Go 1.19.8, whose heap bitmap lives outside the arena, reads 11.3-39.5 MiB,
/// gcsh 8.7-30.0: listed in Tests/Recordings/runs/README.md.)
@Test func theRuntimesOwnWritesMakePagesResident() throws {
  let recording = try RecordedRun("headertouch")
  let real: [[Int]] = try recording.runs("1.27.3").map { text in
    try text.split(separator: "\n").map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      return try #require(object["RSS"] as? Int)
    }
  }
  #expect(real.count == 6)
  let (host, _, _) = try interpret(recording.source, name: "./main.go", profile: .go127) { rt in
    _ = try! rt.setGCPercent(-1)
  }
  let mine = host.stats.map(\.1.rss)
  #expect(mine.count == 5)
  for (i, m) in mine.enumerated() where i > 0 {
    let values = real.compactMap { i < $0.count ? $0[i] : nil }
    #expect(values.contains { Double(abs(m - $0)) <= max(0.02 * Double($0), Double(2 * MiB)) },
            "checkpoint \(i): gcsh \(m >> 20) MiB, Go \(values.map { $0 >> 20 }) MiB")
  }
}

/// A timed recording (alloccost, markcost: NAME.gcs exported to main.go, whose checkpoints
/// print `t`): per recorded run of the profile's Go, and for gcsh's run of NAME.gcs, each
/// checkpoint's (label, time in ns, NumGC); and gcsh's cycles.
private func timedCheckpoints(
  _ name: String, _ profile: RuntimeProfile
) throws -> (real: [[(String, Int, Int)]], mine: [(String, Int, Int)], cycles: [GCCycle]) {
  let recording = try RecordedRun(name)
  let script = try String(
    contentsOf: recording.directory.appendingPathComponent("\(name).gcs"), encoding: .utf8)
  let real: [[(String, Int, Int)]] = try recording.runs(profile.name == "go1.27" ? "1.27.3" : "1.19.8").map { text in
    try text.split(separator: "\n").map { line in
      let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      return (o["label"] as! String, Int(((o["t"] as! Double) * 1e9).rounded()), o["NumGC"] as! Int)
    }
  }
  var cycles: [GCCycle] = []
  let (host, _, _) = try interpret(script, name: "\(name).gcs", profile: profile) { rt in
    rt.subscribe { if case .gcEnd(let c) = $0 { cycles.append(c) } }
  }
  return (real, host.stats.map { ($0.0 ?? "", $0.1.timeNs, $0.1.numGC) }, cycles)
}

/// alloccost (Tests/Recordings/runs/alloccost: alloccost.gcs, exported to main.go, six runs per
/// version): the time small allocations take, by size from 16 B to 16 KiB, on fresh memory
/// (GOGC=off) and recycled through a heap with nothing live (GOGC=100), with the cycles in
/// between. gcsh's CostModel (smallAllocNs, smallSpanNs, zeroNsPerByte, sweepNsPerSpan) is fitted
/// to it: each step's virtual time is within 25 % of the recorded runs' range, and the cycles
/// it runs within one of theirs. Before the fit the steps ran 2-20 times too fast (fresh 4 KiB objects
/// 0.09 ms against 1.8-1.9 ms) and runtime.GC() of 11,300 spans took 0.7 ms against 12. One
/// step is known to miss: fresh 256-byte objects in Go 1.27.3 take 11.3-12.1 ms, gcsh 6.9 — the
/// page fault each new span's inline mark bits take costs ~3.5 us there, where gcsh charges the
/// sequential-fill rate; and Go 1.27.3 runs 19-22 cycles for 64 MiB of 16 KiB objects, gcsh 17
/// (Tests/Recordings/runs/README.md). `collected` also checks that
/// debug.SetGCPercent(100) over a 97 MB heap starts no cycle by itself (mgcpacer.go
/// setGCPercent): runtime.GC() after it is the only one, NumGC 1 in every run.
/// allocptr (the same steps with pointerful objects) adds Go 1.19.8's heap bitmap
/// (heapBitsNsPerWord: heapBitsSetType's two bits a word; before it, fresh 1, 4 and 16 KiB
/// objects took gcsh 2.9, 2.4 and 1.3 ms against 3.8-4.5, 3.5-4.0 and 2.9-3.3) and Go 1.27.3's
/// malloc header, whose page fault gcsh charges as a touch. Known to miss in Go 1.27.3: fresh
/// 16 KiB pointerful objects (gcsh 1.8 ms against 2.5-3.5: the header's fault costs more than
/// the touch charged, as the inline mark bits' does at 256 B), and the recycled pointerful 64
/// and 256 B steps' cycles (gcsh 21 and 21, Go 16-19 and 15-19: its pointerful cycles each
/// let ~25 % more be allocated, where its pointer-free ones match gcsh's). Counting the idle
/// worker's time in cons/mark moved them: 4 KiB from 26 to 25 cycles (within one of Go's 19-24), 64 B
/// from 20 to 21. Tests/Recordings/runs/pacertrace/allocptr has Go's own pacer lines for them.
@Test(arguments: ["alloccost", "allocptr"], ["go1.27", "go1.19"])
func allocationCostsFollowTheRecordedRuns(_ name: String, _ profileName: String) throws {
  let profile = try #require(RuntimeProfile.named(profileName))
  let (real, mine, _) = try timedCheckpoints(name, profile)
  try #require(real.count == 6 && real.allSatisfy { $0.count == 14 })
  try #require(mine.count == 14)
  let knownTimes = profile.name == "go1.27" ? (name == "alloccost" ? ["fresh 256"] : ["fresh 16384"]) : []
  let knownCycles =
    profile.name != "go1.27" ? [] : name == "alloccost" ? ["recycled 16384"] : ["recycled 64", "recycled 256"]
  for i in 1..<14 {
    let label = mine[i].0
    #expect(real.allSatisfy { $0[i].0 == label })
    let steps = real.map { $0[i].1 - $0[i - 1].1 }
    let step = mine[i].1 - mine[i - 1].1
    let inRange = Double(step) >= 0.75 * Double(steps.min()!) && Double(step) <= 1.25 * Double(steps.max()!)
    #expect(inRange != knownTimes.contains(label), "\(label): gcsh \(Double(step) / 1e6) ms, Go \(steps.map { Double($0) / 1e6 }) ms")
    // The cycles the step ran.
    let cycles = real.map { $0[i].2 - $0[i - 1].2 }
    let ran = mine[i].2 - mine[i - 1].2
    #expect((ran >= cycles.min()! - 1 && ran <= cycles.max()! + 1) != knownCycles.contains(label), "\(label): \(ran) cycles vs \(cycles)")
  }
  #expect(mine[7].0 == "collected" && mine[7].2 == 1)
}

/// markcost (Tests/Recordings/runs/markcost: markcost.gcs, exported to main.go, six runs per
/// version): runtime.GC() over five heaps, three times each, the program waiting while both Ps
/// mark. The mark's costs (markBaseNs, markNsPerScanByte, markNsPerObject: one worker's) and
/// markParallelGain (what the second P adds: Go 1.27.3 nothing, its two workers each at half
/// the speed of one; Go 1.19.8 three quarters) are fitted to it: each heap's second and third
/// runtime.GC() take gcsh within 25 % of the runs' range. (The first of each is left out: it
/// waits for a cycle the build started, or sweeps what the phase before dropped — and in Go
/// 1.27.3 the first mark of 262,144 fresh small objects takes twice the later ones, 22-27 ms,
/// which gcsh does not model.) Before the fit Go 1.19.8's ring and large object took gcsh
/// twice their time (8.3 ms against 3.4-4.0; 17 against 7-16) and Go 1.27.3's chain 38.6 ms
/// against 21-28.
@Test(arguments: ["go1.27", "go1.19"])
func aMarkTakesWhatItsHeapCosts(_ profileName: String) throws {
  let profile = try #require(RuntimeProfile.named(profileName))
  let (real, mine, cycles) = try timedCheckpoints("markcost", profile)
  try #require(real.count == 6 && real.allSatisfy { $0.count == 21 })
  try #require(mine.count == 21)
  // Per run, per cycle number: gctrace's mark CPU of the workers (background + idle) over its
  // mark clock — 2 when both Ps mark, 1 when one does.
  let traces = try RecordedRun("markcost").runs(profile.name == "go1.27" ? "1.27.3" : "1.19.8", stream: "stderr")
  let workerShare: [[Int: Double]] = traces.map { text in
    var share: [Int: Double] = [:]
    for l in RecordedTraceLine.lines(text) where l.markClock > 0 { share[l.number] = (l.background + l.idle) / l.markClock }
    return share
  }
  var checked = 0
  var cpuChecked = 0
  for i in 1..<21 where mine[i].0 == "gc 2" || mine[i].0 == "gc 3" {
    #expect(real.allSatisfy { $0[i].0 == mine[i].0 })
    let steps = real.map { $0[i].1 - $0[i - 1].1 }
    let step = mine[i].1 - mine[i - 1].1
    let heap = mine[..<i].last { !$0.0.hasPrefix("gc ") }?.0 ?? ""
    #expect(
      Double(step) >= 0.75 * Double(steps.min()!) && Double(step) <= 1.25 * Double(steps.max()!),
      "\(heap), \(mine[i].0): gcsh \(Double(step) / 1e6) ms, Go \(steps.map { Double($0) / 1e6 }) ms")
    // One forced cycle each, as in every run.
    #expect(mine[i].2 - mine[i - 1].2 == 1)
    // Its workers' CPU: both Ps, or one where the mark is a chain (markWithEveryP). (Not for
    // marks under a millisecond — the pointer-free ring's —, where waking the second P's worker
    // is much of the mark and the real runs read anything from 0.7 to 1.6 times the clock.)
    let c = try #require(cycles.first { $0.number == mine[i].2 })
    if c.markNs >= 1_000_000 {
      let share = Double(c.cpuBackgroundNs + c.cpuIdleNs) / Double(c.markNs)
      let shares = real.indices.compactMap { workerShare[$0][real[$0][i].2] }
      #expect(shares.count == 6)
      #expect(
        share >= 0.75 * shares.min()! && share <= 1.25 * shares.max()!,
        "\(heap), \(mine[i].0): workers' CPU \(share) × the mark clock, Go \(shares)")
      cpuChecked += 1
    }
    checked += 1
  }
  #expect(checked == 10 && cpuChecked == 8)
}

/// A linked list's mark is serial: each node is found only once the node before it has been
/// scanned, so however many assists join the mark it takes one scan after another
/// (markFromRoots' levels; RunningCycle.earliestDue). Go 1.27.3's first three marks in
/// Tests/Recordings/runs/linkedlist last 7.0-15, 14-34 and 26-54 ms of wall time; gcsh's lasted
/// 3.2, 7.0 and 15 ms when the assists could shorten them at will, and its goals then trailed the
/// real ones by a cycle's growth. The first two heap-triggered marks (the third is forced in
/// some runs) are now at least 0.6 times the shortest recorded one of the same cycle.
@Test(arguments: ["go1.27", "go1.19"])
func aPointerChainsMarkTakesItsLength(_ profileName: String) throws {
  let f = try FidelityRun("linkedlist", profileName)
  let recording = try RecordedRun("linkedlist")
  let traces = recording.runs(profileName == "go1.27" ? "1.27.3" : "1.19.8", stream: "stderr")
  #expect(traces.count == 6)
  // gctrace's second clock field (concurrent mark, ms) of each run's heap-triggered cycles.
  let marks: [[Double]] = traces.map { text in
    text.split(separator: "\n").filter { $0.hasPrefix("gc ") && !$0.hasSuffix("(forced)") }.compactMap { line in
      guard let clock = line.split(separator: ":").dropFirst().first?.split(separator: " ").first else { return nil }
      let parts = clock.split(separator: "+")
      return parts.count == 3 ? Double(parts[1]) : nil
    }
  }
  let mine = f.cycles.filter { $0.trigger != .user }.map { Double($0.markNs) / 1e6 }
  try #require(mine.count >= 2 && marks.allSatisfy { $0.count >= 2 })
  for (i, m) in mine.prefix(2).enumerated() {
    let recorded = marks.map { $0[i] }
    #expect(m >= 0.6 * recorded.min()!, "gc \(i + 1): gcsh \(m) ms, Go \(recorded) ms")
  }
}

/// One recorded gctrace line (`gc 8 @0.114s 9%: 0.039+7.9+0.026 ms clock, 0.079+1.6/0.75/5.9+0.052
/// ms cpu, 59->67->36 MB, 69 MB goal, ...`): the cycle, the concurrent mark's clock, its
/// assist/background/idle CPU, ms, and the marked heap, MB (MiB, as gctrace truncates them).
private struct RecordedTraceLine {
  let number: Int
  let markClock: Double
  let assist: Double, background: Double, idle: Double
  let marked: Double

  init?(_ line: Substring) {
    let f = line.split(separator: " ")
    guard line.hasPrefix("gc "), f.count > 8, let n = Int(f[1]) else { return nil }
    let clock = f[4].split(separator: "+").compactMap { Double($0) }
    let cpu = f[7].split(separator: "+")
    guard clock.count == 3, cpu.count == 3 else { return nil }
    let mark = cpu[1].split(separator: "/").compactMap { Double($0) }
    guard mark.count == 3, let heap = f.first(where: { $0.contains("->") }),
      let marked = heap.split(separator: "-").last.flatMap({ Double($0.dropFirst()) })
    else { return nil }
    (number, markClock, assist, background, idle, self.marked) = (n, clock[1], mark[0], mark[1], mark[2], marked)
  }

  /// A recorded run's trace: its lines of cycle `from` on.
  static func lines(_ text: String, from: Int = 1) -> [RecordedTraceLine] {
    text.split(separator: "\n").compactMap { RecordedTraceLine($0) }.filter { $0.number >= from }
  }
}

private func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return (s[(s.count - 1) / 2] + s[s.count / 2]) / 2
}

/// An assist first steals the background worker's scan credit and scans only for the debt left
/// (mgcmark.go gcAssistAlloc, gcController.bgScanCredit; CostModel.workerCreditShare). In
/// mixedsizes the idle worker marks on the P the program leaves free for most of each mark.
/// Go 1.19.8's assists then take a quarter of the steady marks' clock (medians 0.24-0.27 in the
/// idle runs 4-6) and the mutator allocates on: the cycles mark 38-40 MB, 12 MB of it allocated
/// black (`68->80->40 MB, 80 MB goal`). Go 1.27.3's take two thirds (0.64-0.67): its debt is
/// paid in scan work. Without the credit, gcsh's go1.19 assists took 0.55 of its marks and its
/// cycles marked 35 MB (`61->69->35 MB, 72 MB goal`); with half of it, 0.37 and 38 MB — still
/// 40 % above the idle runs' share (CostModel.workerCreditShare says why half). gcsh's steady cycles (8 and
/// later, as the runs') mark within 1 MiB of the six runs' medians, and their assists' share of
/// the clock is at least 0.75 and at most 1.5 times the idle runs' medians.
@Test(arguments: versions)
func assistsDrawOnTheWorkersCredit(_ v: Version) throws {
  let f = try FidelityRun("mixedsizes", v.profile)
  let traces = f.run.runs(v.recorded, stream: "stderr")
  #expect(traces.count == 6)
  // Per run: the medians of its steady cycles' marked MB and assist CPU over mark clock.
  let runs: [(marked: Double, share: Double)] = try traces.map { text in
    let steady = RecordedTraceLine.lines(text, from: 8)
    try #require(steady.count >= 5)
    return (median(steady.map(\.marked)), median(steady.map { $0.assist / $0.markClock }))
  }
  let steady = f.cycles.filter { $0.number >= 8 }
  try #require(steady.count >= 5)
  let marked = median(steady.map { Double($0.heapMarked >> 20) })  // gctrace's MB are MiB, truncated
  let share = median(steady.map { Double($0.cpuAssistNs) / Double($0.markNs) })
  let markedRange = runs.map(\.marked)
  // Runs 4-6, made on an idle machine: on the loaded one the assists' share ranges from 0 to 0.4.
  let idleShares = runs.suffix(3).map(\.share)
  #expect(marked >= markedRange.min()! - 1 && marked <= markedRange.max()! + 1, "marked \(marked) MB, Go \(markedRange)")
  #expect(share >= 0.75 * idleShares.min()! && share <= 1.5 * idleShares.max()!, "assists \(share) of the mark, Go \(idleShares)")
}

/// On 2 Ps the 25 % background goal is a fractional worker's (mgcpacer.go startCycle), which
/// findRunnableGCWorker gives the free P whenever it reschedules below its share, between the
/// idle worker's spells (GoRuntime.markWorkerPlan). Beside a program that keeps allocating it
/// gets a good part of its share: mixedsizes' steady marks give gctrace's background column a
/// median 0.06-0.19 of the clock in Go 1.19.8's runs and 0.05-0.40 in Go 1.27.3's (gcsh: 0.25;
/// one drain slice, 0.01, before). A mark that has done its work while a fill the collector
/// cannot preempt holds termination off is idle time on the free P: the seed's Go 1.19.8
/// anchors read `0/0.077/903` and `0/0.064/1148 ms cpu` (../shared/anchors/go1.19), and gcsh's
/// first cycle of the seed, the same shape, keeps one slice (on go1.27, whose mark preempts the
/// fill, too).
@Test(arguments: versions)
func theFractionalWorkerMarksBesideTheProgram(_ v: Version) throws {
  let f = try FidelityRun("mixedsizes", v.profile)
  let runs: [Double] = try f.run.runs(v.recorded, stream: "stderr").map { text in
    let steady = RecordedTraceLine.lines(text, from: 8)
    try #require(steady.count >= 5)
    return median(steady.map { $0.background / $0.markClock })
  }
  #expect(runs.count == 6)
  let steady = f.cycles.filter { $0.number >= 8 }
  try #require(steady.count >= 5)
  let share = median(steady.map { Double($0.cpuBackgroundNs) / Double($0.markNs) })
  #expect(share >= 0.5 * runs.min()! && share <= 1.5 * runs.max()!, "background \(share) of the mark, Go \(runs)")

  let seedPath = try #require(exampleFiles().first { $0.hasSuffix("/seed.gcs") })
  let seed = try String(contentsOfFile: seedPath, encoding: .utf8)
  var cycles: [GCCycle] = []
  _ = try interpret(seed, name: "seed.gcs", profile: v.runtime) { rt in
    rt.subscribe { e in if case .gcEnd(let c) = e { cycles.append(c) } }
  }
  let first = try #require(cycles.first)
  // Go 1.19's fill is a loop without a safe point; Go 1.27 preempts it (the anchors' first
  // marks: 0.16-0.37 ms). Either way the free P's time is the idle worker's.
  if v.profile == "go1.19" { #expect(first.markNs > 500_000_000, "the fill holds the first mark \(first.markNs) ns") }
  #expect(first.cpuBackgroundNs < 1_000_000, "background \(first.cpuBackgroundNs) ns")
}

/// The program's own globals are GC roots the pacer counts (symtab.go modulesinit adds each
/// module's data and bss to globalsScan; mgcpacer.go puts them in every goal and runway).
/// Tests/Recordings/runs/bigglobals declares 8 MiB of pointer slots and 4 MiB of ints, then
/// churns 64 MiB of garbage. Its first goal is the globals' size, not the 4 MiB minimum
/// (Go 1.27.3: 8,538,834 B, 1.19.8: 8,592,848 B), and the ints add nothing: the linker puts
/// pointer-free variables in noptrbss, which the collector never reads. No zero value of the
/// arrays is built anywhere (they are bss): the stack at the start is the recorded one. The
/// first mark scans the 8 MiB in 2.7-3.0 ms of clock and 4.7-5.9 ms of CPU
/// (CostModel.markNsPerGlobalByte). Between the first two marks Go 1.19.8's mutator zeroes reused
/// 64 KiB spans it never wrote, faulting their pages in 4 KiB at a time: no huge page lies whole
/// in such a span (mem_linux.go sysUsedOS; CostModel.smallPageFaultNsPerByte), so the second
/// cycle starts at 8-9 ms, in both eras; charged at the 400 MB fill's huge-page rate, gcsh's
/// started at 25 ms.
@Test(arguments: versions)
func globalsScanCountsTheProgramsGlobals(_ v: Version) throws {
  let f = try FidelityRun("bigglobals", v.profile)
  let realStart = f.replicates.map { $0[0] }
  let start = f.mine[0]
  for real in realStart {
    let goal = try #require(real["NextGC"])
    // The runtime's own globals differ from gcsh's by the binary's few KB (0.1 %).
    #expect(abs(start.nextGC - goal) < goal / 500, "gcsh \(start.nextGC), Go \(goal)")
    #expect(start.stackInuse == real["StackInuse"], "gcsh \(start.stackInuse), Go \(real["StackInuse"]!)")
  }
  // gctrace's "8 MB globals", every cycle of every run, and gcsh's cycles the same number.
  let traces = f.run.runs(v.recorded, stream: "stderr")
  #expect(traces.count == 3)
  let lines = traces.map { $0.split(separator: "\n").filter { $0.hasPrefix("gc ") } }
  #expect(lines.allSatisfy { $0.count >= 4 && $0.allSatisfy { $0.contains(" 8 MB globals") } })
  try #require(f.cycles.count >= 4)
  #expect(f.cycles.allSatisfy { $0.globals == start.nextGC })
  // The first mark's clock and CPU (assist + background + idle: gcsh's assists leave this
  // heap's work to the idle worker, GoRuntime.assist) within a quarter of the recorded ranges.
  let first = f.cycles[0]
  #expect(Double(first.markNs) > 0.75 * 2.7e6 && Double(first.markNs) < 1.25 * 3.0e6, "\(first.markNs) ns")
  let cpu = Double(first.cpuAssistNs + first.cpuBackgroundNs + first.cpuIdleNs)
  #expect(cpu > 0.75 * 4.7e6 && cpu < 1.25 * 5.9e6, "\(cpu) ns of mark CPU")
  // When the second cycle starts: gctrace's `gc 2 @0.009s`.
  let secondStarts = try lines.map { l -> Double in
    let at = try #require(l[1].split(separator: " ").dropFirst(2).first)
    return try #require(Double(at.dropFirst().dropLast()))
  }
  let second = Double(f.cycles[1].startNs) / 1e9
  #expect(second >= 0.75 * secondStarts.min()! && second <= 1.25 * (secondStarts.max()! + 0.0005),
          "gc 2 at \(second) s, Go \(secondStarts)")
}
