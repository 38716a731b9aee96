// Words: the values the simulated heap stores and the collector traces.
//
// An object's contents are kept sparsely: only words that were written with a non-zero value are
// stored, keyed by byte offset, so a page that holds only zeros costs nothing. Pointer words name
// the object they point into and a byte offset inside it, which is how an interior pointer or a
// sub-slice keeps its whole object alive (the collector marks objects, not bytes).

/// A reference to one heap object: its span and its slot in that span.
public struct ObjectRef: Hashable, Sendable, CustomStringConvertible {
  /// Index of the span in the runtime's span table.
  public let span: Int32
  /// Slot index within the span (0 for a large object).
  public let slot: Int32

  public init(span: Int32, slot: Int32) {
    self.span = span
    self.slot = slot
  }
  public var description: String { "obj(\(span).\(slot))" }
}

/// A pointer: an object and a byte offset within it.
public struct HeapPointer: Hashable, Sendable {
  public let object: ObjectRef
  /// Byte offset from the object's start.
  public let offset: Int
  public init(object: ObjectRef, offset: Int = 0) {
    self.object = object
    self.offset = offset
  }
}

/// A slice header: backing array, offset of element 0 in it, length and capacity (elements).
public struct SliceHeader: Hashable, Sendable {
  /// The backing array; nil for a nil slice or a zero-capacity slice with no backing store.
  public let object: ObjectRef?
  /// Byte offset of element 0 inside the backing object.
  public let offset: Int
  public let len: Int
  public let cap: Int
  public init(object: ObjectRef?, offset: Int, len: Int, cap: Int) {
    self.object = object
    self.offset = offset
    self.len = len
    self.cap = cap
  }
}

/// One stored value.
public enum Word: Hashable, Sendable {
  /// Integers, booleans and float bit patterns, zero-extended to 64 bits.
  case scalar(UInt64)
  /// A non-nil pointer.
  case pointer(HeapPointer)
  /// A slice header (occupies 24 bytes at its offset).
  case slice(SliceHeader)
  /// A string header. String bytes are immutable static data in the simulation: they are not
  /// allocated in the simulated heap (documented limitation).
  case string(String)

  /// The object this word keeps alive, if any.
  @inline(__always)
  public var referent: ObjectRef? {
    switch self {
    case .pointer(let p): return p.object
    case .slice(let s): return s.object
    case .scalar, .string: return nil
    }
  }

  /// Whether the word equals the zero value of its type (stored as absence).
  public var isZero: Bool {
    switch self {
    case .scalar(let v): return v == 0
    case .string(let s): return s.isEmpty
    case .pointer: return false
    case .slice(let s): return s.object == nil && s.len == 0 && s.cap == 0
    }
  }
}
