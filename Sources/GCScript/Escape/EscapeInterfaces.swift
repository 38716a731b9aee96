// Escape analysis of interface values (escape/expr.go OCONVIFACE, ODOTTYPE; call.go's
// OCALLINTER is in `expression`'s `.interfaceMethod` case): where a boxed value's storage lives,
// and how values flow into and out of interfaces.

import GoHeap

extension Batch {
  /// OCONVIFACE: a value that is not pointer-shaped is spilled to a box (expr.go: `k =
  /// e.spill(k, n)`) whose content is the value — `x escapes to heap` when the interface does,
  /// `x does not escape` otherwise; a pointer-shaped value is the data word itself and flows on.
  /// dataWord's decision (Escape/InterfaceConversion.swift) is taken here, with Go 1.25+'s
  /// constant rewrite asked of the oracle, as for fmt's operands.
  func interfaceConversion(_ k: Hole, _ e: TypedExpr, _ x: TypedExpr) {
    guard let site = e.site else { return expression(k, x) }
    var rewritten: Constant? = nil
    var readOnly = false
    if analysis.compiler.rewritesMakeSizes, x.constant == nil {
      let value: TypedExpr
      if case .variable(let v) = x.kind, v.storage == .captured {
        // A captured variable is defined in the outermost enclosing function.
        var root = function
        while let outer = root.outer { root = outer }
        value = ReassignOracle(root.body).staticValue(x)
      } else {
        if oracle == nil { oracle = ReassignOracle(function.body) }
        value = oracle!.staticValue(x)
      }
      rewritten = value.constant
      readOnly = InterfaceConversion.isStaticCompositeLiteral(value)
    }
    e.interfaceConversion = InterfaceConversion.of(x, staticConstant: rewritten != nil || readOnly, analysis.compiler)
    if !analysis.compiler.reportsOperandPositions, let at = site.statementStart { site.reportAt = at }
    // A call's argument is named and placed as an operand of fmt's is (convertToInterfaces):
    // Go 1.25+'s rewritten constant by its value, an inlined call by its result (`~r0`); in
    // Go 1.19.8 at the operand's node, a name at the last argument before it that is not one,
    // else at the call's `(` (`sink(i)`, checked with go build -gcflags=-m).
    if let argument = site.argument, site.reportAt == nil, inlinedAt == nil, function.library == nil {
      site.text = operandText(x, rewritten: rewritten)
      if !analysis.compiler.reportsOperandPositions {
        site.reportAt = isName(x) ? argument.before.last(where: { !isName($0) }).map(nodePosition) ?? argument.lparen : nodePosition(x)
      }
    }
    // Go 1.20+'s implicit conversion has its operand's position: a call's `(`, an operator
    // (`pool.Put(make([]byte, 10))`: `make([]byte, 10) escapes to heap` at make's `(`,
    // runs/syncpool).
    if analysis.compiler.reportsOperandPositions, site.reportAt == nil { site.reportAt = nodePosition(x) }
    expression(spill(k, site), x)
  }

  /// ODOTTYPE (expr.go: `e.expr(k.dotType(n.Type(), n, "dot"), n.X)`): the asserted value comes
  /// out of the interface — a copy of the box's content (one dereference) unless it is
  /// pointer-shaped; a type switch's test reads only the type word.
  func typeAssertion(_ k: Hole, _ x: TypedExpr, _ t: GoType?, _ mode: TypeAssertMode) {
    guard mode != .test, let t else { return expression(discard, x) }
    if t.isInterface || InterfaceConversion.isDirectIface(t, analysis.compiler.directInterface) {
      expression(k, x)
    } else {
      expression(k.deref(), x)
    }
  }

  /// errors.New (inlined: `&errorString{text}` is an allocation of the caller whose content is
  /// the string), fmt.Errorf (not inlined: its arguments are `...any` that leak, as Sprintf's;
  /// the error it returns is made inside it, on the heap) and recover (nothing flows in).
  func errorBuiltin(_ k: Hole, _ b: Builtin, _ args: [TypedExpr], _ e: TypedExpr) {
    switch b {
    case .errorsNew:
      guard let site = e.site else { return }
      expression(spill(k, site), args[0])
    case .fmtErrorf where e.isSpread:
      for a in args { expression(heapHole.deref().noting("passed to fmt.Errorf, whose arguments (interface values) escape"), a) }
      if let site = e.site { _ = spill(k, site) }
    case .fmtErrorf:
      for a in args { expression(heapHole.noting("passed to fmt.Errorf, whose arguments (interface values) escape"), a) }
      convertToInterfaces(e, args.dropFirst(), all: args)
      // Go 1.26+: the inlined errors.New(format)'s errorString is the result.
      if let site = e.site { _ = spill(k, site) }
    case .errorsIs, .errorsAs:
      // errors/wrap.go: both are walked with calls of their methods through interfaces (Is,
      // As, Unwrap: unknown callees), so both leak — a value converted to error for them
      // escapes (`TempErr{...} escapes to heap`), and As's target with what it points to
      // (`moved to heap: qe`; recorded: runs/errorswrap).
      for a in args { expression(heapHole.noting("passed to \(b.rawValue), which calls its methods through interfaces"), a) }
    case .errorsJoin:
      // errors/join.go (Go 1.20+), inlined: the non-nil errors are appended to the []error it
      // makes and kept by the *joinError it returns, so their values go to the heap; the
      // `...` slice itself is only read. Go's -m, at the call: the slice, the make, the
      // composite and the append (runs/errorsjoin). gcsh keeps the joinError and its slice on
      // the heap however the result is used.
      let kept = heapHole.noting("appended by errors.Join to the []error it makes")
      for a in args { expression(e.isSpread ? kept.deref() : kept, a) }
      if let site = e.site { _ = spill(k, site) }
      if inlinedAt == nil {
        let at = operatorOffset(after: e.span.start, UInt8(ascii: "("))
        if !e.isSpread && !args.isEmpty { analysis.report(at, "... argument does not escape") }
        analysis.report(at, "make([]error, 0, errors.n) escapes to heap")
        analysis.report(at, "append escapes to heap")
      }
    case .errorsUnwrap:
      // Inlined: `u.Unwrap()` through an interface — the receiver leaks.
      expression(heapHole.noting("passed to errors.Unwrap, which calls its Unwrap through an interface"), args[0])
    default:
      for a in args { expression(discard, a) }
    }
  }
}
