// Span: a run of pages that holds either one large object or many objects of one size class.
//
// As in the runtime (mheap.go `mspan`), a small-object span has an alloc bitmap (which slots hold
// objects) and a mark bitmap (which slots the current GC cycle found reachable). Sweeping makes
// the mark bits the new alloc bits; a span whose slots are all free goes back to the page heap.
// A large object has a span of its own with a single slot.
//
// Span states and transitions (the only function that changes `state` is GoRuntime's span
// allocator/sweeper, which asserts them):
//
//     inUse   --sweep finds no live slot-->  (freed: pages return to the page heap; the Span
//                                              object is discarded and its id reused)
//     cached  <--refill-- inUse (partial) ;  cached --GC flush--> inUse
//
// `cached` is the span the allocator (mcache) is currently handing slots out of.
//
// A span also owns the flat memory of the objects allocated in it by address (FlatMemory.swift):
// a small span's bytes in one buffer, a large span's 4 KiB pages, and the objects' type records.
// All of it is made on first use and freed with the span.

/// Where a span is in its life.
enum SpanState {
  /// Holds objects; not the allocator's current span.
  case inUse
  /// The allocator's current span for its class (mcache.alloc[spc]).
  case cached
}

/// One span. Slots are 0..<nelems; slot i starts at byte `i * elemSize` from the span's base.
/// (@usableFromInline, with the members so marked: the inlined allocation fast path,
/// GoRuntime.allocateFast, takes a slot with `nextFreeFast` and computes the object's address.)
@usableFromInline final class Span {
  /// Index in the runtime's span table.
  let id: Int32
  /// First page, counted from the heap's base address.
  let basePage: Int
  /// Length, pages.
  let npages: Int
  /// Size class index (0: large object span).
  @usableFromInline let sizeClass: Int
  /// Objects hold no pointers (noscan span).
  let noscan: Bool
  /// Slot size, bytes (for a large span: npages * pageSize).
  @usableFromInline let elemSize: Int
  /// Number of slots.
  @usableFromInline let nelems: Int
  var state: SpanState = .inUse
  /// One bit per slot: holds an object. (The bitmaps are buffers the span owns, not arrays:
  /// setting a bit on the allocation path then needs no uniqueness or bounds check.)
  @usableFromInline let allocBits: UnsafeMutablePointer<UInt64>
  /// One bit per slot: marked reachable in the current cycle.
  let markBits: UnsafeMutablePointer<UInt64>
  /// Length of each bitmap, 64-bit words.
  let bitmapWords: Int
  /// Slots allocated.
  @usableFromInline var allocCount = 0
  /// allocCount when the span was last taken into the mcache: the slots allocated since are
  /// counted for its size class when it leaves (mcache.refill `slotsUsed`).
  var allocCountBeforeCache = 0
  /// Lowest slot that may be free (allocation searches from here).
  @usableFromInline var freeIndex = 0
  /// What each object handed out from this span costs beyond CostModel.smallAllocNs, ns — the
  /// one number the allocation paths read: heapBitsNs, plus the object's memclr once a sweep
  /// has freed one of the span's objects (the slot's size at CostModel.zeroNsPerByte).
  /// mgcsweep.go sweepLocked.sweep sets a small span's needzero once it frees an object (`if
  /// nfreed > 0 { s.needzero = 1 }`: a span swept with nothing freed still has its free slots
  /// zeroed), and mallocgc then clears each object it hands out from it (`if needzero &&
  /// span.needzero != 0`). A span from reused pages is cleared whole when allocated (allocSpan).
  @usableFromInline var perObjectNs: Double = 0
  /// What recording each object's pointer bits costs as it is handed out, ns (CostModel
  /// heapBitsNsPerWord: Go 1.19's heapBitsSetType; 0 for pointer-free spans).
  var heapBitsNs: Double = 0
  /// Physical (4 KiB) pages of the span known to be resident: a fast path for small-span
  /// writes. Only for spans of at most 64 physical pages.
  @usableFromInline var residentMask: UInt64 = 0

  // Flat memory (FlatMemory.swift): the objects' bytes at their addresses.
  /// Heap address of the span's first byte (heapBase + basePage * pageSize).
  @usableFromInline let baseAddress: Address
  /// Address of slot 0's data: baseAddress + dataOffset.
  @usableFromInline let dataBase: Address
  /// The span's length, bytes (npages * pageSize).
  let spanBytes: Int
  /// Bytes before an object's data in its slot (the 1.22+ malloc header), bytes.
  @usableFromInline let dataOffset: Int
  /// An object's usable bytes from its data start (slot minus header; a large object's
  /// request), bytes.
  @usableFromInline let usableBytes: Int
  /// objIndex's reciprocal (mbitmap.go `divMul`): the slot of byte offset o in a small span is
  /// (o * divMul) >> 32, exact for every offset of a span up to 2^32 / elemSize bytes.
  @usableFromInline let divMul: UInt64
  /// A small span's bytes at their offsets from `baseAddress`; nil until the first non-zero
  /// write, freed with the span.
  @usableFromInline var bytes: UnsafeMutableRawPointer? = nil
  /// A large span's pages; nil until the first write, freed with the span.
  @usableFromInline var largePages: LargePages? = nil
  /// A small scan span's object types, by slot: (index in the runtime's type table + 1) << 32
  /// | element count; 0 for a free slot or a noscan object. Nil until the first typed
  /// allocation in the span. (A buffer the span owns, as the bitmaps.)
  var slotTypes: UnsafeMutablePointer<UInt64>? = nil
  /// A large scan span's object type (Go's `mspan.largeType`): index in the runtime's type
  /// table + 1, 0 for none; and its element count.
  var largeType: UInt32 = 0
  var largeCount = 0

  init(
    id: Int32, basePage: Int, npages: Int, sizeClass: Int, noscan: Bool, elemSize: Int,
    nelems: Int, requestedBytes: Int, baseAddress: Address, pageSize: Int, dataOffset: Int
  ) {
    self.baseAddress = baseAddress
    dataBase = baseAddress + Address(dataOffset)
    spanBytes = npages * pageSize
    self.dataOffset = dataOffset
    usableBytes = sizeClass == 0 ? requestedBytes : elemSize - dataOffset
    divMul = UInt64(UInt32.max) / UInt64(elemSize) + 1
    self.id = id
    self.basePage = basePage
    self.npages = npages
    self.sizeClass = sizeClass
    self.noscan = noscan
    self.elemSize = elemSize
    self.nelems = nelems
    bitmapWords = (nelems + 63) >> 6
    allocBits = .allocate(capacity: bitmapWords)
    allocBits.initialize(repeating: 0, count: bitmapWords)
    markBits = .allocate(capacity: bitmapWords)
    markBits.initialize(repeating: 0, count: bitmapWords)
  }

  deinit {
    allocBits.deallocate()
    markBits.deallocate()
    _ = releaseFlatMemory()
  }

  /// Host bytes of the span's flat memory: its byte buffer, page tables and pages, type records.
  var flatHostBytes: Int {
    (bytes == nil ? 0 : spanBytes) + (largePages?.hostBytes ?? 0)
      + (slotTypes == nil ? 0 : nelems * 8)
  }

  /// Frees the span's flat memory; returns the host bytes freed.
  func releaseFlatMemory() -> Int {
    let freed = flatHostBytes
    bytes?.deallocate()
    bytes = nil
    largePages?.deallocate()
    largePages = nil
    slotTypes?.deallocate()
    slotTypes = nil
    return freed
  }

  /// Whether the object in `slot` has a recorded type (it was allocated by address and holds
  /// pointers): the collector scans its flat memory.
  @inline(__always) func hasFlatType(_ slot: Int) -> Bool {
    isLarge ? largeType != 0 : (slotTypes?[slot] ?? 0) != 0
  }

  var isLarge: Bool { sizeClass == 0 }

  @inlinable @inline(__always) func isAllocated(_ slot: Int) -> Bool {
    allocBits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
  }
  @inline(__always) func isMarked(_ slot: Int) -> Bool {
    markBits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
  }
  /// Sets the mark bit; returns false if it was already set.
  @inline(__always) func setMark(_ slot: Int) -> Bool {
    let bit: UInt64 = 1 << UInt64(slot & 63)
    let w = markBits[slot >> 6]
    if w & bit != 0 { return false }
    markBits[slot >> 6] = w | bit
    return true
  }

  /// The next free slot at or after `freeIndex`, marking it allocated; nil when the span is full.
  @inline(__always)
  func takeFreeSlot() -> Int? {
    var w = freeIndex >> 6
    while w < bitmapWords {
      var free = ~allocBits[w]
      if w == freeIndex >> 6 { free &= ~((1 << UInt64(freeIndex & 63)) &- 1) }
      if free != 0 {
        let slot = w << 6 | free.trailingZeroBitCount
        if slot >= nelems { break }
        allocBits[w] |= 1 << UInt64(slot & 63)
        allocCount += 1
        freeIndex = slot + 1
        return slot
      }
      w += 1
    }
    freeIndex = nelems
    return nil
  }

  /// The allocation fast path (malloc.go nextFreeFast): a free slot in the bitmap word that
  /// holds `freeIndex`, at or after it, marked allocated; nil sends the caller to the full
  /// search (`takeFreeSlot`), which also finds when the span is full.
  @inlinable @inline(__always)
  func nextFreeFast() -> Int? {
    let i = freeIndex
    guard i < nelems else { return nil }
    let w = i >> 6
    let free = ~allocBits[w] & (~0 << UInt64(i & 63))
    if free == 0 { return nil }
    let slot = w << 6 | free.trailingZeroBitCount
    if slot >= nelems { return nil }
    allocBits[w] |= 1 << UInt64(slot & 63)
    allocCount &+= 1
    freeIndex = slot &+ 1
    return slot
  }

  /// Number of marked slots.
  var markedCount: Int { (0..<bitmapWords).reduce(0) { $0 + markBits[$1].nonzeroBitCount } }

  /// Number of allocated slots, counted from the bitmap.
  var allocatedBitCount: Int { (0..<bitmapWords).reduce(0) { $0 + allocBits[$1].nonzeroBitCount } }

  func clearMarks() {
    markBits.update(repeating: 0, count: bitmapWords)
  }

  /// Sweep: the mark bits become the alloc bits.
  func adoptMarks() {
    allocBits.update(from: markBits, count: bitmapWords)
  }
}
