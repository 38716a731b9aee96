// Constants: compile-time values and Go's exact constant arithmetic.
//
// Go's constants are exact: an untyped integer constant is not limited to 64 bits until it
// meets a type (`1 << 63` is a valid uint64, `1 << 70 >> 65` is 32), and a typed constant must
// fit its type (`const x int8 = 100; x * 2` is an error). gcsh keeps untyped integers to 127
// bits and a sign (Int128), with an error rather than a wrong value past that; floats are
// IEEE doubles (Go keeps at least 256 bits of mantissa — no program here notices).

import GoHeap

/// A compile-time value.
public enum Constant: Equatable, Sendable {
  case int(Int128)
  case float(Double)
  case string(String)
  case bool(Bool)

  /// Go's ==. Strings compare byte-wise: Swift's String == would use canonical equivalence and
  /// call "\u{e9}" equal to "e\u{301}", which Go does not.
  public static func == (a: Constant, b: Constant) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.float(let x), .float(let y)): return x == y
    case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return Double(x) == y
    case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
    case (.bool(let x), .bool(let y)): return x == y
    default: return false
    }
  }

  /// The value as an exact integer, when it is one (an integral float counts: `1e8`).
  var exactInteger: Int128? {
    switch self {
    case .int(let v): return v
    case .float(let f):
      guard f.isFinite, f == f.rounded(), abs(f) < 1.7e38 else { return nil }
      return Int128(f)
    default: return nil
    }
  }

  var asDouble: Double? {
    switch self {
    case .int(let v): return Double(v)
    case .float(let f): return f
    default: return nil
    }
  }

  /// The value as Go prints it in a diagnostic (`300`, `1e+100`, `"a"`, `true`).
  var goText: String {
    switch self {
    case .int(let v): return "\(v)"
    case .float(let f): return formatFloat(f)
    case .string(let s): return "\"" + s + "\""
    case .bool(let b): return b ? "true" : "false"
    }
  }
}

/// Go's kinds of untyped constant (and untyped values: a comparison's bool, nil).
enum UntypedKind: Equatable {
  case int, rune, float, string, bool, nilValue

  /// The type an untyped value takes where no context gives it one (Go's default type).
  var defaultType: GoType {
    switch self {
    case .int: return .int
    case .rune: return .int32
    case .float: return .float64
    case .string: return .string
    case .bool: return .bool
    case .nilValue: return untypedNilType
    }
  }

  /// `untyped int`, as Go describes it.
  var description: String {
    switch self {
    case .int: return "untyped int"
    case .rune: return "untyped rune"
    case .float: return "untyped float"
    case .string: return "untyped string"
    case .bool: return "untyped bool"
    case .nilValue: return "untyped nil"
    }
  }

  /// The kind of a binary operation's untyped result: the "larger" of the two (int < rune <
  /// float), as Go's constant arithmetic ranks them.
  static func larger(_ a: UntypedKind, _ b: UntypedKind) -> UntypedKind {
    let rank: [UntypedKind: Int] = [.int: 0, .rune: 1, .float: 2]
    guard let x = rank[a], let y = rank[b] else { return a }
    return x >= y ? a : b
  }
}

/// The type of the predeclared `nil` before it meets a pointer or slice type.
let untypedNilType = GoType(.undefined, name: "untyped nil")

/// Why a constant operation failed (the checker words it).
enum ConstantFailure: Error {
  /// Past gcsh's 127-bit untyped integers.
  case overflow
  case divisionByZero
  case negativeShift(Int128)
  /// The operator does not apply to these operands.
  case notDefined
}

/// Exact arithmetic on constants.
enum ConstantMath {
  /// `x op y` for two integer constants, exactly.
  static func integer(_ op: String, _ x: Int128, _ y: Int128) throws -> Constant {
    func exact(_ r: (partialValue: Int128, overflow: Bool)) throws -> Constant {
      if r.overflow { throw ConstantFailure.overflow }
      return .int(r.partialValue)
    }
    switch op {
    case "==": return .bool(x == y)
    case "!=": return .bool(x != y)
    case "<": return .bool(x < y)
    case "<=": return .bool(x <= y)
    case ">": return .bool(x > y)
    case ">=": return .bool(x >= y)
    case "+": return try exact(x.addingReportingOverflow(y))
    case "-": return try exact(x.subtractingReportingOverflow(y))
    case "*": return try exact(x.multipliedReportingOverflow(by: y))
    case "/", "%":
      if y == 0 { throw ConstantFailure.divisionByZero }
      return try exact(op == "/" ? x.dividedReportingOverflow(by: y) : x.remainderReportingOverflow(dividingBy: y))
    case "&": return .int(x & y)
    case "|": return .int(x | y)
    case "^": return .int(x ^ y)
    case "&^": return .int(x & ~y)
    case "<<", ">>":
      guard y >= 0 else { throw ConstantFailure.negativeShift(y) }
      if op == ">>" { return .int(y >= 127 ? (x < 0 ? -1 : 0) : x >> y) }
      if x == 0 { return .int(0) }
      guard y < 127, (x << y) >> y == x else { throw ConstantFailure.overflow }
      return .int(x << y)
    default: throw ConstantFailure.notDefined
    }
  }

  /// `x op y` for two float constants (or a float and an integer).
  static func float(_ op: String, _ a: Double, _ b: Double) throws -> Constant {
    switch op {
    case "==": return .bool(a == b)
    case "!=": return .bool(a != b)
    case "<": return .bool(a < b)
    case "<=": return .bool(a <= b)
    case ">": return .bool(a > b)
    case ">=": return .bool(a >= b)
    // Go's constants are exact numbers, among which there is no negative zero (`0.0 * -1` is
    // 0): a zero result is +0.
    case "+": return .float(a + b + 0)
    case "-": return .float(a - b + 0)
    case "*": return .float(a * b + 0)
    case "/":
      if b == 0 { throw ConstantFailure.divisionByZero }
      return .float(a / b + 0)
    default: throw ConstantFailure.notDefined
    }
  }

  /// `x op y` for two string constants (byte-wise order, as Go compares strings).
  static func string(_ op: String, _ a: String, _ b: String) throws -> Constant {
    let less = { (x: String, y: String) in Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) }
    switch op {
    case "+": return .string(a + b)
    case "==": return .bool(a.utf8.elementsEqual(b.utf8))
    case "!=": return .bool(!a.utf8.elementsEqual(b.utf8))
    case "<": return .bool(less(a, b))
    case "<=": return .bool(!less(b, a))
    case ">": return .bool(less(b, a))
    case ">=": return .bool(!less(a, b))
    default: throw ConstantFailure.notDefined
    }
  }

  /// `x op y` for two bool constants.
  static func bool(_ op: String, _ a: Bool, _ b: Bool) throws -> Constant {
    switch op {
    case "==": return .bool(a == b)
    case "!=": return .bool(a != b)
    case "&&": return .bool(a && b)
    case "||": return .bool(a || b)
    default: throw ConstantFailure.notDefined
    }
  }

  /// Any binary operation on two constants of matching kinds.
  static func binary(_ op: String, _ x: Constant, _ y: Constant) throws -> Constant {
    switch (x, y) {
    case (.int(let a), .int(let b)): return try integer(op, a, b)
    case (.string(let a), .string(let b)): return try string(op, a, b)
    case (.bool(let a), .bool(let b)): return try bool(op, a, b)
    default:
      guard let a = x.asDouble, let b = y.asDouble else { throw ConstantFailure.notDefined }
      return try float(op, a, b)
    }
  }

  /// Whether an integer type holds `v` exactly.
  static func representable(_ v: Int128, in t: GoType) -> Bool {
    switch t.kind {
    case .int(let bits, let signed):
      return signed
        ? v >= -(Int128(1) << (bits - 1)) && v < Int128(1) << (bits - 1)
        : v >= 0 && v < Int128(1) << bits
    case .uintptr: return v >= 0 && v < Int128(1) << 64
    default: return true
    }
  }

  /// Wraps an exact integer to an integer type's width (a run-time conversion's result).
  static func wrapped(_ v: Int128, to t: GoType) -> Int128 {
    let bits: Int
    let signed: Bool
    switch t.kind {
    case .int(let b, let s): (bits, signed) = (b, s)
    case .uintptr: (bits, signed) = (64, false)
    default: return v
    }
    let mask = (Int128(1) << bits) - 1
    let low = v & mask
    if signed && low >= Int128(1) << (bits - 1) { return low - (Int128(1) << bits) }
    return low
  }
}

/// The "type" of a call without a result (Go: `f() (no value) used as value`).
let noValueType = GoType(.undefined, name: "no value")
