// GoType: Go's types as the allocator and the collector see them on linux/amd64.
//
// What matters to the memory manager is a type's size, its alignment and whether it holds
// pointers ("scan" vs "noscan" spans; cmd/compile/internal/types/size.go, runtime/type.go
// `PtrBytes`). Sizes follow the gc compiler on amd64: bool/int8/uint8 1, int16 2, int32/float32 4,
// int/int64/uint64/uintptr/float64/pointers 8, string headers 16, slice headers 24; arrays are
// count x element; structs lay fields out in order at their alignment and round the total up to
// the struct's alignment. Named types share their underlying type's layout.

/// A Go type. Named types are created first and defined later, so `type Node struct{ next *Node }`
/// can refer to itself.
public final class GoType: CustomStringConvertible, @unchecked Sendable {
  /// The structure of a type.
  public indirect enum Kind {
    case bool
    case int(bits: Int, signed: Bool)
    case uintptr
    case float(bits: Int)
    case string
    case pointer(GoType)
    case slice(GoType)
    case array(GoType, count: Int)
    case structure([StructField])
    /// A named type whose definition has not been given yet.
    case undefined
  }

  /// A struct field with its byte offset.
  public struct StructField {
    public let name: String
    public let type: GoType
    /// Byte offset from the start of the struct.
    public let offset: Int
  }

  /// The declared name for named types (`Node`), nil for type literals.
  public let name: String?
  public private(set) var kind: Kind
  /// Size in bytes.
  public private(set) var size: Int = 0
  /// Alignment in bytes.
  public private(set) var align: Int = 1
  /// Whether any word of a value of this type holds a pointer (the object needs scanning).
  public private(set) var hasPointers: Bool = false

  public init(_ kind: Kind, name: String? = nil) {
    self.name = name
    self.kind = kind
    layout()
  }

  /// Creates a named type to be defined later with `define(_:)`.
  public static func named(_ name: String) -> GoType { GoType(.undefined, name: name) }

  /// Gives a named type its underlying structure.
  public func define(_ kind: Kind) {
    self.kind = kind
    layout()
  }

  private func layout() {
    switch kind {
    case .bool: (size, align, hasPointers) = (1, 1, false)
    case .int(let bits, _): (size, align, hasPointers) = (bits / 8, bits / 8, false)
    case .uintptr: (size, align, hasPointers) = (8, 8, false)
    case .float(let bits): (size, align, hasPointers) = (bits / 8, bits / 8, false)
    case .string: (size, align, hasPointers) = (16, 8, true)
    case .pointer: (size, align, hasPointers) = (8, 8, true)
    case .slice: (size, align, hasPointers) = (24, 8, true)
    case .array(let elem, let count):
      let (total, overflow) = elem.size.multipliedReportingOverflow(by: count)
      (size, align, hasPointers) = (overflow ? Int.max : total, elem.align, elem.hasPointers && count > 0)
    case .structure(let fields):
      var a = 1
      var p = false
      for f in fields {
        a = max(a, f.type.align)
        p = p || f.type.hasPointers
      }
      let end = fields.last.map { $0.offset + $0.type.size } ?? 0
      (size, align, hasPointers) = (alignUp(end, a), a, p)
    case .undefined: (size, align, hasPointers) = (0, 1, false)
    }
  }

  /// The underlying kind with names stripped (a named type's structure).
  public var isNamed: Bool { name != nil }

  /// Lays out struct fields in order, each at its alignment (as the gc compiler does).
  public static func structure(_ fields: [(String, GoType)], name: String? = nil) -> GoType {
    GoType(.structure(layoutFields(fields)), name: name)
  }

  /// Computes field offsets for a struct.
  public static func layoutFields(_ fields: [(String, GoType)]) -> [StructField] {
    var offset = 0
    var out: [StructField] = []
    for (n, t) in fields {
      offset = alignUp(offset, t.align)
      out.append(StructField(name: n, type: t, offset: offset))
      offset += t.size
    }
    return out
  }

  public var description: String {
    if let name { return name }
    switch kind {
    case .bool: return "bool"
    case .int(let bits, let signed): return bits == 0 ? "int" : (signed ? "int\(bits)" : "uint\(bits)")
    case .uintptr: return "uintptr"
    case .float(let bits): return "float\(bits)"
    case .string: return "string"
    case .pointer(let e): return "*\(e)"
    case .slice(let e): return "[]\(e)"
    case .array(let e, let n): return "[\(n)]\(e)"
    case .structure(let fs):
      return "struct { " + fs.map { "\($0.name) \($0.type)" }.joined(separator: "; ") + " }"
    case .undefined: return "<undefined>"
    }
  }

  // The predeclared types. `int` and `uint` are 64-bit on amd64; byte = uint8.
  public static let bool = GoType(.bool, name: "bool")
  public static let int = GoType(.int(bits: 64, signed: true), name: "int")
  public static let int8 = GoType(.int(bits: 8, signed: true), name: "int8")
  public static let int16 = GoType(.int(bits: 16, signed: true), name: "int16")
  public static let int32 = GoType(.int(bits: 32, signed: true), name: "int32")
  public static let int64 = GoType(.int(bits: 64, signed: true), name: "int64")
  public static let uint = GoType(.int(bits: 64, signed: false), name: "uint")
  public static let uint8 = GoType(.int(bits: 8, signed: false), name: "uint8")
  public static let uint16 = GoType(.int(bits: 16, signed: false), name: "uint16")
  public static let uint32 = GoType(.int(bits: 32, signed: false), name: "uint32")
  public static let uint64 = GoType(.int(bits: 64, signed: false), name: "uint64")
  public static let uintptr = GoType(.uintptr, name: "uintptr")
  public static let float32 = GoType(.float(bits: 32), name: "float32")
  public static let float64 = GoType(.float(bits: 64), name: "float64")
  public static let string = GoType(.string, name: "string")

  /// `[]elem`.
  public static func slice(of elem: GoType) -> GoType { GoType(.slice(elem)) }
  /// `*elem`.
  public static func pointer(to elem: GoType) -> GoType { GoType(.pointer(elem)) }
  /// `[count]elem`.
  public static func array(of elem: GoType, count: Int) -> GoType {
    GoType(.array(elem, count: count))
  }
}
