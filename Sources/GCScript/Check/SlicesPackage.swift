// The slices and cmp packages (Go 1.21+), strings.Clone (Go 1.18+) and bytes.Clone (Go 1.20+).
//
// slices' functions are generic in Go (`func Clone[S ~[]E, E any](s S) S`); gcsh has no
// generics, so each call is typed here as types2 would instantiate it: S and E are inferred from
// the slice argument (the first one that is not an untyped nil), the other parameters follow
// from them, and E must satisfy the function's constraint (`comparable` for Contains, Index,
// Equal and Compact; cmp.Ordered for Sort, Max, Min, BinarySearch, IsSorted and Compare). The
// calls run natively (Run/VM+Slices.swift) with Go's algorithms and allocations.
//
// strings.Clone is written as what Go inlines it to (strings/clone.go, internal/stringslite):
// `if len(s) == 0 { return "" }; b := make([]byte, len(s)); copy(b, s); return
// unsafe.String(&b[0], len(b))` — the make is an allocation site of the caller, so a clone that
// does not escape stays in the frame when Go's escape analysis keeps it there (Go 1.25+'s
// 32-byte buffer for a make of run-time size; recorded: Tests/Recordings/runs/stringsclone).
// The make runs for "" too, and makes nothing (zerobase): the builtin returns "".

import GoHeap

extension Builtin {
  /// The members of slices and cmp gcsh has.
  static func slicesMember(_ package: String, _ name: String) -> Builtin? {
    guard package == "slices" || package == "cmp" else { return nil }
    guard let b = Builtin(rawValue: "\(package).\(name)"), b.isSlicesFunction || b == .cmpCompare || b == .cmpLess else {
      return nil
    }
    return b
  }

  /// A function of the slices package.
  var isSlicesFunction: Bool { rawValue.hasPrefix("slices.") }

  /// The constraint slices puts on E for this function.
  fileprivate var elementConstraint: ElementConstraint {
    switch self {
    case .slicesContains, .slicesIndex, .slicesEqual, .slicesCompact: return .comparable
    case .slicesSort, .slicesIsSorted, .slicesMax, .slicesMin, .slicesBinarySearch, .slicesCompare,
      .cmpCompare, .cmpLess:
      return .ordered
    default: return .any
    }
  }

  /// Whether the function writes the slice's elements in place (escape analysis: the slice is
  /// mutated).
  var slicesMutates: Bool {
    switch self {
    case .slicesInsert, .slicesDelete, .slicesDeleteFunc, .slicesReplace, .slicesCompact, .slicesCompactFunc,
      .slicesReverse, .slicesSort, .slicesSortFunc, .slicesSortStableFunc:
      return true
    default: return false
    }
  }
}

private enum ElementConstraint {
  case any, comparable, ordered
}

extension Checker {
  /// A call of a slices or cmp function, instantiated for its arguments.
  func slicesCall(_ b: Builtin, _ args: [Expr], spread: Bool, _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    let name = b.rawValue
    if b == .cmpCompare || b == .cmpLess { return try cmpCall(b, args, scope, span) }
    // The arguments that are S (two for Equal, EqualFunc and Compare), checked first: they fix E.
    let sliceArgs = [.slicesEqual, .slicesEqualFunc, .slicesCompare].contains(b) ? 2 : 1
    guard args.count >= sliceArgs else {
      throw fail(.typeError("not enough arguments in call to \(name)"), at: span)
    }
    var slices: [Operand] = []
    for a in args.prefix(sliceArgs) { slices.append(try expression(a, scope)) }
    // types2's inference: an untyped nil fixes nothing (S); an untyped constant is no slice,
    // so E is left open.
    guard let inferred = slices.first(where: { $0.untyped == nil }) else {
      let open = slices.contains { $0.untyped != .nilValue } ? "E" : "S"
      throw fail(.typeError("in call to \(name), cannot infer \(open)"), at: slices[0].expr.span)
    }
    let s = inferred.type
    guard let elem = s.sliceElement else {
      throw fail(.typeError("in call to \(name), S (type \(s)) does not satisfy ~[]E"), at: inferred.expr.span)
    }
    try satisfy(elem, b.elementConstraint, name, at: inferred.expr.span)
    if b.elementConstraint == .comparable && Self.holdsInterface(elem) {
      throw fail(.notSupported("\(name) of elements that hold interfaces", plural: false), at: inferred.expr.span)
    }
    var typed: [TypedExpr] = []
    for (k, op) in slices.enumerated() {
      // EqualFunc's two slices may differ (S1, S2); the others share S.
      let want = b == .slicesEqualFunc && k == 1 && op.untyped == nil ? op.type : s
      if want.sliceElement == nil {
        throw fail(.typeError("in call to \(name), S2 (type \(want)) does not satisfy ~[]E"), at: op.expr.span)
      }
      typed.append(try assign(op, to: want, "argument to \(name)"))
    }
    let e2 = typed.count > 1 ? typed[1].type.sliceElement ?? elem : elem
    let predicate = GoType.function(params: [elem], results: [.bool], variadic: false)
    let comparison = GoType.function(params: [elem, elem], results: [.int], variadic: false)
    // The parameters after the slice(s), and the result.
    let params: [GoType]
    var variadic = false
    let result: GoType
    switch b {
    case .slicesClone, .slicesClip, .slicesCompact: (params, result) = ([], s)
    case .slicesGrow: (params, result) = ([.int], s)
    case .slicesInsert: (params, result, variadic) = ([.int, .slice(of: elem)], s, true)
    case .slicesReplace: (params, result, variadic) = ([.int, .int, .slice(of: elem)], s, true)
    case .slicesDelete: (params, result) = ([.int, .int], s)
    case .slicesDeleteFunc: (params, result) = ([predicate], s)
    case .slicesCompactFunc:
      (params, result) = ([.function(params: [elem, elem], results: [.bool], variadic: false)], s)
    case .slicesContains: (params, result) = ([elem], .bool)
    case .slicesIndex: (params, result) = ([elem], .int)
    case .slicesContainsFunc: (params, result) = ([predicate], .bool)
    case .slicesIndexFunc: (params, result) = ([predicate], .int)
    case .slicesEqual: (params, result) = ([], .bool)
    case .slicesEqualFunc: (params, result) = ([.function(params: [elem, e2], results: [.bool], variadic: false)], .bool)
    case .slicesCompare: (params, result) = ([], .int)
    case .slicesReverse, .slicesSort: (params, result) = ([], noValueType)
    case .slicesSortFunc, .slicesSortStableFunc: (params, result) = ([comparison], noValueType)
    case .slicesIsSorted: (params, result) = ([], .bool)
    case .slicesIsSortedFunc: (params, result) = ([comparison], .bool)
    case .slicesMax, .slicesMin: (params, result) = ([], elem)
    case .slicesMaxFunc, .slicesMinFunc: (params, result) = ([comparison], elem)
    case .slicesBinarySearch: (params, result) = ([elem], tupleType([.int, .bool]))
    default: throw fail(.typeError("undefined: \(name)"), at: span)
    }
    if spread && !variadic {
      throw fail(.typeError("cannot use ... in call to non-variadic \(name)"), at: span)
    }
    let (rest, spill) = try arguments(
      params: params, variadic: variadic, Array(args.dropFirst(sliceArgs)), spread, scope, span, name: name)
    typed += rest
    var node = TypedExpr(.builtin(b, typed, spread: spread), result, span)
    if [.slicesClone, .slicesGrow, .slicesDelete].contains(b) {
      node.site = inlinedAppendSite(elem, literal: b == .slicesClone ? goShapeName(s) + "{}" : nil, span)
    }
    if let spill { node = TypedExpr(.initialized([spill], node), result, span) }
    return node
  }

  /// The `append` inside an inlined Clone, Grow or Delete (slices.go), as -m reports it at the
  /// call: `append escapes to heap` when the result does (`does not escape` else; the array
  /// growslice makes is the heap's either way), and Clone's `go.shape.[]int{}` beside it.
  func inlinedAppendSite(_ elem: GoType, literal: String?, _ span: Span) -> AllocationSite {
    let site = AllocationSite(kind: .append, span: span, type: elem, text: "append")
    site.reportAt = openParen(span.start)
    if let literal { site.alsoReportedAs = [literal] }
    function.sites.append(site)
    return site
  }

  /// cmp.Compare(x, y T) int and cmp.Less(x, y T) bool: T from the typed operand (both untyped:
  /// their default type), cmp.Ordered.
  private func cmpCall(_ b: Builtin, _ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    try arity(b.rawValue, args, want: ["T", "T"], scope, span)
    let x = try expression(args[0], scope)
    let y = try expression(args[1], scope)
    let t: GoType
    if let typed = [x, y].first(where: { $0.untyped == nil }) {
      t = typed.type
    } else {
      // Two untyped constants: the default type of the larger kind (`cmp.Compare(1, 'a')` is
      // of rune), as for min and max.
      t = UntypedKind.larger(x.untyped ?? .int, y.untyped ?? .int).defaultType
    }
    try satisfy(t, .ordered, b.rawValue, at: args[0].span)
    let operands = [try assign(x, to: t, "argument to \(b.rawValue)"), try assign(y, to: t, "argument to \(b.rawValue)")]
    return TypedExpr(.builtin(b, operands, spread: false), b == .cmpLess ? .bool : .int, span)
  }

  /// Whether comparing values of `t` compares interfaces (in it or in its fields or elements):
  /// gcsh's == of elements in memory does not compare dynamic values yet.
  static func holdsInterface(_ t: GoType) -> Bool {
    switch t.kind {
    case .interface: return true
    case .array(let e, _): return holdsInterface(e)
    case .structure(let fs): return fs.contains { holdsInterface($0.type) }
    default: return false
    }
  }

  /// E against the constraint, with types2's message (`p does not satisfy cmp.Ordered (p
  /// missing in ~int | ...)`, `[]int does not satisfy comparable`).
  private func satisfy(_ elem: GoType, _ c: ElementConstraint, _ name: String, at span: Span) throws {
    switch c {
    case .any: return
    case .comparable:
      if !elem.isComparable { throw fail(.typeError("\(elem) does not satisfy comparable"), at: span) }
    case .ordered:
      if !elem.isOrdered {
        let types = "~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string"
        throw fail(.typeError("\(elem) does not satisfy cmp.Ordered (\(elem) missing in \(types))"), at: span)
      }
    }
  }

  /// strings.Clone(s) as Go inlines it: s in a temporary, the make of len(s) bytes (an
  /// allocation site of this function), and the copy the builtin makes into it.
  func stringsClone(_ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    try arity("strings.Clone", args, want: ["string"], scope, span)
    let s = try assign(try expression(args[0], scope), to: .string, "argument to strings.Clone")
    let temp = Variable(name: ".autotmp_clone", type: .string, span: args[0].span, storage: .local, function: function)
    function.locals.append(temp)
    let spill = TypedStmt(.assign([.place(TypedExpr(.variable(temp), .string, span))], [s]), span)
    spill.declares = [temp]
    let tempValue = TypedExpr(.variable(temp), .string, span)
    let length = TypedExpr(.builtin(.len, [tempValue], spread: false), .int, span)
    // internal/stringslite since Go 1.23; strings' own body before.
    let pkg = profile.version >= GoVersion(1, 23) ? "stringslite" : "strings"
    let site = AllocationSite(kind: .make, span: span, type: .uint8, text: "make([]byte, len(\(pkg).s))")
    site.reportAt = openParen(span.start)
    site.narrationText = "\(text(span))'s copy"
    function.sites.append(site)
    let buffer = TypedExpr(.makeSlice(.slice(of: .uint8), length, nil, site), .slice(of: .uint8), span)
    let call = TypedExpr(.builtin(.stringsClone, [tempValue, buffer], spread: false), .string, span)
    return TypedExpr(.initialized([spill], call), .string, span)
  }
}
