// Binary operators: constant folding, typed arithmetic with Go's wrap-around, comparisons.

import GoHeap

extension Interpreter {
  func compileBinary(_ op: String, _ l: Expr, _ r: Expr, _ scope: Scope, _ span: Span) throws -> CExpr {
    var a = try compileExpr(l, scope)
    var b = try compileExpr(r, scope)
    if op == "&&" || op == "||" {
      a = try assign(a, to: .bool, "operand of \(op)")
      b = try assign(b, to: .bool, "operand of \(op)")
      let ae = boolEval(a)
      let be = boolEval(b)
      if op == "&&" { return .bool(span) { i in try ae(i) ? try be(i) : false } }
      return .bool(span) { i in try ae(i) ? true : try be(i) }
    }
    let isShift = op == "<<" || op == ">>"
    // Two untyped integer constants: fold exactly.
    if let x = a.exactInt, let y = b.exactInt {
      return try foldExact(op, x, y, span)
    }
    // Both untyped constants: fold.
    if a.untyped, b.untyped, let x = a.constant, let y = b.constant, let at = a.type, let bt = b.type {
      let t = isShift ? at : (at.isFloat || bt.isFloat ? GoType.float64 : at)
      let v = try foldConstant(op, x, y, t, span)
      let isCompare = ["==", "!=", "<", "<=", ">", ">="].contains(op)
      return .constant(v, isCompare ? .bool : t, untyped: true, span)
    }
    // Give an untyped operand the other's type.
    if isShift {
      if a.untyped, a.type != nil { a = try assign(a, to: .int, "shift") }
      b = try assign(b, to: b.untyped ? .uint : (b.type ?? .uint), "shift count")
    } else if a.untyped && !b.untyped, let bt = b.type {
      a = try assign(a, to: bt, "operand")
    } else if b.untyped && !a.untyped, let at = a.type {
      b = try assign(b, to: at, "operand")
    } else if a.type == nil, let bt = b.type {
      a = try assign(a, to: bt, "comparison")
    } else if b.type == nil, let at = a.type {
      b = try assign(b, to: at, "comparison")
    }
    guard let t = a.type, let bt = b.type else {
      throw ScriptError(.typeMismatch("invalid operation: \(op) on nil"), at: span)
    }
    if !isShift && !t.identical(bt) {
      throw ScriptError(.typeMismatch("invalid operation: \(describe(a)) \(op) \(describe(b)) (mismatched types \(t) and \(bt))"), at: span)
    }
    // Typed integer constants fold exactly and must fit their type, as in Go ("x * 2 (constant
    // 200 of type int8) overflows int8"); a comparison gives an untyped bool.
    if t.isInteger, let x = a.constant, let y = b.constant,
      case .int(let xv) = x, case .int(let yv) = y
    {
      let wide: (Int64, GoType) -> Int128 = { v, ty in ty.isUnsigned ? Int128(UInt64(bitPattern: v)) : Int128(v) }
      let folded = try foldExact(op, wide(xv, t), wide(yv, bt), span)
      guard let v = folded.exact else { return folded }  // a comparison
      if !representable(v, t) {
        throw ScriptError(.typeMismatch("\(sourceText(span)) (constant \(v) of type \(t)) overflows \(t)"), at: span)
      }
      return .constant(.int(Int64(truncatingIfNeeded: v)), t, untyped: false, span)
    }
    // Other typed constants (floats, strings, bools) fold too.
    if let x = a.constant, let y = b.constant, !t.isNilable {
      let v = try foldConstant(op, x, y, t, span)
      let isCompare = ["==", "!=", "<", "<=", ">", ">="].contains(op)
      return .constant(v, isCompare ? .bool : t, untyped: false, span)
    }
    if t.isInteger || t.isBool {
      return try integerBinary(op, a, b, t, span)
    }
    let ae = a.eval
    let be = b.eval
    switch op {
    case "==", "!=":
      let eq = op == "=="
      return .bool(span) { i in (try ae(i) == (try be(i))) == eq }
    case "<", "<=", ">", ">=":
      let cmp = try comparator(op, t, span)
      return .bool(span) { i in cmp(try ae(i), try be(i)) }
    default: break
    }
    if t.isFloat {
      let f: (Double, Double) -> Double
      switch op {
      case "+": f = { $0 + $1 }
      case "-": f = { $0 - $1 }
      case "*": f = { $0 * $1 }
      case "/": f = { $0 / $1 }
      default: throw ScriptError(.typeMismatch("invalid operation: operator \(op) not defined on \(t)"), at: span)
      }
      let single = t.size == 4
      return CExpr(type: t, untyped: false, constant: nil, eval: { i in
        let v = f(try ae(i).asFloat, try be(i).asFloat)
        return .float(single ? Double(Float(v)) : v)
      }, span: span)
    }
    if t.isString && op == "+" {
      return CExpr(type: t, untyped: false, constant: nil, eval: { i in
        guard case .string(let x) = try ae(i), case .string(let y) = try be(i) else { return .string("") }
        return .string(x + y)
      }, span: span)
    }
    throw ScriptError(.typeMismatch("invalid operation: operator \(op) not defined on \(describe(a)) (value of type \(t))"), at: span)
  }

  /// An operator on two integer (or two bool) operands of type `t`, computed unboxed. Loop
  /// conditions and counters are these: a comparison against a constant captures the constant.
  private func integerBinary(_ op: String, _ a: CExpr, _ b: CExpr, _ t: GoType, _ span: Span) throws -> CExpr {
    let ae = intEval(a)
    let be = intEval(b)
    let unsigned = t.isUnsigned
    switch op {
    case "==": return .bool(span) { i in try ae(i) == (try be(i)) }
    case "!=": return .bool(span) { i in try ae(i) != (try be(i)) }
    case "<", "<=", ">", ">=":
      guard t.isInteger else { _ = try comparator(op, t, span); break }
      // Unsigned order is signed order with the sign bit flipped.
      let l: (Interpreter) throws -> Int64 = unsigned ? { try ae($0) ^ .min } : ae
      let r: (Interpreter) throws -> Int64 = unsigned ? { try be($0) ^ .min } : be
      if let k = b.constant, let (slot, global) = a.variableSlot, !unsigned {
        // A variable against a constant, the loop test `i < n`: one closure reads the slot.
        let y = k.asInt
        switch op {
        case "<": return .bool(span) { i in i.int(slot: slot, global: global) < y }
        case "<=": return .bool(span) { i in i.int(slot: slot, global: global) <= y }
        case ">": return .bool(span) { i in i.int(slot: slot, global: global) > y }
        default: return .bool(span) { i in i.int(slot: slot, global: global) >= y }
        }
      }
      if let k = b.constant {
        let y = unsigned ? k.asInt ^ .min : k.asInt
        switch op {
        case "<": return .bool(span) { i in try l(i) < y }
        case "<=": return .bool(span) { i in try l(i) <= y }
        case ">": return .bool(span) { i in try l(i) > y }
        default: return .bool(span) { i in try l(i) >= y }
        }
      }
      switch op {
      case "<": return .bool(span) { i in try l(i) < (try r(i)) }
      case "<=": return .bool(span) { i in try l(i) <= (try r(i)) }
      case ">": return .bool(span) { i in try l(i) > (try r(i)) }
      default: return .bool(span) { i in try l(i) >= (try r(i)) }
      }
    default:
      guard t.isInteger else { break }
      let f: (Int64, Int64) throws -> Int64
      switch op {
      case "+":
        // The counter step `x + 1` (and `x += k`): the constant captured.
        if let k = b.constant, t.size == 8 {
          let y = k.asInt
          if let (slot, global) = a.variableSlot {
            return .int(t, span) { i in i.int(slot: slot, global: global) &+ y }
          }
          return .int(t, span) { i in try ae(i) &+ y }
        }
        f = { $0 &+ $1 }
      case "-": f = { $0 &- $1 }
      case "*": f = { $0 &* $1 }
      case "/":
        f = { x, y in
          if y == 0 { throw ScriptError(.divisionByZero, at: span) }
          return unsigned ? Int64(bitPattern: UInt64(bitPattern: x) / UInt64(bitPattern: y)) : x.dividedReportingOverflow(by: y).partialValue
        }
      case "%":
        f = { x, y in
          if y == 0 { throw ScriptError(.divisionByZero, at: span) }
          return unsigned ? Int64(bitPattern: UInt64(bitPattern: x) % UInt64(bitPattern: y)) : x.remainderReportingOverflow(dividingBy: y).partialValue
        }
      case "&": f = { $0 & $1 }
      case "|": f = { $0 | $1 }
      case "^": f = { $0 ^ $1 }
      case "&^": f = { $0 & ~$1 }
      case "<<": f = { x, y in y >= 64 ? 0 : x << y }
      case ">>": f = { x, y in unsigned ? (y >= 64 ? 0 : Int64(bitPattern: UInt64(bitPattern: x) >> UInt64(y))) : (y >= 64 ? (x < 0 ? -1 : 0) : x >> y) }
      default: throw ScriptError(.typeMismatch("invalid operation: operator \(op) not defined on \(t)"), at: span)
      }
      if t.size == 8 { return .int(t, span) { i in try f(try ae(i), try be(i)) } }
      return .int(t, span) { i in wrap(try f(try ae(i), try be(i)), t) }
    }
    throw ScriptError(.typeMismatch("invalid operation: operator \(op) not defined on \(describe(a)) (value of type \(t))"), at: span)
  }

  private func comparator(_ op: String, _ t: GoType, _ span: Span) throws -> (Value, Value) -> Bool {
    let less: (Value, Value) -> Bool
    if t.isInteger && t.isUnsigned {
      less = { UInt64(bitPattern: $0.asInt) < UInt64(bitPattern: $1.asInt) }
    } else if t.isInteger {
      less = { $0.asInt < $1.asInt }
    } else if t.isFloat {
      less = { $0.asFloat < $1.asFloat }
    } else if t.isString {
      less = {
        if case .string(let x) = $0, case .string(let y) = $1 { return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) }
        return false
      }
    } else {
      throw ScriptError(.typeMismatch("invalid operation: operator \(op) not defined on \(t)"), at: span)
    }
    switch op {
    case "<": return less
    case "<=": return { !less($1, $0) }
    case ">": return { less($1, $0) }
    default: return { !less($0, $1) }
    }
  }

  /// Folds `x op y` for two untyped integer constants, exactly (Go's constant arithmetic is
  /// exact; gcsh's stops at 127 bits and a sign, with an error rather than a wrong value).
  private func foldExact(_ op: String, _ x: Int128, _ y: Int128, _ span: Span) throws -> CExpr {
    func overflow() -> ScriptError {
      ScriptError(.typeMismatch("constant overflow: gcsh keeps untyped integer constants to 127 bits"), at: span)
    }
    func exact(_ r: (partialValue: Int128, overflow: Bool)) throws -> CExpr {
      if r.overflow { throw overflow() }
      return .untypedInt(r.partialValue, span)
    }
    switch op {
    case "==": return .constant(.bool(x == y), .bool, untyped: true, span)
    case "!=": return .constant(.bool(x != y), .bool, untyped: true, span)
    case "<": return .constant(.bool(x < y), .bool, untyped: true, span)
    case "<=": return .constant(.bool(x <= y), .bool, untyped: true, span)
    case ">": return .constant(.bool(x > y), .bool, untyped: true, span)
    case ">=": return .constant(.bool(x >= y), .bool, untyped: true, span)
    case "+": return try exact(x.addingReportingOverflow(y))
    case "-": return try exact(x.subtractingReportingOverflow(y))
    case "*": return try exact(x.multipliedReportingOverflow(by: y))
    case "/", "%":
      if y == 0 { throw ScriptError(.typeMismatch("invalid operation: division by zero"), at: span) }
      return try exact(op == "/" ? x.dividedReportingOverflow(by: y) : x.remainderReportingOverflow(dividingBy: y))
    case "&": return .untypedInt(x & y, span)
    case "|": return .untypedInt(x | y, span)
    case "^": return .untypedInt(x ^ y, span)
    case "&^": return .untypedInt(x & ~y, span)
    case "<<", ">>":
      guard y >= 0 else { throw ScriptError(.typeMismatch("invalid shift count \(y) (negative)"), at: span) }
      if op == ">>" { return .untypedInt(y >= 127 ? (x < 0 ? -1 : 0) : x >> y, span) }
      if x == 0 { return .untypedInt(0, span) }
      guard y < 127, (x << y) >> y == x else { throw overflow() }
      return .untypedInt(x << y, span)
    default:
      throw ScriptError(.typeMismatch("invalid operation: operator \(op) not defined on untyped int constants"), at: span)
    }
  }

  /// Folds `x op y` for two float, string or bool constants whose operand type is `t`.
  /// Comparisons go through the same `comparator` as run-time operands, so constants order as
  /// Go does (strings byte-wise).
  func foldConstant(_ op: String, _ x: Value, _ y: Value, _ t: GoType, _ span: Span) throws -> Value {
    switch op {
    case "==", "!=":
      let equal = t.isFloat ? x.asFloat == y.asFloat : x == y
      return .bool(equal == (op == "=="))
    case "<", "<=", ">", ">=":
      return .bool(try comparator(op, t, span)(x, y))
    default: break
    }
    switch (x, y) {
    // (Integer constants, typed or not, fold exactly in foldExact before they get here.)
    case (.int, .float), (.float, .int), (.float, .float), (.int, .int) where t.isFloat:
      let a = x.asFloat
      let b = y.asFloat
      switch op {
      case "+": return .float(a + b)
      case "-": return .float(a - b)
      case "*": return .float(a * b)
      case "/":
        if b == 0 { throw ScriptError(.typeMismatch("invalid operation: division by zero"), at: span) }
        return .float(a / b)
      default: break
      }
    case (.string(let a), .string(let b)):
      switch op {
      case "+": return .string(a + b)
      default: break
      }
    default: break
    }
    throw ScriptError(.typeMismatch("invalid operation: operator \(op) not defined on these constants"), at: span)
  }
}
