// GoType: Go's types as the allocator and the collector see them on linux/amd64.
//
// What matters to the memory manager is a type's size, its alignment and whether it holds
// pointers ("scan" vs "noscan" spans; cmd/compile/internal/types/size.go, runtime/type.go
// `PtrBytes`). Sizes follow the gc compiler on amd64: bool/int8/uint8 1, int16 2, int32/float32 4,
// int/int64/uint64/uintptr/float64/pointers 8, string headers 16, slice headers 24; arrays are
// count x element; structs lay fields out in order at their alignment and round the total up to
// the struct's alignment. Named types share their underlying type's layout.
//
// The collector also needs to know *where* a value's pointers are: Go's GC mask (type.go
// `GCData`, one bit per pointer-sized word up to `PtrBytes`). A pointer is one pointer word at 0;
// a string header's data pointer is its word 0 (its length is a scalar); a slice header's array
// pointer is its word 0; an array repeats its element's words every element size; a struct has
// its fields' words at the field offsets. `PtrBytes` is the prefix that can hold pointers: the
// offset of the last pointer word plus 8, so the scan of an object can stop there.
//
// The mask is kept as a few `PointerRun`s rather than one bit per word: `[1 << 20]*T` is one run
// of a million repetitions, not a megabit, which is how Go's compiler keeps huge arrays' masks
// small too (it builds them on demand).

/// A repeated group of pointer words in a value: the words at `offset + k * stride + w` for each
/// repetition `k` in `0..<count` and each `w` in `words`.
public struct PointerRun: Equatable, Sendable {
  /// Byte offset of the first repetition from the start of the value, bytes.
  public let offset: Int
  /// Distance between repetitions, bytes.
  public let stride: Int
  /// Number of repetitions (at least 1).
  public let count: Int
  /// Byte offsets of the pointer words within one repetition, ascending, each a multiple of 8.
  public let words: [Int]

  /// One past the last pointer word of the run, bytes from the start of the value.
  var end: Int { offset + (count - 1) * stride + (words.last ?? 0) + 8 }
}

/// The directions a channel type allows.
public enum ChanDirection: Sendable {
  case both, send, receive
}

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
    /// `map[K]V`: a value is one pointer to the runtime's map header (Go 1.24+
    /// internal/runtime/maps.Map, Go 1.19 runtime.hmap), allocated by make or a literal.
    case map(GoType, GoType)
    /// `func(params) results`: a value is one pointer to a funcval (runtime2.go: the code
    /// pointer, then a closure's captured variables), or nil. A variadic function's last
    /// parameter is its `[]T`.
    case function(params: [GoType], results: [GoType], variadic: Bool)
    /// `chan T`, `chan<- T`, `<-chan T`: a value is one pointer to the runtime's hchan
    /// (chan.go), allocated by make, or nil.
    case chan(GoType, ChanDirection)
    /// `interface { M(...) ...}`: its methods (embedded interfaces' included), sorted by name as
    /// the compiler sorts them (types2's method set; the runtime's imethods and itab.fun order).
    /// A value is two words (runtime2.go): `eface{_type, data}` for an interface without
    /// methods, `iface{tab, data}` for one with them — a pointer to the type (or to the itab,
    /// whose second word is the type), then the data word: a pointer to the value, or the
    /// value itself when it is pointer-shaped. The collector scans both words (the compiler's
    /// GC mask marks both, types/size.go); the type word points to read-only data.
    case interface(methods: [InterfaceMethod])
    /// A named type whose definition has not been given yet.
    case undefined
  }

  /// A struct field with its byte offset.
  public struct StructField {
    public let name: String
    public let type: GoType
    /// Byte offset from the start of the struct.
    public let offset: Int
    /// An embedded field (`struct { Base; *Node; sync.Mutex }`), named after its type: its
    /// fields and methods are promoted to the struct.
    public var embedded = false
  }

  /// A method of an interface type: its name and signature (a function type without the
  /// receiver).
  public struct InterfaceMethod {
    public let name: String
    public let signature: GoType
    public init(name: String, signature: GoType) {
      self.name = name
      self.signature = signature
    }
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
  /// Go's PtrBytes: the length of the prefix of a value that can hold pointers, bytes (0 for a
  /// type without pointers). Computed with the layout, from the pointer runs.
  private(set) var ptrBytes: Int = 0
  /// Where the pointer words of one value are (its GC mask), as runs ascending by offset; empty
  /// for a type without pointers.
  public private(set) var pointerRuns: [PointerRun] = []
  /// The byte offsets of one value's pointer words, ascending, when there are at most
  /// `maxPointerOffsets` of them (nil otherwise): what the marker walks for a small object,
  /// with no array to retain per object. Owned by the type, rebuilt with its layout.
  private(set) var pointerOffsets: UnsafeMutableBufferPointer<Int>? = nil
  static let maxPointerOffsets = 64

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

  /// For a named type whose underlying type is a predeclared one, that type's name (`int` for
  /// `type ID int`, `int64` for time.Duration): the kind alone does not tell int from int64.
  /// What the compiler's shape of a generic's type argument is named by (`go.shape.int64`).
  public var basicName: String? = nil
  /// For an instance of a generic type (`Stack[int]`): the generic type's name and the type
  /// arguments, which reflect names qualified one by one (`main.Stack[main.point]`).
  public var instanceOf: (generic: String, arguments: [GoType])? = nil

  private func layout() {
    switch kind {
    case .bool: (size, align, hasPointers) = (1, 1, false)
    case .int(let bits, _): (size, align, hasPointers) = (bits / 8, bits / 8, false)
    case .uintptr: (size, align, hasPointers) = (8, 8, false)
    case .float(let bits): (size, align, hasPointers) = (bits / 8, bits / 8, false)
    case .string: (size, align, hasPointers) = (16, 8, true)
    case .pointer, .map, .function, .chan: (size, align, hasPointers) = (8, 8, true)
    case .slice: (size, align, hasPointers) = (24, 8, true)
    case .interface: (size, align, hasPointers) = (16, 8, true)
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
      var end = fields.last.map { $0.offset + $0.type.size } ?? 0
      // A struct that ends in a zero-size field gets a byte of padding, so that the field's
      // address cannot point at the next object (cmd/compile types/size.go CalcStructSize,
      // issue 9401): struct{ a int; b struct{} } is 16 bytes, a Swiss map slot of a set's
      // `struct{}` element too.
      if end > 0, let last = fields.last, last.type.size == 0 { end += 1 }
      (size, align, hasPointers) = (alignUp(end, a), a, p)
    case .undefined: (size, align, hasPointers) = (0, 1, false)
    }
    pointerRuns = hasPointers ? Self.pointerRuns(of: kind, size: size) : []
    ptrBytes = pointerRuns.last.map { $0.end } ?? 0
    pointerOffsets?.deallocate()
    pointerOffsets = nil
    let words = pointerRuns.reduce(0) { $0 + $1.count * $1.words.count }
    if words > 0 && words <= Self.maxPointerOffsets {
      let offsets = UnsafeMutableBufferPointer<Int>.allocate(capacity: words)
      var n = 0
      for run in pointerRuns {
        for k in 0..<run.count {
          for w in run.words {
            offsets[n] = run.offset + k * run.stride + w
            n += 1
          }
        }
      }
      pointerOffsets = offsets
    }
  }

  deinit { pointerOffsets?.deallocate() }

  /// The GC mask of a value of `kind` (see the file comment): pointer words of pointers, string
  /// and slice headers at 0; struct fields' runs at the field offsets, with adjacent single runs
  /// merged; an array one run repeating its element's words, when its element is a single run.
  private static func pointerRuns(of kind: Kind, size: Int) -> [PointerRun] {
    switch kind {
    case .bool, .int, .uintptr, .float, .undefined: return []
    case .string, .pointer, .slice, .map, .function, .chan: return [PointerRun(offset: 0, stride: 8, count: 1, words: [0])]
    case .interface: return [PointerRun(offset: 0, stride: 8, count: 1, words: [0, 8])]
    case .structure(let fields):
      var runs: [PointerRun] = []
      for f in fields where f.type.hasPointers {
        for r in f.type.pointerRuns {
          let shifted = PointerRun(
            offset: f.offset + r.offset, stride: r.stride, count: r.count, words: r.words)
          if let last = runs.last, last.count == 1, shifted.count == 1 {
            runs[runs.count - 1] = PointerRun(
              offset: last.offset, stride: last.stride, count: 1,
              words: last.words + shifted.words.map { $0 + shifted.offset - last.offset })
          } else {
            runs.append(shifted)
          }
        }
      }
      return runs
    case .array(let elem, let count):
      // An array too large to address never gets allocated: its mask is never built.
      guard size != Int.max, count > 0 else { return [] }
      let inner = elem.pointerRuns
      if count == 1 { return inner }
      if inner.count == 1, inner[0].count == 1 {
        return [
          PointerRun(offset: inner[0].offset, stride: elem.size, count: count, words: inner[0].words)
        ]
      }
      // An element that is itself a repetition (`[4][1000]*T`, a struct holding an array): one
      // run per element while that stays small, else the element's words listed once.
      if inner.count * count <= 64 {
        return (0..<count).flatMap { i in
          inner.map {
            PointerRun(
              offset: i * elem.size + $0.offset, stride: $0.stride, count: $0.count,
              words: $0.words)
          }
        }
      }
      var words: [Int] = []
      for r in inner {
        for k in 0..<r.count { words += r.words.map { r.offset + k * r.stride + $0 } }
      }
      return [PointerRun(offset: 0, stride: elem.size, count: count, words: words)]
    }
  }

  /// The underlying kind with names stripped (a named type's structure).
  var isNamed: Bool { name != nil }

  /// Lays out struct fields in order, each at its alignment (as the gc compiler does).
  public static func structure(_ fields: [(String, GoType)], name: String? = nil) -> GoType {
    GoType(.structure(layoutFields(fields)), name: name)
  }

  /// A struct whose fields at the indexes `embedded` are embedded ones.
  public static func structure(_ fields: [(String, GoType)], embedded: Set<Int>, name: String? = nil) -> GoType {
    var laid = layoutFields(fields)
    for k in embedded where k < laid.count { laid[k].embedded = true }
    return GoType(.structure(laid), name: name)
  }

  /// Computes field offsets for a struct.
  static func layoutFields(_ fields: [(String, GoType)]) -> [StructField] {
    var offset = 0
    var out: [StructField] = []
    for (n, t) in fields {
      offset = alignUp(offset, t.align)
      out.append(StructField(name: n, type: t, offset: offset))
      offset += t.size
    }
    return out
  }

  private static func isRecvChan(_ t: GoType) -> Bool {
    if t.name == nil, case .chan(_, .receive) = t.kind { return true }
    return false
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
    case .map(let k, let v): return "map[\(k)]\(v)"
    case .array(let e, let n): return "[\(n)]\(e)"
    case .function(let ps, let rs, let variadic):
      // Go's spelling (types2 typestring.go): `func(int, ...string) (int, bool)`.
      var params = ps.map(\.description)
      if variadic, let last = ps.last?.kind, case .slice(let e) = last {
        params[params.count - 1] = "..." + e.description
      }
      let results = rs.count == 1 ? " " + rs[0].description
        : rs.isEmpty ? "" : " (" + rs.map(\.description).joined(separator: ", ") + ")"
      return "func(" + params.joined(separator: ", ") + ")" + results
    case .chan(let e, let dir):
      // types2 typestring.go: `chan (<-chan int)` keeps a receive-only element apart.
      let elem = dir != .send && Self.isRecvChan(e) ? "(\(e))" : "\(e)"
      switch dir {
      case .both: return "chan " + elem
      case .send: return "chan<- " + elem
      case .receive: return "<-chan " + elem
      }
    case .structure(let fs):
      // types2's spelling of the empty struct.
      if fs.isEmpty { return "struct{}" }
      return "struct { " + fs.map { "\($0.name) \($0.type)" }.joined(separator: "; ") + " }"
    case .interface(let ms):
      // types2's spelling (typestring.go): `interface{}`, `interface{M(); N() int}`; reflect
      // spells them with spaces (Run/ValueFormat.swift goTypeString).
      return "interface{" + ms.map { m in
        "\(m.name)" + String(m.signature.description.dropFirst(4))
      }.joined(separator: "; ") + "}"
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

  /// `any`, the predeclared alias of `interface{}` (an alias: identical to the literal; named
  /// here only so that messages say `any` where the program does, as types2's do).
  public static let any = GoType(.interface(methods: []), name: "any")
  /// `error`, the predeclared interface `interface{ Error() string }`.
  public static let error = GoType(
    .interface(methods: [
      InterfaceMethod(name: "Error", signature: GoType(.function(params: [], results: [.string], variadic: false)))
    ]), name: "error")

  /// `[]elem`.
  public static func slice(of elem: GoType) -> GoType { GoType(.slice(elem)) }
  /// `*elem`.
  public static func pointer(to elem: GoType) -> GoType { GoType(.pointer(elem)) }
  /// `func(params) results`.
  public static func function(params: [GoType], results: [GoType], variadic: Bool) -> GoType {
    GoType(.function(params: params, results: results, variadic: variadic))
  }
  /// `[count]elem`.
  public static func array(of elem: GoType, count: Int) -> GoType {
    GoType(.array(elem, count: count))
  }
}
