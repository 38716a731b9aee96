// A single allocation the simulated machine cannot hold ends as the real runtime ends it, in its
// words, for each way a program asks: Tests/Recordings/runs/huge* (Go 1.27.3 and 1.19.8 on a
// 23 GiB machine; gcsh's default machine has 16 GiB, below every size here).
//
//   hugenew      new([100 << 40]int): newobject → mallocgc, no maxAlloc check → mheap.grow
//                cannot reserve 800 TiB → "cannot allocate" + `fatal error: out of memory`
//   hugelocal    the same array as a local, moved to the heap (newobject at the declaration)
//   hugemap      make([]byte, 1 << 45): 32 TiB is reserved, but the kernel refuses to map more
//                than the machine's memory → `fatal error: runtime: out of memory`
//   hugemakelen  make([]int, 1 << 46): past maxAlloc → makeslice's panic
//   hugegrow     append whose length overflows: growslice's panic (its text differs by version)

import Foundation
@testable import GoHeap
import Testing

/// The runtime's message in a recorded stderr: the lines before the first empty line.
private func recordedMessages(_ run: RecordedRun, _ version: String) throws -> [String] {
  let files = try FileManager.default.contentsOfDirectory(atPath: run.directory.path)
    .filter { $0.hasPrefix("go\(version).") && $0.hasSuffix(".stderr") }
  #expect(!files.isEmpty)
  return try files.map { f in
    let text = try String(contentsOf: run.directory.appendingPathComponent(f), encoding: .utf8)
    return text.components(separatedBy: "\n\n")[0]
  }
}

/// A message without grow's "(N in use)" figure, and the figure.
private func splitInUse(_ m: String) -> (String, Int?) {
  guard let r = m.range(of: #"\(\d+ in use\)"#, options: .regularExpression) else { return (m, nil) }
  let n = Int(m[r].dropFirst().prefix { $0.isNumber })
  return (m.replacingCharacters(in: r, with: "(N in use)"), n)
}

/// gcsh stops each program with the recorded message and exit status 2. grow's in-use figure is
/// the heap's start-up size, which varies between runs and binaries (Go 1.27: 3,866,624 to
/// 8,126,464, the randomised heap base; Go 1.19: 3,997,696 here, 3,964,928 for other programs):
/// gcsh's must be within 64 KiB of a recorded one.
@Test(arguments: ["hugenew", "hugelocal", "hugemap", "hugemakelen", "hugegrow"], ["1.27.3", "1.19.8"])
func aHugeAllocationEndsAsGoEndsIt(_ name: String, _ version: String) throws {
  let run = try RecordedRun(name)
  let expected = try recordedMessages(run, version)
  let error = failure(run.source, profile: version == "1.27.3" ? .go127 : .go119)
  let message = try #require(error?.kind.message)
  let (mine, inUse) = splitInUse(message)
  let recorded = expected.map(splitInUse)
  #expect(recorded.allSatisfy { $0.0 == mine }, "\(message) vs \(expected)")
  if let inUse {
    #expect(recorded.contains { abs(($0.1 ?? 0) - inUse) <= 64 << 10 }, "\(inUse) in use")
  }
  #expect(error?.kind.goExitStatus == 2)
  // Every recorded run died with exit status 2 too.
  let statuses = try FileManager.default.contentsOfDirectory(atPath: run.directory.path)
    .filter { $0.hasPrefix("go\(version).") && $0.hasSuffix(".status") }
  #expect(statuses.count == expected.count)
  for s in statuses {
    let text = try String(contentsOf: run.directory.appendingPathComponent(s), encoding: .utf8)
    #expect(text == "exit status 2\n")
  }
}

/// The two steps of heap growth, on a machine of 1 GiB: a 2 GiB slice is within the address
/// space but more than the kernel will map (sysMap's throw), an allocation past the 128 TiB of
/// user address space cannot be reserved (grow's "cannot allocate"); Go 1.0's 16 GiB arena is
/// its address space.
@Test func heapGrowthFailsAtReservationOrAtMapping() {
  let small = MachineConfig(ramBytes: 1 * GiB)
  #expect(failure("x := make([]byte, 2 << 30)", machine: small)?.kind.message == "fatal error: runtime: out of memory")
  #expect(failure("x := make([]byte, 2 << 30)", profile: .go10, machine: small)?.kind.message == "throw: runtime: out of memory")
  let past = failure("p := new([129 << 40]byte)", machine: small)?.kind.message ?? ""
  #expect(past.hasPrefix("runtime: out of memory: cannot allocate 141836999983104-byte block ("), "\(past)")
  let arena = failure("p := new([17 << 30]byte)", profile: .go10, machine: MachineConfig(ramBytes: 64 * GiB))?.kind.message ?? ""
  #expect(arena.hasPrefix("runtime: out of memory: cannot allocate 18253611008-byte block (") && arena.hasSuffix("\nthrow: out of memory"), "\(arena)")
}

/// append's growslice: a zero-size element's capacity is the new length (no memory, zerobase), a
/// length that overflows is the version's panic — recoverable, as a panic is.
@Test func growsliceOfZeroSizeElementsAndItsOverflow() throws {
  let (out, _, _) = try run("s := make([]struct{}, 3)\ns = append(s, struct{}{})\nprint len(s), cap(s)\nt := make([]struct{}, 1 << 61)\nt = append(t, t...)\nprint len(t) == 1 << 62, cap(t) == 1 << 62\n")
  #expect(out == "4 4\ntrue true\n")
  let recovered = """
    func f() (msg string) {
    \tdefer func() { msg = fmt.Sprint(recover()) }()
    \ts := make([]struct{}, 1<<62)
    \ts = append(s, s...)
    \treturn "no panic"
    }
    print f()
    """
  #expect(try run(recovered).0 == "runtime error: growslice: len out of range\n")
  #expect(try run(recovered, profile: .go119).0 == "runtime error: growslice: cap out of range\n")
}
