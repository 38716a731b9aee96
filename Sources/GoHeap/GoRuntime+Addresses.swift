// Addresses: from a simulated virtual address to its span and object (mheap.go `spanOf`,
// mbitmap.go `findObject`, `objIndex`).
//
// The heap arena starts at `heapBase`; page p of the page heap is at heapBase + p * pageSize.
// `spanOfPage` maps each page to its span (SpanTable.swift): allocSpan sets a span's pages,
// freeSpan clears them, so finding the span of any address is a shift and one or two loads. Within a small span the slot is the offset times `divMul`, shifted (no division);
// a large span has one slot. Everything here is a lookup; nothing changes the heap.
//
// Inside the runtime an object is named by its span and slot (`ObjectRef`): what the marker's
// work list, the tiny block and the held allocation record. Nothing outside sees one.

/// One heap object: its span (an index in the runtime's span table) and its slot in that span.
struct ObjectRef: Hashable {
  /// Index of the span in the runtime's span table.
  let span: Int32
  /// Slot index within the span (0 for a large object).
  let slot: Int32
}

extension GoRuntime {
  /// The heap arena's first address: page 0 of the page heap (where Go's linux/amd64 heap
  /// starts).
  public static let heapBase: Address = 0xc0_0000_0000

  /// runtime.zerobase: what a zero-byte allocation returns, a non-nil address outside the heap
  /// (where a small Go binary's bss puts it; any non-heap address would do).
  public static let zeroBaseAddress: Address = 0x58_4f40

  /// Addresses below this are a nil pointer plus an offset (Go's nil checks rely on the first
  /// page never being mapped), bytes.
  static let nilPageBytes: Address = 4096

  /// Whether `a` lies in the mapped heap arena (in a span or not).
  func isHeapAddress(_ a: Address) -> Bool {
    a >= Self.heapBase && a - Self.heapBase < Address(pages.endPage << pageShift)
  }

  /// Points the page→span table's entries for the span's pages at it.
  func mapPages(of s: Span) {
    spanOfPage.set(s.basePage..<(s.basePage + s.npages), to: .passUnretained(s))
  }

  /// Clears the page→span entries of a span being freed.
  func unmapPages(of s: Span) {
    spanOfPage.set(s.basePage..<(s.basePage + s.npages), to: nil)
  }

  /// The span holding address `a` (spanOf), unretained; nil outside every span.
  @inline(__always)
  func spanOf(_ a: Address) -> Unmanaged<Span>? {
    spanOfPage.span(atPage: (a &- Self.heapBase) >> UInt64(truncatingIfNeeded: pageShift))
  }

  /// The span of an object, unretained (no reference counting: the span table keeps it); nil
  /// for a span id not in use.
  @inline(__always)
  func unretainedSpan(_ ref: ObjectRef) -> Unmanaged<Span>? {
    spans.withUnsafeBufferPointer { table in
      ref.span >= 0 && Int(ref.span) < table.count
        ? table[Int(ref.span)].map { Unmanaged.passUnretained($0) } : nil
    }
  }

  /// The slot of byte `offset` (from the span's base) of span `s` (objIndex).
  @inline(__always)
  func slot(of offset: Int, in s: Span) -> Int {
    s.isLarge ? 0 : Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: offset) &* s.divMul) >> 32)
  }

  /// The allocated object whose slot holds address `a` (findObject): an interior pointer finds
  /// its object. Nil for an address outside every span or in a free slot.
  func objectRef(at a: Address) -> ObjectRef? {
    guard let span = spanOf(a) else { return nil }
    return span._withUnsafeGuaranteedRef { s -> ObjectRef? in
      let k = slot(of: Int(truncatingIfNeeded: a &- s.baseAddress), in: s)
      guard k < s.nelems, s.isAllocated(k) else { return nil }
      return ObjectRef(span: s.id, slot: Int32(truncatingIfNeeded: k))
    }
  }

  /// The object containing `a`: its data's first address and its usable size (a tiny block's
  /// whole 16 bytes for a tiny object). Nil if no allocated object's data holds `a`.
  func object(containing a: Address) -> (base: Address, size: Int)? {
    guard let ref = objectRef(at: a), let span = unretainedSpan(ref) else { return nil }
    return span._withUnsafeGuaranteedRef { s in
      let base = s.dataBase + Address(Int(ref.slot) * s.elemSize)
      guard a >= base, a - base < Address(s.usableBytes) else { return nil }
      return (base, s.usableBytes)
    }
  }

  /// Finds the object holding `[a, a + count)` and checks the access: the span and the byte
  /// offset of `a` from its base. Throws a MemoryFault for nil, a non-heap or free address, or
  /// a range that leaves its object's data.
  @inline(__always)
  func locate(_ a: Address, count: Int) throws -> (span: Unmanaged<Span>, offset: Int) {
    guard let span = spanOf(a) else { throw fault(a, count) }
    let offset = try span._withUnsafeGuaranteedRef { s -> Int in
      let off = Int(truncatingIfNeeded: a &- s.baseAddress)
      let k = slot(of: off, in: s)
      guard k < s.nelems, s.isAllocated(k) else {
        // (Past the last slot: the span's tail, which holds no object.)
        throw MemoryFault(address: a, size: count, reason: k < s.nelems ? .freed : .notHeap)
      }
      let inObject = off &- k &* s.elemSize &- s.dataOffset
      guard inObject >= 0, count <= s.usableBytes &- inObject else {
        throw MemoryFault(address: a, size: count, reason: .outOfBounds)
      }
      return off
    }
    return (span, offset)
  }

  /// The fault for an address outside every span.
  func fault(_ a: Address, _ count: Int) -> MemoryFault {
    MemoryFault(address: a, size: count, reason: a < Self.nilPageBytes ? .nilDereference : .notHeap)
  }
}
