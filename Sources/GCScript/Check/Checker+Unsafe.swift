// unsafe.Sizeof, unsafe.Alignof and unsafe.Offsetof (types2 builtins.go _Sizeof, _Alignof,
// _Offsetof): constants of type uintptr, computed from the operand's type as the compiler lays
// it out on amd64 (GoType's sizes, alignments and field offsets: the same layout the simulated
// heap allocates). The operand is not evaluated: it makes no allocation, no -m line and no code.
// The struct-padding lesson's numbers — `struct{a bool; b int64; c bool}` is 24 bytes,
// reordered 16 — come out as Go prints them.

import GoHeap

extension Checker {
  /// A call of one of unsafe's constant functions, or nil for another member (which the
  /// package lookup names as unsupported).
  func unsafeCall(_ name: String, _ args: [Expr], spread: Bool, _ scope: LexicalScope, _ span: Span) throws -> Operand? {
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
        throw fail(.typeError("invalid argument: \(text(args[0].span)) is not a selector expression"), at: args[0].span)
      }
      guard case .field(var base, let k) = operand.expr.kind, let fields = base.type.structFields else {
        throw fail(.typeError("invalid argument: \(text(args[0].span)) is a method value"), at: args[0].span)
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
}
