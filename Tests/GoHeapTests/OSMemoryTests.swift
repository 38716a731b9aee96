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
