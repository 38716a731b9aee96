// The OS's view of the heap's pages (OSMemory): residency and what a touch faults in.

@testable import GoHeap
import Testing

/// OSMemory.touch's refaulted bytes, which Go 1.19 charges at the 4 KiB rate
/// (CostModel.refaultNsPerByte): pages faulted in again after a release, never a first touch
/// and never more than the bytes faulted.
@Test func refaultsAreThePagesFaultedInAgain() {
  var os = OSMemory(physPageSize: 4096, release: .dontNeed, nonHeapRSS: 0)
  #expect(os.touch(0..<16384) == (16384, 0))  // four first touches
  #expect(os.touch(0..<16384) == (0, 0))  // resident: no fault
  os.release(4096..<12288)  // the middle two pages go back
  #expect(os.touch(0..<16384) == (8192, 8192))  // both faulted in again
  os.release(0..<8192)
  // Two released pages and two never touched: four faults, two of them refaults.
  #expect(os.touch(0..<32768) == (24576, 8192))
  // MADV_FREE keeps a released page resident: touching it is no fault at all.
  var lazy = OSMemory(physPageSize: 4096, release: .free, nonHeapRSS: 0)
  _ = lazy.touch(0..<8192)
  lazy.release(0..<8192)
  #expect(lazy.touch(0..<8192) == (0, 0))
}
