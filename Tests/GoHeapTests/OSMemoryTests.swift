// The OS's view of the heap's pages (OSMemory): residency, and what a touch faults in.

@testable import GoHeap
import Testing

/// Go 1.19's huge-page advice (mem_linux.go) on a machine whose THP is `madvise`: readying a
/// span advises MADV_HUGEPAGE for the whole, aligned huge pages inside it, and nothing for a
/// span that holds none; releasing a range marks the huge pages at its unaligned ends
/// MADV_NOHUGEPAGE and leaves the aligned ones inside advised. A touch reports which of the
/// bytes it faulted in lie in advised huge pages (CostModel.firstTouchNsPerByte there,
/// smallPageFaultNsPerByte elsewhere).
@Test func hugePageFaultsOnlyWhereTheRuntimeAdvised() {
  let huge = 2 << 20
  var os = OSMemory(physPageSize: 4096, release: .dontNeed, nonHeapRSS: 0, hugePageBytes: huge)
  // A 64 KiB span and a 1 MiB span hold no whole huge page: 4 KiB faults.
  os.adviseHugePages(0..<65536)
  os.adviseHugePages((1 << 20)..<(2 << 20))
  #expect(os.touch(0..<(2 << 20)) == PageFaults(faulted: 2 << 20, huge: 0))
  // A 5 MiB span from 1 MiB holds the huge pages at 2 and 4 MiB whole.
  os.adviseHugePages((1 << 20)..<(6 << 20))
  #expect(os.touch((2 << 20)..<(3 << 20)) == PageFaults(faulted: 1 << 20, huge: 1 << 20))
  #expect(os.touch((2 << 20)..<(3 << 20)) == PageFaults(faulted: 0, huge: 0))  // resident
  #expect(os.touch((5 << 20)..<(7 << 20)) == PageFaults(faulted: 2 << 20, huge: 1 << 20))
  // Releasing [3 MiB, 5 MiB + 4 KiB) marks the huge pages at 2 MiB and 4 MiB (its unaligned
  // ends) NOHUGEPAGE: faulting them in again is 4 KiB at a time.
  os.release((3 << 20)..<((5 << 20) + 4096))
  #expect(os.touch((3 << 20)..<(4 << 20)) == PageFaults(faulted: 1 << 20, huge: 0))
  // Readying them from released pages advises them again.
  os.adviseHugePages((2 << 20)..<(6 << 20))
  os.release((4 << 20)..<(6 << 20))  // aligned both ends: the huge page stays advised
  #expect(os.touch((4 << 20)..<(6 << 20)) == PageFaults(faulted: 2 << 20, huge: 2 << 20))
  // Where the runtime never advises (Go 1.21+), nothing is a huge-page fault.
  var plain = OSMemory(physPageSize: 4096, release: .dontNeed, nonHeapRSS: 0)
  plain.adviseHugePages(0..<(8 << 20))
  #expect(plain.touch(0..<(8 << 20)) == PageFaults(faulted: 8 << 20, huge: 0))
  // MADV_FREE keeps a released page resident: touching it is no fault at all.
  var lazy = OSMemory(physPageSize: 4096, release: .free, nonHeapRSS: 0, hugePageBytes: huge)
  _ = lazy.touch(0..<8192)
  lazy.release(0..<8192)
  #expect(lazy.touch(0..<8192) == PageFaults(faulted: 0, huge: 0))
}

/// The runtime's side of the advice: Go 1.19's allocSpan readies a span with released or fresh
/// pages through sysUsed, which advises its whole huge pages — a 4 MiB object's span holds at
/// least one, 64 KiB ones none — and FreeOSMemory's release keeps the aligned huge pages inside
/// the freed run advised. Go 1.27 (sysUsedOS no longer calls sysHugePageOS) and Go 1.19 off
/// Linux (sysHugePageOS does nothing there) advise nothing.
@Test func goNineteenAdvisesTheWholeHugePagesOfItsSpans() throws {
  let (rt, roots) = runtime(.go119)
  roots["big"] = try rt.allocateSlice(of: .uint8, len: 4 << 20, cap: 4 << 20)
  let advised = rt.os.hugeAdvised.total
  #expect(advised >= 512 && advised <= 1024)  // 4 KiB pages: one or two whole huge pages
  for i in 0..<8 { roots["small\(i)"] = try rt.allocateSlice(of: .uint8, len: 64 << 10, cap: 64 << 10) }
  #expect(rt.os.hugeAdvised.total == advised)
  roots["big"] = nil
  try rt.freeOSMemory()
  #expect(rt.os.hugeAdvised.total >= 512)
  try rt.checkInvariants()
  for (profile, os) in [(RuntimeProfile.go127, OperatingSystem.linux), (.go119, .darwin), (.go119, .windows)] {
    let (other, otherRoots) = runtime(profile, machine: MachineConfig(os: os))
    otherRoots["big"] = try other.allocateSlice(of: .uint8, len: 4 << 20, cap: 4 << 20)
    #expect(other.os.hugeAdvised.isEmpty, "\(profile.name) on \(os)")
  }
}
