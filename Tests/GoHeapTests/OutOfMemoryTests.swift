// The three ways a process runs out of memory (DESIGN.md, reference B.11), each a typed outcome.

@testable import GoHeap
import Testing

@Test func makesliceLenOutOfRange() {
  let rt = GoRuntime()
  #expect(throws: ProcessDeath.panic(message: "runtime error: makeslice: len out of range")) {
    _ = try rt.makeSlice(of: .uint64, len: 1 << 60, cap: 1 << 60)
  }
  #expect(throws: ProcessDeath.self) { _ = try rt.makeSlice(of: .uint64, len: 1, cap: 1) }
}

@Test func makesliceCapOutOfRange() {
  let rt = GoRuntime()
  #expect(throws: ProcessDeath.panic(message: "runtime error: makeslice: cap out of range")) {
    _ = try rt.makeSlice(of: .uint64, len: 1, cap: 1 << 60)
  }
}

@Test func mappingLargerThanTheMachineFails() throws {
  let rt = GoRuntime(machine: MachineConfig(ramBytes: 1 * GiB))
  do {
    _ = try rt.makeSlice(of: .uint8, len: 2 * GiB, cap: 2 * GiB)
    Issue.record("expected out of memory")
  } catch let d as ProcessDeath {
    guard case .runtimeOutOfMemory(let requested, _) = d else {
      Issue.record("wrong death \(d)")
      return
    }
    #expect(requested == 2 * GiB)
    #expect(d.exitStatus == 2)
  }
}

@Test func touchingMoreThanTheMachineGetsKilled() throws {
  let rt = GoRuntime(machine: MachineConfig(ramBytes: 1 * GiB))
  let roots = RootTable()
  rt.addRoots(roots)
  let a = try rt.makeSlice(of: .uint8, len: 600 * MiB, cap: 600 * MiB)
  roots["a"] = .slice(a)
  try rt.clear(a.object!, bytes: 0..<a.len)
  let b = try rt.makeSlice(of: .uint8, len: 600 * MiB, cap: 600 * MiB)
  roots["b"] = .slice(b)
  #expect(throws: ProcessDeath.self) { try rt.clear(b.object!, bytes: 0..<b.len) }
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
  let rt = GoRuntime(profile: .go119, machine: MachineConfig(ramBytes: 1 * GiB, release: .free))
  let roots = RootTable()
  rt.addRoots(roots)
  try bigSlice(rt, roots)
  roots["tmp"] = nil
  try rt.freeOSMemory()
  #expect(rt.memStats().heapReleased > 380 * MiB)
  #expect(rt.rss > 380 * MiB)
  // Pressure: a new 700 MB slice fills the machine; the kernel reclaims the lazily freed pages
  // instead of killing the process.
  rt.beginStatement()
  let s = try rt.makeSlice(of: .uint8, len: 700 * MiB, cap: 700 * MiB)
  roots["x"] = .slice(s)
  try rt.clear(s.object!, bytes: 0..<s.len)
  #expect(rt.deathCause == nil)
  #expect(rt.rss <= 1 * GiB)
  try rt.checkInvariants()
}
