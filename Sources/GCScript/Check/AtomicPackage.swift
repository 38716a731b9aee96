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

  static func member(_ name: String) -> Packages.Member? {
    if let t = types[name] { return .type(t) }
    if let b = Builtin(rawValue: "atomic.\(name)") { return .function(b) }
    return .unsupported("sync/atomic's \(name)")
  }
}

extension Builtin {
  /// An atomic function's or method's operation and value type: ("Add", int64) for AddInt64 and
  /// (*Int64).Add; nil for any other builtin.
  var atomicOperation: (op: String, value: GoType, method: Bool)? {
    guard rawValue.hasPrefix("atomic.") else { return nil }
    let name = rawValue.dropFirst(7)
    if name.hasPrefix("(*") {
      // atomic.(*Int64).Add
      let parts = name.dropFirst(2).split(separator: ")")
      guard parts.count == 2, let t = AtomicPackage.valueType(String(parts[0])) else { return nil }
      return (String(parts[1].dropFirst()), t, true)
    }
    for op in ["CompareAndSwap", "Add", "Load", "Store", "Swap"] where name.hasPrefix(op) {
      guard let t = AtomicPackage.valueType(String(name.dropFirst(op.count))) else { return nil }
      return (op, t, false)
    }
    return nil
  }

  /// The parameters after the pointer (or receiver) and the result of an atomic operation.
  var atomicSignature: (params: [GoType], result: GoType)? {
    guard let (op, t, _) = atomicOperation else { return nil }
    switch op {
    case "Add": return ([t], t)
    case "Load": return ([], t)
    case "Store": return ([t], noValueType)
    case "CompareAndSwap": return ([t, t], .bool)
    case "Swap": return ([t], t)
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
    let typeName = base.name.map { String($0.dropFirst(7)) } ?? ""
    guard let b = Builtin(rawValue: "atomic.(*\(typeName)).\(name)"), let (params, result) = b.atomicSignature else {
      throw fail(.typeError("\(text(callee)) undefined (type \(x.type) has no field or method \(name))"), at: at)
    }
    try arity("(*atomic.\(typeName)).\(name)", args, want: params.map(\.description), scope, span)
    var receiver = x.expr
    if !isPointer {
      guard x.addressable else { throw fail(.typeError("cannot call pointer method \(name) on atomic.\(typeName)"), at: at) }
      markAddressTaken(x.expr)
      receiver = TypedExpr(.addressOf(x.expr), .pointer(to: base), x.expr.span)
    }
    var typed = [receiver]
    for (a, p) in zip(args, params) { typed.append(try assign(try expression(a, scope), to: p, "argument to \(b.rawValue)")) }
    var op = value(TypedExpr(.builtin(b, typed, spread: false), result, span))
    op.isCallResult = true
    return op
  }
}
