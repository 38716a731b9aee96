// Evaluation order within an expression, as Go's compiler has it (cmd/compile/internal/walk/
// order.go, the same in Go 1.19.8 and 1.27.3).
//
// The spec fixes the order of calls, method calls and channel operations in an expression (left
// to right) and leaves the rest unspecified. gc's order pass makes it concrete: it walks the
// operands of a call, an operator or a literal left to right, and copies into a temporary each
// one that calls something (OCALLFUNC, OCALLINTER, an inlined body's statements, append, a
// receive) — and each value a runtime conversion to an interface must take by address
// (convT: a struct or array; walk/convert.go dataWordFuncName) — while a plain operand (a
// variable, a field, an index, a dereference, a constant) stays in the expression and is read
// only when the expression itself runs, after every call in it. So
//
//	x := 1
//	f := func() int { x++; return x }
//	fmt.Println(x, f())   // 2 2: x is read after f ran
//	fmt.Println(x + f())  // 6
//
// gcsh's lowering evaluates a call's arguments, a builtin's operands and a binary operator's two
// sides in that order: the operands that call come first, into the slots that hold them until
// the call, then the rest.

import GoHeap

extension TypedExpr {
  /// Whether evaluating the expression may run code — a function, a function value, a method
  /// through an interface, an inlined body, statements spilled before it, or a package function
  /// or builtin that is a call in Go (fmt's, append, a receive ...) — that could write what a
  /// plain operand reads. len, cap, min, max and the conversions are not calls.
  var callsSomething: Bool {
    if let memo = callsSomethingMemo { return memo }
    let calls = computeCallsSomething()
    callsSomethingMemo = calls
    return calls
  }

  private func computeCallsSomething() -> Bool {
    switch kind {
    case .call, .callValue, .inlinedCall, .initialized: return true
    case .builtin(let b, let args, _):
      switch b {
      case .len, .cap, .min, .max: return args.contains { $0.callsSomething }
      default: return true
      }
    default:
      var found = false
      forEachChild { if !found { found = $0.callsSomething } }
      return found
    }
  }
}

extension Lowerer {
  /// The indexes of `operands` in the order Go's compiler evaluates them: those that call
  /// something, or are converted to an interface through their address (an explicit
  /// conversion, or a fmt operand the builtin boxes: its `interfaceConversion`), first, left to
  /// right; then the plain ones, left to right.
  func goOrder(_ operands: [TypedExpr]) -> [Int] {
    let first = operands.indices.filter { evaluatedEarly(operands[$0]) }
    guard !first.isEmpty, first.count < operands.count else { return Array(operands.indices) }
    return first + operands.indices.filter { !evaluatedEarly(operands[$0]) }
  }

  /// Whether order.go evaluates the operand where it stands rather than when its expression
  /// runs: a call, anything order.go copies into a temporary (copyExpr, cheapExpr: len, cap,
  /// min, max, new, make, a slice expression, a string converted to bytes or runes, a type
  /// assertion to a type that is not pointer-shaped, && and ||), or a value converted to an
  /// interface through its address that addrTemp copies.
  func evaluatedEarly(_ e: TypedExpr) -> Bool {
    if e.callsSomething || Self.copiedByOrder(e, session.compiler.directInterface) { return true }
    let ssaOnly = session.compiler.copiesOnlySSAableOperands
    if e.interfaceConversion != nil, !e.type.isInterface, Self.convertsThroughAddress(e.type, session.compiler.directInterface),
      Self.copiedForAddress(e, ssaOnly: ssaOnly)
    {
      return true
    }
    if case .conversion(let x) = e.kind, e.type.isInterface, !x.type.isInterface, Self.convertsThroughAddress(x.type, session.compiler.directInterface),
      Self.copiedForAddress(x, ssaOnly: ssaOnly)
    {
      return true
    }
    return false
  }

  /// order.go's expr1 cases that end in copyExpr or cheapExpr when the value is an operand.
  private static func copiedByOrder(_ e: TypedExpr, _ rule: DirectInterfaceRule) -> Bool {
    switch e.kind {
    case .builtin(.len, _, _), .builtin(.cap, _, _), .builtin(.min, _, _), .builtin(.max, _, _):
      return true
    case .new, .makeSlice, .makeMap, .slice, .logical: return true
    case .typeAssert(_, let t, _): return !InterfaceConversion.isDirectIface(t ?? e.type, rule)
    case .conversion(let x): return x.type.isString && e.type.isSlice
    default: return false
    }
  }

  /// addrTemp (order.go): a value the conversion takes by address is copied where it stands
  /// unless it is addressable already — a global, a dereference, a field or element through a
  /// pointer, and (Go 1.22+, `ssaOnly`) a local whose address is taken or that is too large to
  /// live in registers (ssa.CanSSA: up to 4 words, no array of more than one element); before
  /// Go 1.22 a local variable itself is always copied and its fields and elements are read in
  /// place — which is then read when the conversion runs.
  private static func copiedForAddress(_ x: TypedExpr, ssaOnly: Bool) -> Bool {
    func root(_ e: TypedExpr) -> TypedExpr? {
      switch e.kind {
      case .variable: return e
      case .field(let b, _): return b.isDereference ? nil : root(b)
      case .index(let b, _): return b.type.isArray ? root(b) : nil
      case .deref: return nil
      default: return nil
      }
    }
    if !ssaOnly {
      switch x.kind {
      case .variable(let v): return v.storage != .global
      case .field, .index, .deref: return false
      default: return true
      }
    }
    switch x.kind {
    case .variable, .field, .index, .deref:
      guard let r = root(x), case .variable(let v) = r.kind, v.storage != .global else { return false }
      // Inside a closure, a variable captured by reference is reached through its address.
      if v.isCapturedByReference { return false }
      // `&v` makes it address-taken (Addrtaken); a capture by reference alone does not keep
      // the enclosing function from copying it (runs/evalorder: `fmt.Println(p, h(), p)`).
      if v.addressTaken && !v.byReference { return false }
      return canSSA(v.type)
    default:
      return true
    }
  }

  /// ssa.CanSSA for a variable's type: at most 4 words, an array of at most one element, a
  /// struct of at most 4 fields whose types can be.
  private static func canSSA(_ t: GoType) -> Bool {
    if t.size > 32 { return false }
    if let a = t.arrayInfo { return a.count <= 1 && canSSA(a.elem) }
    if let fs = t.structFields { return fs.count <= 4 && fs.allSatisfy { canSSA($0.type) } }
    return true
  }

  /// A composite literal's elements that order.go evaluates before the literal is built (its
  /// array or object allocated, its plain elements read): each into a temporary of the
  /// enclosing scope, by the element's position. Empty when nothing needs it.
  func preevaluated(_ elems: [(index: Int, value: TypedExpr)]) -> [Int: Int] {
    let values = elems.map(\.value)
    guard values.contains(where: evaluatedEarly), !values.allSatisfy(evaluatedEarly) else { return [:] }
    var slots: [Int: Int] = [:]
    for k in values.indices where evaluatedEarly(values[k]) { slots[k] = value(values[k]) }
    return slots
  }

  /// Whether maps with `t` keys have the runtime's fast entry points (mapfast: 4- and 8-byte
  /// integers, pointers, strings), whose key is a value, not an address order.go copies.
  static func isFastMapKey(_ t: GoType, element: GoType) -> Bool {
    // walk.go mapfast: an element over 128 bytes takes the slow path.
    if element.size > 128 { return false }
    if t.isString || t.isPointer { return true }
    return t.isInteger && (t.size == 4 || t.size == 8)
  }

  /// Whether a conversion of a `t` value to an interface hands the runtime its address
  /// (walk/convert.go dataWordFuncName: convT and convTnoptr), so that order.go copies the value
  /// where it stands (addrTemp) instead of reading it at the conversion: any value but a
  /// pointer-shaped one, one byte or none (staticuint64s, zerobase), 2-, 4- and 8-byte scalars
  /// (convT16, convT32, convT64), strings and slices (convTstring, convTslice).
  static func convertsThroughAddress(_ t: GoType, _ rule: DirectInterfaceRule) -> Bool {
    if InterfaceConversion.isDirectIface(t, rule) || t.size <= 1 || t.isString || t.isSlice { return false }
    if t.size == 2 && t.align == 2 { return false }
    if (t.size == 4 && t.align == 4 || t.size == 8 && t.align == 8) && !t.hasPointers { return false }
    return true
  }
}
