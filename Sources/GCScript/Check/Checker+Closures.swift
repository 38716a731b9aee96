// Function values: function types, declared functions used as values, function literals and
// the variables they capture, and calls through a value.
//
// A func value is one pointer word, to a funcval (runtime2.go): the code pointer, followed for a
// closure by what it captured. A declared function used as a value, or a literal that captures
// nothing, is a static funcval in read-only data (walk/closure.go: "no closure vars: use the
// function symbol"); a literal that captures is a funcval made where it is written — an
// allocation site escape analysis places on the heap or in the frame ("func literal escapes to
// heap").
//
// Captures (types2 and the noder's closure variables, ir.NewClosureVar): a name in a literal's
// body that resolves to a local of an enclosing function becomes a `.captured` variable of the
// literal, made once per literal and per variable (in a nested literal, a capture of the
// capture). Whether the funcval holds the variable's value or its address is decided by escape
// analysis once the whole function has been walked (escape.go flowClosure): by value when the
// variable is never reassigned, its address never taken, and it is at most 128 bytes.
//
// The inliner (Inline/) inlines a literal's body at its calls and copies a function's literals
// into its callers when it inlines the function, as Go's does.

import GoHeap

extension Checker {
  /// The type of a function value of `f`'s signature (a method's receiver excluded).
  func functionType(_ f: Function) -> GoType {
    GoType.function(
      params: f.explicitParams.map(\.type), results: f.results.map(\.type), variadic: f.variadic)
  }

  /// `func(params) results` as a type: the parameters' types (a variadic one as its slice).
  func resolveFunctionType(
    _ params: [Param], _ results: [Param], variadic: Bool, _ scope: LexicalScope
  ) throws -> GoType {
    var ps: [GoType] = []
    for (k, p) in params.enumerated() {
      let t = try resolveType(p.type, scope, byValue: false)
      ps.append(variadic && k == params.count - 1 ? .slice(of: t) : t)
    }
    let rs = try results.map { try resolveType($0.type, scope, byValue: false) }
    return .function(params: ps, results: rs, variadic: variadic)
  }

  /// A declared function named where a value is wanted (`h := fib`, `apply(double, 3)`).
  func functionValue(_ f: Function, _ span: Span) -> Operand {
    value(TypedExpr(.functionValue(f), functionType(f), span))
  }

  // MARK: Literals

  /// `func(params) results { body }`: a Function of its own, checked now in the scope where it
  /// is written, so that the names it uses from enclosing functions become captures.
  func functionLiteral(_ d: FuncDecl, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    if let e = d.misplacedEllipsis { throw fail(.typeError("can only use ... with final parameter"), at: e) }
    let outer = function
    let f = Function(name: literalName(in: outer), decl: d, isScript: false)
    f.outer = outer
    f.literalSpan = span
    let inner = LexicalScope(parent: scope, function: f)
    try declareSignature(d.paramList, d.results, variadic: d.variadic, of: f, in: inner, typesIn: scope)
    outer.closures.append(f)
    // The body, as a declared function's (checkBody), with the enclosing function's loop
    // targets out of reach: `break` inside a literal cannot leave a loop around it.
    inBody(of: f) {
      checkBranches(d.body, start: span.start)
      f.body = block(d.body, inner)
    }
    if !f.results.isEmpty && !isTerminating(d.body) {
      fail(.typeError("missing return"), at: Span(max(d.span.end - 1, d.span.start), d.span.end))
    }
    return value(TypedExpr(.closure(f, closureSite(f, span, text: "func literal", reportAt: span.start)), functionType(f), span))
  }

  /// The allocation of a literal's funcval, a site of the function being checked where the
  /// literal is written: escape analysis puts it in the frame or on the heap ("func literal
  /// escapes to heap", at `reportAt`).
  func closureSite(_ f: Function, _ span: Span, text: String, reportAt: Int) -> AllocationSite {
    let site = AllocationSite(kind: .closure, span: span, type: .uintptr, text: text)
    site.reportAt = reportAt
    site.constantCount = 1
    site.closureFunction = f
    function.sites.append(site)
    return site
  }

  /// Checks a literal's body: `f` the function being checked, with the enclosing function's
  /// loop targets out of reach (`break` inside a literal cannot leave a loop around it).
  func inBody(of f: Function, _ check: () -> Void) {
    f.checked = true
    let saved = (function, loops, rangeFuncs)
    (function, loops, rangeFuncs) = (f, [], [])
    defer { (function, loops, rangeFuncs) = saved }
    check()
  }

  /// Go's name for a literal: the outermost declared function's name, `.funcN` numbered in
  /// source order within it, and `.N` for each level of nesting (`main.func1`,
  /// `main.func1.1`; ir.closureName). Top-level script code counts as `main`, but a Go
  /// program's package-level initializers are `init` (Go 1.27.3; `glob.` in Go 1.19.8:
  /// runs/syncpool's `var pool = sync.Pool{New: func() any {...}}`).
  private func literalName(in outer: Function) -> String {
    let n = outer.closures.filter { !$0.isMethodValueWrapper && !$0.isRangeFuncBody }.count + 1
    if outer.isLiteral { return "\(outer.name).\(n)" }
    if outer.isScript && isGoPackage { return profile.version >= GoVersion(1, 20) ? "init.func\(n)" : "glob..func\(n)" }
    return "\(outer.isScript ? "main" : outer.name).func\(n)"
  }

  /// The variable `v` as the function being checked sees it: itself when it is a global or
  /// declared in this function, else (a local of an enclosing function, used in a literal) the
  /// literal's capture of it — made on first use, through every literal in between.
  func captured(_ v: Variable) -> Variable {
    guard v.storage != .global, let owner = v.function, owner !== function,
      function.isLiteral, owner.contains(function)
    else { return v }
    return capture(v, into: function)
  }

  private func capture(_ v: Variable, into f: Function) -> Variable {
    if v.function === f { return v }
    guard let outer = f.outer else { return v }
    let from = capture(v, into: outer)
    if let existing = f.captures.first(where: { $0.capturedFrom === from }) { return existing }
    let c = Variable(name: v.name, type: v.type, span: v.span, storage: .captured, function: f)
    c.capturedFrom = from
    f.captures.append(c)
    return c
  }

  // MARK: Calls through values

  /// `f(args)` where f is a value of function type: the arguments are checked against its
  /// signature as a declared function's are (types2 call.go arguments).
  func valueCall(
    _ callee: Operand, _ args: [Expr], _ spread: Bool, _ scope: LexicalScope, _ span: Span
  ) throws -> Operand {
    guard case .function(let params, let results, let variadic) = callee.type.kind else {
      throw fail(.typeError("invalid operation: cannot call non-function \(callee.goText) (\(describe(callee)))"), at: callee.expr.span)
    }
    let (typed, spill) = try arguments(
      params: params, variadic: variadic, args, spread, scope, span, name: callee.text)
    let type: GoType = results.count == 1 ? results[0] : results.isEmpty ? noValueType : tupleType(results)
    var node = TypedExpr(.callValue(callee.expr, typed), type, span)
    if let spill { node = TypedExpr(.initialized([spill], node), node.type, span) }
    var op = value(node)
    op.isCallResult = true
    return op
  }
}

extension Checker {
  // MARK: Static initialisation

  /// Whether a package-level variable's initializer is data the linker lays out, with no code
  /// run at start (staticinit/sched.go StaticAssign): a constant, nil, a func literal that
  /// captures nothing (its funcval is a read-only symbol), a struct or array literal of those
  /// (`var pool = sync.Pool{New: func() any { ... }}`), and a slice literal or `&T{...}` of
  /// those, whose array or object is data too (`var seeds = []int64{1, 2}`).
  static func isStaticInitializer(_ e: TypedExpr) -> Bool {
    switch e.kind {
    case .constant, .nilValue: return true
    case .closure(let f, _): return f.captures.isEmpty
    case .composite(let elems, let site) where e.type.isStruct || e.type.isArray || (e.type.isSlice && site != nil):
      return elems.allSatisfy { isStaticInitializer($0.value) }
    case .addressOf(let x):
      guard case .composite(_, _?) = x.kind else { return false }
      return isStaticInitializer(x)
    default: return false
    }
  }

  /// `var ErrNotFound = errors.New("not found")`: Go 1.27.3 inlines errors.New into the
  /// package's initialisation and lays the `&errorString{"not found"}` out as data — no
  /// malloc, no -m line; Go 1.19.8 allocates it on the heap at start-up (`&errors.errorString{...}
  /// escapes to heap`), one malloc each (measured with eight such variables: Mallocs at main
  /// unchanged in Go 1.27.3, 8 more in Go 1.19.8).
  static func isStaticErrorsNew(_ e: TypedExpr, _ profile: RuntimeProfile) -> Bool {
    guard profile.version >= GoVersion(1, 20), case .builtin(.errorsNew, let args, _) = e.kind, e.site != nil,
      args.count == 1, case .string? = args[0].constant
    else { return false }
    return true
  }

  /// A static initializer allocates nothing and escape analysis never sees it: its func
  /// literals, slice arrays and `&T{...}` objects are read-only or writable data of the binary
  /// (Go 1.27.3 and 1.19.8 print no -m line for them: Tests/Recordings/runs/syncpool,
  /// runs/mathrand, whose start-up heap has no `seeds` array).
  static func markStatic(_ e: TypedExpr) {
    switch e.kind {
    case .closure(_, let site): site.text = ""
    case .composite(let elems, let site):
      if let site, e.type.isSlice || site.kind == .compositeAddress {
        site.text = ""
        site.staticData = true
      }
      for x in elems { markStatic(x.value) }
    case .addressOf(let x): markStatic(x)
    case .builtin(.errorsNew, _, _):
      e.site?.text = ""
      e.site?.staticData = true
    default: break
    }
  }
}

