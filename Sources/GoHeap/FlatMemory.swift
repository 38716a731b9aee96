// Flat memory: object contents as bytes at simulated addresses.
//
// A Go program sees its heap as bytes at addresses. The simulator gives objects allocated through
// `allocate(_:count:)` exactly that: a simulated virtual address, and bytes at it that `load`,
// `store`, `copyMemory`, `clearMemory` and `fillMemory` read and write as the machine would
// (little-endian, any alignment, 1 to 8 bytes at a time). The mechanism, in four parts:
//
//  1. Addresses. The page heap starts at `heapBase` (0xc000000000, where Go's linux/amd64 heap
//     starts), so page p begins at heapBase + p * pageSize. A page→span table (mheap.go's
//     `heapArena.spans`, read by `spanOf`) maps every page to the span holding it, in O(1); pages
//     of no span map to nil. Inside a small-object span the slot of an address is its offset
//     divided by the slot size, done as Go does it with a multiply by a reciprocal
//     (mbitmap.go `divMul`, `objIndex`): so an interior pointer (`&s[i]`, `&p.f`, a sub-slice)
//     finds its object, and keeps the whole object alive. An object's data starts at its slot
//     plus the 1.22+ malloc header where the allocator puts one (a `%p` of it prints what Go's
//     would).
//
//  2. Small-object spans keep the span's bytes in one host buffer, at their offsets from the
//     span's base, made on the first non-zero write: a span never written costs nothing, and the
//     buffer goes with the span. A slot freed by a sweep and handed out again is zeroed by the
//     allocation when the buffer exists (mallocgc's needzero), so a new object reads zero.
//
//  3. Large objects (a span of their own) keep their bytes in 4 KiB host pages, each in one of
//     three states, as the kernel backs anonymous memory:
//
//         zero     no storage; reads 0                      (a fresh mapping)
//         uniform  no storage; one 8-byte pattern repeated   (as the kernel's shared zero page,
//                  over the page                              for any constant)
//         data     a 4 KiB buffer
//
//     Transitions: a store or a partial fill/copy that changes a zero or uniform page gives it a
//     buffer (zero/uniform → data); a clear or a constant fill of a whole page drops its buffer
//     (data → zero/uniform); a whole-page copy or write takes the state of what it writes. So
//     `make([]byte, 400 MB)` then a clear or a constant fill holds no page buffers at all, only
//     the page table (16 bytes per 4 KiB page, made on the first write), and a store of the
//     value a uniform page already holds changes nothing.
//
//  4. Pointers come from types, not from tagged words. Each object records its type and element
//     count (a small scan span per slot; a large span once, as Go's `mspan.largeType`); noscan
//     spans record nothing and are never scanned. The collector loads exactly the words the
//     type's pointer runs name (GoType's GC mask) and marks what a non-zero one points into
//     (GoRuntime+Collector). Zero pages are skipped, and a uniform page's pattern is one pointer.
//
// Costs on the virtual clock (GoRuntime+Memory): a store faults its page in (first-touch cost);
// a clear, fill or copy writes every page of its range in one non-preemptible stretch.
// A bad access — nil, an address outside any allocated object, a range past the end of its
// object — throws a `MemoryFault` and changes nothing; it never traps.

/// A simulated virtual address, as a Go program on linux/amd64 sees it; 0 is nil.
public typealias Address = UInt64

/// An access the simulated machine cannot make: the VM turns `.nilDereference` into Go's
/// nil-pointer panic; any other reason is an interpreter bug that must not crash the process.
public struct MemoryFault: Error, Equatable, Sendable, CustomStringConvertible {
  /// Why the access failed.
  public enum Reason: Equatable, Sendable {
    /// The address is in the first page of memory (nil plus a field offset).
    case nilDereference
    /// The address is not in the heap arena, or not in any span.
    case notHeap
    /// The address is in a span but in a free slot.
    case freed
    /// The access starts in an object but runs past its end (or starts in its header).
    case outOfBounds
    /// A load or store of a size other than 1, 2, 4 or 8 bytes.
    case badSize
  }

  /// The first byte of the access.
  let address: Address
  /// Bytes accessed.
  let size: Int
  public let reason: Reason

  init(address: Address, size: Int, reason: Reason) {
    self.address = address
    self.size = size
    self.reason = reason
  }

  public var description: String {
    let at = "0x" + String(address, radix: 16)
    switch reason {
    case .nilDereference: return "invalid memory address or nil pointer dereference (addr=\(at))"
    case .notHeap: return "access of \(size) bytes at \(at): not a heap object"
    case .freed: return "access of \(size) bytes at \(at): object was freed"
    case .outOfBounds: return "access of \(size) bytes at \(at): outside its object"
    case .badSize: return "access of \(size) bytes at \(at): unsupported access size"
    }
  }
}

/// The state of one 4 KiB page of a large object (for tests and inspection).
enum FlatPageState: Equatable {
  /// No storage: reads zero.
  case zero
  /// No storage: the 8-byte pattern (byte k of the page is byte k % 8 of it) repeated.
  case uniform(UInt64)
  /// A 4 KiB buffer.
  case data
}

/// The bytes of a large object in 4 KiB host pages (see the file comment, part 3). The tables are
/// buffers the span owns, freed with it (`Span.releaseFlatMemory`). Methods that add or drop a
/// page buffer return the host bytes gained or lost, for the runtime's count.
@usableFromInline struct LargePages {
  /// log2 of the host page size.
  @usableFromInline static let shift = 12
  /// Host page size, bytes (the kernel's page: what one buffer holds).
  @usableFromInline static let size = 1 << shift
  /// Pages, ceil(span bytes / 4 KiB).
  let count: Int
  /// Per page: the 8-byte pattern a page without a buffer repeats (0: a zero page); byte k of the
  /// page is byte k % 8 of the pattern, little-endian.
  let patterns: UnsafeMutablePointer<UInt64>
  /// Per page: its 4 KiB buffer once it holds data; nil for zero and uniform pages.
  @usableFromInline let buffers: UnsafeMutablePointer<UnsafeMutableRawPointer?>
  /// One bit per page: written since the span was allocated, so known resident (a fast path in
  /// front of the OS model's check: a page of a span in use is never released).
  @usableFromInline let resident: UnsafeMutablePointer<UInt64>

  init(spanBytes: Int) {
    count = (spanBytes + Self.size - 1) >> Self.shift
    patterns = .allocate(capacity: count)
    patterns.initialize(repeating: 0, count: count)
    buffers = .allocate(capacity: count)
    buffers.initialize(repeating: nil, count: count)
    resident = .allocate(capacity: (count + 63) >> 6)
    resident.initialize(repeating: 0, count: (count + 63) >> 6)
  }

  /// Host bytes of the tables alone (without page buffers).
  var tableBytes: Int { count * 16 + ((count + 63) >> 6) * 8 }
  /// Host bytes of the tables and the page buffers (counts the buffers: for checks).
  var hostBytes: Int {
    tableBytes + (0..<count).reduce(0) { $0 + (buffers[$1] == nil ? 0 : Self.size) }
  }

  /// Frees the tables and every page buffer.
  func deallocate() {
    for p in 0..<count { buffers[p]?.deallocate() }
    patterns.deallocate()
    buffers.deallocate()
    resident.deallocate()
  }

  /// Calls `body(page, offset in the page, offset in the range, length)` for each piece of the
  /// span offsets [off, off + count) that lies in one page, in order.
  @inline(__always)
  static func forEachPiece(_ off: Int, _ count: Int, _ body: (Int, Int, Int, Int) -> Void) {
    var k = 0
    while k < count {
      let inPage = (off + k) & (size - 1)
      let len = min(count - k, size - inPage)
      body((off + k) >> shift, inPage, k, len)
      k += len
    }
  }

  @inlinable @inline(__always) func isResident(_ p: Int) -> Bool {
    resident[p >> 6] & (1 << UInt64(p & 63)) != 0
  }
  @inline(__always) func setResident(_ p: Int) {
    resident[p >> 6] |= 1 << UInt64(p & 63)
  }

  func state(_ p: Int) -> FlatPageState {
    if buffers[p] != nil { return .data }
    return patterns[p] == 0 ? .zero : .uniform(patterns[p])
  }

  /// Page `p`'s buffer, made holding what the page reads now (its pattern) if it has none; and
  /// the host bytes that added.
  func materialize(_ p: Int) -> (UnsafeMutableRawPointer, added: Int) {
    if let b = buffers[p] { return (b, 0) }
    let b = UnsafeMutableRawPointer.allocate(byteCount: Self.size, alignment: 16)
    b.initializeMemory(as: UInt64.self, repeating: patterns[p], count: Self.size / 8)
    buffers[p] = b
    return (b, Self.size)
  }

  /// Makes page `p` uniform with `pattern` (0: zero), dropping its buffer; returns the host
  /// bytes freed.
  func setUniform(_ p: Int, _ pattern: UInt64) -> Int {
    patterns[p] = pattern
    guard let b = buffers[p] else { return 0 }
    b.deallocate()
    buffers[p] = nil
    return Self.size
  }
}

/// The `size` bytes at byte offset `offset & 7` of a repeated 8-byte pattern, zero-extended: what
/// a load at an address with that remainder reads from a uniform page (or a fill).
@inline(__always)
func patternBytes(_ pattern: UInt64, at offset: Int, size: Int) -> UInt64 {
  let shift = UInt64((offset & 7) << 3)
  let rotated = shift == 0 ? pattern : (pattern >> shift) | (pattern << (64 - shift))
  return size >= 8 ? rotated : rotated & ((1 << UInt64(size << 3)) - 1)
}

/// The 8-byte pattern of a fill whose element of `elemSize` bytes (1, 2, 4 or 8) is `element`
/// and that starts at a byte whose offset has remainder `offset & 7`: byte k of the result is
/// what the fill puts at every byte whose offset has remainder k.
@inline(__always)
func alignedPattern(_ element: UInt64, elemSize: Int, startingAt offset: Int) -> UInt64 {
  var p = elemSize >= 8 ? element : element & ((1 << UInt64(elemSize << 3)) - 1)
  var width = elemSize
  while width < 8 {
    p |= p << UInt64(width << 3)
    width <<= 1
  }
  let shift = UInt64((offset & 7) << 3)
  return shift == 0 ? p : (p << shift) | (p >> (64 - shift))
}

/// Whether `count` bytes (a multiple of 8) at `p` repeat their first 8 bytes; returns them if so.
func uniformPattern(_ p: UnsafeRawPointer, count: Int) -> UInt64? {
  let first = p.loadUnaligned(as: UInt64.self)
  var k = 8
  while k < count {
    if p.loadUnaligned(fromByteOffset: k, as: UInt64.self) != first { return nil }
    k += 8
  }
  return first
}
