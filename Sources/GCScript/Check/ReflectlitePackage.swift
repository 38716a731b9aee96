// internal/reflectlite, for the libraries gcsh compiles from Go's source (context.go names its
// contexts with `reflectlite.TypeOf(c).String()` and refuses a WithValue key whose type has no
// ==). A program cannot import it (Go: `use of internal package internal/reflectlite not
// allowed`); a library's code reaches it by name. TypeOf(x) is x's dynamic type — a type
// descriptor, whose String is read-only data (nothing is allocated).

import GoHeap

enum ReflectlitePackage {
  /// reflectlite.Type: the dynamic type's descriptor word (0: a nil interface's).
  static let type = GoType.structure([("t", .uintptr)], name: "reflectlite.Type")

  static func member(_ name: String) -> Packages.Member? {
    switch name {
    case "TypeOf": .function(.reflectliteTypeOf)
    case "Type": .type(type)
    default: .unsupported("reflectlite.\(name)")
    }
  }
}

extension Checker {
  /// `reflectlite.TypeOf(x)`.
  func reflectliteTypeOfCall(_ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    try arity("reflectlite.TypeOf", args, want: ["any"], scope, span)
    let x = try assign(try expression(args[0], scope), to: .any, "argument to reflectlite.TypeOf")
    return TypedExpr(.builtin(.reflectliteTypeOf, [x], spread: false), ReflectlitePackage.type, span)
  }

  /// `t.String()`, `t.Comparable()` of a reflectlite.Type; nil for another operand.
  func reflectliteTypeCall(
    _ x: Operand, _ name: String, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand? {
    guard x.untyped == nil, x.type === ReflectlitePackage.type else { return nil }
    let (b, result): (Builtin, GoType)
    switch name {
    case "String": (b, result) = (.reflectliteTypeString, .string)
    case "Comparable": (b, result) = (.reflectliteTypeComparable, .bool)
    default:
      let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
      throw fail(.typeError("\(syntaxText(callee)) undefined (type \(x.type) has no field or method \(name))"), at: at)
    }
    try arity("reflectlite.Type.\(name)", args, want: [], scope, span)
    var op = value(TypedExpr(.builtin(b, [x.expr], spread: false), result, span))
    op.isCallResult = true
    return op
  }
}
