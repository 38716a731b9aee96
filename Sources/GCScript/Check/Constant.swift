// Constants: compile-time values and Go's exact constant arithmetic.
//
// Go's constants are exact: an untyped integer constant is not limited to 64 bits until it
// meets a type (`1 << 63` is a valid uint64, `1 << 70 >> 65` is 32), and a typed constant must
// fit its type (`const x int8 = 100; x * 2` is an error). gcsh keeps untyped integers to 127
// bits and a sign (Int128), with an error rather than a wrong value past that; an untyped float
// keeps its exact value as a fraction (ExactFloat.swift) beside the float64 it rounds to.

import GoHeap

/// A compile-time value.
public enum Constant: Equatable, Sendable {
  case int(Int128)
  /// A float: its float64, and for an untyped constant its exact value (nil: the float64 is
  /// exact, or the value grew past what is kept).
  case float(Double, exact: ExactFloat? = nil)
  case string(String)
  case bool(Bool)

  /// Go's ==. Strings compare byte-wise: Swift's String == would use canonical equivalence and
  /// call "\u{e9}" equal to "e\u{301}", which Go does not.
  public static func == (a: Constant, b: Constant) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.float(let x, let ex), .float(let y, let ey)):
      if ex != nil || ey != nil, let ex = a.exact, let ey = b.exact { return ex == ey }
      return x == y
    case (.int(let x), .float(let y, let ey)), (.float(let y, let ey), .int(let x)):
      if let ey { return ey == ExactFloat(x) }
      return Double(x) == y
    case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
    case (.bool(let x), .bool(let y)): return x == y
    default: return false
    }
  }

  /// The value as an exact integer, when it is one (an integral float counts: `1e8`).
  var exactInteger: Int128? {
    switch self {
    case .int(let v): return v
    case .float(let f, let exact):
      if let exact {
        guard exact.denominator == 1, exact.numerator.magnitude.bitWidth < 127 else { return nil }
        return Int128(exact.numerator)
      }
      guard f.isFinite, f == f.rounded(), abs(f) < 1.7e38 else { return nil }
      return Int128(f)
    default: return nil
    }
  }

  var asDouble: Double? {
    switch self {
    case .int(let v): return Double(v)
    case .float(let f, _): return f
    default: return nil
    }
  }

  /// A number's exact value (an integer's, or a float's, exact or its float64's).
  var exact: ExactFloat? {
    switch self {
    case .int(let v): return ExactFloat(v)
    case .float(let f, let exact): return exact ?? ExactFloat(f)
    default: return nil
    }
  }

  /// A float constant written in decimal (math's constants: `"3.14159265358979323846..."`).
  static func exactFloat(_ text: String) -> Constant {
    guard let v = ExactFloat(literal: text) else { preconditionFailure("not a float literal: \(text)") }
    return .float(exactly: v)
  }

  /// A float constant from its exact value: the float64 it rounds to, and the value itself
  /// while it is small enough to keep.
  static func float(exactly v: ExactFloat) -> Constant {
    let d = v.double
    return .float(d, exact: v.isKept && ExactFloat(d) != v ? v : nil)
  }

  /// The value as Go prints it in a diagnostic (`300`, `1e+100`, `"a"`, `true`).
  var goText: String {
    switch self {
    case .int(let v): return "\(v)"
    // A constant past float64's range by its exact value (`1e+309`), as go/constant prints it.
    case .float(let f, let exact): return f.isInfinite ? exact?.text ?? formatFloat(f) : formatFloat(f)
    // go/constant's stringVal.String: strconv.Quote, cut to 72 runes with `...`.
    case .string(let s):
      var quoted: [UInt8] = []
      GoStrconv.appendQuoted(&quoted, StringConstantBytes.bytes(s), quote: UInt8(ascii: "\""), asciiOnly: false)
      let text = String(decoding: quoted, as: UTF8.self)
      return text.unicodeScalars.count > 72 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(69))) + "..." : text
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
  /// A string constant longer than ConstantMath.maxStringBytes.
  case stringTooLong
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

  /// `x op y` for two float constants (or a float and an integer), on their exact values, as
  /// go/constant computes (`0.1 + 0.2` is 3/10). An operand that is an infinity (a float64
  /// past the largest, kept without an exact value) is computed in float64.
  static func float(_ op: String, _ x: Constant, _ y: Constant) throws -> Constant {
    // Two values that are float64s exactly, whose result is one too (checked error-free: the
    // rounding error of a sum by TwoSum, of a product or quotient by a fused multiply-add), are
    // computed in float64 — the same value, without the big integers.
    if let fast = try exactInFloat64(op, x, y) { return fast }
    guard let a = x.exact, let b = y.exact else {
      guard let a = x.asDouble, let b = y.asDouble else { throw ConstantFailure.notDefined }
      return try float64(op, a, b)
    }
    switch op {
    case "==": return .bool(a == b)
    case "!=": return .bool(a != b)
    case "<": return .bool(a < b)
    case "<=": return .bool(!(b < a))
    case ">": return .bool(b < a)
    case ">=": return .bool(!(a < b))
    // Exact numbers have no negative zero (`0.0 * -1` is 0): ExactFloat's zero is +0.
    case "+": return .float(exactly: a + b)
    case "-": return .float(exactly: a - b)
    case "*": return .float(exactly: a * b)
    case "/":
      if b.isZero { throw ConstantFailure.divisionByZero }
      return .float(exactly: a / b)
    default: throw ConstantFailure.notDefined
    }
  }

  private static func exactInFloat64(_ op: String, _ x: Constant, _ y: Constant) throws -> Constant? {
    func plain(_ c: Constant) -> Double? {
      switch c {
      case .float(let d, nil) where d.isFinite: return d
      case .int(let v) where v.magnitude <= 1 << 53: return Double(v)
      default: return nil
      }
    }
    guard let a = plain(x), let b = plain(y) else { return nil }
    let r: Double
    switch op {
    case "==", "!=", "<", "<=", ">", ">=": return try float64(op, a, b)
    case "+", "-":
      let b2 = op == "+" ? b : -b
      r = a + b2
      let bb = r - a
      guard r.isFinite, (a - (r - bb)) + (b2 - bb) == 0 else { return nil }
    case "*":
      r = a * b
      guard r.isFinite, r == 0 || r.isNormal, (-r).addingProduct(a, b) == 0 else { return nil }
    case "/":
      guard b != 0 else { throw ConstantFailure.divisionByZero }
      r = a / b
      guard r.isFinite, r == 0 || r.isNormal, (-a).addingProduct(r, b) == 0 else { return nil }
    default: return nil
    }
    return .float(r + 0)
  }

  /// The same on float64s, for an infinite operand.
  private static func float64(_ op: String, _ a: Double, _ b: Double) throws -> Constant {
    switch op {
    case "==": return .bool(a == b)
    case "!=": return .bool(a != b)
    case "<": return .bool(a < b)
    case "<=": return .bool(a <= b)
    case ">": return .bool(a > b)
    case ">=": return .bool(a >= b)
    case "+": return .float(a + b + 0)
    case "-": return .float(a - b + 0)
    case "*": return .float(a * b + 0)
    case "/":
      if b == 0 { throw ConstantFailure.divisionByZero }
      return .float(a / b + 0)
    default: throw ConstantFailure.notDefined
    }
  }

  /// The longest string constant gcsh folds: a constant is built in the host's memory while the
  /// program is checked (`const c1 = c0 + c0` doubled 35 times would be 256 GiB), so past this
  /// it is a located error rather than the host's memory exhausted.
  static let maxStringBytes = 16 << 20

  /// `x op y` for two string constants (byte-wise order, as Go compares strings).
  static func string(_ op: String, _ a: String, _ b: String) throws -> Constant {
    let less = { (x: String, y: String) in StringConstantBytes.bytes(x).lexicographicallyPrecedes(StringConstantBytes.bytes(y)) }
    switch op {
    case "+":
      guard a.utf8.count + b.utf8.count <= maxStringBytes else { throw ConstantFailure.stringTooLong }
      return .string(a + b)
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
      return try float(op, x, y)
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
