// Method values: `x.M` used without a call (`inc := c.Inc`, `measure(..., wg.Wait)`,
// `f := s.String`).
//
// Go evaluates the receiver where the method value is written and binds it: `c.Get` copies c
// then (a later `c.n = 100` does not change what it returns), `c.Inc` on an addressable c binds
// &c, `p.Get` through a nil p panics there, and so does `s.String` of a nil interface
// (walk/closure.go walkMethodValue: OCHECKNIL of the itab). The value is a funcval of the
// wrapper `T.M-fm` and the bound receiver — a struct { F uintptr; R receiver }
// (typecheck.MethodValueType), allocated where written, on the heap only when escape analysis
// says the func value escapes: `./main.go:41:11: c.Inc escapes to heap` at the selector's dot,
// 16 bytes a time for a pointer or an 8-byte value receiver (recorded, Go 1.27.3 and 1.19.8).
//
// gcsh builds the same thing from parts it already has: a compiler temporary holds the
// receiver, evaluated once, and the wrapper is a function literal that captures it and calls
// the method with its own parameters (ir.MethodValueWrapper's body). The capture is by value
// whatever its size — the funcval holds the receiver itself, as Go's does — so escape analysis
// sees exactly Go's flows: &c reaches the heap only if the method value does.

import GoHeap

extension Checker {
  /// The signature of the method `name` of `x`'s type, and the receiver a method value binds;
  /// nil when `x` has no such method (or one gcsh cannot take as a value).
  private func methodValueParts(_ x: Operand, _ name: String, _ span: Span) throws -> (GoType, TypedExpr, interfaceMethod: Int?)? {
    guard x.untyped == nil else { return nil }
    // The receiver bound through a pointer receiver: x itself when it is a pointer, else &x.
    func address(_ methodName: String) throws -> TypedExpr {
      if x.type.isPointer && x.type.name == nil { return x.expr }
      let at = Span(max(span.start, span.end - methodName.utf8.count), span.end)
      return try pointerReceiver(x, method: methodName, on: "\(x.type)", pointee: x.type, at: at)
    }
    if let b = SyncTypes.method(of: x.type, name) {
      let signature: GoType
      switch b {
      case .syncWaitGroupAdd: signature = .function(params: [.int], results: [], variadic: false)
      case .syncMutexTryLock, .syncRWMutexTryLock, .syncRWMutexTryRLock:
        signature = .function(params: [], results: [.bool], variadic: false)
      case .syncOnceDo: signature = .function(params: [.function(params: [], results: [], variadic: false)], results: [], variadic: false)
      case .syncPoolGet: signature = .function(params: [], results: [.any], variadic: false)
      case .syncPoolPut: signature = .function(params: [.any], results: [], variadic: false)
      default: signature = .function(params: [], results: [], variadic: false)
      }
      return (signature, try address(name), nil)
    }
    if x.type === stringsBuilderType || x.type.pointee === stringsBuilderType,
      let signature = Self.builderMethodSignature(name)
    {
      return (signature, try address(name), nil)
    }
    if let ms = x.type.interfaceMethods, let k = ms.firstIndex(where: { $0.name == name }) {
      return (ms[k].signature, x.expr, k)
    }
    guard let fn = method(of: x, name), let (base, pointerReceiver) = fn.receiver else { return nil }
    let receiver: TypedExpr
    switch (pointerReceiver, x.type.isPointer && x.type.name == nil) {
    case (true, true), (false, false): receiver = x.expr
    case (false, true): receiver = TypedExpr(.deref(x.expr), base, x.expr.span)
    case (true, false): receiver = try address(fn.decl?.name ?? name)
    }
    return (functionType(fn), receiver, nil)
  }

  /// `x.M` as a value, or nil when x has no method M.
  func methodValue(_ x: Operand, _ name: String, _ scope: LexicalScope, _ span: Span) throws -> Operand? {
    guard let (signature, receiver, interfaceIndex) = try methodValueParts(x, name, span),
      case .function(let params, let results, let variadic) = signature.kind
    else { return nil }
    // The receiver, evaluated now into a temporary the wrapper captures.
    let bound = temporary(receiver.type, x.expr.span)
    bound.boundReceiver = true
    let place = TypedExpr(.variable(bound), bound.type, x.expr.span)
    let assign = TypedStmt(.assign([.place(place)], [receiver]), x.expr.span)
    assign.declares = [bound]
    assign.declaresWithoutODCL = true
    var prelude = [assign]
    if let k = interfaceIndex {
      // A nil interface has no itab to take the method from: the method value panics here.
      prelude.append(TypedStmt(.expression(TypedExpr(.interfaceMethod(place, k), signature, x.expr.span)), x.expr.span))
    }
    let holder = LexicalScope(parent: scope, function: function)
    holder.symbols[Self.receiverName] = .variable(bound)
    let f = wrapper(
      "\(receiver.type.pointee.map { "(*\($0))" } ?? "\(receiver.type)").\(name)-fm", calling: name,
      params: params, results: results, variadic: variadic, receiver: nil, holder, span)
    // Go reports a method value at its selector's dot.
    let site = closureSite(f, span, text: text(span), reportAt: max(span.start, span.end - name.utf8.count - 1))
    let closure = TypedExpr(.closure(f, site), signature, span)
    return value(TypedExpr(.initialized(prelude, closure), signature, span))
  }

  /// `T.M` or `(*T).M`, a method expression: a function of the method's signature with the
  /// receiver first (`C.Get` is a `func(C) int`). It binds nothing, so it is a static funcval
  /// (types2 methodExpr; the compiler's `main.C.Get` symbol) and allocates nothing. Nil when
  /// `t` has no such method in its method set (T's value methods; *T's every method).
  func methodExpression(_ t: GoType, _ name: String, _ scope: LexicalScope, _ span: Span) throws -> Operand? {
    let base = t.name == nil ? t.pointee : t
    guard let base, base.name != nil, let fn = lookupMethod(base, name), let (_, pointerReceiver) = fn.receiver,
      case .function(let params, let results, let variadic) = functionType(fn).kind
    else { return nil }
    if pointerReceiver && t === base {
      let at = Span(max(span.start, span.end - name.utf8.count), span.end)
      throw fail(.typeError("invalid method expression \(syntaxText(span)) (needs pointer receiver (*\(t)).\(name))"), at: at)
    }
    let f = wrapper(
      "\(t.name == nil ? "(*\(base))" : "\(base)").\(name)", calling: name,
      params: params, results: results, variadic: variadic, receiver: t, LexicalScope(parent: scope, function: function), span)
    return value(TypedExpr(.functionValue(f), .function(params: [t] + params, results: results, variadic: variadic), span))
  }

  /// A package function used as a value (`strings.FieldsFunc(s, unicode.IsSpace)`, `f :=
  /// math.Sqrt`): Go's static funcval of the function (`unicode.IsSpace·f` in read-only data),
  /// which allocates nothing (runs/pkgfuncvalues). gcsh's is a wrapper that calls the function
  /// with its parameters, named as the function. Nil for a function whose signature gcsh does
  /// not give as a value.
  func packageFunctionValue(_ b: Builtin, pkg: String, name: String, _ scope: LexicalScope, _ span: Span) throws -> Operand? {
    guard let (params, results) = b.valueSignature else { return nil }
    let f = wrapper(
      b.rawValue, calling: name, on: pkg, params: params, results: results, variadic: false, receiver: nil,
      LexicalScope(parent: scope, function: function), span)
    f.packageFunction = b
    return value(TypedExpr(.functionValue(f), .function(params: params, results: results, variadic: false), span))
  }

  /// The name a wrapper's body calls its receiver by (one no program can write).
  private static let receiverName = ".this"

  /// A wrapper function the compiler writes (ir.MethodValueWrapper, typecheck.MethodExprFunc):
  /// `func([.this receiver,] params...) results { return .this.M(params...) }`, checked as a
  /// literal of the function being checked — `.this` a parameter (`receiver`) or, for a method
  /// value, the temporary `scope` declares, which the literal captures. With `on`, the call is
  /// of that package's function instead (`return unicode.IsSpace(.p0)`).
  private func wrapper(
    _ wrapperName: String, calling name: String, on package: String? = nil, params: [GoType], results: [GoType],
    variadic: Bool, receiver: GoType?, _ scope: LexicalScope, _ span: Span
  ) -> Function {
    let outer = function
    let f = Function(name: wrapperName, decl: nil, isScript: false)
    f.outer = outer
    f.literalSpan = span
    f.isMethodValueWrapper = true
    f.wrapperVariadic = variadic
    let inner = LexicalScope(parent: scope, function: f)
    func parameter(_ name: String, _ t: GoType) {
      let p = Variable(name: name, type: t, span: span, storage: .parameter, function: f)
      f.params.append(p)
      inner.symbols[name] = .variable(p)
      inner.variables.append(p)
    }
    if let receiver { parameter(Self.receiverName, receiver) }
    var arguments: [Expr] = []
    for (k, t) in params.enumerated() {
      parameter(".p\(k)", t)
      arguments.append(Expr(.identifier(".p\(k)"), span))
    }
    for (k, t) in results.enumerated() {
      f.results.append(Variable(name: "~r\(k)", type: t, span: span, storage: .result, function: f))
    }
    outer.closures.append(f)
    let callee = Expr(.selector(Expr(.identifier(package ?? Self.receiverName), span), name), span)
    let call = Expr(.call(callee, arguments, hasEllipsis: variadic), span)
    inBody(of: f) {
      f.body = block([Stmt(results.isEmpty ? .expression(call) : .returnValues([call]), span)], inner)
    }
    return f
  }
}
