// Value: what a GCScript variable or expression holds at run time.
//
// Integers of every width are Int64 (wrapped to their type's width when stored); floats are
// Double; pointers and slices name simulated heap objects; structs and arrays held in variables
// are aggregates of their fields or elements. `null` is a nil pointer or a nil slice. The static
// type of every expression is known to the compiler, which decides how to interpret a Value.

import GoHeap

/// A run-time value.
public enum Value: Equatable {
  case int(Int64)
  case float(Double)
  case bool(Bool)
  case string(String)
  /// A non-nil pointer into a heap object.
  case pointer(HeapPointer)
  /// A non-nil slice.
  case slice(SliceHeader)
  /// A struct's fields or an array's elements, by value.
  case aggregate([Value])
  /// nil (pointer or slice).
  case null

  /// Go's ==. Strings compare byte-wise: Swift's String == would use canonical equivalence
  /// and call "\u{e9}" equal to "e\u{301}", which Go does not.
  public static func == (l: Value, r: Value) -> Bool {
    switch (l, r) {
    case (.int(let a), .int(let b)): return a == b
    case (.float(let a), .float(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
    case (.pointer(let a), .pointer(let b)): return a == b
    case (.slice(let a), .slice(let b)): return a == b
    case (.aggregate(let a), .aggregate(let b)): return a == b
    case (.null, .null): return true
    default: return false
    }
  }

  @inline(__always) var asInt: Int64 {
    switch self {
    case .int(let v): return v
    case .float(let f): return Int64(f)
    case .bool(let b): return b ? 1 : 0
    default: return 0
    }
  }
  @inline(__always) var asFloat: Double {
    switch self {
    case .float(let f): return f
    case .int(let v): return Double(v)
    default: return 0
    }
  }
  @inline(__always) var asBool: Bool {
    if case .bool(let b) = self { return b }
    return false
  }

  /// Calls `visit` with every heap reference the value holds (for root scanning).
  func forEachWord(_ visit: (Word) -> Void) {
    switch self {
    case .pointer(let p): visit(.pointer(p))
    case .slice(let s): visit(.slice(s))
    case .aggregate(let vs): for v in vs { v.forEachWord(visit) }
    default: break
    }
  }
}

/// The zero value of a type.
func zeroValue(_ t: GoType) -> Value {
  switch t.kind {
  case .bool: return .bool(false)
  case .int, .uintptr: return .int(0)
  case .float: return .float(0)
  case .string: return .string("")
  case .pointer, .slice, .undefined: return .null
  case .array(let e, let n): return .aggregate([Value](repeating: zeroValue(e), count: n))
  case .structure(let fs): return .aggregate(fs.map { zeroValue($0.type) })
  }
}

/// Wraps an integer to the width and signedness of `t` (Go's modular arithmetic).
@inline(__always)
func wrap(_ v: Int64, _ t: GoType) -> Int64 {
  guard case .int(let bits, let signed) = t.kind, bits < 64 else { return v }
  let shift = Int64(64 - bits)
  return signed ? (v << shift) >> shift : Int64(bitPattern: (UInt64(bitPattern: v) << UInt64(shift)) >> UInt64(shift))
}

extension GoType {
  var isInteger: Bool {
    switch kind {
    case .int, .uintptr: return true
    default: return false
    }
  }
  var isUnsigned: Bool {
    switch kind {
    case .int(_, let signed): return !signed
    case .uintptr: return true
    default: return false
    }
  }
  var isFloat: Bool {
    if case .float = kind { return true }
    return false
  }
  var isNumeric: Bool { isInteger || isFloat }
  var isString: Bool {
    if case .string = kind { return true }
    return false
  }
  var isBool: Bool {
    if case .bool = kind { return true }
    return false
  }
  var pointee: GoType? {
    if case .pointer(let e) = kind { return e }
    return nil
  }
  var sliceElement: GoType? {
    if case .slice(let e) = kind { return e }
    return nil
  }
  var isNilable: Bool {
    switch kind {
    case .pointer, .slice: return true
    default: return false
    }
  }
  /// Same type, as Go's identity rules apply: named types by identity, others structurally.
  func identical(_ o: GoType) -> Bool {
    if self === o { return true }
    if name != nil || o.name != nil { return false }
    switch (kind, o.kind) {
    case (.pointer(let a), .pointer(let b)), (.slice(let a), .slice(let b)): return a.identical(b)
    case (.array(let a, let n), .array(let b, let m)): return n == m && a.identical(b)
    case (.structure(let a), .structure(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && $0.type.identical($1.type) }
    default: return false
    }
  }
}
