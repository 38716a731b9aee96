// The three ways a process runs out of memory (DESIGN.md, reference B.11), each a typed outcome.

@testable import GoHeap
import Testing

@Test func makesliceLenOutOfRange() {
  let rt = GoRuntime()
  #expect(throws: ProcessDeath.panic(message: "runtime error: makeslice: len out of range")) {
    _ = try rt.allocateSlice(of: .uint64, len: 1 << 60, cap: 1 << 60)
  }
  #expect(throws: ProcessDeath.self) { _ = try rt.allocateSlice(of: .uint64, len: 1, cap: 1) }
}

@Test func makesliceCapOutOfRange() {
  let rt = GoRuntime()
  #expect(throws: ProcessDeath.panic(message: "runtime error: makeslice: cap out of range")) {
    _ = try rt.allocateSlice(of: .uint64, len: 1, cap: 1 << 60)
  }
}

/// Linux's heuristic overcommit refuses one read-write mapping larger than the machine's memory:
/// sysMap throws `runtime: out of memory` (Tests/Recordings/runs/hugemap: 32 TiB on 23 GiB).
@Test func mappingLargerThanTheMachineFails() throws {
  let rt = GoRuntime(machine: MachineConfig(ramBytes: 1 * GiB))
  #expect(throws: ProcessDeath.thrown(message: "runtime: out of memory")) {
    _ = try rt.allocateSlice(of: .uint8, len: 2 * GiB, cap: 2 * GiB)
  }
  #expect(rt.deathCause?.exitStatus == 2)
}

/// A reservation past the address space fails first: grow's "cannot allocate" with the ask
/// (Tests/Recordings/runs/hugenew: 800 TiB; every run from 128 TiB in both versions).
@Test func reservationPastTheAddressSpaceFails() throws {
  let rt = GoRuntime(machine: MachineConfig(ramBytes: 1 * GiB))
  do {
    _ = try rt.allocate(.uint8, count: 200 << 40)
    Issue.record("expected out of memory")
  } catch let d as ProcessDeath {
    guard case .runtimeOutOfMemory(let requested, _) = d else {
      Issue.record("wrong death \(d)")
      return
    }
    #expect(requested == 200 << 40)
    #expect(d.exitStatus == 2)
  }
}

@Test func touchingMoreThanTheMachineGetsKilled() throws {
  let (rt, roots) = runtime(machine: MachineConfig(ramBytes: 1 * GiB))
  let a = try rt.allocateSlice(of: .uint8, len: 600 * MiB, cap: 600 * MiB)
  roots["a"] = a
  try rt.clearMemory(a, bytes: 600 * MiB)
  let b = try rt.allocateSlice(of: .uint8, len: 600 * MiB, cap: 600 * MiB)
  roots["b"] = b
  #expect(throws: ProcessDeath.self) { try rt.clearMemory(b, bytes: 600 * MiB) }
  guard case .killedByKernel? = rt.deathCause else {
    Issue.record("expected the OOM killer")
    return
  }
  #expect(rt.deathCause?.exitStatus == 137)
  // Dead stays dead: later operations rethrow, nothing crashes.
  #expect(throws: ProcessDeath.self) { try rt.sleep(1) }
}

@Test func madvFreeKeepsRSSUntilPressure() throws {
  // Reference B.10: with madvdontneed=0 HeapReleased grows while RSS stays.
  let (rt, roots) = runtime(.go119, machine: MachineConfig(ramBytes: 1 * GiB, release: .free))
  try bigSlice(rt, roots)
  roots["tmp"] = nil
  try rt.freeOSMemory()
  #expect(rt.memStats().heapReleased > 380 * MiB)
  #expect(rt.rss > 380 * MiB)
  // Pressure: a new 700 MB slice fills the machine; the kernel reclaims the lazily freed pages
  // instead of killing the process.
  let s = try rt.allocateSlice(of: .uint8, len: 700 * MiB, cap: 700 * MiB)
  roots["x"] = s
  try rt.clearMemory(s, bytes: 700 * MiB)
  #expect(rt.deathCause == nil)
  #expect(rt.rss <= 1 * GiB)
  try rt.checkInvariants()
}
