// Compiling expressions: static types, constants, heap addresses, and the closures that
// evaluate them. Go's rules where they matter to memory: slices index into their backing
// object; `p.f` dereferences implicitly; untyped constants take their context's type;
// integer arithmetic wraps at the type's width.

import GoHeap

/// A compiled expression.
struct CExpr {
  /// Static type (the default type for an untyped constant); nil for untyped nil.
  let type: GoType?
  /// An untyped constant.
  let untyped: Bool
  /// The value, when constant.
  let constant: Value?
  let eval: (Interpreter) throws -> Value
  let span: Span

  /// The same evaluation, unboxed, when the compiler built one (integer and boolean operators,
  /// integer variables): loops test and count without wrapping every step in a Value. Read them
  /// through `Interpreter.intEval` / `boolEval`, which fall back to `eval`.
  var evalInt: IntEval? = nil
  var evalBool: BoolEval? = nil
  /// For a plain read of a variable: its slot and whether it is a global, so an operator with
  /// a constant operand (`i < n`, `x + 1`) can read the slot itself instead of calling `evalInt`.
  var variableSlot: (slot: Int, global: Bool)? = nil
  /// For `new(T)`: the type allocated, so an assignment to a variable can allocate into the
  /// slot itself — the statement gcsh programs are made of runs without the builtin's closure.
  var allocates: GoType? = nil
  /// For an untyped integer constant: its exact value (`constant` holds the low 64 bits).
  var exact: Int128? = nil

  static func constant(_ v: Value, _ t: GoType, untyped: Bool, _ span: Span) -> CExpr {
    CExpr(type: t, untyped: untyped, constant: v, eval: { _ in v }, span: span)
  }

  /// An untyped integer constant, exact: Go's untyped constants are not limited to 64 bits
  /// (`1 << 63` is a valid uint64, `1 << 70 >> 65` is 32); gcsh keeps 127 bits and a sign.
  static func untypedInt(_ v: Int128, _ span: Span) -> CExpr {
    var c = CExpr.constant(.int(Int64(truncatingIfNeeded: v)), .int, untyped: true, span)
    c.exact = v
    return c
  }

  /// The exact value of an untyped integer constant (nil for anything else).
  var exactInt: Int128? {
    guard untyped, case .int(let v)? = constant, type?.isFloat != true else { return nil }
    return exact ?? Int128(v)
  }

  /// An integer-valued expression of type `t` computed by `f`.
  static func int(_ t: GoType, _ span: Span, _ f: @escaping (Interpreter) throws -> Int64) -> CExpr {
    CExpr(type: t, untyped: false, constant: nil, eval: { .int(try f($0)) }, span: span, evalInt: IntEval(run: f))
  }

  /// A bool-valued expression computed by `f`.
  static func bool(_ span: Span, _ f: @escaping (Interpreter) throws -> Bool) -> CExpr {
    CExpr(type: .bool, untyped: false, constant: nil, eval: { .bool(try f($0)) }, span: span, evalBool: BoolEval(run: f))
  }
}

// Closures kept in a generic container (Optional, Array, a tuple in an Array) are stored at
// maximal abstraction: Swift wraps them in a reabstraction thunk going in and another coming out,
// and calls through both, retaining their contexts. The interpreter's closures therefore travel
// in these small structs, whose fields keep each closure's own calling convention.

/// An unboxed integer computation.
struct IntEval {
  let run: (Interpreter) throws -> Int64
}

/// An unboxed boolean computation.
struct BoolEval {
  let run: (Interpreter) throws -> Bool
}

/// A compiled statement, for lists of them.
struct Compiled {
  let exec: Exec
}

/// A compiled value-producing expression, for lists of them.
struct Evaluator {
  let run: (Interpreter) throws -> Value
}

/// An assignable location.
struct LValue {
  let type: GoType
  let load: (Interpreter) throws -> Value
  let store: (Interpreter, __owned Value) throws -> Void
  /// For a variable: its slot and whether it is a global, so an assignment can write the slot
  /// itself instead of calling `store`.
  var variableSlot: (slot: Int, global: Bool)? = nil

  /// An integer store to this location: unboxed for an integer variable (counters, range keys),
  /// else through `store`.
  var intStorer: (Interpreter, Int64) throws -> Void {
    if let (slot, global) = variableSlot, type.isInteger {
      // One closure per storage class: a range key is stored every iteration.
      if global { return { i, v in i.globals[slot] = .int(v) } }
      return { i, v in i.locals[slot] = .int(v) }
    }
    let store = self.store
    return { i, v in try store(i, .int(v)) }
  }

  /// The variable in `slot` of the globals or of the running function's frame.
  static func variable(slot: Int, global: Bool, type t: GoType) -> LValue {
    var lv: LValue
    if global {
      lv = LValue(type: t, load: { $0.globals[slot] }, store: { $0.globals[slot] = $1 })
    } else {
      lv = LValue(type: t, load: { $0.locals[slot] }, store: { $0.locals[slot] = $1 })
    }
    lv.variableSlot = (slot, global)
    return lv
  }
}

extension Interpreter {
  // MARK: Types

  func resolveType(_ t: TypeExpr, _ scope: Scope) throws -> GoType {
    switch t {
    case .name(let n, let span):
      if case .type(let ty)? = scope.lookup(n) { return ty }
      if let ty = predeclaredTypes[n] { return ty }
      if scope.lookup(n) != nil { throw ScriptError(.notAType(n), at: span) }
      throw ScriptError(.undefined(n), at: span)
    case .qualified(let pkg, let n, let span):
      if pkg == "time" && n == "Duration" { return durationType }
      throw ScriptError(.undefined("\(pkg).\(n)"), at: span)
    case .pointer(let e): return .pointer(to: try resolveType(e, scope))
    case .slice(let e): return .slice(of: try resolveType(e, scope))
    case .array(let n, let e):
      let len = try compileExpr(n, scope)
      guard let c = len.constant, case .int(let v) = c, v >= 0 else {
        throw ScriptError(.notConstant("array length"), at: n.span)
      }
      let elem = try resolveType(e, scope)
      let t = GoType.array(of: elem, count: Int(v))
      if t.size == Int.max { throw ScriptError(.typeMismatch("array too large"), at: n.span) }
      return t
    case .structure(let fields):
      return .structure(try fields.map { ($0.0, try resolveType($0.1, scope)) })
    case .inferredArray, .map, .chan, .function, .interface, .instance, .unsupportedStruct:
      throw ScriptError(.unsupported("this type"), at: t.span ?? Span(0, 0))
    }
  }

  /// Values of struct or array type are held element by element when they live in variables or
  /// are copied; past this many scalar elements gcsh asks for a heap object instead (where
  /// contents are stored sparsely).
  static let maxValueElements = 1 << 20

  /// Rejects copying a huge array by value (the simulator would hold every element).
  func checkValueSize(_ t: GoType, _ span: Span) throws {
    func elements(_ t: GoType) -> Int {
      switch t.kind {
      case .array(let e, let n):
        let (v, o) = n.multipliedReportingOverflow(by: elements(e))
        return o ? Int.max : v
      case .structure(let fs): return fs.reduce(0) { $0 &+ elements($1.type) }
      default: return 1
      }
    }
    if elements(t) > Self.maxValueElements {
      throw ScriptError(.valueTooLarge(type: "\(t)", bytes: t.size), at: span)
    }
  }

  // MARK: Conversion and assignability

  /// Converts `c` for use where a `t` is needed (assignment, argument, operand).
  func assign(_ c: CExpr, to t: GoType, _ what: @autoclosure () -> String) throws -> CExpr {
    guard let from = c.type else {
      if t.isNilable { return CExpr(type: t, untyped: false, constant: .null, eval: { _ in .null }, span: c.span) }
      throw ScriptError(.typeMismatch("cannot use nil as \(t) value in \(what())"), at: c.span)
    }
    if c.untyped, let k = c.constant {
      if let v = c.exactInt, t.isInteger, !representable(v, t) {
        // As Go words it: the value is shown when the expression is not the literal itself.
        let text = describe(c)
        let shown = text == "\(v)" ? "" : " \(v)"
        throw ScriptError(
          .typeMismatch("cannot use \(text) (untyped int constant\(shown)) as \(t) value in \(what()) (overflows)"),
          at: c.span)
      }
      if let v = c.exactInt, t.isInteger {
        return .constant(.int(Int64(truncatingIfNeeded: v)), t, untyped: false, c.span)
      }
      if let v = c.exactInt, t.isFloat { return .constant(.float(Double(v)), t, untyped: false, c.span) }
      return .constant(try convertConstant(k, from: from, to: t, c.span), t, untyped: false, c.span)
    }
    if from.identical(t) {
      var same = CExpr(
        type: t, untyped: false, constant: c.constant, eval: c.eval, span: c.span, evalInt: c.evalInt,
        evalBool: c.evalBool)
      same.variableSlot = c.variableSlot
      same.allocates = c.allocates
      return same
    }
    throw ScriptError(
      .typeMismatch("cannot use \(describe(c)) (value of type \(from)) as \(t) value in \(what())"),
      at: c.span)
  }

  /// Whether integer type `t` can hold `v` exactly.
  func representable(_ v: Int128, _ t: GoType) -> Bool {
    switch t.kind {
    case .int(let bits, let signed):
      return signed ? v >= -(Int128(1) << (bits - 1)) && v < Int128(1) << (bits - 1) : v >= 0 && v < Int128(1) << bits
    case .uintptr: return v >= 0 && v < Int128(1) << 64
    default: return true
    }
  }

  /// An untyped constant given type `t`, checking that it fits.
  func convertConstant(_ v: Value, from: GoType, to t: GoType, _ span: Span) throws -> Value {
    switch (v, t.kind) {
    case (.int(let i), .int(let bits, let signed)):
      let fits: Bool
      if bits == 64 { fits = signed || i >= 0 } else if signed {
        fits = i >= -(1 << (bits - 1)) && i < (1 << (bits - 1))
      } else {
        fits = i >= 0 && i < (1 << bits)
      }
      if !fits { throw ScriptError(.typeMismatch("cannot use \(i) (untyped int constant) as \(t) value (overflows)"), at: span) }
      return .int(i)
    case (.int(let i), .uintptr): return .int(i)
    case (.int(let i), .float): return .float(Double(i))
    case (.float(let f), .float): return .float(f)
    case (.float(let f), .int), (.float(let f), .uintptr):
      if f != f.rounded() || abs(f) > 9.2e18 {
        throw ScriptError(.typeMismatch("cannot use \(formatFloat(f)) (untyped float constant) as \(t) value (truncated)"), at: span)
      }
      return try convertConstant(.int(Int64(f)), from: .int, to: t, span)
    case (.string, .string), (.bool, .bool): return v
    default:
      throw ScriptError(.typeMismatch("cannot use \(format(v, from)) (untyped \(from) constant) as \(t) value"), at: span)
    }
  }

  /// `c` as an unboxed integer computation (an integer-typed expression).
  func intEval(_ c: CExpr) -> (Interpreter) throws -> Int64 {
    if let f = c.evalInt { return f.run }
    if let k = c.constant {
      let v = k.asInt
      return { _ in v }
    }
    let ev = c.eval
    return { try ev($0).asInt }
  }

  /// `c` as an unboxed boolean computation (a bool-typed expression).
  func boolEval(_ c: CExpr) -> (Interpreter) throws -> Bool {
    if let f = c.evalBool { return f.run }
    if let k = c.constant {
      let v = k.asBool
      return { _ in v }
    }
    let ev = c.eval
    return { try ev($0).asBool }
  }

  func describe(_ c: CExpr) -> String { sourceText(c.span) }

  /// The source text of a span (an expression as written, for messages).
  func sourceText(_ span: Span) -> String {
    let text = source.text.utf8
    let s = text.index(text.startIndex, offsetBy: min(span.start, text.count))
    let e = text.index(text.startIndex, offsetBy: min(max(span.end, span.start), text.count))
    return String(text[s..<e]) ?? "value"
  }

  // MARK: Heap values

  /// Reads a value of type `t` stored at `off` in `obj`.
  func loadValue(_ t: GoType, _ obj: ObjectRef, _ off: Int) -> Value {
    switch t.kind {
    case .array(let e, let n):
      return .aggregate((0..<n).map { loadValue(e, obj, off + $0 * e.size) })
    case .structure(let fs):
      return .aggregate(fs.map { loadValue($0.type, obj, off + $0.offset) })
    default: break
    }
    guard let w = heap.load(obj, at: off) else { return zeroValue(t) }
    switch (w, t.kind) {
    case (.scalar(let bits), .bool): return .bool(bits != 0)
    case (.scalar(let bits), .float(let b)):
      return .float(b == 32 ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))) : Double(bitPattern: bits))
    case (.scalar(let bits), _): return .int(wrap(Int64(bitPattern: bits), t))
    case (.pointer(let p), _): return .pointer(p)
    case (.slice(let s), _): return .slice(s)
    case (.string(let s), _): return .string(s)
    }
  }

  /// Writes a value of type `t` at `off` in `obj`.
  func storeValue(_ v: Value, _ t: GoType, _ obj: ObjectRef, _ off: Int) throws {
    switch (v, t.kind) {
    case (.aggregate(let vs), .array(let e, _)):
      for (i, x) in vs.enumerated() { try storeValue(x, e, obj, off + i * e.size) }
    case (.aggregate(let vs), .structure(let fs)):
      for (f, x) in zip(fs, vs) { try storeValue(x, f.type, obj, off + f.offset) }
    case (.int(let i), _):
      try heap.store(.scalar(UInt64(bitPattern: wrap(i, t))), obj, at: off, size: t.size)
    case (.bool(let b), _): try heap.store(.scalar(b ? 1 : 0), obj, at: off, size: 1)
    case (.float(let f), .float(let bits)):
      let raw: UInt64 = bits == 32 ? UInt64(Float(f).bitPattern) : f.bitPattern
      try heap.store(.scalar(raw), obj, at: off, size: t.size)
    case (.string(let s), _): try heap.store(.string(s), obj, at: off, size: 16)
    case (.pointer(let p), _): try heap.store(.pointer(p), obj, at: off, size: 8)
    case (.slice(let s), _): try heap.store(.slice(s), obj, at: off, size: 24)
    case (.null, _): try heap.store(nil, obj, at: off, size: t.size)
    default: try heap.store(nil, obj, at: off, size: t.size)
    }
  }

  // MARK: Expressions

  func compileExpr(_ e: Expr, _ scope: Scope) throws -> CExpr {
    let span = e.span
    switch e.kind {
    case .int(let v), .rune(let v): return .untypedInt(v, span)
    case .float(let f):
      return .constant(.float(f), .float64, untyped: true, span)
    case .string(let s): return .constant(.string(s), .string, untyped: true, span)
    case .unitLiteral(let text):
      if let ns = parseDuration(text) { return .constant(.int(ns), durationType, untyped: false, span) }
      if let bytes = parseSize(text) { return .untypedInt(Int128(bytes), span) }
      throw ScriptError(.badUnitLiteral(text), at: span)
    case .paren(let inner): return try compileExpr(inner, scope)
    case .identifier(let name): return try compileIdentifier(name, scope, span)
    case .unary(let op, let x): return try compileUnary(op, x, scope, span)
    case .binary(let op, let l, let r): return try compileBinary(op, l, r, scope, span)
    case .call(let f, let args, let ellipsis): return try compileCall(f, args, ellipsis, scope, span)
    case .index(let base, let idx): return try compileIndex(base, idx, scope, span)
    case .slice(let base, let lo, let hi, let max): return try compileSliceExpr(base, lo, hi, max, scope, span)
    case .selector(let base, let name): return try compileSelector(base, name, scope, span)
    case .composite(let t, let elems):
      guard let t else { throw ScriptError(.expected("type", after: nil, found: "'{'"), at: span) }
      return try compileComposite(try resolveType(t, scope), elems, scope, span)
    case .type(let t):
      throw ScriptError(.typeMismatch("\(try resolveType(t, scope)) (type) is not an expression"), at: span)
    case .funcLit, .typeAssert, .instantiation:
      throw ScriptError(.unsupported("this expression"), at: span)
    }
  }

  func compileIdentifier(_ name: String, _ scope: Scope, _ span: Span) throws -> CExpr {
    switch name {
    case "true" where scope.lookup(name) == nil: return .constant(.bool(true), .bool, untyped: true, span)
    case "false" where scope.lookup(name) == nil: return .constant(.bool(false), .bool, untyped: true, span)
    case "nil" where scope.lookup(name) == nil:
      return CExpr(type: nil, untyped: true, constant: .null, eval: { _ in .null }, span: span)
    default: break
    }
    guard let entry = scope.lookup(name) else { throw ScriptError(.undefined(name), at: span) }
    switch entry {
    case .variable(let slot, let global, let t):
      var c: CExpr
      if global {
        c = CExpr(type: t, untyped: false, constant: nil, eval: { $0.globals[slot] }, span: span)
        if t.isInteger { c.evalInt = IntEval { $0.globals.int(slot) } }
        if t.isBool { c.evalBool = BoolEval { $0.globals.int(slot) != 0 } }
      } else {
        c = CExpr(type: t, untyped: false, constant: nil, eval: { $0.locals[slot] }, span: span)
        if t.isInteger { c.evalInt = IntEval { $0.locals.int(slot) } }
        if t.isBool { c.evalBool = BoolEval { $0.locals.int(slot) != 0 } }
      }
      c.variableSlot = (slot, global)
      return c
    case .constant(let v, let t, let untyped, let exact):
      if let exact { return .untypedInt(exact, span) }
      return .constant(v, t, untyped: untyped, span)
    case .type(let t): throw ScriptError(.typeMismatch("\(t) (type) is not an expression"), at: span)
    case .function(let f): throw ScriptError(.unsupported("using function \(f) as a value"), at: span)
    }
  }

  func compileUnary(_ op: String, _ x: Expr, _ scope: Scope, _ span: Span) throws -> CExpr {
    if op == "&" { return try compileAddressOf(x, scope, span) }
    if op == "*" {
      let p = try compileExpr(x, scope)
      guard let elem = p.type?.pointee else {
        throw ScriptError(.typeMismatch("invalid operation: cannot indirect \(describe(p))"), at: span)
      }
      try checkValueSize(elem, span)
      let eval = p.eval
      return CExpr(type: elem, untyped: false, constant: nil, eval: { i in
        guard case .pointer(let ptr) = try eval(i) else { throw ScriptError(.nilDereference, at: span) }
        return i.loadValue(elem, ptr.object, ptr.offset)
      }, span: span)
    }
    let c = try compileExpr(x, scope)
    guard let t = c.type else { throw ScriptError(.typeMismatch("invalid operation: \(op)nil"), at: span) }
    if let k = c.constant, c.untyped {
      switch (op, k) {
      case ("-", .int):
        guard let v = c.exactInt, v != .min else { break }
        return .untypedInt(-v, span)
      case ("-", .float(let v)): return .constant(.float(-v), t, untyped: true, span)
      case ("+", _): return c
      case ("!", .bool(let b)): return .constant(.bool(!b), t, untyped: true, span)
      case ("^", .int):
        guard let v = c.exactInt else { break }
        return .untypedInt(~v, span)
      default: break
      }
    }
    let eval = c.eval
    switch op {
    case "-" where t.isInteger: return CExpr(type: t, untyped: false, constant: nil, eval: { .int(wrap(0 &- (try eval($0)).asInt, t)) }, span: span)
    case "-" where t.isFloat: return CExpr(type: t, untyped: false, constant: nil, eval: { .float(-(try eval($0)).asFloat) }, span: span)
    case "+" where t.isNumeric: return c
    case "!" where t.isBool:
      let f = boolEval(c)
      return CExpr(
        type: t, untyped: false, constant: nil, eval: { .bool(!(try f($0))) }, span: span,
        evalBool: BoolEval { !(try f($0)) })
    case "^" where t.isInteger: return CExpr(type: t, untyped: false, constant: nil, eval: { .int(wrap(~(try eval($0)).asInt, t)) }, span: span)
    default:
      throw ScriptError(.typeMismatch("invalid operation: operator \(op) not defined on \(describe(c)) (value of type \(t))"), at: span)
    }
  }

  /// `&x`: a composite literal escapes to a new heap object; an addressable heap location gives
  /// an interior pointer.
  func compileAddressOf(_ x: Expr, _ scope: Scope, _ span: Span) throws -> CExpr {
    var inner = x
    while case .paren(let e) = inner.kind { inner = e }
    if case .composite(let te, let elems) = inner.kind, let te {
      let t = try resolveType(te, scope)
      // Store only the elements the literal names into the new (zeroed) object: a huge struct
      // or array is never materialised element by element.
      let fill = try compositeStores(t, elems, scope, span)
      return CExpr(type: .pointer(to: t), untyped: false, constant: nil, eval: { i in
        let p = try i.heap.allocate(t)
        try fill(i, p.object, p.offset)
        return .pointer(p)
      }, span: span)
    }
    if let (t, addr) = try compileHeapAddress(inner, scope) {
      return CExpr(type: .pointer(to: t), untyped: false, constant: nil, eval: { i in
        let (o, off) = try addr(i)
        return .pointer(HeapPointer(object: o, offset: off))
      }, span: span)
    }
    throw ScriptError(.unsupported("taking the address of a variable (use new(T) or &T{...})"), at: span)
  }

  /// A location inside a heap object, if `e` denotes one: `*p`, `p.f`, `s[i]`, and fields or
  /// elements of those.
  func compileHeapAddress(_ e: Expr, _ scope: Scope) throws -> (GoType, (Interpreter) throws -> (ObjectRef, Int))? {
    let span = e.span
    switch e.kind {
    case .paren(let inner): return try compileHeapAddress(inner, scope)
    case .unary("*", let x):
      let p = try compileExpr(x, scope)
      guard let elem = p.type?.pointee else { return nil }
      let eval = p.eval
      return (elem, { i in
        guard case .pointer(let ptr) = try eval(i) else { throw ScriptError(.nilDereference, at: span) }
        return (ptr.object, ptr.offset)
      })
    case .selector(let base, let name):
      if case .identifier(let pkg) = base.kind, scope.lookup(pkg) == nil, isPackage(pkg) { return nil }
      // p.f with p a pointer to struct: implicit dereference.
      if let (bt, baddr) = try pointerOrHeapBase(base, scope) {
        guard case .structure(let fs) = bt.kind, let f = fs.first(where: { $0.name == name }) else {
          throw ScriptError(.undefined("\(bt).\(name)"), at: span)
        }
        return (f.type, { i in
          let (o, off) = try baddr(i)
          return (o, off + f.offset)
        })
      }
      return nil
    case .index(let base, let idx):
      let ix = try assign(try compileExpr(idx, scope), to: .int, "index")
      let kf = intEval(ix)
      // An array inside a heap object (or behind a pointer): an element address, without
      // loading the array.
      if let (at, aaddr) = try arrayBase(base, scope), case .array(let elem, let n) = at.kind {
        return (elem, { i in
          let k = Int(try kf(i))
          guard k >= 0 && k < n else { throw ScriptError(.indexOutOfRange(index: k, length: n), at: span) }
          let (o, off) = try aaddr(i)
          return (o, off + k * elem.size)
        })
      }
      let b = try compileExpr(base, scope)
      if let elem = b.type?.sliceElement {
        if let (slot, global) = b.variableSlot {
          // A slice variable: its header read in place, not copied out as a Value.
          return (elem, { i in
            let k = Int(try kf(i))
            return try i.elementAddress(i.slice(slot: slot, global: global), k, elem.size, span)
          })
        }
        let beval = b.eval
        return (elem, { i in
          let k = Int(try kf(i))
          guard case .slice(let s) = try beval(i) else { return try i.elementAddress(nil, k, elem.size, span) }
          return try i.elementAddress(s, k, elem.size, span)
        })
      }
      return nil
    default: return nil
    }
  }

  /// The address of element `k` of a slice (nil: a nil slice), or Go's index panic.
  @inline(__always)
  private func elementAddress(_ s: SliceHeader?, _ k: Int, _ size: Int, _ span: Span) throws -> (ObjectRef, Int) {
    guard let s, k >= 0 && k < s.len else {
      throw ScriptError(.indexOutOfRange(index: k, length: s?.len ?? 0), at: span)
    }
    return (s.object!, s.offset + k * size)
  }

  /// The heap location of an array `base` denotes: inside a heap object, or behind a pointer.
  private func arrayBase(_ base: Expr, _ scope: Scope) throws -> (GoType, (Interpreter) throws -> (ObjectRef, Int))? {
    if let a = try compileHeapAddress(base, scope) {
      if case .array = a.0.kind { return a }
      return nil
    }
    if case .identifier(let n) = base.kind, case .variable(_, _, let t)? = scope.lookup(n), case .array = t.kind {
      return nil  // an array held in a variable: indexed by value
    }
    let b = try compileExpr(base, scope)
    guard let pt = b.type?.pointee, case .array = pt.kind else { return nil }
    let eval = b.eval
    let span = base.span
    return (pt, { i in
      guard case .pointer(let p) = try eval(i) else { throw ScriptError(.nilDereference, at: span) }
      return (p.object, p.offset)
    })
  }

  /// The heap location of a struct or array that `base` denotes directly (heap address) or
  /// through a pointer (implicit dereference).
  private func pointerOrHeapBase(_ base: Expr, _ scope: Scope) throws -> (GoType, (Interpreter) throws -> (ObjectRef, Int))? {
    if let a = try compileHeapAddress(base, scope), a.0.pointee == nil { return a }
    let b = try compileExpr(base, scope)
    guard let pt = b.type?.pointee else { return nil }
    let eval = b.eval
    let span = base.span
    return (pt, { i in
      guard case .pointer(let p) = try eval(i) else { throw ScriptError(.nilDereference, at: span) }
      return (p.object, p.offset)
    })
  }

  func compileSelector(_ base: Expr, _ name: String, _ scope: Scope, _ span: Span) throws -> CExpr {
    if case .identifier(let pkg) = base.kind, scope.lookup(pkg) == nil, isPackage(pkg) {
      return try packageMember(pkg, name, span)
    }
    if let (t, addr) = try compileHeapAddress(Expr(.selector(base, name), span), scope) {
      try checkValueSize(t, span)
      return CExpr(type: t, untyped: false, constant: nil, eval: { i in
        let (o, off) = try addr(i)
        return i.loadValue(t, o, off)
      }, span: span)
    }
    let b = try compileExpr(base, scope)
    guard let bt = b.type, case .structure(let fs) = bt.kind,
      let idx = fs.firstIndex(where: { $0.name == name })
    else {
      throw ScriptError(.undefined("\(b.type.map { "\($0)" } ?? "nil").\(name)"), at: span)
    }
    let eval = b.eval
    return CExpr(type: fs[idx].type, untyped: false, constant: nil, eval: { i in
      guard case .aggregate(let vs) = try eval(i) else { return .null }
      return vs[idx]
    }, span: span)
  }

  func compileIndex(_ base: Expr, _ idx: Expr, _ scope: Scope, _ span: Span) throws -> CExpr {
    if let (t, addr) = try compileHeapAddress(Expr(.index(base, idx), span), scope) {
      try checkValueSize(t, span)
      return CExpr(type: t, untyped: false, constant: nil, eval: { i in
        let (o, off) = try addr(i)
        return i.loadValue(t, o, off)
      }, span: span)
    }
    let b = try compileExpr(base, scope)
    let ix = try assign(try compileExpr(idx, scope), to: .int, "index")
    let beval = b.eval
    let ieval = ix.eval
    if let bt = b.type, case .array(let elem, let n) = bt.kind {
      return CExpr(type: elem, untyped: false, constant: nil, eval: { i in
        let k = Int(try ieval(i).asInt)
        guard k >= 0 && k < n, case .aggregate(let vs) = try beval(i) else {
          throw ScriptError(.indexOutOfRange(index: k, length: n), at: span)
        }
        return vs[k]
      }, span: span)
    }
    if let bt = b.type, bt.isString {
      return CExpr(type: .uint8, untyped: false, constant: nil, eval: { i in
        let k = Int(try ieval(i).asInt)
        guard case .string(let s) = try beval(i) else { return .int(0) }
        let u = Array(s.utf8)
        guard k >= 0 && k < u.count else { throw ScriptError(.indexOutOfRange(index: k, length: u.count), at: span) }
        return .int(Int64(u[k]))
      }, span: span)
    }
    throw ScriptError(.typeMismatch("invalid operation: cannot index \(describe(b))"), at: span)
  }

  func compileSliceExpr(_ base: Expr, _ lo: Expr?, _ hi: Expr?, _ mx: Expr?, _ scope: Scope, _ span: Span) throws -> CExpr {
    let b = try compileExpr(base, scope)
    let l = try lo.map { try assign(try compileExpr($0, scope), to: .int, "slice index").eval }
    let h = try hi.map { try assign(try compileExpr($0, scope), to: .int, "slice index").eval }
    let m = try mx.map { try assign(try compileExpr($0, scope), to: .int, "slice index").eval }
    let beval = b.eval
    if let bt = b.type, let elem = bt.sliceElement {
      return CExpr(type: bt, untyped: false, constant: nil, eval: { i in
        let v = try beval(i)
        let (obj, off, len, cap): (ObjectRef?, Int, Int, Int)
        if case .slice(let s) = v { (obj, off, len, cap) = (s.object, s.offset, s.len, s.cap) } else { (obj, off, len, cap) = (nil, 0, 0, 0) }
        let a = Int(try l?(i).asInt ?? 0)
        let z = Int(try h?(i).asInt ?? Int64(len))
        let c = Int(try m?(i).asInt ?? Int64(cap))
        guard 0 <= a, a <= z, z <= c, c <= cap else {
          throw ScriptError(.sliceOutOfRange("[\(a):\(z)] with capacity \(cap)"), at: span)
        }
        guard let obj else { return .null }
        return .slice(SliceHeader(object: obj, offset: off + a * elem.size, len: z - a, cap: c - a))
      }, span: span)
    }
    if let bt = b.type, let at = bt.pointee, case .array(let elem, let n) = at.kind {
      return CExpr(type: .slice(of: elem), untyped: false, constant: nil, eval: { i in
        guard case .pointer(let p) = try beval(i) else { throw ScriptError(.nilDereference, at: span) }
        let a = Int(try l?(i).asInt ?? 0)
        let z = Int(try h?(i).asInt ?? Int64(n))
        let c = Int(try m?(i).asInt ?? Int64(n))
        guard 0 <= a, a <= z, z <= c, c <= n else { throw ScriptError(.sliceOutOfRange("[\(a):\(z)] with length \(n)"), at: span) }
        return .slice(SliceHeader(object: p.object, offset: p.offset + a * elem.size, len: z - a, cap: c - a))
      }, span: span)
    }
    if let bt = b.type, bt.isString {
      return CExpr(type: .string, untyped: false, constant: nil, eval: { i in
        guard case .string(let s) = try beval(i) else { return .string("") }
        let u = Array(s.utf8)
        let a = Int(try l?(i).asInt ?? 0)
        let z = Int(try h?(i).asInt ?? Int64(u.count))
        guard 0 <= a, a <= z, z <= u.count else { throw ScriptError(.sliceOutOfRange("[\(a):\(z)] with length \(u.count)"), at: span) }
        return .string(String(decoding: u[a..<z], as: UTF8.self))
      }, span: span)
    }
    throw ScriptError(.unsupported("slicing \(describe(b)) (slice a slice, a pointer to an array or a string)"), at: span)
  }

  /// A composite literal's elements resolved to their place: the field or element index, the
  /// byte offset, the element type, and the value expression.
  private func resolveElements(
    _ t: GoType, _ elems: [(key: Expr?, value: Expr)], _ scope: Scope, _ span: Span
  ) throws -> [(index: Int, offset: Int, type: GoType, value: Expr)] {
    var out: [(index: Int, offset: Int, type: GoType, value: Expr)] = []
    switch t.kind {
    case .structure(let fs):
      for (k, (key, value)) in elems.enumerated() {
        var idx = k
        if let key {
          guard case .identifier(let n) = key.kind, let j = fs.firstIndex(where: { $0.name == n }) else {
            throw ScriptError(.undefined("field in \(t)"), at: key.span)
          }
          idx = j
        } else if k >= fs.count {
          throw ScriptError(.typeMismatch("too many values in \(t) literal"), at: value.span)
        }
        out.append((idx, fs[idx].offset, fs[idx].type, value))
      }
    case .array(let et, _), .slice(let et):
      var next = 0
      for (key, value) in elems {
        if let key {
          guard case .int(let k)? = try compileExpr(key, scope).constant else {
            throw ScriptError(.notConstant("index"), at: key.span)
          }
          next = Int(k)
        }
        if case .array(_, let n) = t.kind, next >= n {
          throw ScriptError(.indexOutOfRange(index: next, length: n), at: value.span)
        }
        out.append((next, next * et.size, et, value))
        next += 1
      }
    default:
      throw ScriptError(.typeMismatch("invalid composite literal type \(t)"), at: span)
    }
    return out
  }

  /// `T{...}` as a value: a struct or array aggregate, or a new slice backing array.
  func compileComposite(_ t: GoType, _ elems: [(key: Expr?, value: Expr)], _ scope: Scope, _ span: Span) throws -> CExpr {
    if t.sliceElement == nil { try checkValueSize(t, span) }
    let evals = try resolveElements(t, elems, scope, span).map { e in
      let c: CExpr
      if case .composite(nil, let inner) = e.value.kind {
        c = try compileComposite(e.type, inner, scope, e.value.span)
      } else {
        c = try assign(try compileExpr(e.value, scope), to: e.type, "composite literal")
      }
      return (e.index, c.eval)
    }
    if let et = t.sliceElement {
      let n = (evals.map(\.0).max() ?? -1) + 1
      return CExpr(type: t, untyped: false, constant: nil, eval: { i in
        let s = try i.heap.makeSlice(of: et, len: n, cap: n)
        for (j, ev) in evals { try i.storeValue(try ev(i), et, s.object!, s.offset + j * et.size) }
        return .slice(s)
      }, span: span)
    }
    let zero = zeroValue(t)
    return CExpr(type: t, untyped: false, constant: nil, eval: { i in
      guard case .aggregate(var vs) = zero else { return zero }
      for (j, ev) in evals { vs[j] = try ev(i) }
      return .aggregate(vs)
    }, span: span)
  }

  /// `&T{...}`: stores of the literal's named elements at an offset in a heap object, so a huge
  /// struct or array is never built element by element.
  func compositeStores(_ t: GoType, _ elems: [(key: Expr?, value: Expr)], _ scope: Scope, _ span: Span)
    throws -> (Interpreter, ObjectRef, Int) throws -> Void
  {
    if t.sliceElement != nil {
      let v = try compileComposite(t, elems, scope, span).eval
      return { i, o, off in try i.storeValue(try v(i), t, o, off) }
    }
    let stores = try resolveElements(t, elems, scope, span).map { e -> (Int, (Interpreter, ObjectRef, Int) throws -> Void) in
      if case .composite(nil, let inner) = e.value.kind {
        return (e.offset, try compositeStores(e.type, inner, scope, e.value.span))
      }
      let ev = try assign(try compileExpr(e.value, scope), to: e.type, "composite literal").eval
      let et = e.type
      return (e.offset, { i, o, off in try i.storeValue(try ev(i), et, o, off) })
    }
    return { i, o, off in
      for (d, store) in stores { try store(i, o, off + d) }
    }
  }

  // MARK: Lvalues

  func compileLValue(_ e: Expr, _ scope: Scope) throws -> LValue {
    let span = e.span
    switch e.kind {
    case .paren(let inner): return try compileLValue(inner, scope)
    case .identifier(let name):
      guard let entry = scope.lookup(name) else { throw ScriptError(.undefined(name), at: span) }
      guard case .variable(let slot, let global, let t) = entry else {
        throw ScriptError(.typeMismatch("cannot assign to \(name) (neither addressable nor a map index expression)"), at: span)
      }
      return .variable(slot: slot, global: global, type: t)
    default: break
    }
    if let (t, addr) = try compileHeapAddress(e, scope) {
      return LValue(type: t, load: { i in
        let (o, off) = try addr(i)
        return i.loadValue(t, o, off)
      }, store: { i, v in
        let (o, off) = try addr(i)
        try i.storeValue(v, t, o, off)
      })
    }
    // Fields and elements of a struct or array held in a variable: update by path.
    switch e.kind {
    case .selector(let base, let name):
      let b = try compileLValue(base, scope)
      guard case .structure(let fs) = b.type.kind, let idx = fs.firstIndex(where: { $0.name == name }) else {
        throw ScriptError(.undefined("\(b.type).\(name)"), at: span)
      }
      return LValue(type: fs[idx].type, load: { i in
        guard case .aggregate(let vs) = try b.load(i) else { return .null }
        return vs[idx]
      }, store: { i, v in
        guard case .aggregate(var vs) = try b.load(i) else { return }
        vs[idx] = v
        try b.store(i, .aggregate(vs))
      })
    case .index(let base, let idx):
      let b = try compileLValue(base, scope)
      guard case .array(let et, let n) = b.type.kind else {
        throw ScriptError(.invalidAssignmentTarget, at: span)
      }
      let ix = try assign(try compileExpr(idx, scope), to: .int, "index").eval
      return LValue(type: et, load: { i in
        let k = Int(try ix(i).asInt)
        guard k >= 0 && k < n, case .aggregate(let vs) = try b.load(i) else { throw ScriptError(.indexOutOfRange(index: k, length: n), at: span) }
        return vs[k]
      }, store: { i, v in
        let k = Int(try ix(i).asInt)
        guard k >= 0 && k < n, case .aggregate(var vs) = try b.load(i) else { throw ScriptError(.indexOutOfRange(index: k, length: n), at: span) }
        vs[k] = v
        try b.store(i, .aggregate(vs))
      })
    default:
      throw ScriptError(.invalidAssignmentTarget, at: span)
    }
  }

  // MARK: Units

  /// Go's time.ParseDuration syntax: `300ms`, `1.5h`, `2h45m`, `1us`, `1µs`.
  func parseDuration(_ s: String) -> Int64? {
    let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9)]
    var rest = Substring(s)
    var total = 0.0
    var any = false
    while !rest.isEmpty {
      let num = rest.prefix { $0.isNumber || $0 == "." }
      guard !num.isEmpty, let v = Double(num) else { return nil }
      rest = rest.dropFirst(num.count)
      let unit = rest.prefix { !$0.isNumber && $0 != "." }
      guard let u = units.first(where: { $0.0 == unit }) else { return nil }
      rest = rest.dropFirst(unit.count)
      total += v * u.1
      any = true
    }
    return any ? Int64(total.rounded()) : nil
  }
}

/// Sizes: KiB, MiB, GiB, TiB are powers of 1024; KB, MB, GB, TB powers of 1000; B is bytes.
public func parseSize(_ s: String) -> Int? {
  let units: [(String, Double)] = [
    ("KiB", 1024), ("MiB", 1024 * 1024), ("GiB", 1024 * 1024 * 1024), ("TiB", 1024.0 * 1024 * 1024 * 1024),
    ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("B", 1),
  ]
  let t = s.filter { $0 != "_" }
  for (u, m) in units where t.hasSuffix(u) {
    guard let v = Double(t.dropLast(u.count)), v >= 0 else { return nil }
    return Int((v * m).rounded())
  }
  return Int(t)
}
