// OSMemory: what the operating system sees of the process — resident pages (RSS).
//
// Linux counts a page in RSS once it has been written (a fresh anonymous mapping is not resident
// until first touch) and drops it when the process madvises it away. The runtime releases free
// heap pages with MADV_DONTNEED by default since Go 1.16 (mem_linux.go `sysUnusedOS`): they leave
// RSS at once. With GODEBUG=madvdontneed=0 it uses MADV_FREE: the pages stay resident, counted
// as LazyFree, until memory pressure makes the kernel reclaim them (reference B.10).
//
//     RSS = non-heap resident memory (binary, stacks, runtime start-up data)
//         + heap pages touched and not released
//         + runtime metadata touched as spans come into use
//
// Metadata is modelled from mheap.go `heapArena`: every page of a span gets a span-table entry
// (8 bytes) written when the span is allocated; go1.19 also clears the span's heap bitmap
// (mbitmap.go: 2 bits per word = span bytes / 32), which is why its RSS is ~12.5 MB higher per
// 400 MB span and stays so after the span is released (anchors: 14.1 MiB vs 2.6 MiB floor).
// All sets are ranges of 4 KiB physical pages, so they grow with spans, never with bytes.

/// The simulated machine the process runs on.
public struct MachineConfig: Sendable {
  /// Physical memory of the machine, bytes (`--ram`, default 16 GiB).
  public var ramBytes: Int
  /// A cgroup memory limit, bytes (`--container`), if any.
  public var containerLimit: Int?
  /// An override of how released pages are returned (GODEBUG=madvdontneed=0 → MADV_FREE).
  public var release: ReleaseMechanism?
  /// The operating system (`--os`).
  public var os: OperatingSystem

  public init(
    ramBytes: Int = 16 * GiB, containerLimit: Int? = nil, release: ReleaseMechanism? = nil,
    os: OperatingSystem = .linux
  ) {
    self.ramBytes = ramBytes
    self.containerLimit = containerLimit
    self.release = release
    self.os = os
  }

  /// Resident bytes above which the kernel kills the process.
  var killLimit: Int { min(ramBytes, containerLimit ?? Int.max) }
}

/// The OS's view of the process's memory.
struct OSMemory: Equatable {
  /// Physical page size, bytes.
  let physPageSize: Int
  /// Release mechanism in force.
  let release: ReleaseMechanism
  /// Resident heap pages, in physical pages counted from the heap base.
  private(set) var resident = IntervalSet()
  /// Heap pages that have been resident at some time (a superset of `resident`): the kernel
  /// keeps a range's page tables once a page in it was faulted in, and releasing it again
  /// walks them (CostModel.releaseNs). Kept per page, not per page-table page.
  private(set) var everResident = IntervalSet()
  /// Resident heap pages released with MADV_FREE and not yet reclaimed (subset of `resident`).
  private(set) var lazyFree = IntervalSet()
  /// Touched physical pages of the span tables (heapArena.spans), by entry address / 4 KiB.
  private(set) var spanTable = IntervalSet()
  /// Touched physical pages of the go1.19 heap bitmap.
  private(set) var bitmap = IntervalSet()
  /// Resident bytes outside the heap and its metadata.
  var nonHeapRSS: Int
  /// The huge-page size where the runtime advises the kernel which heap ranges may be backed by
  /// huge pages (Go 1.19 on Linux, mem_linux.go); nil where it never does (Go 1.21+, other
  /// systems). The machine's transparent huge pages are `madvise`: only advised ranges get them.
  let hugePageBytes: Int?
  /// Heap pages, in physical pages, inside huge pages the runtime has advised MADV_HUGEPAGE and
  /// not since MADV_NOHUGEPAGE: a first fault there fills a whole huge page.
  private(set) var hugeAdvised = IntervalSet()

  init(physPageSize: Int, release: ReleaseMechanism, nonHeapRSS: Int, hugePageBytes: Int? = nil) {
    self.physPageSize = physPageSize
    self.release = release
    self.nonHeapRSS = nonHeapRSS
    self.hugePageBytes = hugePageBytes
  }

  /// Resident heap bytes.
  var heapResident: Int { resident.total * physPageSize }
  /// Resident metadata bytes.
  var metadataResident: Int { (spanTable.total + bitmap.total) * physPageSize }
  /// Lazily freed (MADV_FREE) bytes still counted in RSS.
  var lazyFreeBytes: Int { lazyFree.total * physPageSize }
  /// The process's resident set size, bytes (on macOS the resident size, which keeps reusable
  /// pages until they are reused or reclaimed).
  var rss: Int { nonHeapRSS + heapResident + metadataResident }
  /// macOS's physical footprint (Activity Monitor's Memory column): the resident memory minus
  /// pages released as reusable. Equal to `rss` for other mechanisms.
  var footprint: Int { release == .freeReusable ? rss - lazyFreeBytes : rss }

  /// Physical pages covering a heap byte range.
  @inline(__always)
  func physPages(_ bytes: Range<Int>) -> Range<Int> {
    (bytes.lowerBound / physPageSize)..<((bytes.upperBound + physPageSize - 1) / physPageSize)
  }

  /// Writes to a heap byte range: its pages become resident. Returns the bytes newly faulted in,
  /// and how many of those lie in advised huge pages (huge-page faults; the rest fault 4 KiB at
  /// a time). Two simplifications: the kernel's huge-page fault makes the whole 2 MiB resident
  /// at once, here only the pages touched; and a huge page that already has a 4 KiB page table
  /// (it was faulted in before it was advised) takes 4 KiB faults until khugepaged collapses it,
  /// here huge ones.
  @discardableResult
  mutating func touch(_ bytes: Range<Int>) -> PageFaults {
    let pages = physPages(bytes)
    if !lazyFree.isEmpty { lazyFree.remove(pages) }
    var huge = 0
    if !hugeAdvised.isEmpty && resident.overlap(pages) < pages.count {
      for r in hugeAdvised.intersection(pages) { huge += r.count - resident.overlap(r) }
    }
    let faulted = resident.insert(pages)
    guard faulted > 0 else { return PageFaults(faulted: 0, huge: 0) }
    everResident.insert(pages)
    return PageFaults(faulted: faulted * physPageSize, huge: huge * physPageSize)
  }

  /// sysUsedOS → sysHugePageOS (Go 1.19, mem_linux.go): the runtime readies a span that had
  /// released (or never-used) pages and undoes MADV_NOHUGEPAGE for the whole huge pages inside
  /// it — only those: a span smaller than a huge page, or one not covering an aligned one, is
  /// left as it was ("This may leave huge pages off at the end points").
  mutating func adviseHugePages(_ bytes: Range<Int>) {
    guard let h = hugePageBytes else { return }
    let begin = (bytes.lowerBound + h - 1) / h * h
    let end = bytes.upperBound / h * h
    if begin < end { hugeAdvised.insert(physPages(begin..<end)) }
  }

  /// Whether the physical page holding heap byte `offset` is resident.
  func isResident(byte offset: Int) -> Bool { resident.contains(offset / physPageSize) }

  /// Resident bytes within a heap byte range.
  func residentBytes(in bytes: Range<Int>) -> Int { resident.overlap(physPages(bytes)) * physPageSize }

  /// Bytes within a heap byte range that have been resident at some time.
  func everResidentBytes(in bytes: Range<Int>) -> Int {
    everResident.overlap(physPages(bytes)) * physPageSize
  }

  /// The runtime released a heap byte range (sysUnused).
  mutating func release(_ bytes: Range<Int>) {
    let pages = physPages(bytes)
    // Go 1.19's sysUnusedOS marks the huge pages holding the range's unaligned ends
    // MADV_NOHUGEPAGE, so khugepaged cannot turn one 4 KiB page left there into a huge page
    // (issue #8832); the aligned huge pages inside keep their flag.
    if let h = hugePageBytes, !hugeAdvised.isEmpty {
      if bytes.lowerBound % h != 0 {
        let head = bytes.lowerBound / h * h
        hugeAdvised.remove(physPages(head..<(head + h)))
      }
      if bytes.upperBound % h != 0 {
        let tail = (bytes.upperBound - 1) / h * h
        hugeAdvised.remove(physPages(tail..<(tail + h)))
      }
    }
    switch release {
    case .dontNeed: resident.remove(pages)
    case .free, .freeReusable:
      for r in resident.intersection(pages) { lazyFree.insert(r) }
    case .none: break
    }
  }

  /// Memory pressure: the kernel reclaims up to `bytes` of lazily freed pages, highest first.
  /// Returns the bytes reclaimed.
  mutating func reclaim(_ bytes: Int) -> Int {
    var need = (bytes + physPageSize - 1) / physPageSize
    var done = 0
    for r in lazyFree.ranges.reversed() where need > 0 {
      let take = min(need, r.count)
      let piece = (r.upperBound - take)..<r.upperBound
      lazyFree.remove(piece)
      resident.remove(piece)
      need -= take
      done += take
    }
    return done * physPageSize
  }

  /// A span was initialised over heap pages: its span-table entries and (go1.19) heap bitmap
  /// are written.
  mutating func writeMetadata(
    pages: Range<Int>, pageSize: Int, model: MetadataModel
  ) {
    let entry = model.spanTableBytesPerPage
    spanTable.insert(physPages((pages.lowerBound * entry)..<(pages.upperBound * entry)))
    if model.heapBitmapBytesPerByte > 0 {
      let lo = Int(Double(pages.lowerBound * pageSize) * model.heapBitmapBytesPerByte)
      let hi = Int((Double(pages.upperBound * pageSize) * model.heapBitmapBytesPerByte).rounded(.up))
      bitmap.insert(physPages(lo..<hi))
    }
  }
}

/// What a touch faulted in, bytes: all of it, and the part in advised huge pages.
struct PageFaults: Equatable {
  var faulted: Int
  var huge: Int
}
