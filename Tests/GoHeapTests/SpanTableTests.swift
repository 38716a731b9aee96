// The page→span table (SpanTable.swift): every lookup equals a dense one-entry-per-page table's
// after any sequence of span maps and frees, and its host memory follows spans, not the bytes
// the simulated heap maps.

@testable import GoHeap
import Testing

/// A span for identity only (the table never reads its fields).
private func dummySpan(_ id: Int32) -> Span {
  Span(id: id, basePage: 0, npages: 1, sizeClass: 0, noscan: true, elemSize: 8192, nelems: 1,
       requestedBytes: 8192, baseAddress: GoRuntime.heapBase, pageSize: 8192, dataOffset: 0)
}

@Test func spanTableAgreesWithADenseTable() {
  let spans = (0..<12).map { dummySpan(Int32($0)) }
  let pages = 6 * SpanTable.chunkPages + 37
  var rng = SplitMix(state: 7)
  var table = SpanTable()
  defer { table.deallocate() }
  var dense = [Int?](repeating: nil, count: pages)
  for step in 0..<3000 {
    // Runs of every shape: single pages (small spans), runs inside a chunk, across chunk
    // boundaries, over whole chunks; frees (nil) as often as maps.
    let len = [1, 2, 7, SpanTable.chunkPages, 3 * SpanTable.chunkPages / 2][rng.below(5)]
    let start = rng.below(pages - len + 1)
    let which: Int? = rng.below(2) == 0 ? nil : rng.below(spans.count)
    table.set(start..<(start + len), to: which.map { .passUnretained(spans[$0]) })
    for p in start..<(start + len) { dense[p] = which }
    if step % 100 == 99 || step < 50 {
      for p in 0..<pages {
        let got = table.span(atPage: UInt64(p)).map { Int($0.takeUnretainedValue().id) }
        #expect(got == dense[p], "page \(p) after step \(step)")
        if got != dense[p] { return }
      }
      #expect(table.mappedPages() == dense.filter { $0 != nil }.count)
    }
  }
  // Beyond the table: nil, never a trap.
  #expect(table.span(atPage: UInt64(table.pageCount)) == nil)
  #expect(table.span(atPage: UInt64.max) == nil)
  // Freeing everything leaves no page arrays.
  table.set(0..<pages, to: nil)
  #expect(table.hostBytes == table.chunkCount * MemoryLayout<SpanTableChunk>.stride)
  #expect(table.mappedPages() == 0)
}

@Test func spanTableCheckRunsSpanByChunk() {
  let a = dummySpan(1), b = dummySpan(2)
  var table = SpanTable()
  defer { table.deallocate() }
  let n = SpanTable.chunkPages
  table.set(10..<(3 * n + 5), to: .passUnretained(a))
  table.set((3 * n + 5)..<(5 * n + 9), to: .passUnretained(b))
  #expect(table.allMap(10..<(3 * n + 5), to: a))
  #expect(!table.allMap(9..<(3 * n + 5), to: a))
  #expect(!table.allMap(10..<(3 * n + 6), to: a))
  #expect(table.allMap((3 * n + 5)..<(5 * n + 9), to: b))
  // Two large spans meeting in a chunk, or one ending in a free rest, need no page array; a
  // third run in a chunk does, until a free brings it back to two.
  #expect(table.hostBytes == table.chunkCount * MemoryLayout<SpanTableChunk>.stride)
  table.set((3 * n + 7)..<(3 * n + 8), to: .passUnretained(a))
  #expect(table.hostBytes > table.chunkCount * MemoryLayout<SpanTableChunk>.stride)
  table.set((3 * n + 7)..<(3 * n + 8), to: .passUnretained(b))
  table.set((3 * n + 5)..<(5 * n + 9), to: nil)
  #expect(table.hostBytes == table.chunkCount * MemoryLayout<SpanTableChunk>.stride)
  #expect(table.mappedPages() == 3 * n - 5)
}

/// GOGC=off and a loop of untouched 64 MiB slices: Linux overcommits the mappings, so the heap
/// grows past the machine's memory until the runtime's own metadata — the span table's 8 bytes
/// per 8 KiB page (mheap.go setSpans writes one per page) — is more than the machine holds, and
/// the kernel kills the process. The host's table meanwhile stays a few bytes per 4 MiB.
@Test func untouchedHeapPastTheMachineIsKilledByItsMetadata() throws {
  let (rt, roots) = runtime(machine: MachineConfig(ramBytes: 1 * GiB), gcPercent: -1)
  var allocated = 0
  do {
    while allocated < 1 << 20 {
      roots["xs"] = try rt.allocateSlice(of: .int64, len: 8 << 20, cap: 8 << 20)
      allocated += 1
    }
    Issue.record("never killed")
  } catch is ProcessDeath {}
  guard case .killedByKernel? = rt.deathCause else {
    Issue.record("expected the OOM killer, got \(String(describing: rt.deathCause))")
    return
  }
  // 1 GiB of metadata at 1/1024 of the heap: about 1 TiB mapped, 16K slices.
  let mapped = allocated * 64 * MiB
  #expect(mapped > 900 * GiB && mapped < 1024 * GiB, "\(allocated) slices")
  #expect(rt.spanOfPage.hostBytes < 32 * MiB, "\(rt.spanOfPage.hostBytes) host bytes")
}
