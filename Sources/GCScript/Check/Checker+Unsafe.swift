// unsafe.Sizeof, unsafe.Alignof and unsafe.Offsetof (types2 builtins.go _Sizeof, _Alignof,
// _Offsetof): constants of type uintptr, computed from the operand's type as the compiler lays
// it out on amd64 (GoType's sizes, alignments and field offsets: the same layout the simulated
// heap allocates). The operand is not evaluated: it makes no allocation, no -m line and no code.
// The struct-padding lesson's numbers — `struct{a bool; b int64; c bool}` is 24 bytes,
// reordered 16 — come out as Go prints them.
//
// unsafe.Pointer is a pointer to anything: any pointer or a uintptr converts to it and back
// (types2 conversions.go; the compiler's OCONVNOP, which changes no bits and costs the inliner
// nothing). The collector traces it as it traces any pointer, and a uintptr not at all: an
// object whose only reference is a uintptr may be freed, as in Go. It cannot be dereferenced.
// unsafe.Add, Slice (Go 1.17), String, StringData and SliceData (Go 1.20) build and take apart
// pointers, slices and strings over existing memory without allocating.

import GoHeap

/// `unsafe.Pointer`: in gcsh a named pointer type (to a byte, which nothing dereferences).
let unsafePointerType: GoType = {
  let t = GoType.named("unsafe.Pointer")
  t.define(.pointer(.uint8))
  return t
}()

extension GoType {
  /// unsafe.Pointer.
  var isUnsafePointer: Bool { self === unsafePointerType }

  /// types2 conversions.go (and typecheck convertop's OCONVNOP): a pointer or a uintptr to
  /// unsafe.Pointer, and unsafe.Pointer to a pointer or a uintptr.
  func convertsThroughUnsafePointer(to t: GoType) -> Bool {
    func pointerOrUintptr(_ x: GoType) -> Bool {
      if case .uintptr = x.kind { return true }
      return x.isPointer
    }
    return (t.isUnsafePointer && pointerOrUintptr(self)) || (isUnsafePointer && pointerOrUintptr(t))
  }
}

extension Checker {
  /// A call of one of unsafe's constant functions, or nil for another member (which the
  /// package lookup names as unsupported).
  func unsafeCall(_ name: String, _ args: [Expr], spread: Bool, _ scope: LexicalScope, callee: Span, _ span: Span) throws -> Operand? {
    if let op = try unsafeMemoryCall(name, args, spread: spread, scope, callee: callee, span) { return op }
    guard ["Sizeof", "Alignof", "Offsetof"].contains(name) else { return nil }
    guard args.count == 1, !spread else {
      let which = args.count < 1 ? "not enough" : "too many"
      throw fail(.typeError("\(which) arguments for unsafe.\(name)(x) (expected 1, found \(args.count))"), at: span)
    }
    // Checked for its type only: what checking it recorded (allocation sites, literals) is
    // dropped, as nothing of it runs.
    let sites = function.sites.count
    let closures = function.closures.count
    let operand = try expression(args[0], scope)
    function.sites.removeLast(function.sites.count - sites)
    function.closures.removeLast(function.closures.count - closures)
    var result: Int
    switch name {
    case "Offsetof":
      guard case .selector = args[0].kind else {
        throw fail(.typeError("invalid argument: \(syntaxText(args[0].span)) is not a selector expression"), at: args[0].span)
      }
      guard case .field(var base, let k) = operand.expr.kind, let fields = base.type.structFields else {
        throw fail(.typeError("invalid argument: \(syntaxText(args[0].span)) is a method value"), at: args[0].span)
      }
      // A promoted field's offset is from the outer struct: the embedded fields' offsets add
      // up; one reached through an embedded pointer is not in the struct at all.
      result = fields[k].offset
      while base.isPromotionStep {
        if case .deref = base.kind { break }
        guard case .field(let outer, let j) = base.kind else { break }
        if case .deref(let p) = outer.kind, p.isPromotionStep {
          throw fail(.typeError("invalid argument: field \(fields[k].name) is embedded via a pointer in \(text(args[0].span).split(separator: ".").first ?? "")"), at: args[0].span)
        }
        result += (outer.type.structFields?[j].offset) ?? 0
        base = outer
      }
    default:
      let t = operand.untyped == nil ? operand.type : try defaultTyped(operand, "argument to unsafe.\(name)").type
      result = name == "Sizeof" ? t.size : t.align
    }
    return value(TypedExpr(.constant(.int(Int128(result))), .uintptr, span))
  }

  /// unsafe.Add(ptr, len), Slice(ptr, len), String(ptr, len), StringData(str), SliceData(slice)
  /// (types2 builtins.go), in the Go versions that have them; nil for another member.
  private func unsafeMemoryCall(_ name: String, _ args: [Expr], spread: Bool, _ scope: LexicalScope, callee: Span, _ span: Span) throws -> Operand? {
    let since: GoVersion
    let parameters: Int
    switch name {
    case "Add", "Slice": (since, parameters) = (GoVersion(1, 17), 2)
    case "String": (since, parameters) = (GoVersion(1, 20), 2)
    case "StringData", "SliceData": (since, parameters) = (GoVersion(1, 20), 1)
    default: return nil
    }
    // A name the profile's Go does not have is its `undefined: unsafe.String`, at the name.
    guard profile.version >= since else { throw missingMember("unsafe", "unsafe", name, at: callee) }
    try arity("unsafe.\(name)", args, parameters, span)
    if spread { throw fail(.typeError("invalid operation: invalid use of ... with built-in unsafe.\(name)"), at: span) }
    let ops = try args.map { try expression($0, scope) }
    func cannot(_ k: Int, _ what: String) -> CheckFailure {
      fail(.typeError("invalid argument: \(ops[k].text) (\(describe(ops[k]))) is not \(what)"), at: args[k].span)
    }
    /// The length: any integer type, or an untyped constant an int holds (types2's words:
    /// `1.5 (untyped float constant) truncated to int`).
    func length() throws -> TypedExpr {
      if ops[1].untyped != nil {
        if case .float? = ops[1].constant, ops[1].constant?.exactInteger == nil {
          throw fail(.typeError("\(ops[1].text) (\(describe(ops[1]))) truncated to int"), at: args[1].span)
        }
        return try assign(ops[1], to: .int, "argument to unsafe.\(name)")
      }
      guard ops[1].type.isInteger else { throw cannot(1, "an integer") }
      return ops[1].expr
    }
    let builtin: Builtin
    let typed: [TypedExpr]
    let result: GoType
    switch name {
    case "Add":
      builtin = .unsafeAdd
      typed = [try assign(ops[0], to: unsafePointerType, "argument to unsafe.Add"), try length()]
      result = unsafePointerType
    case "Slice":
      guard let elem = ops[0].type.pointee, !ops[0].type.isUnsafePointer, ops[0].untyped == nil else { throw cannot(0, "a pointer") }
      builtin = .unsafeSlice
      typed = [ops[0].expr, try length()]
      result = .slice(of: elem)
    case "String":
      builtin = .unsafeString
      typed = [try assign(ops[0], to: .pointer(to: .uint8), "argument to unsafe.String"), try length()]
      result = .string
    case "StringData":
      builtin = .unsafeStringData
      typed = [try assign(ops[0], to: .string, "argument to unsafe.StringData")]
      result = .pointer(to: .uint8)
    default:
      guard let elem = ops[0].type.sliceElement else { throw cannot(0, "a slice") }
      builtin = .unsafeSliceData
      typed = [ops[0].expr]
      result = .pointer(to: elem)
    }
    return value(TypedExpr(.builtin(builtin, typed, spread: false), result, span))
  }
}
