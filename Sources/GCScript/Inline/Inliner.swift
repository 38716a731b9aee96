// Inliner: replaces calls of small functions by copies of their bodies, as the Go compiler
// does before escape analysis (cmd/compile/internal/inline/inl.go, and for Go 1.22+ the
// driver in inline/interleaved/interleaved.go). It runs between Check and Escape.
//
// Why it matters here: escape analysis runs on the inlined code. `newPoint(1, 2)` returns
// `&Point{...}`, which escapes from newPoint; after inlining, that allocation is a new site in
// the caller, judged in the caller's context, and stays on the stack when the caller keeps the
// pointer to itself. Go's -m output and the run's allocations both follow from it.
//
// Two passes, as in inl.go:
//
//  1. CanInline, callees before callers (ir.VisitFuncsBottomUp): a function is inlinable when
//     it is not marked //go:noinline and its body costs at most inlineMaxBudget (80): the
//     hairyVisitor's node count (InlineCost.swift), where a call that will itself be inlined
//     costs the callee's cost and any other call inlineExtraCallCost (57). Loops are allowed
//     (since Go 1.16); panics cost little (inlineExtraPanicCost). The body as checked is kept:
//     every inlined call copies it (fn.Inl).
//  2. InlineCalls, for each function (and gcsh's top-level code): every call of an inlinable
//     function becomes an InlinedCall (mkinlcall): the parameters become fresh locals assigned
//     from the arguments, `return x` an assignment to a result variable and a jump to the
//     end, and each variable and allocation site of the copy a new one of the caller. Calls in
//     the copy are inlined in turn, with the same budget (canInlineCallExpr), until a callee
//     is already being inlined on the way there ("repeated recursive cycle").
//
// The eras differ (CompilerProfile.InlinerEra):
//   - Go 1.19.8 (InlinePackage): a function calling itself is "recursive" and never inlinable;
//     each function gets CanInline and then InlineCalls before the next one; a call in the
//     copy is inlined as soon as the copy is made (depth first), never the function being
//     compiled (`fn == ir.CurFunc`). -m prints, function by function, "can inline f" and then
//     the calls inlined into it.
//   - Go 1.27.3: every function's CanInline comes first (CanInlineFuncs), so -m prints every
//     "can inline" before any "inlining call to". Recursion is not excluded: a recursive call
//     costs 57 (the callee's cost is not known yet), and a cheap recursive function is inlined
//     once into itself. Calls are inlined level by level (the parens fixpoint of
//     interleaved.go): first the calls of the function's own body, then those of the copies.
//   - Both: a caller with 5000 IR nodes or more is "big" (IsBigFunc) and only takes inlinees
//     of cost 20 or less (inlineBigFunctionMaxCost). PGO is not modelled (no profile), and
//     inlheur (GOEXPERIMENT=newinliner) is off by default in Go 1.27.
//
// -m positions: a copy's allocations and variables are reported at the outermost inlined
// call's `(` (base.FmtPos prints an inlined position as its outermost call site), which is
// why Go's -m shows `new(int) does not escape` at the call in counterLocal and again at the
// call of counterLocal in main.
//
// gcsh-only rules: a function with a runtime statement (`gc`, `stats`, `sleep`, ...) is not
// inlinable, since those statements report on the frame they run in; the calls of `main` and
// `init` that start a program are never inlined (the Go runtime calls main through a function
// value); and in the REPL only functions declared in the same run are inlined (a copy's
// positions are in its own source).

import GoHeap

final class Inliner {
  let compiler: CompilerProfile
  let model: InlineCostModel
  /// The -m lines, in the order Go prints them.
  private(set) var diagnostics: [EscapeDiagnostic] = []
  /// The inlinable go and defer wrappers' costs by name (`f.gowrap1`), as -m -m prints them.
  private(set) var wrapperCosts: [String: Int] = [:]
  var source = Source(name: "", text: "")
  /// The run's own source, and whether the function being worked on is a library's.
  private var programSource = Source(name: "", text: "")
  private var muted = false
  /// The functions of the run (only these are inlined: see above).
  private var declared: Set<ObjectIdentifier> = []
  /// The devirtualizing lines, function by function: Go 1.27.3 prints them after the `can
  /// inline` lines and before the `inlining call` lines (interleaved.go devirtualizes a
  /// function's calls before inlining into it), Go 1.19.8 after every inlining line (its
  /// devirtualize pass runs after inlining).
  private var devirtualized: [EscapeDiagnostic] = []
  private var devirtualizedAt: Int? = nil
  /// The run's methods by their type and name (what devirtualization looks up).
  private var methods: [ObjectIdentifier: [String: Function]] = [:]

  init(compiler: CompilerProfile) {
    self.compiler = compiler
    model = InlineCostModel(compiler)
  }

  /// Decides which of the run's functions are inlinable and inlines calls of them into every
  /// function of the run and its top-level code.
  func run(_ program: CheckedProgram, source: Source) {
    self.source = source
    programSource = source
    diagnostics = []
    wrapperCosts = [:]
    guard let era = compiler.inliner else { return }
    declared = Set(program.functions.map(ObjectIdentifier.init))
    methods = [:]
    devirtualized = []
    devirtualizedAt = nil
    for f in program.functions {
      if let (base, _) = f.receiver, let name = f.decl?.name { methods[ObjectIdentifier(base), default: [:]][name] = f }
    }
    for f in program.functions {
      f.inlineBody = f.body
      f.inlineCost = nil
      f.inlineReason = nil
    }
    let batches = EscapeAnalysis.callGraphComponents(program.functions)
    switch era {
    case .go119:
      for batch in batches {
        let recursive = batch.count > 1 || calls(batch[0], batch[0])
        for f in batch {
          if !recursive || batch.count > 1 {
            canInline(f)
          } else {
            f.inlineReason = "recursive"
          }
          inlineCalls(f)
          // Go 1.19 inlines into a function's closures as part of the function.
          for c in f.withLiterals.dropFirst() { inlineLiteral(c) }
        }
      }
    case .go127:
      // (A function's literals right after it, as CanInlineFuncs visits them.)
      for batch in batches {
        for f in batch {
          canInline(f)
          for c in f.withLiteralsInCompileOrder.dropFirst() { canInlineLiteral(c) }
        }
      }
      for c in program.script.withLiteralsInCompileOrder.dropFirst() { canInlineLiteral(c) }
      devirtualizedAt = diagnostics.count
      for batch in batches { for f in batch { inlineCalls(f) } }
    }
    inlineCalls(program.script)
    diagnostics.insert(contentsOf: devirtualized, at: devirtualizedAt ?? diagnostics.count)
    // Calls in literals' bodies are inlined too (the literals themselves are not, yet).
    let withLiteralsDone = era == .go119 ? [program.script] : program.functions + [program.script]
    for c in withLiteralsDone.flatMap({ $0.withLiterals.dropFirst() }) { inlineLiteral(c) }
  }

  /// A literal's calls inlined, and why the literal itself is not (Go 1.20+ decides that
  /// earlier, with its function's: `canInlineLiteral`).
  private func inlineLiteral(_ c: Function) {
    if compiler.inliner != .go127 { canInlineLiteral(c) }
    inlineCalls(c)
  }

  /// CanInline of a literal.
  private func canInlineLiteral(_ c: Function) {
    working(on: c)
    // CanInline (inl.go), which -m reports for a literal as for a function (`can inline
    // main.func1`, at its `func`): Go 1.20+ gives a literal the budget of one called once,
    // 800 (inlineBudget: `if fn.ClosureParent != nil`), Go 1.19 the usual 80. gcsh does not
    // inline calls of literals yet, so the literal keeps no cost.
    let cost = inlineCost(of: c.body)
    let budget = compiler.inliner == .go127 ? 10 * InlineCostModel.maxBudget : InlineCostModel.maxBudget
    c.inlineCost = nil
    if !c.defers.isEmpty {
      c.inlineReason = "unhandled op DEFER"
      reportWrappers(c)
    } else if !c.goStatements.isEmpty {
      c.inlineReason = "unhandled op GO"
      reportWrappers(c)
    } else if callsRecover(c.body) {
      c.inlineReason = "call to recover"
    } else if c.body.contains(where: { $0.containsRuntimeStatement }) {
      c.inlineReason = "gcsh runtime statement"
    } else if cost > budget {
      c.inlineReason = "function too complex: cost \(cost) exceeds budget \(budget)"
    } else {
      if let at = c.literalSpan?.start, !c.isMethodValueWrapper { report(at, "can inline \(c.name)") }
      c.inlineReason = "gcsh does not inline function literals"
    }
  }

  /// Whether f's body calls g.
  private func calls(_ f: Function, _ g: Function) -> Bool {
    var found = false
    for s in f.body {
      s.forEachExpression { e in
        func visit(_ e: TypedExpr) {
          if case .call(let h, _) = e.kind, h === g { found = true }
          e.forEachChild(visit)
        }
        visit(e)
      }
    }
    return found
  }

  // MARK: CanInline

  /// inl.go CanInline: decides f's inlinability and cost.
  private func canInline(_ f: Function) {
    working(on: f)
    // The wrappers of its go and defer statements are functions of their own, reported even
    // when f itself is not inlinable.
    if !f.defers.isEmpty || !f.goStatements.isEmpty { reportWrappers(f) }
    if f.noinline {
      f.inlineReason = "marked go:noinline"
      return
    }
    let body = f.inlineBody ?? f.body
    if !f.defers.isEmpty || !f.goStatements.isEmpty {
      // hairyVisitor meets the first in source order.
      let deferFirst = (f.defers.first?.span.start ?? Int.max) < (f.goStatements.first?.span.start ?? Int.max)
      f.inlineReason = deferFirst ? "unhandled op DEFER" : "unhandled op GO"
      return
    }
    if callsRecover(body) {
      // inl.go: recover finds its panic through the caller's frame ("call to recover").
      f.inlineReason = "call to recover"
      return
    }
    if body.contains(where: { $0.containsRuntimeStatement }) {
      f.inlineReason = "gcsh runtime statement"
      return
    }
    let cost = inlineCost(of: body)
    if cost > InlineCostModel.maxBudget {
      f.inlineReason = "function too complex: cost \(cost) exceeds budget \(InlineCostModel.maxBudget)"
      return
    }
    if !f.closures.isEmpty {
      // Go inlines such a function, copying the literal into the caller as a new closure;
      // gcsh cannot copy one yet, so -m lacks its "can inline" (grammar.md).
      f.inlineReason = "gcsh does not inline a function containing a function literal"
      return
    }
    f.inlineCost = cost
    report(f.declarationOffset, "can inline \(f.name)")
  }

  /// What a call costs its caller: the callee's body when the caller would inline it, else
  /// the extra call cost.
  private func callCost(_ g: Function) -> Int {
    if let cost = g.inlineCost, declared.contains(ObjectIdentifier(g)), cost <= InlineCostModel.maxBudget {
      return cost
    }
    return InlineCostModel.extraCallCost
  }

  /// Go 1.20+ turns each deferred call into a wrapper closure, `f.deferwrap1`, ... (typecheck
  /// normalizeGoDeferCall), before inlining: -m says which wrappers can be inlined, at their
  /// defer statements — the wrapper's cost is its call with the captured variables as
  /// arguments. (The wrappers are never inlined: a deferred closure is called by the defer.)
  private func reportWrappers(_ f: Function) {
    guard compiler.inliner == .go127 else { return }
    let visitor = InlineCostVisitor(model: model, callCost: callCost)
    var wrappers = 0
    var goWrappers = 0
    let statements = (f.defers.map { ($0, false) } + f.goStatements.map { ($0, true) }).sorted { $0.0.span.start < $1.0.span.start }
    for (d, isGo) in statements {
      // A call of a function without parameters or results is already in normal form: no
      // wrapper (typecheck/stmt.go normalizeGoDeferCall).
      if d.isNormalForm { continue }
      if isGo { goWrappers += 1 } else { wrappers += 1 }
      let cost = visitor.cost(d.call)
      if cost <= InlineCostModel.maxBudget {
        let name = "\(f.name).\(isGo ? "gowrap\(goWrappers)" : "deferwrap\(wrappers)")"
        report(d.span.start, "can inline \(name)")
        wrapperCosts[name] = cost
      }
    }
  }

  private func report(_ offset: Int, _ message: String) {
    if !muted { diagnostics.append(EscapeDiagnostic(offset: offset, message: message)) }
  }

  /// Adds -m lines the inliner did not make itself (a generic's wrappers').
  func append(_ lines: [EscapeDiagnostic]) { diagnostics += lines }

  /// Sets the inliner to work on f: in its library's source, reporting nothing of a library's
  /// own functions (Go prints those lines when it compiles the library's package).
  private func working(on f: Function) {
    // (A second instance of a generic's shape: Go compiles the shape's body once.)
    muted = f.library != nil || f.instance?.representative == false
    source = f.library?.source ?? programSource
  }

  // MARK: InlineCalls

  /// One "inlining call to" line, with its place in Go 1.27's level-by-level order: the
  /// indices of the calls on the way from the function's body (each index counts the calls of
  /// one body in post-order, as interleaved.go's mark collects them).
  private struct Inlined {
    let path: [Int]
    let line: EscapeDiagnostic
  }

  /// The function being compiled, its max inlinee cost, and the lines so far.
  private var caller: Function? = nil
  private var maxCost = InlineCostModel.maxBudget
  private var inlined: [Inlined] = []

  /// Inlines the calls in f's body (InlineCalls / DevirtualizeAndInlineFunc).
  /// hairyVisitor's cost of a body: calls at their callees' costs, a call through a value
  /// at its static callee's.
  private func inlineCost(of body: [TypedStmt]) -> Int {
    var visitor = InlineCostVisitor(model: model, callCost: callCost)
    visitor.staticCallee = staticCallees(in: body)
    return visitor.cost(body)
  }

  /// The declared function a callee expression of `body` statically is (ir.StaticValue: a
  /// local assigned once, never reassigned nor address-taken, from a function's name).
  private func staticCallees(in body: [TypedStmt]) -> (TypedExpr) -> Function? {
    let oracle = ReassignOracle(body)
    return { e in
      if case .functionValue(let g) = oracle.staticValue(e).kind { return g }
      return nil
    }
  }

  /// devirtualize.go StaticCall: a call through an interface whose value is statically
  /// (ir.StaticValue) a conversion of a concrete type T calls T's method directly; -m says
  /// `devirtualizing s.area to square` at the call's `(`.
  private func devirtualizer(
    in body: [TypedStmt], report: @escaping (EscapeDiagnostic) -> Void
  ) -> (TypedExpr) -> (Function, GoType)? {
    let oracle = ReassignOracle(body)
    return { [unowned self] call in
      guard case .callValue(let callee, _) = call.kind, case .interfaceMethod(let x, let k) = callee.kind,
        let wanted = x.type.interfaceMethods?[k].name
      else { return nil }
      let value = oracle.staticValue(x)
      guard case .conversion(let y) = value.kind, value.type.isInterface, !y.type.isInterface else { return nil }
      let t = y.type
      guard let base = t.name != nil ? t : t.pointee, base.name != nil,
        let g = self.methods[ObjectIdentifier(base)]?[wanted], let (_, pointer) = g.receiver,
        t.isPointer || !pointer
      else { return nil }
      let at = self.openParen(after: callee.span.end)
      report(EscapeDiagnostic(offset: at, message: "devirtualizing \(irExpressionText(self.text(callee.span))) to \(t)"))
      return (g, t)
    }
  }

  /// The source text of a span.
  private func text(_ span: Span) -> String {
    let bytes = source.bytes
    let a = min(max(0, span.start), bytes.count)
    return String(decoding: bytes[a..<min(max(a, span.end), bytes.count)], as: UTF8.self)
  }

  private func inlineCalls(_ f: Function) {
    working(on: f)
    guard f.body.contains(where: { s in
      s.containsCall(where: { self.inlinable($0) }) || s.containsCallValue || s.containsBuiltin(where: inlinesPackageCall)
    })
    else { return }
    caller = f
    inlined = []
    let nodes = InlineCostVisitor(model: model, callCost: nil).cost(f.body)
    maxCost = nodes >= InlineCostModel.bigFunctionNodes ? InlineCostModel.bigFunctionMaxCost : InlineCostModel.maxBudget
    let rewriter = BodyRewriter(caller: f, copying: nil)
    rewriter.staticCallee = staticCallees(in: f.body)
    rewriter.inlinesDevirtualized = compiler.inliner == .go127
    // Go 1.19's inliner leaves a deferred call alone (inl.go: ODEFER's call is NoInline); Go
    // 1.20+ makes the defer's wrapper closure first and inlines into it.
    rewriter.inlinesDeferredCalls = compiler.inliner == .go127
    var counter = 0
    rewriter.onCall = { [unowned self] call, g, args in
      defer { counter += 1 }
      return self.tryInline(call, g, args, chain: [], path: [counter], outermost: nil)
    }
    rewriter.inlinesPackageCall = { [unowned self] in self.inlinesPackageCall($0) }
    rewriter.onPackageCall = { [unowned self] call, b in
      defer { counter += 1 }
      self.packageInlined(call, b, path: [counter], outermost: nil)
    }
    rewriter.devirtualize = devirtualizer(in: f.body) { [unowned self] line in
      if !self.muted { self.devirtualized.append(line) }
    }
    f.body = f.body.map(rewriter.statement)
    caller = nil
    var lines = inlined
    if compiler.inliner == .go127 {
      // Level by level, each level in the order its calls were found.
      // (Equal paths keep their order: a devirtualizing line before its inlining line.)
      lines = lines.enumerated().sorted { x, y in
        let (a, b) = (x.element, y.element)
        if a.path.count != b.path.count { return a.path.count < b.path.count }
        if a.path != b.path { return a.path.lexicographicallyPrecedes(b.path) }
        return x.offset < y.offset
      }.map(\.element)
    }
    // A method value's wrapper is the compiler's code, reported at `<autogenerated>:1` (the
    // escape corpus leaves such lines out; gcsh does not print them).
    if !f.isMethodValueWrapper && !muted { diagnostics += lines.map(\.line) }
  }

  /// Whether a call may be inlined at all (before the budget and recursion checks).
  private func inlinable(_ g: Function) -> Bool {
    // Go 1.19 calls a generic's shaped body with its dictionary and never inlines that call
    // (`Sum[go.shape.int_0](&.dict.Sum[int], xs)`, runs/generics); Go 1.20+ inlines it.
    if g.instance != nil && !compiler.unifiedGenerics { return false }
    return g.inlineCost != nil && declared.contains(ObjectIdentifier(g))
  }

  /// mkinlcall: the call replaced by a copy of g's body, or nil when it is not inlined.
  /// `chain` holds the functions being inlined on the way here (the inlining tree's parents).
  private func tryInline(
    _ call: TypedExpr, _ g: Function, _ args: [TypedExpr], chain: [Function], path: [Int], outermost: Int?
  ) -> TypedExpr? {
    guard let f = caller, inlinable(g), let cost = g.inlineCost, cost <= maxCost else { return nil }
    // The calls that start a program (gcsh's top-level code calling main and init).
    if f.isScript && g.receiver == nil && (g.name == "main" || g.name == "init") { return nil }
    // Recursion: a callee already being inlined here ("repeated recursive cycle"); Go 1.19
    // also never inlines the function being compiled into itself.
    if chain.contains(where: { $0 === g }) { return nil }
    if compiler.inliner == .go119 && g === f { return nil }
    // A call is at its `(`; a method call's is after its receiver (`f().M(`).
    let receiverEnd = g.receiver != nil ? args.first?.span.end : nil
    let at = outermost ?? (call.isRangeFuncCall ? call.span.start : openParen(after: receiverEnd ?? call.span.start))
    inlined.append(Inlined(path: path, line: EscapeDiagnostic(offset: at, message: "inlining call to \(g.name)")))
    var copy = BodyRewriter.Copy(reportAt: at)
    if let library = g.library, f.library == nil {
      copy.library = (library.package, library.source, call.span)
      copy.explicitConversions = compiler.inliner == .go119
    }
    let copier = BodyRewriter(caller: f, copying: copy)
    let params = g.params.map(copier.variable)
    // The results (inl.go retvars): the callee's named results become the caller's locals as
    // its other variables do; unnamed ones are new locals ~R0, ~R1, ...
    let results = g.results.enumerated().map { k, r in
      g.namedResults ? copier.variable(r)
        : copier.newLocal(Variable(name: "~R\(k)", type: r.type, span: call.span, storage: .local, function: f))
    }
    let ic = InlinedCall(callee: g, params: params, args: args, results: results, reportAt: at)
    copier.inlinedCall = ic
    // Go 1.20+ reads an inlined body afresh, its locals' single values known; Go 1.19's copies
    // (inlvars without a definition) resolve none.
    if compiler.inliner == .go127 { copier.staticCallee = staticCallees(in: g.inlineBody ?? g.body) }
    var counter = 0
    copier.onCall = { [unowned self] call, h, args in
      defer { counter += 1 }
      return self.tryInline(call, h, args, chain: chain + [g], path: path + [counter], outermost: at)
    }
    copier.inlinesPackageCall = { [unowned self] in self.inlinesPackageCall($0) }
    copier.onPackageCall = { [unowned self] call, b in
      defer { counter += 1 }
      self.packageInlined(call, b, path: path + [counter], outermost: at)
    }
    ic.body = (g.inlineBody ?? g.body).map(copier.statement)
    return TypedExpr(.inlinedCall(ic), call.type, call.span)
  }

  /// Whether Go's inliner of this compiler inlines a call of the package function.
  private func inlinesPackageCall(_ b: Builtin) -> Bool { packageInlining(b) != nil }

  /// What this compiler's inliner does with a call of the package function.
  private func packageInlining(_ b: Builtin) -> PackageInline? {
    b.packageInlining(go127: compiler.inliner == .go127) ?? b.genericInlining
  }

  /// A call of a package function Go inlines (PackageInlining.swift): its line, and a line for
  /// each call inlined into its body, one level down each, all at the call's `(` (the outermost
  /// call's in an inlined body).
  private func packageInlined(_ call: TypedExpr, _ b: Builtin, path: [Int], outermost: Int?) {
    guard case .builtin(_, let args, _) = call.kind, caller != nil, var tree = packageInlining(b) else { return }
    // A method's `(` is after its receiver (`b.WriteString(`); a function's after its name.
    let receiverEnd = b.isMethod ? args.first?.span.end : nil
    let at = outermost ?? openParen(after: receiverEnd ?? call.span.start)
    // An atomic type's method is named with its receiver's type (`atomic.(*Int64).Add`).
    let receiverType = args.first?.type.pointee?.name.map { String($0.dropFirst(7)) } ?? "T"
    // A generic's type parameters are named by the shapes of the call's arguments.
    let elementShape = { (t: GoType) in goShapeName(t.sliceElement ?? t) }
    var shapes: [(String, String)] = []
    if let s = args.first?.type, b.genericInlining != nil || b.sortedSliceElement != nil {
      if b == .slicesEqualFunc, args.count > 1 {
        let s2 = args[1].type
        shapes.append(("[S,S2,E,E2]", "[\(goShapeName(s)),\(goShapeName(s2)),\(elementShape(s)),\(elementShape(s2))]"))
      }
      shapes += [("[S,E]", "[\(goShapeName(s)),\(elementShape(s))]"), ("[E]", "[\(elementShape(s))]")]
    }
    // A generic type's method is named by its receiver's type argument's shape.
    if let e = args.first.flatMap({ GenericPointerTypes.typeArgument(of: $0.type) }) {
      shapes.append(("[T]", "[\(goShapeName(e))]"))
    }
    // A predicate inlined with the body that calls it (indexFunc's `f(r)`).
    if let p = b.inlinedPredicate(args, go127: compiler.inliner == .go127), let inner = packageInlining(p), !tree.calls.isEmpty {
      tree.calls[0].calls.append(inner)
    }
    func add(_ node: PackageInline, _ path: [Int]) {
      var name = b.atomicOperation?.method == true ? node.name.replacing("(*T)", with: "(*\(receiverType))") : node.name
      for (parameters, arguments) in shapes { name = name.replacing(parameters, with: arguments) }
      inlined.append(Inlined(path: path, line: EscapeDiagnostic(offset: at, message: "inlining call to \(name)")))
      for (k, c) in node.calls.enumerated() { add(c, path + [k]) }
    }
    add(tree, path)
  }

  /// The `(` of a call (where Go's syntax tree puts it).
  private func openParen(after start: Int) -> Int {
    let bytes = source.bytes
    var i = max(0, start)
    while i < bytes.count, bytes[i] != UInt8(ascii: "(") { i += 1 }
    return i < bytes.count ? i : start
  }
}

extension TypedStmt {
  /// A call of a package function that `test` selects, here or in a nested statement.
  func containsBuiltin(where test: (Builtin) -> Bool) -> Bool {
    var found = false
    forEachExpression { e in
      func visit(_ e: TypedExpr) {
        if case .builtin(let b, _, _) = e.kind, test(b) { found = true }
        e.forEachChild(visit)
      }
      if !found { visit(e) }
    }
    return found
  }

  /// A runtime statement of gcsh's (not Go), here or in a nested statement.
  var containsRuntimeStatement: Bool {
    switch kind {
    case .sleep, .gc, .free, .stats, .expect, .why, .roots, .explain, .heapMap, .setGCPercent, .setMemoryLimit:
      return true
    case .block(let b): return b.contains { $0.containsRuntimeStatement }
    case .ifStmt(let i, _, let t, let e):
      return (i?.containsRuntimeStatement ?? false) || t.contains { $0.containsRuntimeStatement }
        || (e?.containsRuntimeStatement ?? false)
    case .loop(_, let i, _, let p, let b):
      return (i?.containsRuntimeStatement ?? false) || (p?.containsRuntimeStatement ?? false)
        || b.contains { $0.containsRuntimeStatement }
    case .range(let r): return r.body.contains { $0.containsRuntimeStatement }
    case .switchStmt(let sw):
      return (sw.initStmt?.containsRuntimeStatement ?? false)
        || sw.clauses.contains { $0.body.contains { $0.containsRuntimeStatement } }
    default: return false
    }
  }

  /// Whether the statement calls through a function value anywhere.
  var containsCallValue: Bool {
    var found = false
    forEachExpression { e in
      func visit(_ e: TypedExpr) {
        if case .callValue = e.kind { found = true }
        e.forEachChild(visit)
      }
      visit(e)
    }
    return found
  }

  /// Whether the statement calls a user function for which `test` holds.
  func containsCall(where test: (Function) -> Bool) -> Bool {
    var found = false
    forEachExpression { e in
      func visit(_ e: TypedExpr) {
        if case .call(let f, _) = e.kind, test(f) { found = true }
        e.forEachChild(visit)
      }
      visit(e)
    }
    return found
  }
}

/// Whether a body calls recover (a function that does is not inlined).
func callsRecover(_ body: [TypedStmt]) -> Bool {
  var found = false
  func visit(_ e: TypedExpr) {
    if case .builtin(.recover, _, _) = e.kind { found = true }
    e.forEachChild(visit)
  }
  for s in body { s.forEachExpression(visit) }
  return found
}
