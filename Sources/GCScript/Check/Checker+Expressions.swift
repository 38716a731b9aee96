// Checking expressions: operands, untyped constants meeting types, operators, selectors,
// indexes and slices. Calls, conversions and composite literals are in Checker+Calls.swift.
//
// An untyped constant keeps its exact value and its kind (int, rune, float, string, bool)
// until a context gives it a type — an assignment, an operand of a typed operand, an argument
// — where it must be representable (`uint8(300)` and `var x int8 = 200` are errors); where no
// context does, it takes its default type (int, rune, float64, string, bool).

import GoHeap

/// An expression being checked: its typed node and what Go's rules need to know of it.
struct Operand {
  var expr: TypedExpr
  /// Untyped (a constant, a comparison's bool, nil): its kind. `expr.type` is then the kind's
  /// default type.
  var untyped: UntypedKind?
  /// A variable, a dereference, a slice element, a field or element of an addressable value.
  var addressable: Bool
  /// The expression as written.
  let text: String
  /// The expression as types2 quotes it in a message (`x + 1`, `[]int{…}`: SyntaxText.swift).
  var goText: String { goSyntaxText(text) }
  /// The operand is a call's result (a call may stand alone as a statement).
  var isCallResult = false
  /// The operand names a variable (Go describes it as `variable of type T`).
  var isVariable = false
  /// A map index expression `m[k]`: not addressable, but assignable (Checker+Maps.swift).
  var isMapIndex = false

  var constant: Constant? { expr.constant }
  var type: GoType { expr.type }
}

extension Checker {
  /// Go's description of an operand in a message: `variable of type int`,
  /// `untyped int constant`, `constant 5 of type int8`, `value of type []byte`.
  func describe(_ op: Operand) -> String {
    if op.expr.type === noValueType { return "no value" }
    if op.untyped == .nilValue { return "untyped nil" }
    if let c = op.constant {
      if let u = op.untyped {
        // types2 operand.go: the value when it reads otherwise than the expression.
        let shown = c.goText == op.goText ? "" : " \(c.goText)"
        return "\(u.description) constant\(shown)"
      }
      return "constant \(c.goText) of type \(op.type)"
    }
    if op.untyped == .bool { return "untyped bool value" }
    if op.isMapIndex { return "map index expression of type \(op.type)" }
    if op.isVariable || op.addressable { return "variable of \(kindPrefix(op.type))type \(op.type)" }
    if case .functionValue(let g) = op.expr.kind, g.decl != nil, g.receiver == nil, g.instance == nil {
      return "value of type \(signatureText(g))"
    }
    return "value of \(kindPrefix(op.type))type \(op.type)"
  }

  /// A declared function's type as types2 prints its signature: with the parameters' and
  /// named results' names (`func(yield func(int) bool, x int)`), each with its own type.
  func signatureText(_ g: Function) -> String {
    // (A parameter written without a name is printed without one; `_` is a name.)
    let written = g.decl?.paramList.map { $0.name != nil } ?? []
    func param(_ v: Variable, named: Bool, variadic: Bool) -> String {
      let type = variadic ? "...\(v.type.sliceElement ?? v.type)" : "\(v.type)"
      return named ? "\(v.name) \(type)" : type
    }
    let ps = g.params.enumerated().map { k, v in
      param(v, named: k < written.count && written[k], variadic: g.variadic && k == g.params.count - 1)
    }
    var text = "func(\(ps.joined(separator: ", ")))"
    if g.namedResults {
      text += " (" + g.results.map { param($0, named: true, variadic: false) }.joined(separator: ", ") + ")"
    } else if g.results.count == 1 {
      text += " \(g.results[0].type)"
    } else if !g.results.isEmpty {
      text += " (" + g.results.map { "\($0.type)" }.joined(separator: ", ") + ")"
    }
    return text
  }

  /// types2 operand.go (Go 1.24+): a declared type is described by its structure when that is
  /// composite (`struct type T`), or by the predeclared type it was made from (`int type MyInt`).
  func kindPrefix(_ t: GoType) -> String {
    // (unsafe.Pointer is a basic type in types2, as int is.)
    guard t.name != nil, !Universe.isPredeclaredType(t), !t.isUnsafePointer, profile.version >= GoVersion(1, 24)
    else { return "" }
    return (compositeKind(t) ?? t.basicName).map { $0 + " " } ?? ""
  }

  /// types2 operand.go compositeKind: the structure of a composite type (nil for a basic one).
  func compositeKind(_ t: GoType) -> String? {
    switch t.kind {
    case .structure: return "struct"
    case .array: return "array"
    case .slice: return "slice"
    case .pointer: return "pointer"
    case .interface: return "interface"
    case .map: return "map"
    case .function: return "func"
    case .chan: return "chan"
    default: return nil
    }
  }

  // MARK: Operands

  /// Checks an expression. A call without a result is an error unless `allowNoValue`, a call
  /// with several (a tuple) unless `allowMultiValue` (types2 singleValue).
  func expression(_ e: Expr, _ scope: LexicalScope, allowNoValue: Bool = false, allowMultiValue: Bool = false) throws -> Operand {
    let op = try operand(e, scope)
    if op.expr.type === noValueType && !allowNoValue {
      throw fail(.typeError("\(syntaxText(e.span)) (no value) used as value"), at: e.span)
    }
    if op.expr.isMultiValue && !allowMultiValue {
      throw fail(.typeError("multiple-value \(syntaxText(e.span)) (value of type \(op.type)) in single-value context"), at: e.span)
    }
    return op
  }

  func constant(_ c: Constant, _ kind: UntypedKind, _ span: Span) -> Operand {
    Operand(expr: TypedExpr(.constant(c), kind.defaultType, span), untyped: kind, addressable: false, text: text(span))
  }

  func value(_ e: TypedExpr, addressable: Bool = false) -> Operand {
    Operand(expr: e, untyped: nil, addressable: addressable, text: text(e.span))
  }

  private func operand(_ e: Expr, _ scope: LexicalScope) throws -> Operand {
    let span = e.span
    switch e.kind {
    case .int(let v): return constant(.int(v), .int, span)
    case .rune(let v): return constant(.int(v), .rune, span)
    // The literal's exact value, from its text (the token holds its float64).
    case .float(let f):
      let exact = ExactFloat(literal: text(span))
      return constant(.float(f, exact: exact.flatMap { ExactFloat(f) == $0 ? nil : $0 }), .float, span)
    case .string(let s): return constant(.string(s), .string, span)
    case .unitLiteral(let t):
      switch durationLiteral(t) {
      case .value(let ns): return value(TypedExpr(.constant(.int(Int128(ns))), durationType, span))
      case .outOfRange:
        throw fail(.typeError("duration \(t) out of range (the longest is 2562047h47m16.854775807s, int64 nanoseconds)"), at: span)
      case .malformed: break
      }
      if let bytes = parseSize(t) { return constant(.int(Int128(bytes)), .int, span) }
      // Go's imaginary literal (`1i`, `2.5i`, `0x1p-2i`): a number followed by `i`.
      if t.hasSuffix("i"), t.dropLast().allSatisfy({ $0.isHexDigit || "xXoObBpP.+-".contains($0) }) {
        throw fail(.notSupported("complex numbers", plural: true), at: span)
      }
      throw fail(.badUnitLiteral(t), at: span)
    case .paren(let inner):
      var op = try operand(inner, scope)
      op.isCallResult = false
      return op
    case .identifier(let name): return try identifier(name, scope, span)
    case .unary(let o, let x): return try unary(o, x, scope, span)
    case .binary(let o, let l, let r):
      if o == "&&" || o == "||" { return try logical(o, l, r, scope, span) }
      return try binary(o, try expression(l, scope), try expression(r, scope), span)
    case .call(let f, let args, let spread): return try call(f, args, spread, scope, span)
    case .index(let base, let index):
      if let g = genericFunction(base, scope) { return try genericFunctionValue(g, explicit: [try typeExpression(index)], scope, span) }
      return try indexExpression(base, index, scope, span)
    case .slice(let base, let lo, let hi, let max): return try sliceExpression(base, lo, hi, max, scope, span)
    case .selector(let base, let name): return try selector(base, name, scope, span)
    case .composite(let te, let elems):
      guard let te else { throw fail(.typeError("invalid composite literal type: missing type"), at: span) }
      let (t, literal) = try compositeType(te, elems, scope, span)
      return value(try composite(t, literal, scope, span, addressed: false))
    case .type(let te):
      let t = try resolveType(te, scope)
      throw fail(.typeError("\(t) (type) is not an expression"), at: span)
    case .funcLit(let d): return try functionLiteral(d, scope, span)
    case .typeAssert(let x, let te):
      guard let te else { throw fail(.typeError("invalid syntax tree: use of .(type) outside type switch"), at: span) }
      return value(try typeAssertion(x, te, scope, span))
    case .instantiation(let base, let arguments):
      if let g = genericFunction(base, scope) {
        return try genericFunctionValue(g, explicit: try arguments.map(typeExpression), scope, span)
      }
      if case .identifier(let n) = base.kind, isGenericType(n, scope) {
        let t = try resolveType(.instance(.name(n, base.span), try arguments.map(typeExpression), span), scope)
        throw fail(.typeError("\(t) (type) is not an expression"), at: span)
      }
      throw fail(.typeError("invalid operation: \(syntaxText(span)) (\(syntaxText(base.span)) is not a generic function)"), at: span)
    }
  }

  private func identifier(_ name: String, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    if name == "_" { throw fail(.typeError("cannot use _ as value"), at: span) }
    if name == "iota", scope.lookup(name) == nil {
      guard let v = iota else { throw fail(.typeError("cannot use iota outside constant declaration"), at: span) }
      return constant(.int(v), .int, span)
    }
    guard let symbol = scope.lookup(name) else {
      if let what = Universe.unsupportedBuiltins[name] ?? Universe.unsupportedTypes[name] {
        throw fail(.notSupported(what, plural: what.hasSuffix("s")), at: span)
      }
      throw fail(.typeError("undefined: \(name)"), at: span)
    }
    switch symbol {
    case .poisoned: throw CheckFailure()
    case .variable(let declared):
      declared.used = true
      let v = captured(declared)
      if let name = resultNames[ObjectIdentifier(v)] {
        // One of a call's results taken apart for a builtin (withSpilledArguments).
        return Operand(expr: TypedExpr(.variable(v), v.type, span), untyped: nil, addressable: false, text: name)
      }
      var op = value(TypedExpr(.variable(v), v.type, span), addressable: true)
      op.isVariable = true
      return op
    case .constant(let c, let t, let u):
      if let u { return constant(c, u, span) }
      return value(TypedExpr(.constant(c), t, span))
    case .type(let t): throw fail(.typeError("\(t) (type) is not an expression"), at: span)
    case .function(let f): return functionValue(f, span)
    case .genericFunction(let g): return try genericFunctionValue(g, explicit: [], scope, span)
    case .genericType(let g):
      _ = try resolveType(.name(g.name, span), scope)  // "cannot use generic type ... without instantiation"
      throw CheckFailure()
    case .builtin(let b): throw fail(.typeError("\(b) (built-in function \(b)) must be called"), at: span)
    case .package(let p): throw fail(.typeError("use of package \(p) without selector"), at: span)
    case .nilValue:
      return Operand(expr: TypedExpr(.nilValue, untypedNilType, span), untyped: .nilValue, addressable: false, text: "nil")
    }
  }

  // MARK: Untyped values meeting types

  /// `op` used where a value of type `t` is needed (an assignment, an argument, a return):
  /// Go's assignability, with an untyped constant converted (and required to fit).
  func assign(_ op: Operand, to t: GoType, _ context: String) throws -> TypedExpr {
    let span = op.expr.span
    if let u = op.untyped, u != .nilValue, t.isInterface { return try assignToInterface(op, t, context) }
    if let u = op.untyped {
      switch u {
      case .nilValue:
        guard t.isNilable else { throw fail(.typeError("cannot use nil as \(t) value in \(context)"), at: span) }
        return TypedExpr(.nilValue, t, span)
      case .bool where op.constant == nil:
        guard t.isBool else {
          throw fail(.typeError("cannot use \(op.goText) (untyped bool value) as \(t) value in \(context)"), at: span)
        }
        op.expr.type = t
        return op.expr
      default:
        guard let c = op.constant else { return op.expr }
        return TypedExpr(.constant(try represent(c, u, op, as: t, context)), t, span)
      }
    }
    if t.isInterface && !op.type.identical(t) { return try assignToInterface(op, t, context) }
    if op.type.assignable(to: t) { return op.expr }
    if op.type.isInterface {
      // types2 operand.assignableTo: a type assertion would do when t implements the interface.
      let hint = missingMethod(t, op.type) == nil ? ": need type assertion" : ""
      throw fail(.typeError("cannot use \(operandText(op)) as \(t) value in \(context)\(hint)"), at: span)
    }
    throw fail(.typeError("cannot use \(op.goText) (\(describe(op))) as \(t) value in \(context)"), at: span)
  }

  /// An untyped constant as a value of type `t`: it must be of a compatible kind and fit.
  func represent(_ c: Constant, _ u: UntypedKind, _ op: Operand, as t: GoType, _ context: String) throws -> Constant {
    let span = op.expr.span
    func cannot(_ reason: String) -> CheckFailure {
      fail(.typeError("cannot use \(op.goText) (\(describe(op))) as \(t) value in \(context)\(reason)"), at: span)
    }
    if t.isInteger {
      guard let v = c.exactInteger else {
        if case .float = c { throw cannot(" (truncated)") }
        throw cannot("")
      }
      guard ConstantMath.representable(v, in: t) else { throw cannot(" (overflows)") }
      return .int(v)
    }
    if t.isFloat {
      guard let d = c.asDouble else { throw cannot("") }
      // A constant rounds to ±Inf only past the type's range (go/types roundFloat64).
      if d.isInfinite { throw cannot(" (overflows)") }
      if t.size == 4, d.isFinite, !Float(d).isFinite { throw cannot(" (overflows)") }
      return .float(t.size == 4 ? Double(Float(d)) : d)
    }
    if t.isString, case .string = c { return c }
    if t.isBool, case .bool = c { return c }
    throw cannot("")
  }

  /// An untyped operand given its default type (a declaration without a type, an argument to
  /// fmt); untyped nil has none.
  func defaultTyped(_ op: Operand, _ context: String) throws -> TypedExpr {
    guard let u = op.untyped else { return op.expr }
    if u == .nilValue { throw fail(.typeError("use of untyped nil in \(context)"), at: op.expr.span) }
    let typed = try assign(op, to: u.defaultType, context)
    // A rune constant keeps its kind for -m, which prints it as a rune literal ('x').
    if u == .rune { typed.isRuneConstant = true }
    return typed
  }

  /// An integer operand used as an index, a length or a count: any integer type, or an untyped
  /// constant representable as int (and not negative).
  func integerOperand(_ op: Operand, _ what: String) throws -> TypedExpr {
    let span = op.expr.span
    if op.untyped != nil, let c = op.constant {
      guard let v = c.exactInteger else {
        if case .float = c { throw fail(.typeError("\(op.goText) (\(describe(op))) truncated to int"), at: span) }
        throw fail(.typeError("invalid argument: \(what) \(op.goText) (\(describe(op))) must be integer"), at: span)
      }
      if v < 0 {
        throw fail(.typeError("invalid argument: \(what) \(op.goText) (constant of type int) must not be negative"), at: span)
      }
      return try assign(op, to: .int, what)
    }
    guard op.type.isInteger else {
      throw fail(.typeError("invalid argument: \(what) \(op.goText) (\(describe(op))) must be integer"), at: span)
    }
    if let c = op.constant, let v = c.exactInteger, v < 0 {
      throw fail(.typeError("invalid argument: \(what) \(op.goText) (\(describe(op))) must not be negative"), at: span)
    }
    return op.expr
  }

  // MARK: Operators

  /// `-x`, `+x`, `!x`, `^x`, `*p`, `&x`, `<-c`.
  private func unary(_ o: String, _ x: Expr, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    switch o {
    case "&": return try addressOf(x, scope, span)
    case "<-": return try receive(x, scope, span)
    case "*":
      let p = try expression(x, scope)
      if p.untyped == .nilValue { throw fail(.typeError("invalid operation: cannot indirect nil"), at: span) }
      guard let elem = p.type.pointee, !p.type.isUnsafePointer else {
        throw fail(.typeError("invalid operation: cannot indirect \(p.goText) (\(describe(p)))"), at: x.span)
      }
      return value(TypedExpr(.deref(p.expr), elem, span), addressable: true)
    default: break
    }
    let op = try expression(x, scope)
    let t = op.type
    let ok: Bool
    switch o {
    case "!": ok = t.isBool || op.untyped == .bool
    case "^": ok = t.isInteger && op.untyped != .float
    default: ok = t.isNumeric
    }
    guard ok else {
      throw fail(.typeError("invalid operation: operator \(o) not defined on \(op.goText) (\(describe(op)))"), at: x.span)
    }
    if let c = op.constant {
      let folded: Constant
      switch (o, c) {
      case ("+", _): folded = c
      case ("-", .int(let v)):
        guard v != Int128.min else { throw fail(.typeError("constant overflow"), at: span) }
        folded = .int(-v)
      case ("-", .float(let f, let exact)): folded = .float(0 - f, exact: exact.map { -$0 })  // exact arithmetic has no -0: -0.0 is 0
      case ("!", .bool(let b)): folded = .bool(!b)
      case ("^", .int(let v)):
        // Typed unsigned: the complement within the type's width; otherwise -v-1.
        if op.untyped == nil, t.isUnsigned { folded = .int(ConstantMath.wrapped(~v, to: t)) } else { folded = .int(~v) }
      default: throw fail(.typeError("invalid operation: operator \(o) not defined on \(op.goText)"), at: span)
      }
      if op.untyped == nil, case .int(let v) = folded, !ConstantMath.representable(v, in: t) {
        throw fail(.typeError("\(syntaxText(span)) (constant \(v) of type \(t)) overflows \(t)"), at: span)
      }
      var result = op
      result.expr = TypedExpr(.constant(folded), t, span)
      result.addressable = false
      result.isVariable = false
      return Operand(expr: result.expr, untyped: op.untyped, addressable: false, text: text(span))
    }
    if o == "+" { return value(op.expr) }
    return Operand(expr: TypedExpr(.unary(o, op.expr), t, span), untyped: op.untyped, addressable: false, text: text(span))
  }

  /// `&x`: the address of an addressable operand, or of a composite literal (a new object).
  private func addressOf(_ x: Expr, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    var inner = x
    while case .paren(let e) = inner.kind { inner = e }
    if case .composite(let te, let elems) = inner.kind {
      guard let te else { throw fail(.typeError("invalid composite literal type: missing type"), at: span) }
      let (t, literal) = try compositeType(te, elems, scope, inner.span)
      let lit = try composite(t, literal, scope, inner.span, addressed: true)
      return value(addressedLiteral(lit, span))
    }
    let op = try expression(inner, scope)
    guard op.addressable else {
      // types2 reports it at the operand.
      throw fail(.typeError("invalid operation: cannot take address of \(op.goText) (\(describe(op)))"), at: inner.span)
    }
    markAddressTaken(op.expr)
    return value(TypedExpr(.addressOf(op.expr), .pointer(to: op.type), span))
  }

  /// `&T{...}`: a new object holding the literal (escape analysis places it). For a slice
  /// literal, `&[]T{...}` is two allocations, as Go's -m reports them: the slice header at `&`
  /// and the backing array at the literal; the header object's one element is then the whole
  /// literal (index `wholeValue`).
  func addressedLiteral(_ lit: TypedExpr, _ span: Span, text: String? = nil) -> TypedExpr {
    let site = AllocationSite(kind: .compositeAddress, span: span, type: lit.type, text: text ?? goText(span, literal: true))
    site.constantCount = 1
    site.reportAt = span.start
    function.sites.append(site)
    let elems = lit.type.isSlice ? [(index: TypedExpr.wholeValue, value: lit)] : compositeElements(lit)
    return TypedExpr(.addressOf(TypedExpr(.composite(elems, site), lit.type, lit.span)), .pointer(to: lit.type), span)
  }

  /// A composite literal's elements (the literal node's).
  func compositeElements(_ lit: TypedExpr) -> [(index: Int, value: TypedExpr)] {
    if case .composite(let elems, _) = lit.kind { return elems }
    return []
  }

  /// A pointer method's receiver from an operand of the method's base type: `x.m()` is shorthand
  /// for `(&x).m()` when x is addressable (the spec's Calls), so the variable's address is taken;
  /// else types2's error, at the method's name (`at`).
  func pointerReceiver(_ x: Operand, method: String, on typeName: String, pointee: GoType, at: Span) throws -> TypedExpr {
    guard x.addressable else { throw fail(.typeError("cannot call pointer method \(method) on \(typeName)"), at: at) }
    markAddressTaken(x.expr)
    return TypedExpr(.addressOf(x.expr), .pointer(to: pointee), x.expr.span)
  }

  /// The variable whose address an addressable expression takes (if it is one, or a field or
  /// element of one held by value): escape analysis must decide where it lives.
  func markAddressTaken(_ e: TypedExpr) {
    switch e.kind {
    case .variable(let used):
      // A captured variable's address is its outermost variable's (Go's canonical name).
      used.canonical.markAddressTaken()
    case .field(let base, _): markAddressTaken(base)
    case .index(let base, _) where base.type.isArray: markAddressTaken(base)
    default: break
    }
  }

  /// `a && b`, `a || b`.
  private func logical(_ o: String, _ l: Expr, _ r: Expr, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    let a = try expression(l, scope)
    let b = try expression(r, scope)
    for x in [a, b] where !(x.type.isBool || x.untyped == .bool) {
      throw fail(.typeError("invalid operation: operator \(o) not defined on \(x.goText) (\(describe(x)))"), at: x.expr.span)
    }
    if a.untyped == nil, b.untyped == nil, !a.type.identical(b.type) {
      throw fail(.typeError("invalid operation: \(syntaxText(span)) (mismatched types \(a.type) and \(b.type))"), at: span)
    }
    if let x = a.constant, let y = b.constant, case .bool(let p) = x, case .bool(let q) = y {
      let c = Constant.bool(o == "&&" ? p && q : p || q)
      if a.untyped != nil && b.untyped != nil { return constant(c, .bool, span) }
      return value(TypedExpr(.constant(c), a.untyped == nil ? a.type : b.type, span))
    }
    let t = a.untyped == nil ? a.type : (b.untyped == nil ? b.type : GoType.bool)
    let ta = try assign(a, to: t, "operand of \(o)")
    let tb = try assign(b, to: t, "operand of \(o)")
    let bothUntyped = a.untyped != nil && b.untyped != nil
    return Operand(expr: TypedExpr(.logical(o, ta, tb), t, span), untyped: bothUntyped ? .bool : nil, addressable: false, text: text(span))
  }

  static let comparisons: Set<String> = ["==", "!=", "<", "<=", ">", ">="]

  /// A binary operator other than && and ||, on checked operands.
  func binary(_ o: String, _ a: Operand, _ b: Operand, _ span: Span) throws -> Operand {
    if o == "<<" || o == ">>" { return try shift(o, a, b, span) }
    let isComparison = Self.comparisons.contains(o)
    // Both untyped constants: fold exactly.
    if let ua = a.untyped, let ub = b.untyped, let x = a.constant, let y = b.constant {
      let kind = UntypedKind.larger(ua, ub)
      if (ua == .string) != (ub == .string) || (ua == .bool) != (ub == .bool) {
        throw fail(.typeError("invalid operation: \(syntaxText(span)) (mismatched types \(ua.description) and \(ub.description))"), at: span)
      }
      var (cx, cy) = (x, y)
      if kind == .float, let dx = x.asDouble, let dy = y.asDouble { (cx, cy) = (.float(dx, exact: x.exact), .float(dy, exact: y.exact)) }
      if o == "/" && kind != .float, case .int = cx, case .int = cy {} else if o == "%" && kind == .float {
        throw fail(.typeError("invalid operation: operator % not defined on \(a.goText) (\(describe(a)))"), at: span)
      }
      if (o == "/" || o == "%"), cy == .int(0) || cy == .float(0) {
        throw fail(.typeError("invalid operation: division by zero"), at: b.expr.span)
      }
      let folded = try fold(o, cx, cy, span)
      return constant(folded, isComparison ? .bool : kind, span)
    }
    // One untyped operand takes the other's type.
    var x = a
    var y = b
    if x.untyped != nil && y.untyped == nil {
      x = try converted(x, to: y.type, o, span, untypedOnLeft: true)
    } else if y.untyped != nil && x.untyped == nil {
      y = try converted(y, to: x.type, o, span, untypedOnLeft: false)
    } else if x.untyped == .nilValue || y.untyped == .nilValue {
      // nil == nil.
      throw fail(.typeError("invalid operation: \(syntaxText(span)) (operator \(o) not defined on nil)"), at: span)
    } else if x.untyped == .bool && y.untyped == .bool {
      x = value(try assign(x, to: .bool, "operand"))
      y = value(try assign(y, to: .bool, "operand"))
    } else if x.untyped != nil && y.untyped != nil {
      // An untyped bool value and an untyped constant of another kind.
      throw fail(.typeError("invalid operation: \(syntaxText(span)) (mismatched types \(x.untyped!.description) and \(y.untyped!.description))"), at: span)
    }
    if isComparison, x.type.isInterface, y.type.isInterface, !x.type.identical(y.type) {
      // Two interfaces: one converts to the other's type when it implements it.
      if missingMethod(y.type, x.type) == nil { y = value(boxed(y.expr, x.type)) }
      else if missingMethod(x.type, y.type) == nil { x = value(boxed(x.expr, y.type)) }
    } else if isComparison, let (xe, xd) = x.type.chanInfo, let (ye, yd) = y.type.chanInfo, xd != yd,
      xe.identical(ye), xd == .both || yd == .both, x.type.name == nil || y.type.name == nil
    {
      // A bidirectional channel compares with a directional one of its element type: it is
      // assignable to it (types2 comparison; context.go's `done == closedchan`).
      if xd == .both {
        x = value(TypedExpr(.conversion(x.expr), y.type, x.expr.span))
      } else {
        y = value(TypedExpr(.conversion(y.expr), x.type, y.expr.span))
      }
    } else if isComparison, x.type.isInterface != y.type.isInterface {
      // A comparison of an interface with a concrete value converts the value (types2
      // comparison: assignable either way; walk/compare.go compares the dynamic type and value).
      if x.type.isInterface, missingMethod(y.type, x.type) == nil { y = value(boxed(y.expr, x.type)) }
      else if y.type.isInterface, missingMethod(x.type, y.type) == nil { x = value(boxed(x.expr, y.type)) }
    }
    let t = x.type
    guard t.identical(y.type) else {
      throw fail(.typeError("invalid operation: \(syntaxText(span)) (mismatched types \(t) and \(y.type))"), at: span)
    }
    // The operator must be defined on the type.
    if isComparison {
      let nilComparison = x.untyped == .nilValue || y.untyped == .nilValue || x.expr.kind.isNil || y.expr.kind.isNil
      if o == "==" || o == "!=" {
        if t.isSlice && !nilComparison {
          throw fail(.typeError("invalid operation: \(syntaxText(span)) (slice can only be compared to nil)"), at: span)
        }
        if t.isMap && !nilComparison {
          throw fail(.typeError("invalid operation: \(syntaxText(span)) (map can only be compared to nil)"), at: span)
        }
        if case .function = t.kind, !nilComparison {
          throw fail(.typeError("invalid operation: \(syntaxText(span)) (func can only be compared to nil)"), at: span)
        }
        if !t.isComparable && !t.isSlice && !t.isMap && !t.isFunction {
          throw fail(.typeError("invalid operation: \(syntaxText(span)) (\(t) cannot be compared)"), at: span)
        }
      } else if t.isMap || t.isFunction {
        throw fail(.typeError("invalid operation: \(syntaxText(span)) (operator \(o) not defined on \(t.isMap ? "map" : "func"))"), at: span)
      } else if !t.isOrdered {
        throw fail(.typeError("invalid operation: \(syntaxText(span)) (operator \(o) not defined on \(x.goText) (\(describe(x))))"), at: span)
      }
    } else {
      let defined: Bool
      switch o {
      case "+": defined = t.isNumeric || t.isString
      case "-", "*", "/": defined = t.isNumeric
      case "%", "&", "|", "^", "&^": defined = t.isInteger
      default: defined = false
      }
      guard defined else {
        throw fail(.typeError("invalid operation: operator \(o) not defined on \(x.goText) (\(describe(x)))"), at: span)
      }
      if (o == "/" || o == "%"), let c = y.constant, c == .int(0) || c == .float(0), t.isInteger || x.constant != nil {
        throw fail(.typeError("invalid operation: division by zero"), at: y.expr.span)
      }
    }
    // Two typed constants fold exactly and must fit their type.
    if let cx = x.constant, let cy = y.constant {
      let folded = try fold(o, cx, cy, span)
      if isComparison { return constant(folded, .bool, span) }
      if t.isInteger, case .int(let v) = folded, !ConstantMath.representable(v, in: t) {
        throw fail(.typeError("\(syntaxText(span)) (constant \(v) of type \(t)) overflows \(t)"), at: span)
      }
      // A typed float constant is rounded to its type (go/types roundFloat64/32): its exact
      // value goes.
      if t.isFloat, case .float(let f, _) = folded {
        return value(TypedExpr(.constant(.float(t.size == 4 ? Double(Float(f)) : f)), t, span))
      }
      return value(TypedExpr(.constant(folded), t, span))
    }
    let node = TypedExpr(.binary(o, x.expr, y.expr), isComparison ? .bool : t, span)
    if t.isString && o == "+" {
      // One concatenation, however many operands: Go's typecheck folds `a + b + c` (and
      // `a + (b + c)`) into one OADDSTR, one runtime.concatstrings call, one allocation. An
      // operand that is itself a concatenation gives up its site.
      for operand in [x.expr, y.expr] {
        if case .binary("+", _, _) = operand.kind, operand.type.isString, let inner = operand.site {
          function.sites.removeAll { $0 === inner }
          operand.site = nil
        }
      }
      // -m prints it in the compiler's spacing: `labels[i] + ":"` (gofmt writes `labels[i]+":"`).
      let site = AllocationSite(kind: .concatenation, span: span, type: .uint8, text: concatenationText(node))
      // Its result fits the caller's 32-byte tmpBuf when it does not escape (string.go).
      site.constantCount = 32
      // -m reports it at the (last) `+`: the OADDSTR node keeps the outermost operation's
      // position.
      site.reportAt = operatorOffset("+", from: x.expr.span.end, to: y.expr.span.start)
      function.sites.append(site)
      node.site = site
    }
    return Operand(expr: node, untyped: isComparison ? .bool : nil, addressable: false, text: text(span))
  }

  /// A concatenation as -m prints it: as written, but an operand that is a package call Go
  /// inlines is its result variable (`a + ~r0` for `a + strconv.Itoa(x)`, Go 1.19's `~R0`:
  /// Tests/Recordings/runs/generics).
  private func concatenationText(_ e: TypedExpr) -> String {
    let go120 = profile.version >= GoVersion(1, 20)
    func inlinedCall(_ x: TypedExpr) -> Bool {
      if case .builtin(let b, _, _) = x.kind { return b.packageInlining(go127: go120) != nil }
      return false
    }
    func hasInlinedOperand(_ x: TypedExpr) -> Bool {
      if case .binary("+", let a, let b) = x.kind, x.type.isString { return hasInlinedOperand(a) || hasInlinedOperand(b) }
      return inlinedCall(x)
    }
    func text(_ x: TypedExpr) -> String {
      if case .binary("+", let a, let b) = x.kind, x.type.isString, x.constant == nil { return text(a) + " + " + text(b) }
      if inlinedCall(x) { return go120 ? "~r0" : "~R0" }
      return irExpressionText(goText(x.span, literal: false))
    }
    return hasInlinedOperand(e) ? text(e) : irExpressionText(goText(e.span, literal: false))
  }

  /// An untyped operand converted to the other operand's type (Go's implicit conversion).
  private func converted(_ op: Operand, to t: GoType, _ o: String, _ span: Span, untypedOnLeft: Bool) throws -> Operand {
    func mismatch(_ u: String) -> CheckFailure {
      let (l, r) = untypedOnLeft ? (u, "\(t)") : ("\(t)", u)
      return fail(.typeError("invalid operation: \(syntaxText(span)) (mismatched types \(l) and \(r))"), at: span)
    }
    if op.untyped == .nilValue {
      guard t.isNilable else { throw mismatch("untyped nil") }
      return value(TypedExpr(.nilValue, t, op.expr.span))
    }
    if t.isInterface, let u = op.untyped, Self.comparisons.contains(o) {
      // `x == 42` of an interface x: the constant takes its default type, then is converted.
      let typed = try defaultTyped(op, "comparison")
      guard missingMethod(typed.type, t) == nil else { throw mismatch(u.description) }
      return value(boxed(typed, t))
    }
    if op.untyped == .bool && op.constant == nil {
      guard t.isBool else { throw mismatch("untyped bool") }
      op.expr.type = t
      return value(op.expr)
    }
    guard let c = op.constant, let u = op.untyped else { return op }
    guard u.canBecome(t) else { throw mismatch(u.description) }
    if t.isInteger, c.exactInteger == nil {
      throw fail(.typeError("\(op.goText) (\(describe(op))) truncated to \(t)"), at: op.expr.span)
    }
    if t.isInteger, let v = c.exactInteger, !ConstantMath.representable(v, in: t) {
      throw fail(.typeError("cannot use \(op.goText) (\(describe(op))) as \(t) value in \(Self.comparisons.contains(o) ? "comparison" : "operation") (overflows)"), at: op.expr.span)
    }
    return value(TypedExpr(.constant(try represent(c, u, op, as: t, "operation")), t, op.expr.span))
  }

  /// A constant operation, with Go's errors.
  private func fold(_ o: String, _ x: Constant, _ y: Constant, _ span: Span) throws -> Constant {
    do {
      return try ConstantMath.binary(o, x, y)
    } catch ConstantFailure.overflow {
      throw fail(.typeError("constant overflow: gcsh keeps untyped integer constants to 127 bits"), at: span)
    } catch ConstantFailure.divisionByZero {
      throw fail(.typeError("invalid operation: division by zero"), at: span)
    } catch ConstantFailure.negativeShift(let n) {
      throw fail(.typeError("invalid shift count \(n) (negative)"), at: span)
    } catch ConstantFailure.stringTooLong {
      throw fail(.typeError("constant string too long: gcsh folds string constants up to \(ConstantMath.maxStringBytes >> 20) MiB"), at: span)
    } catch {
      throw fail(.typeError("invalid operation: operator \(o) not defined on \(syntaxText(span))"), at: span)
    }
  }

  /// `x << n`, `x >> n`: n is any integer (a constant one non-negative); an untyped constant x
  /// shifted by a non-constant count takes type int.
  private func shift(_ o: String, _ a: Operand, _ b: Operand, _ span: Span) throws -> Operand {
    // The count.
    var count = b
    if count.untyped != nil, let c = count.constant {
      guard let v = c.exactInteger else {
        throw fail(.typeError("invalid shift count \(count.goText) (\(describe(count)))"), at: count.expr.span)
      }
      if v < 0 {
        throw fail(.typeError("invalid operation: negative shift count \(count.goText) (\(describe(count)))"), at: count.expr.span)
      }
      count = value(TypedExpr(.constant(.int(v)), .uint, count.expr.span))
    } else if !count.type.isInteger {
      throw fail(.typeError("invalid operation: shift count \(count.goText) (\(describe(count))) must be integer"), at: count.expr.span)
    } else if let c = count.constant, let v = c.exactInteger, v < 0 {
      throw fail(.typeError("invalid operation: negative shift count \(count.goText) (\(describe(count)))"), at: count.expr.span)
    }
    // Constant shifts fold.
    if let x = a.constant, let n = count.constant?.exactInteger {
      guard let v = x.exactInteger, a.untyped != nil || a.type.isInteger else {
        throw fail(.typeError("invalid operation: shifted operand \(a.goText) (\(describe(a))) must be integer"), at: a.expr.span)
      }
      let folded = try fold(o, .int(v), .int(n), span)
      if a.untyped != nil { return constant(folded, a.untyped == .float ? .int : a.untyped!, span) }
      if case .int(let r) = folded, !ConstantMath.representable(r, in: a.type) {
        throw fail(.typeError("\(syntaxText(span)) (constant \(r) of type \(a.type)) overflows \(a.type)"), at: span)
      }
      return value(TypedExpr(.constant(folded), a.type, span))
    }
    var x = a
    if x.untyped != nil {
      x = value(try assign(x, to: .int, "shift"))
    }
    guard x.type.isInteger else {
      throw fail(.typeError("invalid operation: shifted operand \(x.goText) (\(describe(x))) must be integer"), at: x.expr.span)
    }
    return value(TypedExpr(.shift(o, x.expr, count.expr), x.type, span))
  }

  // MARK: Selectors, indexes, slices

  /// `pkg.name` (`p` the package's key) that names nothing gcsh has. If the profile's Go
  /// exports it (GoAPI, from the Go sources), it is a construct gcsh lacks, named; otherwise it
  /// is Go's `undefined: pkg.name`, which types2 reports at the selector (`errors.Join` at
  /// `Join`, `sync.Mutexx` at `Mutexx`; Go 1.19.8 as well).
  func missingMember(_ pkg: String, _ p: String, _ name: String, at span: Span) -> CheckFailure {
    if let path = Packages.known[p], GoAPI.has(path, name, in: profile.version) {
      return fail(.notSupported("\(pkg).\(name)", plural: false), at: span)
    }
    return fail(.typeError("undefined: \(pkg).\(name)"), at: Span(max(span.start, span.end - name.utf8.count), span.end))
  }

  /// `pkg.Name`, `x.f` (through a pointer too: `p.f` is `(*p).f`).
  private func selector(_ base: Expr, _ name: String, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    if case .identifier(let pkg) = base.kind, case .package(let p)? = scope.lookup(pkg) {
      switch try packageMember(p, name, at: span) {
      case .libraryFunction(let f)?: return functionValue(f.function, span)
      case .libraryGenericFunction(let g)?: return try genericFunctionValue(g.generic, explicit: [], scope, span)
      case .libraryVariable(let v)?:
        var op = value(TypedExpr(.variable(v.variable), v.variable.type, span), addressable: true)
        op.isVariable = true
        return op
      case .constant(let c, let t)?: return value(TypedExpr(.constant(c), t, span))
      case .untypedConstant(let c, let kind)?: return constant(c, kind, span)
      case .type(let t)?: throw fail(.typeError("\(t) (type) is not an expression"), at: span)
      case .libraryGenericType(let g)?: throw genericTypeWithoutInstantiation(g.generic, "\(pkg).\(name)", at: span)
      case .variable(let b, let t)?: return value(TypedExpr(.builtin(b, [], spread: false), t, span))
      case .function(let b)?:
        if let f = try packageFunctionValue(b, pkg: pkg, name: name, scope, span) { return f }
        throw fail(.notSupported("function values (\(pkg).\(name) used without a call)", plural: true), at: span)
      case .atomicFunction?:
        throw fail(.notSupported("function values (\(pkg).\(name) used without a call)", plural: true), at: span)
      case .unsupported(let what)?: throw fail(.notSupported(what, plural: false), at: span)
      case .missing(let f)?: throw featureMissing(f, span)
      // types2 reports an undefined qualified name at its selector (`errors.Join` at `Join`).
      case nil: throw missingMember(pkg, p, name, at: span)
      }
    }
    // `pkg.Var.M` is a method value of a package variable (`os.Stdout.Write`), not a method
    // expression: only a package's type is tried as one (a failed try would report its error).
    var mayBeType = true
    if case .selector(let b, let n) = base.kind, case .identifier(let pk) = b.kind, case .package(let pp)? = scope.lookup(pk) {
      switch try? packageMember(pp, n, at: base.span) {
      case .type?, .libraryGenericType?: break
      default: mayBeType = false
      }
    }
    if mayBeType, let t = try? typeNamed(base, scope) {
      if let m = try methodExpression(t, name, scope, span) { return m }
      let at = Span(max(span.start, span.end - name.utf8.count), span.end)
      throw fail(.typeError("\(syntaxText(span)) undefined (type \(t) has no method \(name))"), at: at)
    }
    // A field or method promoted from an embedded field selects through it (Checker+Embedding).
    let x = try promotedOperand(try expression(base, scope), name, span)
    var structValue = x.expr
    var addressable = x.addressable
    if let p = x.type.pointee, p.isStruct {
      structValue = TypedExpr(.deref(x.expr), p, x.expr.span)
      addressable = true
    }
    let packageType = isForeign(structValue.type)
    guard let fields = structValue.type.structFields, let k = fields.firstIndex(where: { $0.name == name }),
      !packageType || name.first?.isUppercase == true
    else {
      if let m = try methodValue(x, name, scope, span) { return m }
      let at = Span(max(span.start, span.end - name.utf8.count), span.end)
      if name == "Value", WeakPackage.element(of: structValue.type) != nil {
        throw fail(.notSupported("weak.Pointer's Value as a method value (call it: \(text(span))())", plural: false), at: at)
      }
      if packageType, structValue.type.structFields?.contains(where: { $0.name == name }) == true {
        throw fail(.typeError("\(syntaxText(span)) undefined (cannot refer to unexported field \(name))"), at: at)
      }
      if (x.type.pointee ?? x.type).name == "os.File", Library.osFileMethods.contains(name) {
        throw fail(.notSupported("(*os.File).\(name)", plural: false), at: at)
      }
      throw fail(.typeError("\(syntaxText(span)) undefined (\(missingMember(x.type, name)))"), at: at)
    }
    return value(TypedExpr(.field(structValue, k), fields[k].type, span), addressable: addressable)
  }

  /// `x[i]` of a slice, an array (or a pointer to one) or a string.
  private func indexExpression(_ base: Expr, _ index: Expr, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    let x = try expression(base, scope)
    if x.type.isMap && x.untyped == nil { return try mapIndex(x, index, scope, span) }
    let i = try expression(index, scope)
    var t = x.type
    var b = x.expr
    var addressable = x.addressable
    if let p = t.pointee, p.isArray {
      b = TypedExpr(.deref(x.expr), p, x.expr.span)
      t = p
      addressable = true
    }
    if x.untyped == .string { b = try assign(x, to: .string, "index") ; t = .string }
    let length: Int?
    let elem: GoType
    if let e = t.sliceElement {
      elem = e
      length = nil
      addressable = true
    } else if let (e, n) = t.arrayInfo {
      elem = e
      length = n
    } else if t.isString {
      elem = .uint8
      length = x.constant.flatMap { if case .string(let s) = $0 { return StringConstantBytes.count(s) }; return nil }
      addressable = false
    } else {
      throw fail(.typeError("invalid operation: cannot index \(x.goText) (\(describe(x)))"), at: span)
    }
    let ti = try integerOperand(i, "index")
    if let n = length, let c = ti.constant, let v = c.exactInteger, v >= n {
      throw fail(.typeError("invalid argument: index \(v) out of bounds [0:\(n)]"), at: index.span)
    }
    // A constant string indexed by a constant is a constant byte.
    if case .string(let s)? = x.constant, let v = ti.constant?.exactInteger {
      return value(TypedExpr(.constant(.int(Int128(StringConstantBytes.bytes(s)[Int(v)]))), .uint8, span))
    }
    return value(TypedExpr(.index(b, ti), elem, span), addressable: addressable)
  }

  /// `x[lo:hi:max]` of a slice, a string, or an addressable array (or a pointer to one).
  private func sliceExpression(
    _ base: Expr, _ lo: Expr?, _ hi: Expr?, _ mx: Expr?, _ scope: LexicalScope, _ span: Span
  ) throws -> Operand {
    var x = try expression(base, scope)
    if x.untyped == .string { x = value(try assign(x, to: .string, "slice expression")) }
    let t = x.type
    var b = x.expr
    let result: GoType
    var length: Int? = nil
    if t.isSlice {
      result = t
    } else if t.isString {
      if let mx { throw fail(.typeError("invalid operation: 3-index slice of string"), at: mx.span) }
      result = t
    } else if let p = t.pointee, let (e, n) = p.arrayInfo {
      result = .slice(of: e)
      length = n
    } else if let (e, n) = t.arrayInfo {
      guard x.addressable else {
        throw fail(.typeError("invalid operation: \(x.goText) (slice of unaddressable value)"), at: span)
      }
      markAddressTaken(x.expr)
      b = TypedExpr(.addressOf(x.expr), .pointer(to: t), x.expr.span)
      result = .slice(of: e)
      length = n
    } else {
      throw fail(.typeError("cannot slice \(x.goText) (\(describe(x)))"), at: span)
    }
    let bounds = try [lo, hi, mx].map { e -> TypedExpr? in
      guard let e else { return nil }
      return try integerOperand(try expression(e, scope), "index")
    }
    // Constant bounds must be ordered and within an array's length.
    var previous: Int128 = 0
    for b in bounds {
      guard let b, let c = b.constant?.exactInteger else { continue }
      if c < previous { throw fail(.typeError("invalid slice indices: \(c) < \(previous)"), at: b.span) }
      if let n = length, c > n { throw fail(.typeError("invalid argument: index \(c) out of bounds [0:\(n + 1)]"), at: b.span) }
      previous = c
    }
    return value(TypedExpr(.slice(b, bounds[0], bounds[1], bounds[2]), result, span))
  }

  /// A duration literal's nanoseconds; nil when the text is no duration or one past int64
  /// (durationLiteral tells the two apart).
  func parseDurationLiteral(_ s: String) -> Int64? {
    if case .value(let ns) = durationLiteral(s) { return ns }
    return nil
  }

  enum DurationLiteral: Equatable { case value(Int64), outOfRange, malformed }

  /// A duration literal in Go's time.ParseDuration syntax (`300ms`, `1.5h`, `2h45m`, `1µs`),
  /// computed exactly as ParseDuration computes its integer parts: `2562047h` is as valid as
  /// in Go, and the longest is 2562047h47m16.854775807s.
  func durationLiteral(_ s: String) -> DurationLiteral {
    let units: [(String, Int128)] = [
      ("ns", 1), ("us", 1_000), ("µs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
      ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ]
    let limit = Int128(Int64.max)
    var rest = Substring(s)
    var total: Int128 = 0
    var any = false
    while !rest.isEmpty {
      let whole = rest.prefix { $0.isASCII && $0.isNumber }
      rest = rest.dropFirst(whole.count)
      var fraction = Substring("")
      if rest.first == "." {
        rest = rest.dropFirst()
        fraction = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(fraction.count)
      }
      guard !whole.isEmpty || !fraction.isEmpty else { return .malformed }
      let unit = rest.prefix { !($0.isASCII && $0.isNumber) && $0 != "." }
      guard let u = units.first(where: { $0.0 == unit })?.1 else { return .malformed }
      rest = rest.dropFirst(unit.count)
      // The whole part, saturating once it is past any valid duration.
      var v: Int128 = 0
      for d in whole.utf8 {
        v = min(v * 10 + Int128(d - 48), limit + 1)
      }
      var ns = min(v * u, limit + 1)
      // The fraction's digits, as far as they can change a nanosecond.
      var numerator: Int128 = 0
      var scale: Int128 = 1
      for d in fraction.utf8.prefix(20) {
        numerator = numerator * 10 + Int128(d - 48)
        scale *= 10
      }
      ns += numerator * u / scale
      total += ns
      if total > limit { return .outOfRange }
      any = true
    }
    return any ? .value(Int64(total)) : .malformed
  }

}

extension TypedExpr.Kind {
  var isNil: Bool {
    if case .nilValue = self { return true }
    return false
  }
}
