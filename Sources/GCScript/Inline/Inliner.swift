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
  /// The run's top-level code (its literals are the run's too).
  private var script: Function? = nil
  /// The variables of the rewritten bodies that have one definition, and that definition as
  /// rewritten — what ir.StaticValue follows to a call's callee (`resolve`): a local assigned
  /// once, an inlined function's parameter that keeps its argument, through inlined calls.
  private var definitions: [ObjectIdentifier: TypedExpr] = [:]
  /// interleaved.go's useCounts: how many calls were found to resolve to each literal (one
  /// call of a closure gets the budget of inlineClosureCalledOnceCost).
  private var useCounts: [ObjectIdentifier: Int] = [:]
  /// Go 1.19 numbers a literal copied into an inlined body as a new literal of the function it
  /// is copied into (`main.func8` after main's seven); the last number given, by function.
  private var literalNumbers: [ObjectIdentifier: Int] = [:]

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
    script = program.script
    definitions = [:]
    useCounts = [:]
    literalNumbers = [:]
    methods = [:]
    devirtualized = []
    devirtualizedAt = nil
    for f in program.functions {
      if let (base, _) = f.receiver, let name = f.decl?.name { methods[ObjectIdentifier(base), default: [:]][name] = f }
    }
    for f in (program.functions + [program.script]).flatMap(\.withLiterals) {
      f.inlineBody = f.body
      f.inlineCost = nil
      f.inlineReason = nil
      f.inlinabilityDecided = false
    }
    for f in (program.functions + [program.script]).flatMap(\.withLiterals) { countLiteralCalls(in: f) }
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
      // A function's literals right after it, as CanInlineFuncs visits them — but a literal
      // that captures nothing is a function of its own to VisitFuncsBottomUp (scc.go: only a
      // closure joins the component of the function it is in), visited as the function
      // reaches it, so decided before it (Tests/Recordings/runs/inlinedliterals: main.func4).
      for batch in batches {
        for f in batch {
          let literals = f.withLiteralsInCompileOrder.dropFirst()
          for c in literals where c.captures.isEmpty && !c.isRangeFuncBody { canInlineLiteral(c) }
          canInline(f)
          for c in literals { canInlineLiteral(c) }
        }
      }
      let literals = program.script.withLiteralsInCompileOrder.dropFirst()
      for c in literals where c.captures.isEmpty && !c.isRangeFuncBody { canInlineLiteral(c) }
      for c in literals { canInlineLiteral(c) }
      devirtualizedAt = diagnostics.count
      for batch in batches { for f in batch { inlineCallsWithLiterals(f) } }
    }
    if era == .go127 {
      inlineCallsWithLiterals(program.script)
    } else {
      inlineCalls(program.script)
      for c in program.script.withLiterals.dropFirst() { inlineLiteral(c) }
    }
    diagnostics.insert(contentsOf: devirtualized, at: devirtualizedAt ?? diagnostics.count)
    // Go 1.24+ drops the assignments to locals nothing reads once calls are inlined.
    if compiler.dropsDeadLocals {
      for f in program.functions + [program.script] { DeadLocals.run(f) }
    }
  }

  /// Go 1.20+: a function's calls inlined, and its literals' — a literal is a function of the
  /// package there, in its function's component after it, or before it in a component of its
  /// own when it captures nothing (scc.go). A copy made by inlining is not among the package's
  /// functions: nothing is inlined into it (Tests/Recordings/runs/inlinedliterals).
  private func inlineCallsWithLiterals(_ f: Function) {
    let literals = f.withLiteralsInCompileOrder.dropFirst().filter { $0.copiedFrom == nil }
    let ownComponent = { (c: Function) in c.captures.isEmpty && !c.isRangeFuncBody }
    for c in literals where ownComponent(c) { inlineCalls(c) }
    inlineCalls(f)
    for c in literals where !ownComponent(c) { inlineCalls(c) }
  }

  /// A literal's calls inlined, and its inlinability decided first when no call of it did.
  private func inlineLiteral(_ c: Function) {
    // (Go 1.19 decides a copy made in an inlined body only when a call of it asks: the copy is
    // not among the package's functions.)
    if compiler.inliner != .go127 && c.copiedFrom == nil { canInlineLiteral(c) }
    // (Nor does it inline calls into such a copy: only the package's functions get InlineCalls.)
    if c.copiedFrom != nil { return }
    inlineCalls(c)
  }

  /// CanInline of a literal, reported in order.
  private func canInlineLiteral(_ c: Function) {
    working(on: c)
    if let line = decideLiteral(c) { report(line.offset, line.message) }
  }

  /// CanInline of a literal (inl.go), once: its cost against a literal's budget — Go 1.20+
  /// gives a literal the budget of one called once, 800 (inlineBudget: `if fn.ClosureParent !=
  /// nil`; whether a call may inline it is inlineCostOK's question), Go 1.19 the usual 80 — and
  /// -m's `can inline main.func1` line, at its `func`, when it is inlinable.
  private func decideLiteral(_ c: Function) -> EscapeDiagnostic? {
    guard !c.inlinabilityDecided else { return nil }
    c.inlinabilityDecided = true
    working(on: c)
    decideCalledLiterals(in: c)
    let body = c.inlineBody ?? c.body
    let cost = inlineCost(of: body, in: c)
    let budget = compiler.inliner == .go127 ? 10 * InlineCostModel.maxBudget : InlineCostModel.maxBudget
    c.inlineCost = nil
    if !c.defers.isEmpty {
      c.inlineReason = "unhandled op DEFER"
      reportWrappers(c)
    } else if !c.goStatements.isEmpty {
      c.inlineReason = "unhandled op GO"
      reportWrappers(c)
    } else if callsRecover(body) {
      c.inlineReason = "call to recover"
    } else if body.contains(where: { $0.containsRuntimeStatement }) {
      c.inlineReason = "gcsh runtime statement"
    } else if cost > budget {
      c.inlineReason = "function too complex: cost \(cost) exceeds budget \(budget)"
    } else if c.isMethodValueWrapper {
      // A method value's wrapper is the compiler's (`T.M-fm`): Go resolves no call to it.
      c.inlineReason = "method value wrapper"
    } else {
      c.inlineCost = cost
      if let at = c.literalSpan?.start { return EscapeDiagnostic(offset: at, message: "can inline \(c.name)") }
    }
    return nil
  }

  /// hairyVisitor meets a call whose callee is statically a literal (inlCallee's OCLOSURE
  /// case) and decides the literal's inlinability then — before the function's own `can
  /// inline` line. It stops visiting once the budget is spent (with -m, not -m -m): the
  /// statements after that point are not visited.
  private func decideCalledLiterals(in f: Function) {
    let body = f.inlineBody ?? f.body
    let oracle = ReassignOracle(body)
    var visitor = InlineCostVisitor(model: model, callCost: callCost)
    visitor.staticCallee = staticCallees(in: body, of: f)
    // (Go 1.19's hairyVisitor scans a literal's body as part of the function's, and its
    // inlCallee resolves a literal in any frame.)
    let intoLiterals = compiler.inliner == .go119
    var spent = 0
    for s in body {
      // (It stops at a defer or go statement too: "unhandled op".)
      if spent > InlineCostModel.maxBudget { break }
      if case .deferStmt = s.kind { break }
      if case .goStmt = s.kind { break }
      s.forEachExpression { e in
        func visit(_ e: TypedExpr) {
          if case .callValue(let callee, _) = e.kind, case .closure(let c, _) = oracle.staticValue(callee).kind,
            c.captures.isEmpty || c.outer === f || intoLiterals, !c.inlinabilityDecided, let line = decideLiteral(c)
          {
            working(on: f)
            report(line.offset, line.message)
          }
          if intoLiterals, case .closure(let c, _) = e.kind {
            for s in c.inlineBody ?? c.body { s.forEachExpression(visit) }
          }
          e.forEachChild(visit)
        }
        visit(e)
      }
      working(on: f)
      spent += visitor.cost(s)
    }
  }

  /// The calls of literals an unrewritten body makes directly (`func() {...}()`, `f := func...;
  /// f()`): interleaved.go counts them before inlining anything.
  private func countLiteralCalls(in f: Function) {
    let oracle = ReassignOracle(f.body)
    for s in f.body {
      s.forEachExpression { e in
        func visit(_ e: TypedExpr) {
          if case .callValue(let callee, _) = e.kind, case .closure(let c, _) = oracle.staticValue(callee).kind {
            useCounts[ObjectIdentifier(c), default: 0] += 1
          }
          e.forEachChild(visit)
        }
        visit(e)
      }
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
    decideCalledLiterals(in: f)
    working(on: f)
    let cost = inlineCost(of: body, in: f)
    if cost > InlineCostModel.maxBudget {
      f.inlineReason = "function too complex: cost \(cost) exceeds budget \(InlineCostModel.maxBudget)"
      return
    }
    f.inlineCost = cost
    report(f.declarationOffset, "can inline \(f.name)")
  }

  /// What a call costs its caller: the callee's body when the caller would inline it, else
  /// the extra call cost.
  private func callCost(_ g: Function) -> Int {
    if let cost = g.inlineCost, isOfThisRun(g), cost <= InlineCostModel.maxBudget * (g.isLiteral && compiler.inliner == .go127 ? 2 : 1) {
      return cost
    }
    return InlineCostModel.extraCallCost
  }

  /// A function of this run, or a literal in one (only these are inlined: see above).
  private func isOfThisRun(_ g: Function) -> Bool {
    var top = g
    while let o = top.outer { top = o }
    return declared.contains(ObjectIdentifier(top)) || top === script
  }

  /// ir.StaticValue, then inlCallee: the declared function or literal that a callee expression
  /// of a rewritten body calls, following single definitions (`f := func...`, an inlined
  /// function's parameter given a literal, an inlined call's result).
  private func resolve(_ e: TypedExpr) -> Function? {
    var e = e
    for _ in 0..<64 {
      switch e.kind {
      case .functionValue(let g): return g
      case .closure(let c, _): return c.isMethodValueWrapper ? nil : c
      case .conversion(let x) where InlineCostVisitor.changesNoBits(from: x.type, to: e.type): e = x
      case .variable(let v):
        guard let d = definitions[ObjectIdentifier(v.canonical)] else { return nil }
        e = d
      case .inlinedCall(let ic):
        guard let d = ReassignOracle.returnedValue(of: ic) else { return nil }
        e = d
      default: return nil
      }
    }
    return nil
  }

  /// Records a rewritten body's definition of one of its variables (`oracle` knows which of
  /// the body's variables have only one).
  private func define(_ v: Variable, _ w: Variable, _ value: TypedExpr, _ oracle: ReassignOracle) {
    // Only a variable the body owns: one it captured (in a copy, the caller's own variable)
    // is assigned elsewhere too, where this body's oracle cannot see.
    guard v.storage != .captured, w.storage != .captured, oracle.hasSingleDefinition(v) else { return }
    definitions[ObjectIdentifier(w)] = value
  }

  /// A literal copied with an inlined body into f, the function being compiled: Go 1.19 names
  /// it, and each literal nested in it, as a new literal of f in the order they are copied
  /// (typecheck.ClosureName: `main.func1`, `main.func2` for the one in it, then `main.func3`);
  /// Go 1.20+ keeps the literal's name.
  private func literalCopied(_ original: Function, _ copy: Function, into f: Function) {
    guard compiler.inliner == .go119 else {
      // Go 1.20+: a literal nested in a copied one is named as a literal of its copied parent
      // (`deep.func1.func1` where the original is `deep.func1.1`).
      if let parent = copy.outer, parent.copiedFrom != nil {
        let n = parent.closures.filter { !$0.isMethodValueWrapper && !$0.isRangeFuncBody }.count + 1
        copy.name = "\(parent.name).func\(n)"
      }
      return
    }
    let id = ObjectIdentifier(f)
    let own = f.closures.filter { !$0.isMethodValueWrapper && !$0.isRangeFuncBody && $0.copiedFrom == nil }.count
    let n = (literalNumbers[id] ?? own) + 1
    literalNumbers[id] = n
    if f.isLiteral {
      copy.name = "\(f.name).\(n)"
    } else {
      copy.name = "\(f.isScript ? "main" : f.name).func\(n)"
    }
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
  /// The calls inlined into the function being compiled so far, and the most it takes.
  private var inlinedCount = 0
  static let maxInlinedCalls = 10_000
  private var maxCost = InlineCostModel.maxBudget
  private var inlined: [Inlined] = []

  /// Inlines the calls in f's body (InlineCalls / DevirtualizeAndInlineFunc).
  /// hairyVisitor's cost of a body: calls at their callees' costs, a call through a value
  /// at its static callee's.
  private func inlineCost(of body: [TypedStmt], in f: Function) -> Int {
    var visitor = InlineCostVisitor(model: model, callCost: callCost)
    visitor.staticCallee = staticCallees(in: body, of: f)
    return visitor.cost(body)
  }

  /// The same for the cost of f's body: a literal of f's (or one capturing nothing) too, as
  /// inlCallee's OCLOSURE case resolves one in the frame it captures from.
  private func staticCallees(in body: [TypedStmt], of f: Function) -> (TypedExpr) -> Function? {
    let oracle = ReassignOracle(body)
    return { e in
      switch oracle.staticValue(e).kind {
      case .functionValue(let g): return g
      case .closure(let c, _) where (c.captures.isEmpty || c.outer === f || self.compiler.inliner == .go119) && !c.isMethodValueWrapper:
        return c
      default: return nil
      }
    }
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
    inlinedCount = 0
    let nodes = InlineCostVisitor(model: model, callCost: nil).cost(f.body)
    maxCost = nodes >= InlineCostModel.bigFunctionNodes ? InlineCostModel.bigFunctionMaxCost : InlineCostModel.maxBudget
    let rewriter = BodyRewriter(caller: f, copying: nil)
    rewriter.staticCallee = staticCallees(in: f.body)
    rewriter.resolveCallee = { [unowned self] in self.resolve($0) }
    let oracle = ReassignOracle(f.body)
    rewriter.onDefinition = { [unowned self] v, w, value in self.define(v, w, value, oracle) }
    rewriter.inlinesDevirtualized = compiler.inliner == .go127
    // Go 1.19's inliner leaves a deferred call alone (inl.go: ODEFER's call is NoInline); Go
    // 1.20+ makes the defer's wrapper closure first and inlines into it.
    rewriter.inlinesDeferredCalls = compiler.inliner == .go127
    var counter = 0
    rewriter.onCall = { [unowned self] call, g, args, calleeEnd in
      defer { counter += 1 }
      return self.tryInline(call, g, args, calleeEnd: calleeEnd, chain: [], path: [counter], outermost: nil)
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
    return g.inlineCost != nil && isOfThisRun(g)
  }

  /// inlineCostOK's limit for a call of g: a literal gets twice the budget in Go 1.20+, and
  /// inlineClosureCalledOnceCost when it is the only call found of it.
  private func maxCost(of g: Function) -> Int {
    guard g.isLiteral, compiler.inliner == .go127 else { return maxCost }
    if useCounts[ObjectIdentifier(g)] == 1 { return max(2 * maxCost, 10 * InlineCostModel.maxBudget) }
    return 2 * maxCost
  }

  /// mkinlcall: the call replaced by a copy of g's body, or nil when it is not inlined.
  /// `chain` holds the functions being inlined on the way here (the inlining tree's parents).
  private func tryInline(
    _ call: TypedExpr, _ g: Function, _ args: [TypedExpr], calleeEnd: Int?, chain: [Function], path: [Int], outermost: Int?
  ) -> TypedExpr? {
    guard let f = caller else { return nil }
    if g.isLiteral {
      // inlCallee's OCLOSURE case: not across closure frames (a literal that captures is
      // inlined only into the function it captures from), and CanInline decided now for a
      // literal no one asked about before (a copy in an inlined body: -m's `can inline` line
      // comes before the call's).
      guard isOfThisRun(g), g.captures.isEmpty || g.outer === f else { return nil }
      if g.copiedFrom != nil { useCounts[ObjectIdentifier(g), default: 0] += 1 }
      if !g.inlinabilityDecided, let line = decideLiteral(g) {
        working(on: f)
        if !muted && !g.isCopyOfLibraryLiteral { inlined.append(Inlined(path: path, line: line)) }
      }
      working(on: f)
    }
    guard inlinable(g), let cost = g.inlineCost, cost <= maxCost(of: g) else { return nil }
    // The calls that start a program (gcsh's top-level code calling main and init).
    if f.isScript && g.receiver == nil && (g.name == "main" || g.name == "init") { return nil }
    // Recursion: a callee already being inlined here ("repeated recursive cycle"); Go 1.19
    // also never inlines the function being compiled into itself.
    // (A literal's copies are the literal: inlining a copy into a copy of itself is the cycle
    // Go stops at — `twice(twice(inc))` inlines one twice.func1 per level, not 2^n.)
    if chain.contains(where: { $0.original === g.original }) { return nil }
    // A bound on the copies one function takes, against programs whose inlining would grow
    // without end (Go's budgets bound it the same way in practice).
    if inlinedCount >= Self.maxInlinedCalls { return nil }
    inlinedCount += 1
    if compiler.inliner == .go119 && g === f { return nil }
    // A call is at its `(`; a method call's is after its receiver (`f().M(`).
    let receiverEnd = g.receiver != nil ? args.first?.span.end : nil
    let at = outermost ?? (call.isRangeFuncCall ? call.span.start : openParen(after: receiverEnd ?? calleeEnd ?? call.span.start))
    inlined.append(Inlined(path: path, line: EscapeDiagnostic(offset: at, message: "inlining call to \(g.name)")))
    var copy = BodyRewriter.Copy(reportAt: at)
    copy.callee = g.name
    if let library = g.library, f.library == nil {
      copy.library = (library.package, library.source, call.span)
      copy.explicitConversions = compiler.inliner == .go119
    }
    let copier = BodyRewriter(caller: f, copying: copy)
    let params = g.params.map(copier.variable)
    // A literal's captures are the caller's own variables (it captured them from this frame).
    for c in g.captures { if let from = c.capturedFrom { copier.alias(c, to: from) } }
    // The results (inl.go retvars): the callee's named results become the caller's locals as
    // its other variables do; unnamed ones are new locals ~R0, ~R1, ...
    let results = g.results.enumerated().map { k, r in
      g.namedResults ? copier.variable(r)
        : copier.newLocal(Variable(name: "~R\(k)", type: r.type, span: call.span, storage: .local, function: f))
    }
    let ic = InlinedCall(callee: g, params: params, args: args, results: results, reportAt: at)
    copier.inlinedCall = ic
    // A parameter the body never assigns keeps its argument (a literal passed to an inlined
    // function is called through it: inlined too). Go 1.20+ reads an inlined body afresh, its
    // locals' single values known; Go 1.19's copies of locals (inlvars without a definition)
    // resolve none.
    let calleeOracle = ReassignOracle(g.inlineBody ?? g.body)
    for (p, (q, a)) in zip(g.params, zip(params, args)) where calleeOracle.neverAssigned(p) {
      definitions[ObjectIdentifier(q)] = a
    }
    copier.resolveCallee = { [unowned self] in self.resolve($0) }
    copier.onLiteralCopy = { [unowned self] original, copy in self.literalCopied(original, copy, into: f) }
    if compiler.inliner == .go127 {
      copier.staticCallee = staticCallees(in: g.inlineBody ?? g.body)
      copier.onDefinition = { [unowned self] v, w, value in self.define(v, w, value, calleeOracle) }
    }
    var counter = 0
    copier.onCall = { [unowned self] call, h, args, calleeEnd in
      defer { counter += 1 }
      return self.tryInline(call, h, args, calleeEnd: calleeEnd, chain: chain + [g], path: path + [counter], outermost: at)
    }
    copier.inlinesPackageCall = { [unowned self] in self.inlinesPackageCall($0) }
    copier.onPackageCall = { [unowned self] call, b in
      defer { counter += 1 }
      self.packageInlined(call, b, path: path + [counter], outermost: at)
    }
    ic.body = (g.inlineBody ?? g.body).map(copier.statement)
    // (A callee expression with effects — `makeBuf()()` — is kept by the rewriter.)
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
