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
    let first = operands.indices.filter { Self.evaluatedEarly(operands[$0]) }
    guard !first.isEmpty, first.count < operands.count else { return Array(operands.indices) }
    return first + operands.indices.filter { !Self.evaluatedEarly(operands[$0]) }
  }

  /// Whether order.go evaluates the operand where it stands (a call, or a conversion to an
  /// interface through the value's address) rather than when its expression runs.
  static func evaluatedEarly(_ e: TypedExpr) -> Bool {
    if e.callsSomething { return true }
    if e.interfaceConversion != nil, !e.type.isInterface, convertsThroughAddress(e.type) { return true }
    if case .conversion(let x) = e.kind, e.type.isInterface, !x.type.isInterface, convertsThroughAddress(x.type) {
      return true
    }
    return false
  }

  /// A composite literal's elements that order.go evaluates before the literal is built (its
  /// array or object allocated, its plain elements read): each into a temporary of the
  /// enclosing scope, by the element's position. Empty when nothing needs it.
  func preevaluated(_ elems: [(index: Int, value: TypedExpr)]) -> [Int: Int] {
    let values = elems.map(\.value)
    guard values.contains(where: Self.evaluatedEarly), !values.allSatisfy(Self.evaluatedEarly) else { return [:] }
    var slots: [Int: Int] = [:]
    for k in values.indices where Self.evaluatedEarly(values[k]) { slots[k] = value(values[k]) }
    return slots
  }

  /// Whether maps with `t` keys have the runtime's fast entry points (mapfast: 4- and 8-byte
  /// integers, pointers, strings), whose key is a value, not an address order.go copies.
  static func isFastMapKey(_ t: GoType) -> Bool {
    if t.isString || t.isPointer { return true }
    return t.isInteger && (t.size == 4 || t.size == 8)
  }

  /// Whether a conversion of a `t` value to an interface hands the runtime its address
  /// (walk/convert.go dataWordFuncName: convT and convTnoptr), so that order.go copies the value
  /// where it stands (addrTemp) instead of reading it at the conversion: any value but a
  /// pointer-shaped one, one byte or none (staticuint64s, zerobase), 2-, 4- and 8-byte scalars
  /// (convT16, convT32, convT64), strings and slices (convTstring, convTslice).
  static func convertsThroughAddress(_ t: GoType) -> Bool {
    if InterfaceConversion.isDirectIface(t) || t.size <= 1 || t.isString || t.isSlice { return false }
    if t.size == 2 && t.align == 2 { return false }
    if (t.size == 4 && t.align == 4 || t.size == 8 && t.align == 8) && !t.hasPointers { return false }
    return true
  }
}
