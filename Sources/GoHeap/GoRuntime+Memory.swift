// Memory access: reading and writing objects, and the page faults writes cause.
//
// A write stores the word sparsely (ObjectContents) and touches the physical page under it, which
// makes the page resident; `clear` is a memclr of a byte range (the compiler's translation of
// `for i := range s { s[i] = 0 }`): it drops stored words and touches every page in the range at
// memory speed. When a touch pushes resident memory above the machine's (or the container's)
// memory, the kernel first reclaims lazily freed pages (MADV_FREE) and otherwise kills the process.

extension GoRuntime {
  @inline(__always)
  func span(of ref: ObjectRef) -> Span {
    guard ref.span >= 0, Int(ref.span) < spans.count, let s = spans[Int(ref.span)] else {
      preconditionFailure("dangling object reference \(ref)")
    }
    return s
  }

  /// Bytes before the object's data in its slot (the 1.22+ allocation header; allocSpan decides).
  @inline(__always)
  func headerBytes(_ s: Span) -> Int { s.dataOffset }

  /// Heap byte address (from the heap base) of an object's first data byte.
  @inline(__always)
  func dataAddress(_ s: Span, slot: Int) -> Int {
    s.basePage * profile.pageSize + slot * s.elemSize + headerBytes(s)
  }

  /// The usable size of an object, bytes (the slot minus its header; a large object's request).
  public func objectSize(_ ref: ObjectRef) -> Int {
    if ref.span < 0 { return 0 }
    return objectSize(in: span(of: ref))
  }

  /// The usable size of an object of span `s`, bytes.
  @inline(__always)
  func objectSize(in s: Span) -> Int { s.usableBytes }

  /// Whether `ref` names a live (allocated) object.
  public func isAllocated(_ ref: ObjectRef) -> Bool {
    guard ref.span >= 0, Int(ref.span) < spans.count, let s = spans[Int(ref.span)] else {
      return false
    }
    return s.isAllocated(Int(ref.slot))
  }

  /// The word stored at `offset` bytes into the object; nil means zero.
  public func load(_ ref: ObjectRef, at offset: Int) -> Word? {
    if ref.span < 0 { return nil }
    let s = span(of: ref)
    return s.contents?[Int(ref.slot)]?.load(offset)
  }

  /// Stores a word of `size` bytes at `offset` (nil or a zero word stores zero).
  public func store(_ word: Word?, _ ref: ObjectRef, at offset: Int, size: Int) throws {
    try checkAlive()
    if ref.span < 0 { return }
    let s = span(of: ref)
    let slot = Int(ref.slot)
    // Storing zero where nothing is stored changes nothing; any other store goes to the contents.
    // (The existing contents are looked up first: testing `word` copies it.)
    if let c = s.contents?[slot] ?? (word == nil ? nil : s.writableContents(slot)) {
      c.store(word, at: offset, objectSize: objectSize(in: s), noscan: s.noscan)
      if c.isEmpty { s.contents![slot] = nil }  // zeros are stored as absence
    }
    let addr = dataAddress(s, slot: slot) + offset
    let faulted = try touch(s, bytes: addr..<(addr + max(size, 1)))
    if faulted > 0 { try work(Double(faulted) * profile.cost.firstTouchNsPerByte) }
  }

  /// memclr of `bytes` (offsets in the object): stored words in the range become zero and every
  /// page in it is written.
  public func clear(_ ref: ObjectRef, bytes: Range<Int>) throws {
    try checkAlive()
    if ref.span < 0 || bytes.isEmpty { return }
    let s = span(of: ref)
    let slot = Int(ref.slot)
    if let c = s.contents?[slot] {
      c.clear(bytes)
      if c.isEmpty { s.contents![slot] = nil }
    }
    try writeBytes(s, slot: slot, bytes)
  }

  /// A constant fill of `bytes` (offsets in the object) with `word` every `stride` bytes, as
  /// `for i := range s { s[i] = v }` does: every page in the range is written.
  public func fill(_ ref: ObjectRef, bytes: Range<Int>, stride: Int, word: Word) throws {
    if word.isZero { return try clear(ref, bytes: bytes) }
    try checkAlive()
    if ref.span < 0 || bytes.isEmpty { return }
    let s = span(of: ref)
    let slot = Int(ref.slot)
    s.writableContents(slot).fill(bytes, stride: stride, word: word)
    try writeBytes(s, slot: slot, bytes)
  }

  /// copy(): moves `count` bytes of contents between objects (memmove), touching the destination.
  public func copyBytes(
    from src: ObjectRef, at srcOffset: Int, to dst: ObjectRef, at dstOffset: Int, count: Int
  ) throws {
    try checkAlive()
    guard count > 0, src.span >= 0, dst.span >= 0 else { return }
    let s = span(of: src)
    let moved = s.contents?[Int(src.slot)]?.words(in: srcOffset..<(srcOffset + count)) ?? []
    let movedFills = s.contents?[Int(src.slot)]?.fills(in: srcOffset..<(srcOffset + count)) ?? []
    let d = span(of: dst)
    if let c = d.contents?[Int(dst.slot)] {
      c.clear(dstOffset..<(dstOffset + count))
      if c.isEmpty { d.contents![Int(dst.slot)] = nil }
    }
    for f in movedFills {
      let shifted = (f.range.lowerBound - srcOffset + dstOffset)..<(f.range.upperBound - srcOffset + dstOffset)
      d.writableContents(Int(dst.slot)).fill(shifted, stride: f.stride, word: f.word)
    }
    for (o, w) in moved {
      try store(w, dst, at: o - srcOffset + dstOffset, size: 1)
    }
    // memmove reads and writes every byte: twice a memclr's cost per byte.
    try writeBytes(d, slot: Int(dst.slot), dstOffset..<(dstOffset + count), passes: 2)
  }

  /// A memclr/memmove of `bytes` (offsets in the object at `slot` of `s`): every page in it is
  /// written (faulted in if new), at `passes` times the write cost per byte, in one
  /// non-preemptible stretch.
  private func writeBytes(_ s: Span, slot: Int, _ bytes: Range<Int>, passes: Double = 1) throws {
    let base = dataAddress(s, slot: slot)
    let faulted = try touch(s, bytes: (base + bytes.lowerBound)..<(base + bytes.upperBound))
    try chargeWrite(bytes: bytes.count, faulted: faulted, passes: passes)
  }

  /// The clock cost of a memclr/memmove of `bytes` bytes, `faulted` of them faulted in: `passes`
  /// times the write cost per byte plus the first touches, in one non-preemptible stretch.
  func chargeWrite(bytes: Int, faulted: Int, passes: Double) throws {
    try work(
      Double(bytes) * profile.cost.writeNsPerByte * passes
        + Double(faulted) * profile.cost.firstTouchNsPerByte,
      preemptible: false)
  }

  /// The address a Go program would print for a pointer (heap base 0xc000000000).
  public func address(of p: HeapPointer) -> Int {
    if p.object.span < 0 { return 0xc0_0000_0000 }
    let s = span(of: p.object)
    return 0xc0_0000_0000 + dataAddress(s, slot: Int(p.object.slot)) + p.offset
  }

  /// Makes the pages under a heap byte range of `s` resident; returns the bytes faulted in.
  @discardableResult
  func touch(_ s: Span, bytes: Range<Int>) throws -> Int {
    // (Page sizes are powers of two: shifts, not divisions, on this per-store path.)
    let spanStart = s.basePage << pageShift
    let first = (bytes.lowerBound - spanStart) >> physPageShift
    let last = (bytes.upperBound - 1 - spanStart) >> physPageShift
    if s.npages << (pageShift - physPageShift) <= 64 {
      let width = last - first + 1
      let bits: UInt64 = (width >= 64 ? ~0 : (1 << UInt64(width)) - 1) << UInt64(first)
      if s.residentMask & bits == bits { return 0 }
      s.residentMask |= bits
    } else if last == first && os.isResident(byte: bytes.lowerBound) {
      return 0
    }
    let faulted = os.touch(bytes)
    if faulted > 0 { try checkMemoryPressure() }
    return faulted
  }

  /// The kernel's response when resident memory exceeds the machine's or the container's:
  /// reclaim lazily freed pages, else kill the process (the OOM killer; exit status 137).
  func checkMemoryPressure() throws {
    let limit = machine.killLimit
    if os.rss <= limit { return }
    if os.lazyFreeBytes > 0 {
      let got = os.reclaim(os.rss - limit)
      if got > 0 { emit(.reclaimed(bytes: got, timeNs: now)) }
    }
    if os.rss > limit { try die(.killedByKernel(rss: os.rss, limit: limit)) }
  }
}
