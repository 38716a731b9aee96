// weak (Go 1.24+, weak/pointer.go; the runtime half in mheap.go getOrAddWeakHandle,
// internal_weak_runtime_makeStrongFromWeak and mgcsweep.go).
//
// A weak.Pointer[T] is one word: `_ [0]*T; u unsafe.Pointer`, where u is the address of the
// object's weak handle — a 16-byte pointer-free heap object (weakHandleBox: padded so that it
// never shares a tiny block) holding the object's address as a uintptr, which the collector does
// not follow. weak.Make(p) finds p's handle in the span's specials or makes one (the one
// allocation Make costs); so two Pointers made from the same pointer are equal. The special is a
// root for the handle, never for the object: the sweep that finds the object unmarked zeroes the
// handle, and from then on Value returns nil. gcsh's program has no other generic types, so the
// checker instantiates weak.Pointer[T] itself, one canonical type per T, as types2 would.

import GoHeap
import Synchronization

/// The instances of the standard library's generic pointer types a program can name
/// (weak.Pointer[T], atomic.Pointer[T]): one canonical type per generic type and identical
/// type argument, as types2 instantiates them. Each starts with `_ [0]*T`, zero bytes that
/// only make Pointer[T] and Pointer[U] different types, and that give T back.
enum GenericPointerTypes {
  private static let instances = Mutex<[(String, GoType, GoType)]>([])
  /// The generic types a program can instantiate.
  static let names = ["weak.Pointer", "atomic.Pointer"]

  /// `generic[t]` (`weak.Pointer`), its fields after `_ [0]*T` made by `fields`.
  static func instance(_ generic: String, _ t: GoType, fields: () -> [(String, GoType)]) -> GoType {
    instances.withLock { list in
      if let (_, _, found) = list.first(where: { $0.0 == generic && $0.1.identical(t) }) { return found }
      let made = GoType.structure([("_", .array(of: .pointer(to: t), count: 0))] + fields(), name: "\(generic)[\(t)]")
      list.append((generic, t, made))
      return made
    }
  }

  /// T, when `t` is `generic[T]`.
  static func element(of t: GoType, _ generic: String) -> GoType? {
    guard t.name?.hasPrefix(generic + "[") == true, let fields = t.structFields,
      let (zero, _) = fields.first?.type.arrayInfo, let e = zero.pointee
    else { return nil }
    return e
  }

  /// T, when `t` is an instance of any of them (or a pointer to one: a method's receiver).
  static func typeArgument(of t: GoType) -> GoType? {
    let base = t.pointee ?? t
    return names.lazy.compactMap { element(of: base, $0) }.first
  }
}

enum WeakPackage {
  /// weak.Pointer[T]: `_ [0]*T` and `u`, the handle's address, typed here as the *uintptr the
  /// handle is.
  static func pointerType(_ t: GoType) -> GoType {
    GenericPointerTypes.instance("weak.Pointer", t) { [("u", .pointer(to: .uintptr))] }
  }

  /// T, when `t` is a weak.Pointer[T].
  static func element(of t: GoType) -> GoType? { GenericPointerTypes.element(of: t, "weak.Pointer") }

  /// weak's members: Make and the generic type Pointer (which is only ever named instantiated:
  /// resolveType makes `weak.Pointer[T]`).
  static func member(_ name: String) -> Packages.Member? {
    switch name {
    case "Make": .function(.weakMake)
    case "Pointer": .unsupported("weak.Pointer without type arguments")
    default: nil
    }
  }
}

extension Checker {
  /// `weak.Pointer[T]` or `atomic.Pointer[T]` as a type: the generic types a program can name.
  func genericPointerInstance(
    _ arguments: [TypeExpr], _ scope: LexicalScope, dot: Int, _ make: (GoType) -> GoType
  ) throws -> GoType {
    guard arguments.count == 1 else {
      let which = arguments.count > 1 ? "too many" : "not enough"
      // types2 reports it at the selector's dot (`weak.Pointer`).
      let at = Span(dot, dot + 1)
      throw fail(.typeError("\(which) type arguments for type Pointer: have \(arguments.count), want 1"), at: at)
    }
    return make(try resolveType(arguments[0], scope, byValue: false))
  }

  /// Whether `e` names weak.Make (`weak.Make`, or the package under another name).
  func isWeakMake(_ e: Expr, _ scope: LexicalScope) -> Bool {
    guard case .selector(let pkg, "Make") = e.kind, case .identifier(let p) = pkg.kind, case .package("weak")? = scope.lookup(p)
    else { return false }
    return true
  }

  /// `weak.Make(p)` (T inferred from p's type, *T) or `weak.Make[T](p)`.
  func weakMakeCall(_ explicit: TypeExpr?, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span) throws -> Operand {
    let declared = "(declared at $GOROOT/src/weak/pointer.go:68:11)"
    var t: GoType? = nil
    if let explicit { t = try resolveType(explicit, scope, byValue: false) }
    let name = t.map { "weak.Make[\($0)]" } ?? "weak.Make"
    try arity(name, args, want: [t.map { "*\($0)" } ?? "*T"], scope, span)
    let p = try expression(args[0], scope)
    if t == nil {
      // Inference unifies *T with the argument's type: only a pointer type gives T.
      guard p.untyped == nil, let e = p.type.pointee, p.type.name == nil else {
        throw fail(.typeError("in call to weak.Make, cannot infer T \(declared)"), at: Span(callee.end, callee.end + 1))
      }
      t = e
    }
    let arg = try assign(p, to: .pointer(to: t!), "argument to \(name)")
    var op = value(TypedExpr(.builtin(.weakMake, [arg], spread: false), WeakPackage.pointerType(t!), span))
    op.isCallResult = true
    return op
  }

  /// `w.Value()` of a weak.Pointer[T] (a value receiver); nil when x is not one.
  func weakPointerMethodCall(
    _ x: Operand, _ name: String, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand? {
    guard x.untyped == nil, let e = WeakPackage.element(of: x.type.pointee ?? x.type) else { return nil }
    guard name == "Value" else { return nil }
    try arity("(weak.Pointer[\(e)]).Value", args, want: [], scope, span)
    var receiver = x.expr
    if x.type.pointee != nil { receiver = TypedExpr(.deref(receiver), x.type.pointee!, receiver.span) }
    var op = value(TypedExpr(.builtin(.weakValue, [receiver], spread: false), .pointer(to: e), span))
    op.isCallResult = true
    return op
  }
}
