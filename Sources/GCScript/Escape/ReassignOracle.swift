// ReassignOracle: which local variables are assigned exactly once, and from what — Go's
// ir.ReassignOracle and ir.StaticValue — for escape analysis's rewriteWithLiterals.
//
// Go 1.25+ escape analysis (escape.go rewriteWithLiterals) replaces a `make` size that is not a
// constant by a literal when its static value is one: a local assigned once from a constant
// (or, for `len(x)`, from a slice literal whose length is known). Inlining is what makes this
// matter: `makeBuf(64)` inlined is `n := 64; ... make([]byte, n)`, whose `n` is the constant
// 64 — so the make has a constant size and can stay in the frame, and -m prints it as
// `make([]byte, 64)`. StaticValue follows only locals (PAUTO: an inlined call's parameters are
// the caller's locals, the function's own parameters are not) that are never reassigned: not
// by another assignment, `op=`, `++`, a range, nor through their address.

import GoHeap

/// The single definitions of a function's locals.
struct ReassignOracle {
  /// A local's defining value, when it is assigned exactly once.
  private var definitions: [ObjectIdentifier: TypedExpr] = [:]
  /// Locals assigned more than once, or in a way that has no single value.
  private var reassigned: Set<ObjectIdentifier> = []

  init(_ body: [TypedStmt]) {
    for s in body { statement(s) }
  }

  private mutating func define(_ v: Variable, _ value: TypedExpr?) {
    let id = ObjectIdentifier(v)
    if let value, definitions[id] == nil, !reassigned.contains(id) {
      definitions[id] = value
    } else {
      definitions[id] = nil
      reassigned.insert(id)
    }
  }

  private mutating func assigned(_ t: AssignTarget?, _ value: TypedExpr?) {
    guard case .place(let e)? = t, case .variable(let v) = e.kind else { return }
    // A closure's assignment to a captured variable assigns the variable it stands for. (A
    // parameter's assignments are kept too: the inliner asks whether one is never assigned.)
    if v.storage == .local || v.storage == .captured || v.storage == .parameter { define(v.canonical, value) }
  }

  /// The variable has exactly one definition, its address never taken: what it holds is known.
  func hasSingleDefinition(_ v: Variable) -> Bool {
    // (ir.StaticValue follows a local, PAUTO, never a parameter.)
    v.canonical.storage == .local && definitions[ObjectIdentifier(v.canonical)] != nil && !v.canonical.addressTaken
  }

  /// A parameter the body never assigns, nor takes the address of: it keeps its argument.
  func neverAssigned(_ v: Variable) -> Bool {
    let id = ObjectIdentifier(v)
    return definitions[id] == nil && !reassigned.contains(id) && !v.addressTaken
  }

  /// The value an inlined call's single result is given, when one `return` gives it (the
  /// inlined body's own statements: `~R0 = func literal`).
  static func returnedValue(of ic: InlinedCall) -> TypedExpr? {
    guard let r = ic.result, !ic.callee.namedResults else { return nil }
    let oracle = ReassignOracle(ic.body)
    return oracle.definitions[ObjectIdentifier(r)]
  }

  private mutating func statement(_ s: TypedStmt) {
    switch s.kind {
    case .expression(let e), .sleep(let e): expression(e)
    case .assign(let ts, let vs):
      for (t, v) in zip(ts, vs) { assigned(t, v) }
      for case .place(let t) in ts { expression(t) }
      for v in vs { expression(v) }
    case .assignCall(let ts, let call):
      // Several values from one call: none of the targets has a single known value.
      for t in ts { assigned(t, nil) }
      for case .place(let t) in ts { expression(t) }
      expression(call)
    case .zero(let vars): for v in vars { define(v, nil) }
    case .deferStmt(let d), .goStmt(let d):
      for x in d.setup { statement(x) }
      expression(d.call)
    case .mapLookup(let v, let ok, let e):
      assigned(v, nil)
      assigned(ok, nil)
      for case .place(let t) in [v, ok] { expression(t) }
      expression(e)
    case .opAssign(_, let t, let v):
      assigned(.place(t), nil)
      expression(t)
      expression(v)
    case .block(let b): for x in b { statement(x) }
    case .ifStmt(let i, let c, let t, let e):
      if let i { statement(i) }
      expression(c)
      for x in t { statement(x) }
      if let e { statement(e) }
    case .loop(_, let i, let c, let p, let b):
      if let i { statement(i) }
      if let c { expression(c) }
      if let p { statement(p) }
      for x in b { statement(x) }
    case .range(let r):
      assigned(r.key, nil)
      assigned(r.value, nil)
      expression(r.operand)
      for x in r.body { statement(x) }
    case .returnStmt(let es): es.forEach { expression($0) }
    case .inlineReturn(let reference, let es):
      let ic = reference.call
      // `~R0, ~R1 = x, y`; a bare return of named results assigns nothing.
      for (r, e) in zip(ic.results, es) { define(r, e) }
      es.forEach { expression($0) }
    case .stats(let l, _): for x in l { expression(x) }
    case .expect(let x): expression(x.value)
    case .setGCPercent(let e), .setMemoryLimit(let e): if let e { expression(e) }
    case .switchStmt(let sw):
      if let i = sw.initStmt { statement(i) }
      if let tag = sw.tag { expression(tag) }
      for c in sw.clauses {
        for v in c.values { expression(v) }
        for x in c.body { statement(x) }
      }
    case .breakStmt, .continueStmt, .fallthroughStmt, .gc, .free, .why, .roots, .explain, .heapMap: break
    }
  }

  /// Address-taken variables and inlined calls' parameters, anywhere in an expression.
  private mutating func expression(_ e: TypedExpr) {
    switch e.kind {
    case .addressOf(let x): if let v = Self.addressedVariable(x) { define(v.canonical, nil) }
    // A literal's body assigns the enclosing function's variables it captures (ir.Name.Canonical).
    case .closure(let fn, _): for s in fn.body { statement(s) }
    case .slice(let b, _, _, _) where b.type.isPointer:
      if case .addressOf(let x) = b.kind, let v = Self.addressedVariable(x) { define(v, nil) }
    case .inlinedCall(let ic):
      // The arguments are the caller's expressions (a literal passed to the inlined function
      // assigns what it captures: a range-over-func body given to an inlined iterator).
      for (p, a) in zip(ic.params, ic.args) {
        define(p, a)
        expression(a)
      }
      // Named results are zeroed at the call (inl.go's retvars `n = nil`): a definition of
      // their own, so any other assignment reassigns them.
      if ic.callee.namedResults { for r in ic.results { define(r, nil) } }
      for s in ic.body { statement(s) }
    default: break
    }
    var children: [TypedExpr] = []
    if case .inlinedCall = e.kind {} else { e.forEachChild { children.append($0) } }
    for c in children { expression(c) }
  }

  private static func addressedVariable(_ e: TypedExpr) -> Variable? {
    switch e.kind {
    case .variable(let v): return v
    case .field(let b, _): return addressedVariable(b)
    case .index(let b, _) where b.type.isArray: return addressedVariable(b)
    default: return nil
    }
  }

  /// ir.StaticValue: what an expression is known to be, following single definitions of
  /// locals and inlined calls' results.
  func staticValue(_ e: TypedExpr) -> TypedExpr {
    var e = e
    var steps = 0
    while steps < 64 {
      steps += 1
      switch e.kind {
      case .conversion(let x) where InlineCostVisitor.changesNoBits(from: x.type, to: e.type): e = x
      case .inlinedCall(let ic):
        guard let r = ic.result, let d = definitions[ObjectIdentifier(r)] else { return e }
        e = d
      case .variable(let captured):
        // A closure's captured variable is its enclosing function's (Canonical), whose single
        // definition is in that function (an oracle of it: `enclosing`).
        let v = captured.canonical
        guard v.storage == .local, !v.addressTaken, let d = definitions[ObjectIdentifier(v)] else { return e }
        e = d
      default: return e
      }
    }
    return e
  }
}

extension Batch {
  /// escape.go rewriteWithLiterals: a `make` whose size (its capacity, else its length) has a
  /// constant static value gets that constant — its size becomes known, and -m prints it.
  func rewriteWithLiteral(_ site: AllocationSite, _ size: TypedExpr) {
    guard site.constantCount == nil, size.constant == nil else { return }
    if oracle == nil { oracle = ReassignOracle(function.body) }
    let value = oracle!.staticValue(size)
    var count: Int? = nil
    if case .int(let n)? = value.constant, n >= 0, n < Int128(Int.max) {
      count = Int(n)
    } else if case .builtin(.len, let args, _) = value.kind,
      case .composite(_, let literal?) = oracle!.staticValue(args[0]).kind, literal.kind == .sliceLiteral
    {
      count = literal.constantCount
    }
    guard let count else { return }
    site.constantCount = count
    // The size argument is the last one the text shows: `make([]byte, n)`, `make([]int, 0, n)`.
    if let comma = site.text.lastIndex(of: ",") {
      site.text = site.text[...comma] + " \(count))"
    }
  }
}
