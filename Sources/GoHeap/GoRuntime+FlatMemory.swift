// The address API: allocating objects at addresses and reading and writing their bytes
// (FlatMemory.swift has the mechanism; this file is its operations).
//
//   allocate / allocateSlice   mallocgc / makeslice (GoRuntime+Allocation has the allocator,
//                              statistics, assists, pacing and clock costs), plus the object's
//                              type record and the zeroing of a reused slot's bytes
//   load / store               1, 2, 4 or 8 bytes, little-endian, any alignment; a store faults
//                              its page in (first-touch cost)
//   copyMemory / clearMemory   memmove / memclr; a fill of a repeated element; each writes every
//   fillMemory                 page of its range in one non-preemptible stretch
//   readBytes / writeBytes     string data
//
// Byte positions below are offsets from a span's base, which is page aligned: a large object's
// host page p holds span offsets [p * 4 KiB, (p + 1) * 4 KiB), and a position's remainder mod 8
// is its address's.

extension GoRuntime {
  // MARK: Allocation

  /// mallocgc: a zeroed object holding `count` consecutive values of `type` (new(T): count 1; a
  /// slice's backing array: count = cap). Records the type so the collector scans exactly its
  /// pointer words. Returns `zeroBaseAddress` for a zero-size request. The new object is a root
  /// while this call runs (a cycle it triggers keeps it) and not afterwards: the caller holds it
  /// in a root (a VM register) itself.
  ///
  /// Inlinable, with its fast path (`allocateFast`): `p = new(T)` in a loop then costs the VM a
  /// few loads and stores, not a call chain through mallocgc.
  @inlinable @inline(__always)
  public func allocate(_ type: GoType, count: Int) throws -> Address {
    if let a = try allocateFast(type, count: count) { return a }
    return try allocateFull(type, count: count)
  }

  /// `allocate` when the fast path declined: the checks, then mallocgc's every path.
  ///
  /// No maxAlloc check: new(T), a variable moved to the heap and a literal's backing array are
  /// newobject of their type (malloc.go), which passes the size to mallocgc as it is, so an
  /// object past maxAlloc fails where the heap cannot grow for it — `runtime: out of memory:
  /// cannot allocate N-byte block` (recorded for `new([100 << 40]int)` and a moved
  /// `var pad [100 << 40]int` with Go 1.27.3 and 1.19.8: Tests/Recordings/runs/hugealloc).
  /// Only a count whose bytes overflow is refused first, with newarray's panic.
  @usableFromInline
  func allocateFull(_ type: GoType, count: Int) throws -> Address {
    try checkAlive()
    let (size, overflow) = type.size.multipliedReportingOverflow(by: count)
    if overflow || count < 0 {
      try die(.panic(message: "runtime: allocation size out of range"))  // malloc.go newarray
    }
    return try allocateFlat(type, count: count, bytes: size)
  }

  /// makeslice: Go's length and capacity checks and panics (the process dies), then
  /// `allocate(elem, count: cap)`.
  public func allocateSlice(of elem: GoType, len: Int, cap: Int) throws -> Address {
    if len >= 0 && len <= cap, let a = try allocateFast(elem, count: cap) { return a }
    try checkAlive()
    let bytes = try makeSliceBytes(of: elem, len: len, cap: cap)
    return try allocateFlat(elem, count: cap, bytes: bytes)
  }

  /// The allocation fast path (malloc.go nextFreeFast), for an object that is small, neither
  /// tiny nor headed, while no cycle marks: a slot from the class's cached span when its bitmap
  /// word at freeindex has a free bit, and the allocator's cost on the clock when no runtime
  /// event is due before the new time. The span is in hand, so the address is its base plus
  /// slot * elemSize; a slot's old bytes are zeroed only if the span has a buffer (needzero),
  /// and a type is recorded only for an object with pointers. Nil when the full path must run;
  /// `finishFastAllocation` takes over once the slot is taken but something else must happen
  /// (a mark is running, an event is due, the cost has a fraction).
  ///
  /// It is `mallocFull` and `recordAllocation` minus what cannot happen here, in the same
  /// order: statistics, then the clock, then the slot's bytes and type. No number changes:
  /// `fastPathChangesNothing` runs a mixed workload with it on and off and compares everything.
  @inlinable @inline(__always)
  func allocateFast(_ type: GoType, count: Int) throws -> Address? {
    let (size, overflow) = type.size.multipliedReportingOverflow(by: count)
    let noscan = !type.hasPointers
    // (One unsigned compare: 1 <= size <= fastPathMaxSize.)
    // While a cycle marks, the full path runs: the allocation assists before it takes a slot.
    guard !overflow, UInt(bitPattern: size &- 1) < UInt(bitPattern: fastPathMaxSize),
      size >= profile.tinySize || !noscan, !isDead, !isMarking
    else { return nil }
    let spc = Int(truncatingIfNeeded: fastSpanClass[((size &+ 7) &>> 3) &<< 1 | (noscan ? 1 : 0)])
    guard let span = cachedSpan[spc],
      let slot = span._withUnsafeGuaranteedRef({ $0.nextFreeFast() })
    else { return nil }
    // (Wrapping arithmetic: byte and object counters cannot reach Int.max, and a slot's offset
    // fits its span.)
    let elemSize = span._withUnsafeGuaranteedRef { $0.elemSize }
    heapAllocBytes &+= elemSize
    totalAllocBytes &+= elemSize
    objectsAllocated &+= 1
    // advance's fast case with chargeAllocationWork's whole-ns cost (allocationWorkNs is 0
    // between allocations): nothing is due before the new time. `fastAllocNs` is Int.max for a
    // profile whose cost has a fraction, so that case, and an event due, go to the full step.
    assert(allocationWorkNs == 0, "allocation work left uncharged")
    // A slot of a span a sweep has freed objects in is cleared first, and a pointerful
    // object's bits are recorded where that costs (Span.perObjectNs).
    let extraNs = span._withUnsafeGuaranteedRef { $0.perObjectNs }
    if extraNs == 0 && nextEventTime &- now > fastAllocNs {
      now &+= fastAllocNs
    } else {
      allocationWorkNs += extraNs
      try finishFastAllocation(span, slot: slot, size: size)
    }
    return span._withUnsafeGuaranteedRef { s -> Address in
      let offset = slot &* elemSize
      if let b = s.bytes {
        (b + (offset &+ s.dataOffset)).initializeMemory(
          as: UInt8.self, repeating: 0, count: s.usableBytes)
      }
      if !noscan { recordType(type, count: count, slot: slot, in: s) }
      return s.dataBase &+ Address(truncatingIfNeeded: offset)
    }
  }

  /// The rest of a fast-path allocation whose clock step is not the plain fast case: the
  /// allocator's cost goes on the clock, running the events due. The object is held as a root
  /// meanwhile: a cycle those events start must keep it.
  @usableFromInline
  func finishFastAllocation(_ span: Unmanaged<Span>, slot: Int, size: Int) throws {
    let id = span._withUnsafeGuaranteedRef { $0.id }
    heldObject = ObjectRef(span: id, slot: Int32(truncatingIfNeeded: slot))
    defer { heldObject = nil }
    if smallAllocWholeNs > 0 && allocationWorkNs == 0 {
      try advance(wholeNs: smallAllocWholeNs)  // chargeAllocationWork's whole-ns case
    } else {
      allocationWorkNs += profile.cost.smallAllocNs
      try chargeAllocationWork()
    }
  }

  /// The common end of `allocate` and `allocateSlice`: `bytes` = count * type.size, checked.
  private func allocateFlat(_ type: GoType, count: Int, bytes: Int) throws -> Address {
    if bytes == 0 { return Self.zeroBaseAddress }
    let noscan = !type.hasPointers
    // Held as a root while mallocgc runs (it sets heldObject), then let go: the caller's
    // register holds it from here on.
    defer { heldObject = nil }
    let (object, offset) = try mallocgc(size: bytes, noscan: noscan)
    return recordAllocation(object, offset: offset, of: type, count: count, bytes: bytes)
  }

  /// Sets up the object mallocgc returned for flat memory: its bytes zeroed if its span has a
  /// buffer, its type recorded if it holds pointers. Returns its address. (The span is used
  /// unretained: reference counting was a fifth of an allocation's time.)
  private func recordAllocation(
    _ object: ObjectRef, offset: Int, of type: GoType, count: Int, bytes: Int
  ) -> Address {
    let noscan = !type.hasPointers
    guard let span = unretainedSpan(object) else {
      preconditionFailure("new object's span is gone")
    }
    return span._withUnsafeGuaranteedRef { s in
      let slot = Int(object.slot)
      let start = slot * s.elemSize + s.dataOffset + offset
      if let b = s.bytes {
        // needzero: a slot handed out before may hold an old object's bytes. (A tiny object
        // clears only its own bytes: the rest of its block belongs to its neighbours.)
        let tiny = noscan && bytes < profile.tinySize
        (b + start).initializeMemory(
          as: UInt8.self, repeating: 0, count: tiny ? bytes : s.usableBytes)
      }
      if !noscan { recordType(type, count: count, slot: slot, in: s) }
      return s.baseAddress + Address(start)
    }
  }

  /// Records the type of a pointerful object in `slot` of `s` (the collector scans its pointer
  /// words by it): once for a large span, per slot in a small one.
  @usableFromInline
  func recordType(_ type: GoType, count: Int, slot: Int, in s: Span) {
    let record = flatTypeRecord(type)
    if s.isLarge {
      s.largeType = record
      s.largeCount = count
    } else {
      let types = s.slotTypes ?? makeSlotTypes(s)
      types[slot] = UInt64(record) << 32 | UInt64(count)
    }
  }

  /// The index + 1 of `type` in the type table, adding it on first use.
  @inline(__always)
  private func flatTypeRecord(_ type: GoType) -> UInt32 {
    let id = ObjectIdentifier(type)
    if id == lastFlatType { return lastFlatTypeRecord }
    return addFlatType(type)
  }

  /// `flatTypeRecord` for a type other than the last one: the table, growing on first use.
  private func addFlatType(_ type: GoType) -> UInt32 {
    let id = ObjectIdentifier(type)
    let index: UInt32
    if let known = flatTypeIndex[id] {
      index = known
    } else {
      index = UInt32(flatTypes.count)
      flatTypes.append(type)
      flatTypeRefs.append(.passUnretained(type))
      flatTypeIndex[id] = index
    }
    lastFlatType = id
    lastFlatTypeRecord = index + 1
    return index + 1
  }

  private func makeSlotTypes(_ s: Span) -> UnsafeMutablePointer<UInt64> {
    let types = UnsafeMutablePointer<UInt64>.allocate(capacity: s.nelems)
    types.initialize(repeating: 0, count: s.nelems)
    s.slotTypes = types
    flatHostBytes += s.nelems * 8
    return types
  }

  /// A small span's byte buffer, made (zeroed) on the first non-zero write.
  @inline(__always)
  private func spanBytes(_ s: Span) -> UnsafeMutableRawPointer {
    if let b = s.bytes { return b }
    return makeSpanBytes(s)
  }

  private func makeSpanBytes(_ s: Span) -> UnsafeMutableRawPointer {
    let b = UnsafeMutableRawPointer.allocate(byteCount: s.spanBytes, alignment: 16)
    b.initializeMemory(as: UInt8.self, repeating: 0, count: s.spanBytes)
    s.bytes = b
    flatHostBytes += s.spanBytes
    return b
  }

  /// A large span's page table, made (all pages zero) on the first write.
  private func largePages(_ s: Span) -> LargePages {
    if let lp = s.largePages { return lp }
    let lp = LargePages(spanBytes: s.spanBytes)
    s.largePages = lp
    flatHostBytes += lp.tableBytes
    return lp
  }

  /// The state of the 4 KiB page of a large object holding `a` (for tests); nil outside a large
  /// object. A large object never written is all zero pages.
  func flatPageState(_ a: Address) -> FlatPageState? {
    guard let span = spanOf(a) else { return nil }
    let s = span.takeUnretainedValue()
    guard s.isLarge else { return nil }
    return s.largePages?.state(Int(a - s.baseAddress) >> LargePages.shift) ?? .zero
  }

  /// Page `p`'s buffer, made from its pattern if it has none (counted in `flatHostBytes`).
  private func pageBuffer(_ lp: LargePages, _ p: Int) -> UnsafeMutableRawPointer {
    let (b, added) = lp.materialize(p)
    flatHostBytes += added
    return b
  }

  /// Frees a span's flat memory (with the span).
  func releaseFlatMemory(_ s: Span) {
    flatHostBytes -= s.releaseFlatMemory()
  }

  // MARK: Loads and stores

  /// Whether `size` is 1, 2, 4 or 8.
  @inline(__always)
  static func isAccessSize(_ size: Int) -> Bool { size > 0 && size <= 8 && size & (size - 1) == 0 }

  // MARK: The common accesses, inlined into the VM

  /// The bytes of an access of `size` bytes at `a` when it is the common case — inside one
  /// allocated object, where the bytes already have host storage (a small span's buffer, or a
  /// large object's 4 KiB page buffer) and, for a write, on a physical page already resident —
  /// so that nothing but the bytes changes: no buffer to make, no page pattern to split, no
  /// first-touch fault to charge. Nil when anything else applies; `load` and `store` then do
  /// the whole thing, with the same checks as `locate` (a freed slot, the span's tail, an
  /// access across the object's end). For `size` of 1, 2, 4 or 8.
  @inlinable @inline(__always)
  func plainBytes(_ a: Address, _ size: Int, writing: Bool) -> UnsafeMutableRawPointer? {
    assert(size > 0 && size <= 8 && size & (size - 1) == 0, "an access of \(size) bytes")
    let page = (a &- Self.heapBase) >> UInt64(truncatingIfNeeded: pageShift)
    guard !isDead, let span = spanOfPage.span(atPage: page)
    else { return nil }
    return span._withUnsafeGuaranteedRef { s -> UnsafeMutableRawPointer? in
      let off = Int(truncatingIfNeeded: a &- s.baseAddress)
      if s.sizeClass == 0 {
        // A large object: slot 0; its page's buffer.
        let inObject = off &- s.dataOffset
        guard s.isAllocated(0), inObject >= 0, inObject &+ size <= s.usableBytes,
          let lp = s.largePages
        else { return nil }
        let p = off >> LargePages.shift
        guard p == (off &+ size &- 1) >> LargePages.shift, let b = lp.buffers[p],
          !writing || lp.isResident(p)
        else { return nil }
        return b + (off & (LargePages.size - 1))
      }
      guard let b = s.bytes else { return nil }
      let k = Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: off) &* s.divMul) >> 32)
      let inObject = off &- k &* s.elemSize &- s.dataOffset
      guard k < s.nelems, s.isAllocated(k), inObject >= 0, inObject &+ size <= s.usableBytes else { return nil }
      if writing {
        let first = off >> physPageShift
        guard first < 64, first == (off &+ size &- 1) >> physPageShift,
          s.residentMask & (1 << UInt64(first)) != 0
        else { return nil }
      }
      return b + off
    }
  }

  /// `load`'s common case, inlined: nil when the full `load` must run.
  @inlinable @inline(__always)
  public func loadIfPlain(_ a: Address, size: Int) -> UInt64? {
    guard let p = plainBytes(a, size, writing: false) else { return nil }
    return Self.loadBytes(p, size)
  }

  /// `store`'s common case, inlined: false when the full `store` must run.
  @inlinable @inline(__always)
  public func storeIfPlain(_ a: Address, _ bits: UInt64, size: Int) -> Bool {
    guard let p = plainBytes(a, size, writing: true) else { return false }
    Self.storeBytes(p, bits, size)
    return true
  }

  /// Loads `size` (1, 2, 4 or 8) bytes at a heap address, little-endian, zero-extended.
  public func load(_ a: Address, size: Int) throws -> UInt64 {
    guard Self.isAccessSize(size) else {
      throw MemoryFault(address: a, size: size, reason: .badSize)
    }
    let (span, off) = try locate(a, count: size)
    return span._withUnsafeGuaranteedRef { s -> UInt64 in
      if !s.isLarge {
        guard let b = s.bytes else { return 0 }
        return Self.loadBytes(b + off, size)
      }
      guard let lp = s.largePages else { return 0 }
      let p = off >> LargePages.shift
      let inPage = off & (LargePages.size - 1)
      if inPage + size <= LargePages.size {
        if let b = lp.buffers[p] { return Self.loadBytes(b + inPage, size) }
        return patternBytes(lp.patterns[p], at: inPage, size: size)
      }
      var v: UInt64 = 0  // across two pages
      for k in 0..<size { v |= UInt64(Self.byte(lp, at: off + k)) << UInt64(k << 3) }
      return v
    }
  }

  /// Stores the low `size` (1, 2, 4 or 8) bytes of `bits` at a heap address, little-endian. The
  /// page becomes resident: a first touch costs the page's fault (faultNs).
  public func store(_ a: Address, _ bits: UInt64, size: Int) throws {
    try checkAlive()
    guard Self.isAccessSize(size) else {
      throw MemoryFault(address: a, size: size, reason: .badSize)
    }
    let (span, off) = try locate(a, count: size)
    let value = size == 8 ? bits : bits & ((1 << UInt64(size << 3)) - 1)
    let faultNs = try span._withUnsafeGuaranteedRef { s -> Double in
      if s.isLarge { return try storeLarge(s, off, value, size) }
      // A zero stored where nothing was written changes no byte: no buffer is made.
      if value != 0 || s.bytes != nil { Self.storeBytes(spanBytes(s) + off, value, size) }
      return try touchFlat(s, off, size)
    }
    if faultNs > 0 { try work(faultNs) }
  }

  /// `store` into a large object: a page's buffer, or none when the page already reads `value`.
  private func storeLarge(_ s: Span, _ off: Int, _ value: UInt64, _ size: Int) throws -> Double {
    let lp = largePages(s)
    let p = off >> LargePages.shift
    let inPage = off & (LargePages.size - 1)
    if inPage + size <= LargePages.size {
      if let b = lp.buffers[p] {
        Self.storeBytes(b + inPage, value, size)
      } else if patternBytes(lp.patterns[p], at: inPage, size: size) != value {
        Self.storeBytes(pageBuffer(lp, p) + inPage, value, size)
      }
    } else {
      // Across two pages: through the general write.
      withUnsafeBytes(of: value.littleEndian) { v in
        if let p = v.baseAddress { writeFlat(s, off, p, size) }
      }
    }
    return try touchFlat(s, off, size)
  }

  @inlinable @inline(__always)
  static func loadBytes(_ p: UnsafeRawPointer, _ size: Int) -> UInt64 {
    switch size {
    case 8: return UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
    case 4: return UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
    case 2: return UInt64(UInt16(littleEndian: p.loadUnaligned(as: UInt16.self)))
    default: return UInt64(p.load(as: UInt8.self))
    }
  }

  @inlinable @inline(__always)
  static func storeBytes(_ p: UnsafeMutableRawPointer, _ v: UInt64, _ size: Int) {
    switch size {
    case 8: p.storeBytes(of: v.littleEndian, as: UInt64.self)
    case 4: p.storeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian, as: UInt32.self)
    case 2: p.storeBytes(of: UInt16(truncatingIfNeeded: v).littleEndian, as: UInt16.self)
    default: p.storeBytes(of: UInt8(truncatingIfNeeded: v), as: UInt8.self)
    }
  }

  /// The byte at span offset `off` of a large object.
  @inline(__always)
  static func byte(_ lp: LargePages, at off: Int) -> UInt8 {
    let p = off >> LargePages.shift
    if let b = lp.buffers[p] {
      return b.load(fromByteOffset: off & (LargePages.size - 1), as: UInt8.self)
    }
    return UInt8(truncatingIfNeeded: patternBytes(lp.patterns[p], at: off, size: 1))
  }

  /// Makes the pages under `count` bytes at span offset `off` resident; returns what the faults
  /// cost, ns (`touch`, behind a large span's record of the pages it already wrote).
  @inline(__always)
  func touchFlat(_ s: Span, _ off: Int, _ count: Int) throws -> Double {
    let heap = (s.basePage << pageShift) + off
    guard s.isLarge, let lp = s.largePages else {
      // touch's own first test, inline: a small span's pages known resident.
      let first = off >> physPageShift
      let last = (off + count - 1) >> physPageShift
      if last < 64 {
        let bits: UInt64 = ((2 << UInt64(last - first)) &- 1) << UInt64(first)
        if s.residentMask & bits == bits { return 0 }
      }
      return try touch(s, bytes: heap..<(heap + count))
    }
    let first = off >> LargePages.shift
    let last = (off + count - 1) >> LargePages.shift
    if first == last && lp.isResident(first) { return 0 }
    let faultNs = try touch(s, bytes: heap..<(heap + count))
    // A touched byte makes its whole physical page resident: a whole 4 KiB page when physical
    // pages are no smaller (every profile's are 4 KiB).
    if physPageShift >= LargePages.shift {
      for p in first...last { lp.setResident(p) }
    }
    return faultNs
  }

  // MARK: Ranges

  /// memmove: copies `bytes` bytes from `from` to `to` (the ranges may overlap). Every page of
  /// the destination is written, at a memmove's cost (twice a memclr's per byte), in one
  /// non-preemptible stretch.
  public func copyMemory(to dst: Address, from src: Address, bytes n: Int) throws {
    try checkAlive()
    guard n > 0 else { return }
    let (srcSpan, srcOff) = try locate(src, count: n)
    let (dstSpan, dstOff) = try locate(dst, count: n)
    let s = srcSpan.takeUnretainedValue()
    let d = dstSpan.takeUnretainedValue()
    let temp = UnsafeMutableRawPointer.allocate(byteCount: LargePages.size, alignment: 16)
    defer { temp.deallocate() }
    // Chunks end at the destination's 4 KiB boundaries; each is read whole before it is
    // written, and they go in the direction that reads every source byte before it is
    // overwritten (backwards when the destination overlaps the source's end).
    let backward = dst > src && dst - src < Address(n)
    var done = 0
    while done < n {
      let lo: Int
      let len: Int
      if backward {
        let end = n - done
        let pageStart = (dstOff + end - 1) & ~(LargePages.size - 1)
        lo = max(0, pageStart - dstOff)
        len = end - lo
      } else {
        lo = done
        len = min(n - done, LargePages.size - ((dstOff + done) & (LargePages.size - 1)))
      }
      if !copyPageState(from: s, srcOff + lo, to: d, dstOff + lo, len) {
        readFlat(s, srcOff + lo, into: temp, len)
        writeFlat(d, dstOff + lo, temp, len)
      }
      done += len
    }
    try chargeRangeWrite(d, dstOff, n, passes: 2)
  }

  /// A whole-page copy between large objects at the same page alignment from a page without a
  /// buffer: the destination page takes its state. False when the chunk is not such a copy.
  private func copyPageState(from s: Span, _ srcOff: Int, to d: Span, _ dstOff: Int, _ n: Int)
    -> Bool
  {
    guard n == LargePages.size, s.isLarge, d.isLarge, srcOff & (LargePages.size - 1) == 0,
      dstOff & (LargePages.size - 1) == 0
    else { return false }
    let sp = srcOff >> LargePages.shift
    let pattern: UInt64
    if let lp = s.largePages {
      guard lp.buffers[sp] == nil else { return false }
      pattern = lp.patterns[sp]
    } else {
      pattern = 0
    }
    flatHostBytes -= largePages(d).setUniform(dstOff >> LargePages.shift, pattern)
    return true
  }

  /// memclr: `bytes` bytes at `a` become zero; every page in the range is written (one
  /// non-preemptible stretch). Whole pages of a large object give their buffers back.
  public func clearMemory(_ a: Address, bytes n: Int) throws {
    try fillMemory(a, bytes: n, pattern: 0, elemSize: 8)
  }

  /// A fill of `bytes` bytes at `a` with one repeated element (`pattern`'s low `elemSize` bytes,
  /// 1, 2, 4 or 8), as `for i := range s { s[i] = v }`: every page in the range is written. Whole
  /// pages of a large object become uniform pages, which hold no buffer.
  func fillMemory(_ a: Address, bytes n: Int, pattern: UInt64, elemSize: Int) throws {
    try fill(a, bytes: n, pattern: pattern, elemSize: elemSize, asStores: false)
  }

  /// The fill; `asStores`: charged as that many stores (first touches only), not as a memset.
  func fill(_ a: Address, bytes n: Int, pattern: UInt64, elemSize: Int, asStores: Bool) throws {
    try checkAlive()
    guard Self.isAccessSize(elemSize) else {
      throw MemoryFault(address: a, size: elemSize, reason: .badSize)
    }
    guard n > 0 else { return }
    let (span, off) = try locate(a, count: n)
    let s = span.takeUnretainedValue()
    fillFlat(s, off, n, alignedPattern(pattern, elemSize: elemSize, startingAt: off))
    if asStores {
      let faultNs = try touchFlat(s, off, n)
      if faultNs > 0 { try work(faultNs) }
    } else {
      try chargeRangeWrite(s, off, n, passes: 1)
    }
  }

  /// Reads `count` bytes at `a` (string data).
  public func readBytes(_ a: Address, count: Int) throws -> [UInt8] {
    guard count > 0 else { return [] }
    let (span, off) = try locate(a, count: count)
    return [UInt8](unsafeUninitializedCapacity: count) { buf, initialized in
      guard let p = buf.baseAddress else { return }
      readFlat(span.takeUnretainedValue(), off, into: UnsafeMutableRawPointer(p), count)
      initialized = count
    }
  }

  /// Writes `bytes` at `a` (string data). As a run of stores: the pages become resident, and
  /// only first touches cost time (the program's own work is its statements').
  public func writeBytes(_ a: Address, _ bytes: [UInt8]) throws {
    try checkAlive()
    guard !bytes.isEmpty else { return }
    let (span, off) = try locate(a, count: bytes.count)
    let s = span.takeUnretainedValue()
    bytes.withUnsafeBytes { b in
      if let p = b.baseAddress { writeFlat(s, off, p, b.count) }
    }
    let faultNs = try touchFlat(s, off, bytes.count)
    if faultNs > 0 { try work(faultNs) }
  }

  /// The cost of a memclr/memmove of `count` bytes at span offset `off` of `s`: its pages are
  /// faulted in, and the write takes `passes` times the write cost per byte plus the faults, in
  /// one non-preemptible stretch.
  private func chargeRangeWrite(_ s: Span, _ off: Int, _ count: Int, passes: Double) throws {
    let faultNs = try touchFlat(s, off, count)
    try chargeWrite(bytes: count, faultNs: faultNs, passes: passes)
  }

  // MARK: Bytes of a span

  /// Copies `count` bytes at span offset `off` of `s` into `dst`.
  func readFlat(_ s: Span, _ off: Int, into dst: UnsafeMutableRawPointer, _ count: Int) {
    if !s.isLarge {
      if let b = s.bytes {
        dst.copyMemory(from: b + off, byteCount: count)
      } else {
        dst.initializeMemory(as: UInt8.self, repeating: 0, count: count)
      }
      return
    }
    LargePages.forEachPiece(off, count) { p, inPage, k, len in
      if let b = s.largePages?.buffers[p] {
        (dst + k).copyMemory(from: b + inPage, byteCount: len)
      } else {
        Self.fillBytes(dst + k, len, pattern: s.largePages?.patterns[p] ?? 0, from: off + k)
      }
    }
  }

  /// Writes `count` bytes from `src` at span offset `off` of `s`. A large object's page written
  /// whole takes the state its bytes have (zero, uniform or data); a page without a buffer that
  /// already reads these bytes is left alone.
  func writeFlat(_ s: Span, _ off: Int, _ src: UnsafeRawPointer, _ count: Int) {
    if !s.isLarge {
      if s.bytes == nil && Self.isPattern(src, count, 0, from: off) { return }
      (spanBytes(s) + off).copyMemory(from: src, byteCount: count)
      return
    }
    let lp = largePages(s)
    LargePages.forEachPiece(off, count) { p, inPage, k, len in
      if len == LargePages.size, let u = uniformPattern(src + k, count: len) {
        flatHostBytes -= lp.setUniform(p, u)
      } else if lp.buffers[p] != nil || !Self.isPattern(src + k, len, lp.patterns[p], from: off + k)
      {
        (pageBuffer(lp, p) + inPage).copyMemory(from: src + k, byteCount: len)
      }
    }
  }

  /// Fills `count` bytes at span offset `off` of `s` with the aligned 8-byte `pattern` (the byte
  /// at an offset with remainder r mod 8 is byte r of it).
  func fillFlat(_ s: Span, _ off: Int, _ count: Int, _ pattern: UInt64) {
    if !s.isLarge {
      if s.bytes == nil && pattern == 0 { return }
      Self.fillBytes(spanBytes(s) + off, count, pattern: pattern, from: off)
      return
    }
    let lp = largePages(s)
    LargePages.forEachPiece(off, count) { p, inPage, k, len in
      if len == LargePages.size {
        flatHostBytes -= lp.setUniform(p, pattern)
      } else if lp.buffers[p] != nil || lp.patterns[p] != pattern {
        Self.fillBytes(pageBuffer(lp, p) + inPage, len, pattern: pattern, from: off + k)
      }
    }
  }

  /// Writes `count` bytes at `dst`, which holds offset `from`, with the aligned `pattern`.
  static func fillBytes(_ dst: UnsafeMutableRawPointer, _ count: Int, pattern: UInt64, from: Int) {
    var k = 0
    while k < count && (from + k) & 7 != 0 {
      dst.storeBytes(
        of: UInt8(truncatingIfNeeded: pattern >> UInt64(((from + k) & 7) << 3)), toByteOffset: k,
        as: UInt8.self)
      k += 1
    }
    while k + 8 <= count {
      dst.storeBytes(of: pattern.littleEndian, toByteOffset: k, as: UInt64.self)
      k += 8
    }
    while k < count {
      dst.storeBytes(
        of: UInt8(truncatingIfNeeded: pattern >> UInt64(((from + k) & 7) << 3)), toByteOffset: k,
        as: UInt8.self)
      k += 1
    }
  }

  /// Whether `count` bytes at `src`, to be written at offset `from`, are what the aligned
  /// `pattern` puts there.
  static func isPattern(_ src: UnsafeRawPointer, _ count: Int, _ pattern: UInt64, from: Int) -> Bool
  {
    for k in 0..<count {
      let expected = UInt8(truncatingIfNeeded: pattern >> UInt64(((from + k) & 7) << 3))
      if src.load(fromByteOffset: k, as: UInt8.self) != expected { return false }
    }
    return true
  }
}
