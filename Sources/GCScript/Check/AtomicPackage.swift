// sync/atomic: the functions on *int32, *int64, *uint32 and *uint64 (AddInt64, LoadInt64,
// StoreInt64, CompareAndSwapInt64, SwapInt64...) and the types Int32, Int64, Uint32 and Uint64
// with their methods (Go 1.19+), as atomic/doc.go and type.go declare them. The functions are
// compiler intrinsics on amd64 (no call, no inlining line); in Go 1.19 the pointer leaks
// (`moved to heap: n` for `atomic.AddInt64(&n, 1)`), in Go 1.27 it does not; the methods are
// inlined (`inlining call to atomic.(*Int64).Add`) and their receiver goes the same way. gcsh runs
// one goroutine at a time, so each is a plain load, store or read-modify-write
// (Run/VM+Atomic.swift).

import GoHeap

enum AtomicPackage {
  /// The value types: Int32 is `_ noCopy; v int32`, Int64 and Uint64 `_ noCopy; _ align64;
  /// v`, Uint32 `_ noCopy; v uint32` (fmt prints them as `{{} {} 5}`).
  static let types: [String: GoType] = {
    let empty = GoType.structure([])
    func t(_ name: String, _ v: GoType, aligned: Bool) -> GoType {
      .structure([("_", empty)] + (aligned ? [("_", empty)] : []) + [("v", v)], name: "atomic.\(name)")
    }
    return [
      "Int32": t("Int32", .int32, aligned: false), "Int64": t("Int64", .int64, aligned: true),
      "Uint32": t("Uint32", .uint32, aligned: false), "Uint64": t("Uint64", .uint64, aligned: true),
    ]
  }()

  /// The integer type a function or a type works on, by its name's suffix.
  static func valueType(_ suffix: String) -> GoType? {
    switch suffix {
    case "Int32": .int32
    case "Int64": .int64
    case "Uint32": .uint32
    case "Uint64": .uint64
    default: nil
    }
  }

  /// atomic.Value (Go 1.4+): `v any`, read and written whole (fmt prints it as `{4000}`).
  static let value = GoType.structure([("v", .any)], name: "atomic.Value")

  /// atomic.Pointer[T] (Go 1.19+, type.go): `_ [0]*T; _ noCopy; v unsafe.Pointer` — one word,
  /// the pointer (typed *T here; fmt prints `{[] {} 0xc000012345}`).
  static func pointerType(_ t: GoType) -> GoType {
    GenericPointerTypes.instance("atomic.Pointer", t) { [("_", noCopy), ("v", .pointer(to: t))] }
  }
  static let noCopy = GoType.structure([], name: "atomic.noCopy")

  /// T, when `t` is an atomic.Pointer[T].
  static func pointerElement(of t: GoType) -> GoType? { GenericPointerTypes.element(of: t, "atomic.Pointer") }

  static func member(_ name: String, _ profile: RuntimeProfile) -> Packages.Member? {
    if name == "Value" {
      return profile.version >= GoVersion(1, 4) ? .type(value) : nil  // Go 1.0's `undefined: atomic.Value`
    }
    if let t = types[name] {
      // The types arrived in Go 1.19: undefined before.
      return profile.version >= GoVersion(1, 19) ? .type(t) : nil
    }
    for b in [Builtin.atomicCompareAndSwap, .atomicAdd, .atomicLoad, .atomicStore, .atomicSwap] {
      let op = b.rawValue.dropFirst(7)
      if name.hasPrefix(op), let t = valueType(String(name.dropFirst(op.count))) { return .atomicFunction(b, t) }
    }
    return .unsupported("sync/atomic's \(name)")
  }

  /// The value field of an atomic type (its last: after noCopy and align64).
  static func valueField(_ t: GoType) -> (offset: Int, type: GoType)? {
    guard types.values.contains(where: { $0 === t }), let v = t.structFields?.last else { return nil }
    return (v.offset, v.type)
  }
}

extension Builtin {
  /// An atomic function's or method's operation ("Add", "CompareAndSwap"...), and whether it is
  /// a method; nil for any other builtin.
  var atomicOperation: (op: String, method: Bool)? {
    guard rawValue.hasPrefix("atomic.") else { return nil }
    let name = rawValue.dropFirst(7)
    if name.hasPrefix("(*T).") { return (String(name.dropFirst(5)), true) }
    // atomic.Value's and atomic.Pointer[T]'s methods are no integer operations.
    if name.hasPrefix("(*") { return nil }
    return (String(name), false)
  }

  /// The parameters after the pointer (or receiver) and the result of an atomic operation on
  /// values of type `t`.
  func atomicSignature(_ t: GoType) -> (params: [GoType], result: GoType)? {
    switch atomicOperation?.op {
    case "Add", "Swap": return ([t], t)
    case "Load": return ([], t)
    case "Store": return ([t], noValueType)
    case "CompareAndSwap": return ([t, t], .bool)
    default: return nil
    }
  }
}

extension Checker {
  /// `c.Add(d)`, `c.Load()`... of an atomic.Int64 (Int32, Uint32, Uint64) or a pointer to one;
  /// nil when x is none of them.
  func atomicMethodCall(
    _ x: Operand, _ name: String, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand? {
    let isPointer = x.type.name == nil && x.type.pointee.map { t in AtomicPackage.types.values.contains { $0 === t } } == true
    guard x.untyped == nil, isPointer || AtomicPackage.types.values.contains(where: { $0 === x.type }) else { return nil }
    let base = isPointer ? x.type.pointee! : x.type
    let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
    guard let b = Builtin(rawValue: "atomic.(*T).\(name)"), let v = AtomicPackage.valueField(base),
      let (params, result) = b.atomicSignature(v.type)
    else {
      throw fail(.typeError("\(syntaxText(callee)) undefined (type \(x.type) has no field or method \(name))"), at: at)
    }
    return try atomicTypeMethod(x, base, isPointer: isPointer, name, b, params, result, args, scope, callee: callee, span)
  }

  /// A call of a method of one of sync/atomic's types, all with pointer receivers (a
  /// variable's address is taken for one called on the variable): its arguments checked
  /// against `params`, in types2's words (`in argument to c.Add`).
  private func atomicTypeMethod(
    _ x: Operand, _ base: GoType, isPointer: Bool, _ name: String, _ b: Builtin, _ params: [GoType], _ result: GoType,
    _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand {
    let method = "(*\(base)).\(name)"
    try arity(method, args, want: params.map(\.description), scope, span)
    var receiver = x.expr
    if !isPointer {
      let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
      receiver = try pointerReceiver(x, method: name, on: "\(base)", pointee: base, at: at)
    }
    var typed = [receiver]
    for (a, p) in zip(args, params) { typed.append(try assign(try expression(a, scope), to: p, "argument to \(text(callee))")) }
    var op = value(TypedExpr(.builtin(b, typed, spread: false), result, span))
    op.isCallResult = true
    return op
  }

  /// `v.Load()`, `v.Store(x)`, `v.Swap(x)`, `v.CompareAndSwap(old, new)` of an atomic.Value or
  /// a pointer to one (pointer receivers: a variable's address is taken); nil when x is
  /// neither.
  func atomicValueCall(
    _ x: Operand, _ name: String, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand? {
    let isPointer = x.type.name == nil && x.type.pointee === AtomicPackage.value
    guard x.untyped == nil, isPointer || x.type === AtomicPackage.value else { return nil }
    let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
    let (b, params, result): (Builtin, [GoType], GoType)
    switch name {
    case "Load": (b, params, result) = (.atomicValueLoad, [], .any)
    case "Store": (b, params, result) = (.atomicValueStore, [.any], noValueType)
    case "Swap": (b, params, result) = (.atomicValueSwap, [.any], .any)
    case "CompareAndSwap": (b, params, result) = (.atomicValueCompareAndSwap, [.any, .any], .bool)
    default:
      throw fail(.typeError("\(syntaxText(callee)) undefined (type \(x.type) has no field or method \(name))"), at: at)
    }
    return try atomicTypeMethod(x, AtomicPackage.value, isPointer: isPointer, name, b, params, result, args, scope, callee: callee, span)
  }

  /// `p.Load()`, `p.Store(x)`, `p.Swap(x)`, `p.CompareAndSwap(old, new)` of an
  /// atomic.Pointer[T] or a pointer to one (pointer receivers); nil when x is neither.
  func atomicPointerCall(
    _ x: Operand, _ name: String, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand? {
    let isPointer = x.type.name == nil && x.type.pointee.flatMap(AtomicPackage.pointerElement) != nil
    guard x.untyped == nil, let base = isPointer ? x.type.pointee : x.type, let e = AtomicPackage.pointerElement(of: base)
    else { return nil }
    let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
    let pointer = GoType.pointer(to: e)
    let (b, params, result): (Builtin, [GoType], GoType)
    switch name {
    case "Load": (b, params, result) = (.atomicPointerLoad, [], pointer)
    case "Store": (b, params, result) = (.atomicPointerStore, [pointer], noValueType)
    case "Swap": (b, params, result) = (.atomicPointerSwap, [pointer], pointer)
    case "CompareAndSwap": (b, params, result) = (.atomicPointerCompareAndSwap, [pointer, pointer], .bool)
    default:
      throw fail(.typeError("\(syntaxText(callee)) undefined (type \(x.type) has no field or method \(name))"), at: at)
    }
    return try atomicTypeMethod(x, base, isPointer: isPointer, name, b, params, result, args, scope, callee: callee, span)
  }

  /// `atomic.AddInt64(&n, d)` and the rest: the pointer, then the operation's operands.
  func atomicFunctionCall(_ b: Builtin, _ t: GoType, _ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> Operand {
    guard let (op, _) = b.atomicOperation, let (params, result) = b.atomicSignature(t) else { throw CheckFailure() }
    let name = "atomic.\(op)\(t.description.prefix(1).uppercased())\(t.description.dropFirst())"
    let pointer = GoType.pointer(to: t)
    try arity(name, args, want: ([pointer] + params).map(\.description), scope, span)
    let typed = try zip(args, [pointer] + params).map { a, p in
      try assign(try expression(a, scope), to: p, "argument to \(name)")
    }
    var call = value(TypedExpr(.builtin(b, typed, spread: false), result, span))
    call.isCallResult = true
    return call
  }
}
