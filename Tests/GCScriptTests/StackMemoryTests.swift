// The goroutine stack a GCScript program uses, against the real runs of
// Tests/Recordings/runs/stackgrow (the same main.go, `ckpt.CP(label)` written `stats label`) and
// stackbounds (main's own stack size at each checkpoint). gcsh's frames are not Go's — a level
// of `down` is 48 simulated bytes here, 32 in Go — so where the sizes differ (from 100,000
// levels on) the tests check the mechanism's numbers: the stack is the power of two newstack
// picks for the frames, StackInuse is that stack rounded as the allocator rounds it plus the
// other goroutines' stacks, the goal counts the scanned stack exactly as mgcpacer.go does.

import Foundation
@testable import GCScript
@testable import GoHeap
import Testing

/// A checkpoint of gcsh's run, with main's stack as GoHeap and the VM see it then.
struct StackCheckpoint {
  let label: String
  let stats: MemStats
  /// main's stack size, bytes.
  let size: Int
  /// The VM's frames: their simulated bytes (main.main's frame up) and count.
  let frameBytes: Int
  let frames: Int
}

final class StackHost: ScriptHost {
  var checkpoints: [StackCheckpoint] = []
  var cycles: [GCCycle] = []
  weak var interpreter: Interpreter?
  func output(_ t: String) {}
  func errorOutput(_ t: String) {}
  func expectation(_ r: ExpectationResult) {}
  func stats(label: String?, view: String?) {
    guard let i = interpreter else { return }
    checkpoints.append(StackCheckpoint(
      label: label ?? "", stats: i.heap.memStats(), size: i.heap.goroutineStackSize,
      frameBytes: i.vm.stackFrameBytes, frames: i.vm.stackFrameCount))
  }
}

/// gcsh's run of a recorded program's main.go under `profile`.
func runRecorded(
  _ name: String, _ profile: RuntimeProfile, machine: MachineConfig = MachineConfig()
) throws -> StackHost {
  let run = try RecordedRun(name)
  let rt = GoRuntime(profile: profile, machine: machine)
  let host = StackHost()
  rt.subscribe { if case .gcEnd(let c) = $0 { host.cycles.append(c) } }
  let interp = Interpreter(heap: rt, host: host)
  host.interpreter = interp
  let src = Source(name: "./main.go", text: run.source)
  let (stmts, errors, _) = Interpreter.parse(src)
  if let e = errors.first { throw e }
  try interp.run(stmts, source: src)
  try rt.checkInvariants()
  return host
}

/// The recording's checkpoints (run 1) as JSON objects.
func recordedCheckpoints(_ name: String, _ version: String) throws -> [[String: Int]] {
  let url = try RecordedRun(name).directory.appendingPathComponent("go\(version).stdout")
  return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
    var row = try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    row["label"] = nil
    return row.mapValues { $0 as! Int }
  }
}

/// Main's stack at each of stackbounds' checkpoints (stderr `label size used`).
func recordedMainStacks(_ version: String) throws -> [(size: Int, used: Int)] {
  let url = try RecordedRun("stackbounds").directory.appendingPathComponent("go\(version).stderr")
  return try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    .filter { !$0.hasPrefix("gc ") || $0.split(separator: " ").count == 3 }
    .map { $0.split(separator: " ") }
    .filter { $0.count == 3 }
    .map { (Int($0[1])!, Int($0[2])!) }
}

/// The profile and the recording of one Go version.
struct Version: CustomTestStringConvertible, Sendable {
  let recorded: String
  let profile: String
  var testDescription: String { profile }
  var runtime: RuntimeProfile { RuntimeProfile.named(profile)! }
  var stacks: ContiguousStacks {
    guard case .contiguous(let p) = runtime.stacks else { fatalError("segmented") }
    return p
  }
}

let versions = [
  Version(recorded: "1.27.3", profile: "go1.27"), Version(recorded: "1.19.8", profile: "go1.19"),
]

/// stackgrow's checkpoint indexes: start, then per depth bottom, bottom_gc, returned, 16 × gc.
enum Phase: Int, CaseIterable {
  case d1k = 0, d10k, d100k, d1M
  var depth: Int { [1000, 10_000, 100_000, 1_000_000][rawValue] }
  var bottom: Int { 1 + 19 * rawValue }
  var bottomGC: Int { bottom + 1 }
  var returned: Int { bottom + 2 }
  func gc(_ k: Int) -> Int { bottom + 3 + k }
}

/// The stack newstack picks: each growth at least doubles and leaves the 928-byte guard below
/// the frames, so the stack at the bottom holds them with the guard and half of it would not
/// (up to StackSmall, 128 B, by which a small frame's check runs early).
func isNewstacksSize(_ size: Int, used: Int, _ p: ContiguousStacks) -> Bool {
  size.nonzeroBitCount == 1 && used + p.stackNosplit <= size
    && (size == p.mainStartSize || used + p.stackGuard + p.stackSmall > size / 2)
}

@Test(arguments: versions)
func stackSizesFollowTheFramesAsNewstackDoubles(_ v: Version) throws {
  let p = v.stacks
  let gcsh = try runRecorded("stackgrow", v.runtime).checkpoints
  let real = try recordedMainStacks(v.recorded)
  #expect(gcsh.count == 77 && real.count == 77)
  // A level of `down` is 48 B in gcsh (4 slots and 16 B of return address and frame pointer),
  // 32 B in Go (`main.down $24-8` and the return address).
  let perLevel = (gcsh[Phase.d10k.bottom].frameBytes - gcsh[Phase.d1k.bottom].frameBytes) / 9000
  let realPerLevel = (real[Phase.d10k.bottom].used - real[Phase.d1k.bottom].used) / 9000
  #expect(perLevel == 48 && realPerLevel == 32)
  for phase in Phase.allCases {
    let cp = gcsh[phase.bottom]
    let used = p.mainBaseBytes + cp.frameBytes
    #expect(isNewstacksSize(cp.size, used: used, p), "gcsh at depth \(phase.depth)")
    let go = real[phase.bottom]
    #expect(isNewstacksSize(go.size, used: go.used, p), "Go at depth \(phase.depth)")
  }
  // Where the frames need the same power of two, gcsh's stack is Go's: 64 KiB and 512 KiB.
  #expect(gcsh[Phase.d1k.bottom].size == 64 * KiB && real[Phase.d1k.bottom].size == 64 * KiB)
  #expect(gcsh[Phase.d10k.bottom].size == 512 * KiB && real[Phase.d10k.bottom].size == 512 * KiB)
  // From 100,000 levels on gcsh's frames take 1.5 times Go's: one doubling more.
  #expect(gcsh[Phase.d100k.bottom].size == 8 * MiB && real[Phase.d100k.bottom].size == 4 * MiB)
  #expect(gcsh[Phase.d1M.bottom].size == 64 * MiB && real[Phase.d1M.bottom].size == 32 * MiB)
  // main.main starts with 4 KiB in both.
  #expect(gcsh[0].size == 4 * KiB && real[0].size == 4 * KiB)
}

/// StackInuse is every stack span: the other goroutines' (the start-up pages but main's pool
/// span) and main's stack, or the 32 KiB pool span of a stack under 32 KiB. Where the sizes are
/// Go's, the numbers are the recording's — less what the runtime's scheduler added in the real
/// runs (a thread's g0 and signal stacks, the first GC's: multiples of 32 KiB, README).
@Test(arguments: versions)
func stackInuseIsTheStackRoundedAsTheAllocatorRoundsIt(_ v: Version) throws {
  let gcsh = try runRecorded("stackgrow", v.runtime).checkpoints
  let real = try recordedCheckpoints("stackgrow", v.recorded)
  let others = (v.runtime.startup.stackPages - 4) * 8 * KiB
  for (k, cp) in gcsh.enumerated() {
    #expect(cp.stats.stackInuse == others + max(cp.size, 32 * KiB), "checkpoint \(k) \(cp.label)")
    #expect(cp.stats.stackSys == cp.stats.stackInuse)
  }
  // The start, the 1k bottom (64 KiB - main's emptied 4 KiB pool span) and their HeapSys, exactly.
  for k in [0, Phase.d1k.bottom] {
    #expect(gcsh[k].stats.stackInuse == real[k]["StackInuse"])
    #expect(gcsh[k].stats.heapSys == real[k]["HeapSys"])
  }
  for k in 0..<Phase.d100k.bottom {
    let extra = real[k]["StackInuse"]! - gcsh[k].stats.stackInuse
    #expect(extra >= 0 && extra <= 96 * KiB && extra % (32 * KiB) == 0, "checkpoint \(k)")
  }
}

/// HeapSys does not count stack spans; the heap's mapped memory (HeapSys + StackInuse) grows in
/// 4 MiB chunks when a stack needs a run of pages the heap does not have, and never shrinks.
@Test(arguments: versions)
func stackSpansComeOutOfTheHeap(_ v: Version) throws {
  let gcsh = try runRecorded("stackgrow", v.runtime).checkpoints
  let real = try recordedCheckpoints("stackgrow", v.recorded)
  var mapped = 0
  for (k, cp) in gcsh.enumerated() {
    let m = cp.stats
    let now = m.heapSys + m.stackInuse
    #expect(now % (4 * MiB) == 0 && now >= mapped)
    mapped = now
    #expect(m.heapIdle == m.heapSys - m.heapInuse && m.heapReleased <= m.heapIdle)
    if k < Phase.d100k.bottom {
      #expect(now == real[k]["HeapSys"]! + real[k]["StackInuse"]!, "checkpoint \(k)")
    }
  }
  // The recording: 12 and 68 MiB after the 4 and 32 MiB stacks; gcsh's 8 and 64 MiB need 20 and
  // 132 MiB (with Go's frames it maps 68: GoHeapTests' largeStacksTakeTheHeapsPages).
  func realMapped(_ k: Int) -> Int { real[k]["HeapSys"]! + real[k]["StackInuse"]! }
  func gcshMapped(_ k: Int) -> Int { gcsh[k].stats.heapSys + gcsh[k].stats.stackInuse }
  #expect(realMapped(Phase.d100k.bottom) == 12 * MiB && realMapped(Phase.d1M.bottom) == 68 * MiB)
  #expect(gcshMapped(Phase.d100k.bottom) == 20 * MiB && gcshMapped(Phase.d1M.bottom) == 132 * MiB)
  // After the 1M phase the stacks' pages are idle heap.
  let end = gcsh[Phase.d1M.gc(15)].stats
  #expect(end.heapIdle > 120 * MiB && end.heapInuse < 1 * MiB)
}

/// After the return nothing changes until a GC; each runtime.GC() halves main's stack (the old
/// one returns to the heap at the cycle's end) until 4 KiB, in gcsh as in the recording.
@Test(arguments: versions)
func eachGCHalvesTheStackAfterTheReturn(_ v: Version) throws {
  let gcsh = try runRecorded("stackgrow", v.runtime).checkpoints
  let real = try recordedCheckpoints("stackgrow", v.recorded)
  let phase = Phase.d1M
  #expect(gcsh[phase.returned].size == gcsh[phase.bottom].size)
  #expect(real[phase.returned]["StackInuse"] == real[phase.bottom]["StackInuse"])
  var size = gcsh[phase.returned].size
  for k in 0..<16 {
    size = max(size / 2, 4 * KiB)
    #expect(gcsh[phase.gc(k)].size == size, "GC \(k + 1) after the return")
  }
  // The recording's StackInuse halves the same way while the stack is its own span: 32 MiB,
  // 16, ... 32 KiB is 10 GCs, each freeing half of the one before.
  var previous = real[phase.returned]["StackInuse"]!
  var mainSize = 32 * MiB
  for k in 0..<10 {
    let now = real[phase.gc(k)]["StackInuse"]!
    #expect(previous - now == mainSize / 2, "recorded GC \(k + 1)")
    previous = now
    mainSize /= 2
  }
  let realMain = try recordedMainStacks(v.recorded)
  #expect(realMain[phase.gc(15)].size == 4 * KiB)
}

/// The heap goal counts the stack the cycle scanned (lastStackScan: main's used bytes with
/// runtime.GC's frames, and the other goroutines'), as mgcpacer.go computes it; gctrace prints it
/// (1.27) or the allocated stacks (1.19). The recording: NextGC 32,288,266 / 32,278,744 at the
/// 1M bottom, `30 MB stacks` / `32 MB stacks`, then 4 MiB again once the stack was scanned small.
@Test(arguments: versions)
func theGoalCountsTheScannedStack(_ v: Version) throws {
  let p = v.stacks
  let host = try runRecorded("stackgrow", v.runtime)
  let gcsh = host.checkpoints
  let real = try recordedCheckpoints("stackgrow", v.recorded)
  let phase = Phase.d1M
  let cp = gcsh[phase.bottomGC]
  let scanned = p.otherStackScanBytes + p.mainBaseBytes + cp.frameBytes + p.gcCallFrameBytes
  let marked = cp.stats.heapAlloc
  // The runtime's globals; the program's own `var result int` holds no pointer (noptrbss).
  let globals = v.runtime.startup.globalsScanBytes
  #expect(cp.stats.nextGC == marked + (marked + scanned + globals))
  // The recording's goal by the same formula, with its binary's globals (data + bss).
  let realGlobals = v.recorded == "1.27.3" ? 150_218 : 204_208
  let realMarked = real[phase.bottomGC]["HeapAlloc"]!
  let realScanned = real[phase.bottomGC]["NextGC"]! - 2 * realMarked - realGlobals
  // Both scanned their frames from main.main's up (Go: main.main 32, phase 40 and 1,000,001 ×
  // 32 B), and the same rest: main's base, runtime.GC's frames and the other goroutines.
  #expect(realScanned - (32 + 40 + 32 * 1_000_001) == scanned - cp.frameBytes)
  // The cycle at the bottom: its trace line's "stacks".
  let c = try #require(host.cycles.first { $0.number == cp.stats.numGC })
  if v.profile == "go1.27" {
    #expect(c.stacks == scanned)
  } else {
    #expect(c.stacks == 4 * 2 * KiB + cp.size + 2 * 2 * KiB)
  }
  // Everywhere else the goal is the 4 MiB minimum — but for gcsh after the GC at the 100k bottom
  // too, where its 4.8 MB of frames (Go's: 3.2 MB) put the goal above it. The goal stays until
  // the next cycle: after the return, then the GC that scans the returned stack ends it.
  let above = Set(gcsh.indices.filter { gcsh[$0].stats.nextGC > 4 * MiB })
  let realAbove = Set(real.indices.filter { real[$0]["NextGC"]! > 4 * MiB })
  #expect(realAbove == [phase.bottomGC, phase.returned])
  #expect(above == [Phase.d100k.bottomGC, Phase.d100k.returned, phase.bottomGC, phase.returned])
  #expect(gcsh.allSatisfy { $0.stats.nextGC >= 4 * MiB })
}

/// A runaway recursion dies as newstack dies: `fatal error: stack overflow` once the next size is
/// above 1,000,000,000 B — with the stack at 512 MiB, as in the recording (`stack=[0x…2e0000,
/// 0x…2e0000]`, 512 MiB).
@Test func aRunawayRecursionOverflowsAt512MiB() {
  let rt = GoRuntime()
  let interp = Interpreter(heap: rt, host: nil)
  let e: ScriptError? = runOnLargeStack {
    let src = Source(name: "test.gcs", text: "func f(n int) int { return f(n+1) + 1 }\nf(0)")
    do {
      try interp.run(Interpreter.parse(src).0, source: src)
      return nil
    } catch let e as ScriptError {
      return e
    } catch {
      return nil
    }
  }
  #expect(e?.kind == .stackOverflow)
  #expect(e?.kind.message == """
    runtime: goroutine stack exceeds 1000000000-byte limit
    fatal error: stack overflow
    """)
  #expect(rt.goroutineStackSize == 512 * MiB)
  #expect(throws: Never.self) { try rt.checkInvariants() }
}

/// Go 1.0 has no stack limit: the segments keep coming until the machine's memory runs out and
/// the kernel kills the process.
@Test func go10RecursesUntilTheKernelKillsIt() throws {
  let machine = MachineConfig(ramBytes: 48 * MiB)
  let e = runOnLargeStack {
    failure("func f(n int) int { return f(n+1) + 1 }\nf(0)", profile: .go10, machine: machine)
  }
  guard case .death(.killedByKernel, _) = e?.kind else {
    Issue.record("expected the OOM killer, got \(String(describing: e?.kind))")
    return
  }
}

/// Go 1.0's segments: StackInuse follows the recursion down and back (a segment is freed when
/// the frame that needed it returns); StackSys keeps the FixAlloc's chunks.
@Test func go10SegmentsFollowTheRecursion() throws {
  let gcsh = try runRecorded("stackgrow", .go10).checkpoints
  let start = gcsh[0].stats
  #expect(start.stackInuse == 3 * 4 * KiB && start.stackSys == 128 * KiB)
  for phase in Phase.allCases {
    let bottom = gcsh[phase.bottom]
    let segments = (72 + 56 + bottom.frameBytes + 3895) / 3896
    #expect(bottom.stats.stackInuse == (2 + segments) * 4 * KiB)
    #expect(bottom.stats.stackSys >= bottom.stats.stackInuse)
    #expect(gcsh[phase.returned].stats.stackInuse == start.stackInuse)
    #expect(gcsh[phase.returned].stats.stackSys == bottom.stats.stackSys)
    #expect(bottom.stats.heapSys == start.heapSys)
  }
}

/// A frame larger than the stack grows it at its call: a non-escaping 32,000-byte array.
@Test func aLargeFrameGrowsTheStackAtItsCall() throws {
  let (_, host, rt) = try run("""
    func big() int {
      var a [4000]int
      a[3999] = 1
      stats "inside"
      return a[3999]
    }
    stats "before"
    big()
    stats "after"
    """)
  // 64 KiB for main, less its emptied 4 KiB pool span.
  let grown = 262_144 - 32 * KiB + 64 * KiB
  #expect(host.stats.map { $0.1.stackInuse } == [262_144, grown, grown])
  #expect(rt.goroutineStackSize == 64 * KiB)
}

/// `var x T` of an aggregate that lives in memory (its address is taken) is cleared in place:
/// the frame holds the variable once, not also a zero value to copy from, and each execution of
/// the declaration zeroes it again. (Tests/Recordings/runs/memstats: `local`'s 5,776-byte
/// MemStats is the only thing in its frame.)
@Test func aggregateVariablesInMemoryAreClearedInPlace() throws {
  let program = """
    func f() int {
    	s := 0
    	for i := 0; i < 3; i++ {
    		var a [100]int
    		p := &a
    		s += p[99]
    		p[99] = 7
    	}
    	return s
    }
    print f()
    """
  let (host, _, interp) = try interpret(program)
  #expect(host.text == "0\n")
  let listing = interp.bytecodeListing
  #expect(listing.contains("clearBlock"))
  // 100 words for `a`, plus a handful of scalars: no second 100-word temporary.
  let frame = try #require(listing.split(separator: "\n").first { $0.hasPrefix("func f:") })
  let slots = Int(frame.split(separator: " ")[3])!
  #expect(slots > 100 && slots < 120, "\(frame)")
}

/// Go 1.27.3's ssagen gives small pointer-free variables that move to the heap together one
/// allocation (Lower/HeapAggregation.swift): two ints a closure captures are one 16-byte malloc,
/// the closure another (2 mallocs, 40 B; Go 1.19.8: 3, 40 B); two ints whose addresses escape,
/// one (1, 16 B; Go 1.19.8: 2, 16 B); `new` is never aggregated (2, 16 B in both); a 16-byte
/// variable is an object of its own; a group never passes 16 bytes (an int8 and two ints: the
/// int8 and the first int in 16 B, the second int alone: 2 mallocs, where Go 1.19.8 makes 3).
/// Each number is what the same functions print under `go run` of Go 1.27.3 and 1.19.8.
@Test(arguments: [("go1.27", "closure 2 40\naddr 1 16\nnew 2 16\nmixed 2 32\nbig 2 32\n"), ("go1.19", "closure 3 40\naddr 2 16\nnew 2 16\nmixed 3 32\nbig 2 32\n")])
func smallHeapVariablesShareAnAllocation(_ profile: String, _ expected: String) throws {
  let (out, _, _) = try run("""
    package main

    import (
    \t"fmt"
    \t"runtime"
    )

    var ms runtime.MemStats
    var sinkF func()
    var sinkP, sinkQ, sinkR *int
    var sinkB *int8
    var sinkA *[2]int

    //go:noinline
    func closure() {
    \ta := 1
    \tb := 2
    \tsinkF = func() { a++; b++ }
    }

    //go:noinline
    func addr() {
    \ta := 1
    \tb := 2
    \tsinkP, sinkQ = &a, &b
    }

    //go:noinline
    func newInts() {
    \tsinkP = new(int)
    \tsinkQ = new(int)
    }

    //go:noinline
    func mixed() {
    \tvar c int8
    \ta := 1
    \tb := 2
    \tsinkB, sinkP, sinkQ = &c, &a, &b
    }

    //go:noinline
    func big() {
    \tvar arr [2]int
    \tp := &arr[0]
    \tsinkA, sinkR = &arr, p
    \tx := 3
    \tsinkP = &x
    }

    func main() {
    \tfor _, c := range []struct {
    \t\tn string
    \t\tf func()
    \t}{{"closure", closure}, {"addr", addr}, {"new", newInts}, {"mixed", mixed}, {"big", big}} {
    \t\tc.f()
    \t\truntime.ReadMemStats(&ms)
    \t\tm, b := ms.Mallocs, ms.TotalAlloc
    \t\tc.f()
    \t\truntime.ReadMemStats(&ms)
    \t\tfmt.Println(c.n, ms.Mallocs-m, ms.TotalAlloc-b)
    \t}
    }
    """, profile: try #require(RuntimeProfile.named(profile)))
  #expect(out == expected)
}
