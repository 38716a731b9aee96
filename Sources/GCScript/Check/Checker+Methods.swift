// Methods: declarations with a receiver, method sets, and calls `x.M(args)`.
//
// A method is a function whose first parameter is its receiver, as the compiler's IR has it
// after typecheck (typecheck.FixMethodCall rewrites `s.Push(v)` as `(*Stack).Push(s, v)`), so
// inlining, escape analysis ("leaking param: s" is the receiver's) and the VM see an ordinary
// call. What is particular to methods is all here:
//
//   - The receiver's base type is a named type of the package, not a pointer or an interface
//     (types2 signature.go validRecv); `(*T).M` and `T.M` are the names -m prints.
//   - Method sets (the spec's "Method sets", types2 lookup.go): a value of type T has T's
//     value-receiver methods; *T has all of T's. A call's receiver is converted to the method's
//     receiver type: `p.M()` of a value method through a pointer is `(*p).M()`, `x.M()` of a
//     pointer method on an addressable x is `(&x).M()` — which takes x's address, so escape
//     analysis may move x to the heap exactly when the method leaks its receiver.
//   - fmt calls a `String() string` method of its operand (Run/Printf.swift handleMethods):
//     the lowered program keeps a table of them (LoweringSession.stringers).
//
// Method values (`f := x.M`), method expressions (`T.M`) and interfaces need function values
// and are named as not supported.

import GoHeap

/// The methods declared on one named type.
struct MethodSet {
  /// The type (held so its identity, the key of the sets, stays unique).
  let type: GoType
  var methods: [String: Function] = [:]

  mutating func merge(_ other: MethodSet) {
    for (name, f) in other.methods { methods[name] = f }
  }
}

extension Checker {
  /// A method declaration's receiver base type and whether the receiver is a pointer, with
  /// types2's messages when it is not a local named type.
  func receiverBase(_ r: Param, _ d: FuncDecl, _ at: Span) -> (GoType, Bool)? {
    var te = r.type
    var pointer = false
    if case .pointer(let inner) = te {
      te = inner
      pointer = true
    }
    let span = te.span ?? r.span
    switch te {
    case .name(let n, _):
      if case .genericType? = top.lookup(n) {
        _ = try? resolveType(te, top)  // reports the missing instantiation
        return nil
      }
      guard case .type(let t)? = top.lookup(n) else {
        if case .poisoned? = top.lookup(n) { return nil }
        fail(.typeError(top.lookup(n) == nil ? "undefined: \(n)" : "\(n) is not a type"), at: span)
        return nil
      }
      if case .type(let predeclared)? = universe.symbols[n], predeclared === t {
        fail(.typeError("cannot define new methods on non-local type \(n)"), at: span)
        return nil
      }
      if t.isPointer {
        fail(.typeError("invalid receiver type \(n) (pointer or interface type)"), at: span)
        return nil
      }
      return (t, pointer)
    case .instance(let base, _, let at):
      // A generic type's receiver with an error (genericReceiver reported it), or type
      // arguments on a type that is not generic.
      if case .name(let n, _) = base {
        switch top.lookup(n) {
        case .poisoned?, .genericType?: return nil
        case .type(let t)?: fail(.typeError("\(t) is not a generic type"), at: at)
        default: fail(.typeError("undefined: \(n)"), at: at)
        }
        return nil
      }
      fail(.typeError("invalid receiver type \(syntaxText(span))"), at: at)
      return nil
    case .qualified(let pkg, let n, _):
      fail(.typeError("cannot define new methods on non-local type \(pkg).\(n)"), at: span)
      return nil
    case .pointer:
      fail(.typeError("invalid receiver type \(syntaxText(r.type.span.map { Span($0.start, r.span.end) } ?? r.span))"), at: span)
      return nil
    default:
      fail(.typeError("invalid receiver type \(syntaxText(span))"), at: span)
      return nil
    }
  }

  /// The method's name as the compiler prints it (ir.MethodSym): `(*Stack).Push`, `Point.Add`.
  func methodName(_ base: GoType, _ pointer: Bool, _ name: String) -> String {
    let type = base.name ?? "\(base)"
    // A library's pointer methods are named inside their package: `list.(*List).PushBack` (the
    // package's dot comes before an instance's type arguments: `(*Stack[go.shape.int]).Push`).
    let unqualified = type.firstIndex(of: "[").map { type[..<$0] } ?? type[...]
    if pointer, let dot = unqualified.lastIndex(of: ".") {
      return "\(type[..<dot]).(*\(type[type.index(after: dot)...])).\(name)"
    }
    return pointer ? "(*\(type)).\(name)" : "\(type).\(name)"
  }

  /// Adds a declared method to its type's set: a second method of the name, or a field of the
  /// name, is an error (types2 decl.go collectMethods, checkFieldUniqueness).
  func addMethod(_ f: Function, _ name: String, to base: GoType, at: Span) {
    if let other = lookupMethod(base, name) {
      // types2 says where the other one is; one of an earlier REPL entry is in another source.
      var place = ""
      if runMethods[ObjectIdentifier(base)]?.methods[name] === other, let at = other.decl?.nameSpan {
        let (line, column) = source.location(of: at.start)
        place = " at \(source.name):\(line):\(column)"
      }
      fail(.typeError("method \(base).\(name) already declared\(place)"), at: at)
      return
    }
    if let fields = base.structFields, fields.contains(where: { $0.name == name }) {
      var other = ""
      if let field = fieldNameSpans[ObjectIdentifier(base)]?[name] {
        let (line, column) = source.location(of: field.start)
        other = "\n\t\(source.name):\(line):\(column): other declaration of \(name)"
      }
      fail(.typeError("field and method with the same name \(name)\(other)"), at: at)
      return
    }
    runMethods[ObjectIdentifier(base), default: MethodSet(type: base)].methods[name] = f
  }

  /// The method `name` declared on the named type `t` (this run's declarations first).
  func lookupMethod(_ t: GoType, _ name: String) -> Function? {
    // Another package's unexported methods are not in its types' method sets for this code.
    if isForeign(t), name.first?.isUppercase != true { return nil }
    return declaredMethod(t, name)
  }

  /// The method `name` declared on `t`, whoever may call it.
  func declaredMethod(_ t: GoType, _ name: String) -> Function? {
    runMethods[ObjectIdentifier(t)]?.methods[name] ?? methodSets[ObjectIdentifier(t)]?.methods[name]
  }

  /// The method `name` of an operand's type: its own (a value of a named type), or its
  /// pointee's (a pointer to a named type, whose method set has every method of the type).
  func method(of x: Operand, _ name: String) -> Function? {
    x.untyped == nil ? method(ofType: x.type, name) : nil
  }

  func method(ofType t: GoType, _ name: String) -> Function? {
    if t.name != nil { return lookupMethod(t, name) }
    if let p = t.pointee, p.name != nil { return lookupMethod(p, name) }
    return nil
  }

  /// `x.M(args)`: the receiver converted to the method's receiver type, then an ordinary call.
  func methodCall(
    _ fn: Function, _ x: Operand, _ args: [Expr], _ spread: Bool, _ scope: LexicalScope,
    callee: Span, _ span: Span
  ) throws -> Operand {
    guard let (base, pointerReceiver) = fn.receiver else { throw CheckFailure() }
    let receiver: TypedExpr
    switch (pointerReceiver, x.type.isPointer && x.type.name == nil) {
    case (true, true), (false, false):
      receiver = x.expr
    case (false, true):
      receiver = TypedExpr(.deref(x.expr), base, x.expr.span)
    case (true, false):
      // types2 reports it at the method's name.
      let name = fn.decl?.name ?? fn.name
      let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
      receiver = try self.pointerReceiver(x, method: name, on: "\(base)", pointee: base, at: at)
    }
    // Go 1.19's typecheck.RewriteNonNameCall: a receiver with a call in it (not `new`) is
    // evaluated into a temporary first, `.autotmp_0 := f(); .autotmp_0.M()` — nodes its inliner
    // counts. Go 1.20's unified IR passes the receiver as the first argument as it is.
    guard profile.version < GoVersion(1, 20), containsCall(receiver, exceptNew: true) else {
      return try userCall(fn, args, spread, scope, span, receiver: receiver, name: text(callee))
    }
    let tmp = Variable(name: ".autotmp_0", type: receiver.type, span: x.expr.span, storage: .local, function: function)
    function.locals.append(tmp)
    let assign = TypedStmt(.assign([.place(TypedExpr(.variable(tmp), tmp.type, x.expr.span))], [receiver]), x.expr.span)
    assign.declares = [tmp]
    assign.declaresWithoutODCL = true
    var op = try userCall(
      fn, args, spread, scope, span, receiver: TypedExpr(.variable(tmp), tmp.type, x.expr.span), name: text(callee))
    op.expr = TypedExpr(.initialized([assign], op.expr), op.expr.type, op.expr.span)
    return op
  }
}
