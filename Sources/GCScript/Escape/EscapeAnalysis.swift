// EscapeAnalysis: decides, for every allocation and every variable whose address is taken,
// whether it can live in its function's frame or must go on the heap — the Go compiler's
// analysis (cmd/compile/internal/escape), on the typed tree.
//
// The two invariants (escape.go): a pointer to a stack object is never stored in the heap, and
// never outlives the object (its frame returned, or its space reused by a later loop iteration).
// The analysis is a data-flow graph:
//
//   - Locations are variables and allocations (`new`, `make`, `&T{...}`, slice literals, string
//     conversions and concatenations, append's backing store), plus the heap.
//   - Every assignment is an edge `dst ← src` weighted by dereferences minus address-of
//     operations: `p = &q` is -1, `p = q` 0, `p = *q` 1. Fields and elements of a compound are
//     the compound (`x.f = u[0]` is `x = *u`: indexing a slice dereferences, an array does not).
//     A store through a pointer (`*p = x`, `s[i] = x`, `p.f = x`) and a store to a global go
//     to the heap location.
//   - From every location (the root), the minimal dereferences to every location that flows to
//     it are computed (Bellman-Ford, with derefs bounded below at 0 once an address is taken:
//     solve.go walkOne). A location whose address (derefs < 0) reaches a root that outlives it —
//     the heap, the function's result, or a variable declared outside its loop — escapes: it
//     goes on the heap ("moved to heap: x", "new(int) escapes to heap"); and whatever it points
//     to is then reached from the heap too, so the walk is repeated until nothing changes.
//   - A parameter's flows to the heap and to each result are summarised as tags (leaks.go: the
//     fewest dereferences on the way): a call site uses the callee's tags instead of its body,
//     so functions are analysed callees first (mutually recursive ones together, in one graph).
//     Results are variables (PPARAMOUT), each its own location with its index (escape.go
//     initFunc's resultIndex): `return a, b` assigns them, `x, y = f()` takes each call result
//     to its target (OAS2FUNC), and only the first numEscResults (7) fit a tag; a flow to a
//     later one, or to a result that itself escapes (a named result whose address does), is a
//     leak to the heap (graph.go leakTo).
//
// Then the allocations the compiler keeps off the stack whatever their flow (utils.go
// HeapAllocReason): a declared variable larger than MaxStackVarSize, a `new`/`&T{}` larger than
// MaxImplicitStackVarSize, a `make` of constant size above it, and — before Go 1.25 — any
// `make` of non-constant size.
//
// Function literals are analysed with the function they are written in (their captured
// variables are its variables; flowClosures decides capture by value or by reference); calls
// through function values whose callee is not known send their arguments to the heap. gcsh has
// no interfaces yet, so their rules are not here. It runs after the
// inliner (Inline/Inliner.swift), as in the compiler: an inlined call's copy is part of its
// caller (InlinedCall), its allocations new sites judged there.

import GoHeap

/// An escape-analysis location: a variable, an allocation, or the heap.
final class EscapeLocation {
  let variable: Variable?
  let site: AllocationSite?
  /// The function whose graph holds it (nil for the heap).
  let function: Function?
  /// Incoming edges: values that flow into this location, with their dereferences and why
  /// (the statement that made the flow, for `explain`: "returned from f").
  var edges: [(src: EscapeLocation, derefs: Int, note: String?)] = []
  /// The loop depth of its declaration (1 in a function's body, +1 per enclosing loop).
  var loopDepth: Int
  var isParam = false
  /// A function's result (a PPARAMOUT variable: named, or `~r0`, `~r1`...): returned values
  /// outlive the call.
  var isResult = false
  /// Which result it is, from 0 (graph.go resultIndex, which counts from 1).
  var resultIndex = 0
  /// Its address reaches something that outlives it: it goes on the heap.
  var escapes = false
  /// What a pointer reachable from it points to may be written (for the zero-copy
  /// string->[]byte conversion of Go 1.22+).
  var mutates = false
  // Walk state (solve.go).
  var derefs = 0
  /// The location this one flows to on the walk's shortest path to its root, and the note of
  /// that edge (solve.go l.dst, l.dstEdgeIdx): read back to explain an escape.
  var pathDst: EscapeLocation? = nil
  var pathNote: String? = nil
  /// Why it escapes, in words (explainPath): set when the walk finds it escaping.
  var explanation: String? = nil
  var walkgen = 0
  var queuedOne = 0
  var queuedAll = false
  /// For a parameter: the fewest dereferences on a flow to the heap, and to each result (by
  /// index).
  var leakHeap: Int? = nil
  var leakResults: [Int: Int] = [:]
  /// For a parameter: the fewest dereferences at which what it points to is written
  /// (solve.go `l.paramEsc.AddMutator(derefs)` when the root mutates).
  var mutatorDerefs: Int? = nil
  /// A variable: a function literal captures it (graph.go location.captured).
  var captured = false
  /// A variable: assigned somewhere besides its declaration (location.reassigned; before its
  /// first capture in straight-line code does not count).
  var reassigned = false

  init(variable: Variable?, site: AllocationSite?, function: Function?, loopDepth: Int) {
    self.variable = variable
    self.site = site
    self.function = function
    self.loopDepth = loopDepth
  }
}

/// A context an expression's value flows into: a location, with dereferences, and a note of
/// why (graph.go hole.notes) for the statements that send a value somewhere that outlives
/// the frame.
struct Hole {
  let dst: EscapeLocation
  var derefs: Int
  var note: String? = nil

  func shift(_ delta: Int) -> Hole { Hole(dst: dst, derefs: derefs + delta, note: note) }
  func deref() -> Hole { shift(1) }
  func addr() -> Hole { shift(-1) }
  func noting(_ why: String) -> Hole { Hole(dst: dst, derefs: derefs, note: why) }
}

/// One diagnostic of `-m`, in the compiler's wording, at the byte offset Go reports it.
public struct EscapeDiagnostic: Sendable, Equatable {
  public let offset: Int
  public let message: String
  /// Where Go prints it (escape.go): batch by batch, callees first; in a batch the parameters'
  /// tags, then the variables moved to the heap, then the rest (gcsh orders each group by
  /// position, where Go follows its locations' order).
  var order: (batch: Int, group: Int) = (0, 0)

  public init(offset: Int, message: String) {
    self.offset = offset
    self.message = message
  }

  public static func == (a: EscapeDiagnostic, b: EscapeDiagnostic) -> Bool {
    a.offset == b.offset && a.message == b.message
  }
}

final class EscapeAnalysis {
  /// How many results a parameter's tag tracks (escape.go numEscResults); flows to later ones
  /// are leaks to the heap.
  static let numEscResults = 7
  let compiler: CompilerProfile
  /// The -m diagnostics of the last analysis, in no particular order.
  private(set) var diagnostics: [EscapeDiagnostic] = []
  /// The batch being analysed (its place in Go's order), and whether the parameters' tags are
  /// being reported.
  var batchIndex = 0
  var reportingParameterTags = false

  init(compiler: CompilerProfile) {
    self.compiler = compiler
  }

  /// The run's source (statements quoted in messages).
  var source = Source(name: "", text: "")

  /// Analyses a run's functions (callees first) and its top-level code.
  func analyse(_ program: CheckedProgram, source: Source) {
    self.source = source
    diagnostics = []
    batchIndex = 0
    instanceLines = []
    let functions = program.functions
    for batch in Self.callGraphComponents(functions) {
      // A library's functions are analysed in its own source, and -m reports nothing of them
      // (Go prints those lines when it compiles the library's package; Check/Libraries.swift).
      let library = batch.first?.library
      self.source = library?.source ?? source
      muted = library != nil
      batchIndex += 1
      Batch(analysis: self, functions: batch).run()
    }
    self.source = source
    muted = false
    batchIndex += 1
    Batch(analysis: self, functions: [program.script]).run()
    // Go 1.26+ runs the move2heap pass next (gc/main.go: slice.Funcs after escape.Funcs), once
    // every parameter is tagged: it reads the tags of the functions a slice is passed to.
    if compiler.moveToHeapPass, let threshold = compiler.stackBufferBytes {
      for f in (functions + [program.script]).flatMap(\.withLiterals) {
        SliceMoveToHeap.run(f, maxStackSize: threshold)
      }
    }
  }

  func report(_ offset: Int, _ message: String) {
    guard !muted else { return }
    // Go compiles one body per shape: a second instance of a shape reports nothing of its own.
    if let instance = reporter?.instance, !instance.representative { return }
    var d = EscapeDiagnostic(offset: offset, message: message)
    d.order = (batchIndex, reportingParameterTags ? 0 : message.hasPrefix("moved to heap: ") ? 1 : 2)
    diagnostics.append(d)
    if reporter?.instance != nil, let f = reporter { instanceLines.append((f, diagnostics[diagnostics.count - 1])) }
  }

  /// The function whose code is being analysed or decided (a location's), and the lines each
  /// instance of a generic reported (its wrappers repeat them: GenericWrappers.swift).
  var reporter: Function? = nil
  var instanceLines: [(Function, EscapeDiagnostic)] = []

  /// Adds -m lines the analysis did not make itself (a generic's wrappers').
  func append(_ lines: [EscapeDiagnostic]) { diagnostics += lines }

  /// The batch being analysed is a library's (see `analyse`).
  private var muted = false

  /// Where an assignment's operator is, after its left side (Go reports statements there).
  func operatorOffset(after end: Int) -> Int {
    let bytes = source.bytes
    var i = end
    // (An operand's closing parentheses come before its operator: `(a - b) / c`.)
    while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: ")") {
      i += 1
    }
    return i
  }

  /// The strongly connected components of the call graph, callees before callers (Tarjan's
  /// algorithm, as ir.VisitFuncsBottomUp). The inliner visits functions in the same order.
  static func callGraphComponents(_ functions: [Function]) -> [[Function]] {
    let ids = Dictionary(uniqueKeysWithValues: functions.enumerated().map { (ObjectIdentifier($0.element), $0.offset) })
    var index = [Int](repeating: -1, count: functions.count)
    var low = [Int](repeating: 0, count: functions.count)
    var onStack = [Bool](repeating: false, count: functions.count)
    var stack: [Int] = []
    var counter = 0
    var out: [[Function]] = []
    func callees(_ f: Function) -> [Int] {
      var found: [Int] = []
      func visit(_ e: TypedExpr) {
        if case .call(let g, _) = e.kind, let k = ids[ObjectIdentifier(g)] { found.append(k) }
        e.forEachChild(visit)
      }
      // A literal's calls are its enclosing function's: they are analysed together.
      func body(_ g: Function) {
        for s in g.body { s.forEachExpression(visit) }
        g.closures.forEach(body)
      }
      body(f)
      return found
    }
    func strongConnect(_ v: Int) {
      index[v] = counter
      low[v] = counter
      counter += 1
      stack.append(v)
      onStack[v] = true
      for w in callees(functions[v]) {
        if index[w] < 0 {
          strongConnect(w)
          low[v] = min(low[v], low[w])
        } else if onStack[w] {
          low[v] = min(low[v], index[w])
        }
      }
      if low[v] == index[v] {
        var component: [Function] = []
        while let w = stack.popLast() {
          onStack[w] = false
          component.append(functions[w])
          if w == v { break }
        }
        out.append(component.reversed())
      }
    }
    for v in functions.indices where index[v] < 0 { strongConnect(v) }
    return out
  }
}

/// The graph of one batch of functions (one, or a set of mutually recursive ones).
final class Batch {
  unowned let analysis: EscapeAnalysis
  let functions: [Function]
  let heap = EscapeLocation(variable: nil, site: nil, function: nil, loopDepth: 0)
  let blank = EscapeLocation(variable: nil, site: nil, function: nil, loopDepth: 0)
  /// Where values whose pointees may be written flow (Go's mutatorLoc).
  let mutator = EscapeLocation(variable: nil, site: nil, function: nil, loopDepth: 0)
  var locations: [EscapeLocation] = []
  var variables: [ObjectIdentifier: EscapeLocation] = [:]
  var sites: [ObjectIdentifier: EscapeLocation] = [:]
  // Walking one function.
  var function: Function { didSet { analysis.reporter = function } }
  var loopDepth = 1
  /// The outermost inlined call whose copied body is being walked (its `(`): what the body's
  /// own reports are printed at (base.FmtPos prints an inlined position as its outermost call).
  var inlinedAt: Int? = nil
  /// Its variables' single definitions (ReassignOracle.swift), built when first asked.
  var oracle: ReassignOracle? = nil

  /// Function literals met while walking, each with the hole its funcval's contents flow into
  /// (escape.go's closures, flowed once every body has been walked).
  var pendingClosures: [(hole: Hole, function: Function)] = []
  /// Where a function value called through an unknown callee flows when its results are used
  /// (Go 1.22+'s calleeLoc): a literal reaching it has lost track of its results.
  let callee = EscapeLocation(variable: nil, site: nil, function: nil, loopDepth: 0)

  init(analysis: EscapeAnalysis, functions: [Function]) {
    self.analysis = analysis
    // The batch's functions and every literal inside them: a literal's body is analysed with
    // the function that contains it, its captured variables being that function's.
    self.functions = functions.flatMap(\.withLiterals)
    function = functions[0]
    heap.escapes = true
    heap.mutates = true
    mutator.mutates = true
  }

  func run() {
    for f in functions { initFunction(f) }
    // A literal's body is walked where the literal is (expression, `.closure`).
    for f in functions where !f.isLiteral {
      function = f
      loopDepth = 1
      oracle = nil
      block(f.body)
    }
    flowClosures()
    // Allocations the compiler keeps off the stack whatever their flow.
    for loc in locations {
      if let why = heapAllocReason(loc) { flow(Hole(dst: heap, derefs: -1), loc, why: why) }
    }
    walkAll()
    while loseClosureResults() { walkAll() }
    finish()
    releaseGraph()
  }

  /// The flow graph is cyclic (`s = append(s, x)` flows s into itself), and its locations hold
  /// the program's variables, sites and functions: once decided, its edges are cut so that it,
  /// and the program with it, can be freed (a fuzzing process leaked ~6 KB a run without this).
  private func releaseGraph() {
    for loc in locations + [heap, blank, mutator, callee] {
      loc.edges = []
      loc.pathDst = nil
    }
  }

  // MARK: Locations

  @discardableResult
  func newLocation(variable: Variable? = nil, site: AllocationSite? = nil) -> EscapeLocation {
    let loc = EscapeLocation(variable: variable, site: site, function: function, loopDepth: loopDepth)
    locations.append(loc)
    if let variable { variables[ObjectIdentifier(variable)] = loc }
    if let site { sites[ObjectIdentifier(site)] = loc }
    return loc
  }

  private func initFunction(_ f: Function) {
    function = f
    loopDepth = 1
    for p in f.params {
      let loc = newLocation(variable: p)
      loc.isParam = true
    }
    for v in f.locals { newLocation(variable: v) }
    // The results are variables (escape.go initFunc: resultIndex for each PPARAMOUT).
    for (k, r) in f.results.enumerated() {
      let loc = newLocation(variable: r)
      loc.isResult = true
      loc.resultIndex = k
    }
  }

  func location(_ used: Variable) -> EscapeLocation {
    // A captured variable is its outermost variable (escape.go oldLoc: n.Canonical()).
    let v = used.canonical
    if let loc = variables[ObjectIdentifier(v)] { return loc }
    // A local of another batch cannot be reached from here; the checker's temporaries could.
    return newLocation(variable: v)
  }

  var discard: Hole { Hole(dst: blank, derefs: 0) }
  var heapHole: Hole { Hole(dst: heap, derefs: 0) }

  /// Records `dst ← src` (graph.go flow).
  func flow(_ k: Hole, _ src: EscapeLocation, why: String? = nil) {
    let dst = k.dst
    if dst === blank { return }
    if dst === src && k.derefs >= 0 { return }
    if dst.escapes && k.derefs < 0 {
      // dst = &src with dst on the heap: src escapes at once.
      src.escapes = true
      src.mutates = true
      if let why, src.site != nil || src.variable != nil { src.site?.reason = why; src.variable?.escapeReason = why }
      if src.explanation == nil { src.explanation = why ?? k.note ?? explain(dst) }
      return
    }
    dst.edges.append((src, k.derefs, k.note))
  }

  /// A location for an allocation; its address flows to `k`; returns the hole its contents
  /// flow into (expr.go spill).
  func spill(_ k: Hole, _ site: AllocationSite) -> Hole {
    let loc = sites[ObjectIdentifier(site)] ?? newLocation(site: site)
    loc.loopDepth = loopDepth
    flow(k.addr(), loc)
    return Hole(dst: loc, derefs: 0)
  }

  // MARK: Statements

  func block(_ stmts: [TypedStmt]) {
    let saved = loopDepth
    for s in stmts { statement(s) }
    loopDepth = saved
  }

  /// A declaration: the variable's location takes the current loop depth (stmt.go dcl).
  func declare(_ v: Variable) {
    location(v).loopDepth = loopDepth
  }

  func statement(_ s: TypedStmt) {
    for v in s.declares where v.storage == .local { declare(v) }
    markReassigned(s)
    switch s.kind {
    case .expression(let e): expression(discard, e)
    case .assign(let targets, let values):
      // The statement's `=` follows its last target (`a[i], a[j] = a[j], a[i]`: OAS2's position).
      let lastTarget = targets.reduce(0) { end, t in if case .place(let d) = t { max(end, d.span.end) } else { end } }
      for (t, v) in zip(targets, values) {
        switch t {
        case .discard: expression(discard, v)
        case .place(let dst):
          if isSelfAssignment(dst, v) {
            analysis.report(inlinedAt ?? analysis.operatorOffset(after: max(dst.span.end, lastTarget)), "\(function.name) ignoring self-assignment in \(statementText(s))")
            expression(discard, v)
            continue
          }
          expression(address(dst), v)
        }
      }
    case .assignCall(let targets, let call):
      // OAS2FUNC: each result flows to its target (stmt.go: e.call(e.addrs(lhs), rhs)).
      callResults(targets.map(address), call)
    case .deferStmt(let d):
      // The arguments go to the wrapper's variables; its call is an ordinary call of theirs
      // (an open-coded defer's wrapper does not escape: stmt.go ODEFER, goDeferStmt). In a
      // loop the wrapper is a heap closure held by the defer record (call.go goDeferStmt:
      // `if e.loopDepth != 1 { k = e.heapHole() }`), and what it captured goes with it.
      for v in d.temps { declare(v) }
      for st in d.setup { statement(st) }
      if d.inLoop {
        for v in d.temps { flow(heapHole.noting("captured by a deferred call's closure in a loop"), location(v)) }
      }
      expression(discard, d.call)
    case .goStmt(let d):
      // call.go goDeferStmt: a go statement's wrapper closure flows to the heap (the new
      // goroutine outlives the frame), and with it what it captured by value: each argument
      // variable, and a function value's callee.
      for v in d.temps { declare(v) }
      for st in d.setup { statement(st) }
      for v in d.temps {
        flow(heapHole.noting("captured by a go statement's closure"), location(v))
      }
      expression(discard, d.call)
    case .zero: break
    case .opAssign(_, let target, let rhs):
      if isSelfAssignment(target, rhs) {
        analysis.report(inlinedAt ?? analysis.operatorOffset(after: target.span.end), "\(function.name) ignoring self-assignment in \(statementText(s))")
        expression(discard, rhs)
      } else {
        expression(address(target), rhs)
      }
    case .mapLookup(let v, let ok, let e):
      // OAS2MAPR: the element comes out of the map, where nothing flows from (expr.go
      // OINDEXMAP discards the map and the key).
      expression(address(v), e)
      _ = address(ok)
    case .block(let b): block(b)
    case .ifStmt(let i, let c, let t, let e):
      if let i { statement(i) }
      expression(discard, c)
      block(t)
      if let e { statement(e) }
    case .loop(_, let i, let c, let p, let body):
      if let i { statement(i) }
      loopDepth += 1
      // Go 1.22+: the variables the body and the post statement use are per-iteration copies,
      // declared inside the loop (loopvar rewrites the loop before escape analysis).
      if analysis.compiler.perIterationLoopVariables, let i {
        for v in i.declares where v.storage == .local { declare(v) }
      }
      if let c { expression(discard, c) }
      if let p { statement(p) }
      block(body)
      loopDepth -= 1
    case .range(let r):
      // The operand is evaluated once into a temporary; the value variable reads elements
      // of it (through a dereference for a slice or a pointer to an array).
      let tmp = newLocation()
      expression(Hole(dst: tmp, derefs: 0), r.operand)
      // Before Go 1.22 the key and value are declared once, outside the loop; since, per
      // iteration, inside it.
      let perIteration = analysis.compiler.perIterationLoopVariables
      if !perIteration {
        for case .place(let p)? in [r.key, r.value] { if case .variable(let v) = p.kind, r.defines { declare(v) } }
      }
      loopDepth += 1
      if perIteration {
        for case .place(let p)? in [r.key, r.value] { if case .variable(let v) = p.kind, r.defines { declare(v) } }
      }
      let valueHole = r.value.map(address) ?? discard
      switch r.over {
      case .array: flow(valueHole, tmp)
      case .slice, .arrayPointer, .map: flow(valueHole.deref(), tmp)
      case .integer, .string: break
      }
      _ = r.key.map(address)
      block(r.body)
      loopDepth -= 1
    case .inlineReturn(let reference, let values):
      let ic = reference.call
      // `~R0, ~R1 = x, y` (and a jump to the end of the inlined body).
      for (r, e) in zip(ic.results, values) {
        expression(Hole(dst: location(r), derefs: 0, note: "returned from \(ic.callee.name), inlined"), e)
      }
    case .returnStmt(let values):
      // Each value to its result variable (stmt.go ORETURN: assignList to the PPARAMOUTs).
      for (r, e) in zip(function.results, values) {
        expression(Hole(dst: location(r), derefs: 0, note: "returned from \(function.name)"), e)
      }
    case .switchStmt(let sw):
      // stmt.go OSWITCH: the tag and the case values are only compared (discarded); each
      // clause is a block. A switch is not a loop: its clauses stay at the switch's loop depth.
      // (Labels change loop depth only for a backward goto, escape.go's "looping" labels;
      // gcsh has no goto, and a labeled for is a loop like any other.)
      if let i = sw.initStmt { statement(i) }
      if let tag = sw.tag { expression(discard, tag) }
      for c in sw.clauses {
        for v in c.values { expression(discard, v) }
        block(c.body)
      }
    case .breakStmt, .continueStmt, .fallthroughStmt, .gc, .free, .why, .roots, .explain, .heapMap: break
    case .sleep(let e): expression(discard, e)
    case .stats(let l, _): for x in l { expression(discard, x) }
    case .expect(let x): expression(discard, x.value)
    case .setGCPercent(let e), .setMemoryLimit(let e): if let e { expression(discard, e) }
    }
  }

  /// assign.go reassigned: the variables a statement assigns (the whole variable for a field
  /// or an array element of it), except those it declares and assigns once; a range loop's
  /// variables are assigned every iteration. Decides whether a literal may capture them by
  /// value.
  func markReassigned(_ s: TypedStmt) {
    func assigned(_ t: AssignTarget?, declaring: Bool) {
      guard case .place(let e)? = t, let v = Self.assignedVariable(e), v.storage != .global else { return }
      if declaring && s.declares.contains(where: { $0 === v }) { return }
      location(v).reassigned = true
    }
    switch s.kind {
    case .assign(let ts, _): for t in ts { assigned(t, declaring: true) }
    case .assignCall(let ts, _): for t in ts { assigned(t, declaring: true) }
    case .opAssign(_, let t, _): assigned(.place(t), declaring: false)
    case .mapLookup(let a, let b, _):
      assigned(a, declaring: true)
      assigned(b, declaring: true)
    case .range(let r):
      assigned(r.key, declaring: false)
      assigned(r.value, declaring: false)
    default: break
    }
  }

  /// The variable an assignment to `e` changes: `x`, `x.f`, `x[i]` of an array x.
  static func assignedVariable(_ e: TypedExpr) -> Variable? {
    switch e.kind {
    case .variable(let v): return v
    case .field(let b, _): return b.isDereference ? nil : assignedVariable(b)
    case .index(let b, _) where b.type.isArray: return assignedVariable(b)
    default: return nil
    }
  }

  /// escape.go flowClosure, for every literal met: each captured variable is captured by value
  /// when it is never reassigned, its address never taken, and it is at most 128 bytes — its
  /// value flows into the funcval; else by reference — its address does, so the variable
  /// moves to the heap if the funcval does. The funcval's layout follows
  /// (typecheck.ClosureType: the code pointer, then each capture or its address).
  func flowClosures() {
    for (hole, fn) in pendingClosures {
      var fields: [(String, GoType)] = [("F", .uintptr)]
      for c in fn.captures {
        let v = c.canonical
        let loc = location(v)
        let byValue = v.boundReceiver || (!v.addressTaken && !loc.reassigned && v.type.size <= 128)
        v.byReference = !byValue
        if !byValue { v.markAddressTaken() }
        // The literal reaches a variable captured by reference through the address it holds,
        // as lowering reaches a variable moved to the heap.
        c.movedToHeap = !byValue
        fields.append((v.name, byValue ? v.type : .pointer(to: v.type)))
        flow((byValue ? hole : hole.addr()).noting("captured by a closure"), loc)
      }
      let layout = GoType.structure(fields)
      fn.funcvalType = layout
      hole.dst.site?.type = layout
    }
    pendingClosures = []
  }

  /// Go 1.22+ (solve.go): a literal whose funcval reaches the heap, or a call through a value
  /// whose callee is unknown and whose results are used, loses track of its results: they may
  /// then outlive the enclosing frame. Returns whether any literal changed (walk again).
  func loseClosureResults() -> Bool {
    guard analysis.compiler.tracksClosureResults else { return false }
    let reached = zeroDerefSources(of: callee)
    var changed = false
    for f in functions where f.isLiteral && !f.resultsLost {
      guard let loc = closureLocation(f) else { continue }
      if loc.escapes || reached.contains(ObjectIdentifier(loc)) {
        f.resultsLost = true
        changed = true
      }
    }
    return changed
  }

  /// The location of a literal's funcval.
  func closureLocation(_ f: Function) -> EscapeLocation? {
    locations.first { $0.site?.kind == .closure && $0.site?.closureFunction === f }
  }

  /// The locations whose value (not address) flows to `root`, through any chain of plain
  /// assignments.
  func zeroDerefSources(of root: EscapeLocation) -> Set<ObjectIdentifier> {
    var seen: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
    var todo = [root]
    while let l = todo.popLast() {
      for e in l.edges where e.derefs == 0 && seen.insert(ObjectIdentifier(e.src)).inserted {
        todo.append(e.src)
      }
    }
    return seen
  }

  /// The hole an assignment to an addressable expression stores into (assign.go addr): a local
  /// variable's location; a field or element of a local array or struct, that variable; a
  /// global, or anything reached through a pointer, the heap.
  func address(_ e: TypedExpr) -> Hole {
    switch e.kind {
    case .variable(let v):
      if v.storage == .global { return heapHole.noting("assigned to the global \(v.name)") }
      return Hole(dst: location(v), derefs: 0)
    case .field(let base, _):
      if case .deref(let p) = base.kind {
        expression(Hole(dst: mutator, derefs: 0), p)
        return storedThroughPointer(e)
      }
      return address(base)
    case .index(let base, let i):
      noteBoundedIndex(e, base, i)
      expression(discard, i)
      if base.type.isArray { return address(base) }
      expression(Hole(dst: mutator, derefs: 0), base)
      return storedThroughPointer(e)
    case .deref(let p):
      expression(Hole(dst: mutator, derefs: 0), p)
      return storedThroughPointer(e)
    case .mapIndex(let m, let key):
      // assign.go OINDEXMAP: keys of map assignments escape ("Hashing Pointers",
      // internal/runtime/maps/map.go), and the value is stored in the map's heap memory.
      expression(discard, m)
      expression(heapHole.noting("used as the key of a map assignment"), key)
      return heapHole.noting("stored in a map")
    default:
      expression(discard, e)
      return heapHole
    }
  }

  /// A store through a pointer: the analysis does not follow where pointers point, so what is
  /// stored there must be able to outlive any frame — to it, the heap.
  func storedThroughPointer(_ target: TypedExpr) -> Hole {
    heapHole.noting("stored into \(statementText(target.span)), memory reached through a pointer")
  }

  func address(_ t: AssignTarget) -> Hole {
    if case .place(let e) = t { return address(e) }
    return discard
  }

  // MARK: Expressions

  /// Evaluates an expression whose value flows into `k` (expr.go).
  func expression(_ k0: Hole, _ e: TypedExpr) {
    var k = k0
    if k.derefs >= 0 && !e.type.hasPointers { k = discard }
    switch e.kind {
    case .constant, .nilValue: break
    case .variable(let v):
      if v.storage == .global { return }
      flow(k, location(v))
    case .unary(_, let x): expression(discard, x)
    case .binary(let op, let a, let b):
      if op == "+" && a.type.isString, let site = e.site {
        _ = spill(k, site)
      }
      expression(discard, a)
      expression(discard, b)
    case .logical(_, let a, let b), .shift(_, let a, let b):
      expression(discard, a)
      expression(discard, b)
    case .addressOf(let x):
      if case .composite(let elems, let site?) = x.kind {
        let inner = spill(k, site)
        for (_, v) in elems { expression(inner, v) }
        return
      }
      expression(k.addr(), x)
    case .deref(let p): expression(k.deref(), p)
    case .field(let base, _): expression(k, base)
    case .index(let base, let i):
      noteBoundedIndex(e, base, i)
      if base.type.isArray {
        expression(k, base)
      } else {
        expression(k.deref(), base)
      }
      expression(discard, i)
    case .slice(let base, let lo, let hi, let mx):
      expression(k, base)
      for b in [lo, hi, mx] { if let b { expression(discard, b) } }
    case .conversion(let x) where e.type.isInterface: interfaceConversion(k, e, x)
    // escape/expr.go: OSLICE2ARR "is effectively a deref" of the slice; OSLICE2ARRPTR lets
    // the slice's pointer flow to the result, as any other conversion below.
    case .conversion(let x) where e.type.isArray && x.type.isSlice: expression(k.deref(), x)
    case .conversion(let x):
      if let site = e.site {
        _ = spill(k, site)
        expression(discard, x)
      } else {
        expression(k, x)
      }
    case .typeAssert(let x, let t, let mode): typeAssertion(k, x, t, mode)
    case .interfaceMethod(let x, _):
      // call.go: the receiver of an OCALLINTER is an argument of an unknown function.
      expression(heapHole.noting("the receiver of a method called through an interface"), x)
    case .call(let f, let args): call([k], f, args)
    case .callValue(let f, let args): callValue([k], f, args)
    // A declared function's funcval is static data: nothing to allocate or to flow.
    case .functionValue: break
    case .closure(let fn, let site) where site.removedByDeadLocals:
      // A literal Go 1.24+'s deadlocals dropped (its local is never read: every call of it
      // was inlined) is not in Go's tree: nothing flows into a funcval, and lowering makes
      // none (a nil). Its code, never called, takes its captures by value. One that captures
      // nothing is still a function of the package, analysed on its own (its body's lines
      // are Go's: Tests/Recordings/runs/generics); a closure is analysed only with its
      // function, which no longer holds it.
      fn.funcvalType = GoType.structure([("F", .uintptr)] + fn.captures.map { ($0.name, $0.type) })
      if fn.captures.isEmpty { walkLiteralBody(fn) }
    case .closure(let fn, let site):
      // expr.go OCLOSURE: the funcval is spilled; what it captures flows into it once every
      // body is walked (flowClosures); the literal's body is walked here, in its own frame.
      let contents = spill(k, site)
      pendingClosures.append((contents, fn))
      for c in fn.captures {
        let loc = location(c)
        if !loc.captured {
          loc.captured = true
          // Reassignments in straight-line code before the first capture do not count.
          if loc.loopDepth == loopDepth { loc.reassigned = false }
        }
      }
      walkLiteralBody(fn)
    case .initialized(let stmts, let x):
      for st in stmts { statement(st) }
      expression(k, x)
    case .builtin(let b, let args, let spread): builtin(k, b, args, spread: spread, e)
    case .new(_, let site): _ = spill(k, site)
    case .makeSlice(_, let len, let cap, let site):
      if analysis.compiler.rewritesMakeSizes { rewriteWithLiteral(site, cap ?? len) }
      _ = spill(k, site)
      expression(discard, len)
      if let cap { expression(discard, cap) }
    case .composite(let elems, let site):
      var inner = k
      if let site { inner = spill(k, site) }
      for (_, v) in elems { expression(inner, v) }
    case .mapIndex(let m, let key):
      // expr.go OINDEXMAP: keys used in lookups need not escape.
      expression(discard, m)
      expression(discard, key)
    case .makeMap(let hint, let site):
      _ = spill(k, site)
      if let hint { expression(discard, hint) }
    case .mapLiteral(let entries, let site):
      _ = spill(k, site)
      // expr.go OMAPLIT: map keys and values are always stored in the heap.
      for (key, v) in entries {
        expression(heapHole.noting("a map literal key"), key)
        expression(heapHole.noting("a map literal value"), v)
      }
    case .inlinedCall:
      // `p1, p2 := arg1, arg2` at the call, the body, then the result flows where the call's
      // value goes: the copy's allocations are judged here, in the caller.
      callResults([k], e)
    }
  }

  /// The rest of an inlined call once its parameters are bound: its results are declared, its
  /// body runs, and each result flows where the call's value goes (call.go OINLCALL).
  func inlined(_ ks: [Hole], _ ic: InlinedCall) {
    for r in ic.results { declare(r) }
    let outer = inlinedAt
    inlinedAt = outer ?? ic.reportAt
    block(ic.body)
    inlinedAt = outer
    for (k, r) in zip(ks, ic.results) { flow(k, location(r)) }
  }

  /// A call whose results go to `ks`, one hole each: a call, an inlined call, or either behind
  /// statements that run first (OAS2FUNC's right side).
  func callResults(_ ks: [Hole], _ e: TypedExpr) {
    switch e.kind {
    case .call(let f, let args): call(ks, f, args)
    case .callValue(let f, let args): callValue(ks, f, args)
    case .inlinedCall(let ic):
      for (k, (p, a)) in zip(ic.params, ic.args).enumerated() {
        // Go 1.19 places an argument's implicit conversion to the parameter's interface type
        // as fmt's (convertArgument): a name's at the last argument before it that is not a
        // name, else at the call's `(`; anything else at its own position (`keep(i)` at
        // `keep(`, `keep(T(x))` at `T(`; containerlist, sortreverse).
        if !analysis.compiler.reportsOperandPositions, a.isImplicitInterfaceBox, case .conversion(let x) = a.kind,
          let site = a.site, site.reportAt == nil, site.statementStart == nil
        {
          site.reportAt = isName(x) ? ic.args[..<k].last(where: { !isName($0) }).map(nodePosition) ?? ic.reportAt : nodePosition(x)
        }
        declare(p)
        expression(Hole(dst: location(p), derefs: 0), a)
      }
      inlined(ks, ic)
    case .initialized(let stmts, let x):
      for st in stmts { statement(st) }
      callResults(ks, x)
    default:
      expression(ks.first ?? discard, e)
    }
  }

  /// A call of a user function (call.go): each argument flows where the callee's tags say —
  /// the heap, the call's result — or, for a function of this batch, into its parameter.
  func call(_ ks: [Hole]?, _ f: Function, _ args: [TypedExpr]) {
    let inBatch = functions.contains { $0 === f }
    if inBatch, let ks {
      // Wire result flows for in-batch callees.
      for (k, r) in zip(ks, f.results) { flow(k, location(r)) }
    }
    for (a, p) in zip(args, f.params) {
      if inBatch {
        expression(Hole(dst: location(p), derefs: 0, note: "passed to \(f.name)"), a)
        continue
      }
      expression(tagHole(ks, f, p), a)
    }
  }

  /// A call through a function value (call.go OCALLFUNC). A callee known statically — a
  /// declared function's value, a literal called where it is written, or a local assigned
  /// once from either (ir.StaticValue) — is called as itself, the value going nowhere. An
  /// unknown callee's arguments go to the heap ("call parameter"); since Go 1.22 the value
  /// itself goes to the callee location when the results are used, and a literal reaching it
  /// has lost its results.
  func callValue(_ ks: [Hole], _ calleeExpr: TypedExpr, _ args: [TypedExpr]) {
    if oracle == nil { oracle = ReassignOracle(function.body) }
    var known: Function? = nil
    switch oracle!.staticValue(calleeExpr).kind {
    case .functionValue(let f): known = f
    case .closure(let f, _): known = f
    default: break
    }
    if let known {
      if case .closure = calleeExpr.kind { known.calledDirectly = true }
      expression(discard, calleeExpr)
      call(ks, known, args)
      return
    }
    let resultsUsed = ks.contains { $0.dst !== blank }
    let calleeHole = analysis.compiler.tracksClosureResults && resultsUsed
      ? Hole(dst: callee, derefs: 0, note: "callee operand") : discard
    expression(calleeHole, calleeExpr)
    for a in args { expression(heapHole.noting("passed to a function value, whose callee is not known"), a) }
  }

  /// Where an argument for parameter `p` of an analysed function flows: a tee of the heap (with
  /// the leak's dereferences) and the call's result (with its).
  func tagHole(_ ks: [Hole]?, _ f: Function, _ p: Variable) -> Hole {
    guard let index = f.params.firstIndex(where: { $0 === p }), index < f.paramLeaks.count else {
      return heapHole
    }
    let leak = f.paramLeaks[index]
    var holes: [Hole] = []
    if leak.toHeap {
      let what = leak.heapDerefs == 0 ? "parameter \(p.name) leaks" : "parameter \(p.name)'s content leaks"
      holes.append(heapHole.shift(leak.heapDerefs).noting("passed to \(f.name), whose \(what) to the heap"))
    }
    if let ks {
      for (i, r) in leak.toResults.enumerated() where i < ks.count {
        if let r { holes.append(ks[i].shift(r)) }
      }
    }
    // escape.go's mutator tag: the callee may write through the parameter (a []byte(s) given
    // to it must be a copy: `poke([]byte(s))` with poke writing b[0]). A parameter that leaks
    // to the heap takes what it is given there anyway.
    // At the parameter's dereferences: `pokeP(&b)` writing `(*pp)[0]` writes what b's
    // pointer points to, one level down from the parameter.
    if let d = leak.mutatorDerefs, !leak.toHeap { holes.append(Hole(dst: mutator, derefs: 0).shift(d)) }
    return tee(holes)
  }

  /// A hole flowing into every one of `holes` (graph.go teeHole).
  func tee(_ holes: [Hole]) -> Hole {
    if holes.isEmpty { return discard }
    if holes.count == 1 { return holes[0] }
    let loc = newLocation()
    for k in holes { flow(k, loc) }
    return Hole(dst: loc, derefs: 0)
  }

  private func builtin(_ k: Hole, _ b: Builtin, _ args: [TypedExpr], spread: Bool, _ e: TypedExpr) {
    switch b {
    case .append:
      // The appended-to slice's elements stay where they were and are reachable from the
      // result; appended values are stored in a backing array that may be new: they flow to
      // the heap. The backing store is a location of its own (call.go OAPPEND).
      var appendee = tee([k, Hole(dst: mutator, derefs: 0)])
      if let elem = e.type.sliceElement, elem.hasPointers {
        appendee = tee([appendee, heapHole.deref().noting("its elements are copied into append's new backing array")])
      }
      expression(appendee, args[0])
      if spread {
        if args[1].type.isSlice, let elem = args[1].type.sliceElement, elem.hasPointers {
          expression(heapHole.deref().noting("appended to a slice"), args[1])
        } else {
          expression(discard, args[1])
        }
      } else {
        for a in args.dropFirst() {
          placeAppendedLiteralBox(a)
          expression(heapHole.noting("appended to a slice"), a)
        }
      }
      if let site = e.site {
        let backing = spill(k, site)
        backing.dst.loopDepth = 0
      }
    case .copy:
      expression(Hole(dst: mutator, derefs: 0), args[0])
      if args[1].type.isSlice, let elem = args[1].type.sliceElement, elem.hasPointers {
        expression(heapHole.deref().noting("copied into another slice"), args[1])
      } else {
        expression(discard, args[1])
      }
    case .clear: expression(Hole(dst: mutator, derefs: 0), args[0])
    case .panic:
      // Go 1.19's typecheck converts panic's operand where the call is: -m reports it at the
      // `(` (`panic("boom")`: runs/goroutinepanic, writerpanics); Go 1.20+ at the operand.
      if !analysis.compiler.reportsOperandPositions, let a = args.first, a.isImplicitInterfaceBox,
        let site = a.site, site.reportAt == nil
      {
        site.reportAt = operatorOffset(after: e.span.start, UInt8(ascii: "("))
      }
      for a in args { expression(heapHole.noting("passed to panic"), a) }
    // mfinal.go: SetFinalizer's parameters are interfaces that leak (the object and the funcval
    // go to the span's special record).
    case .runtimeSetFinalizer: for a in args { expression(heapHole.noting("passed to runtime.SetFinalizer"), a) }
    // AddCleanup forces ptr and the function to the heap (abi.Escape) and copies arg into a box
    // on the heap that the cleanup special keeps (mcleanup.go).
    case .runtimeAddCleanup:
      expression(heapHole.noting("passed to runtime.AddCleanup (abi.Escape)"), args[0])
      expression(heapHole.noting("kept by a cleanup"), args[1])
      expression(heapHole.noting("copied into a cleanup's argument box"), args[2])
    case .cleanupStop: for a in args { expression(discard, a) }
    // weak.Make forces its pointer's object to the heap (abi.Escape in weak/pointer.go: the
    // runtime hangs a special on it); what Value returns comes from the handle, a word escape
    // analysis does not follow.
    case .weakMake: expression(heapHole.noting("passed to weak.Make (abi.Escape)"), args[0])
    // escape/call.go: the pointer, string or slice flows to the result; a length is read.
    case .unsafeAdd, .unsafeSlice, .unsafeString, .unsafeStringData, .unsafeSliceData:
      expression(k, args[0])
      for a in args.dropFirst() { expression(discard, a) }
    case .weakValue, .panicRangeState: for a in args { expression(discard, a) }
    // stmt.go OSEND: the value sent is assigned to the heap (another goroutine receives it);
    // expr.go ORECV: nothing flows out of a channel that escape analysis tracks.
    case .chanSend:
      expression(discard, args[0])
      expression(heapHole.noting("sent to a channel"), args[1])
    case .makeChan, .chanRecv, .chanRecv2, .close, .runtimeGosched, .timeAfter, .timeTick: for a in args { expression(discard, a) }
    // AfterFunc keeps its function in the timer, which the runtime's timer heap holds
    // (sleep.go: `leaking param: f`), and calls it in a goroutine of its own.
    case .timeAfterFunc:
      expression(discard, args[0])
      expression(heapHole.noting("kept by the timer of time.AfterFunc"), args[1])
    case .select:
      // walk/select.go: each send case is an OSEND (its value to the heap), each receive an
      // ORECV; the operands follow the default flag as kind, channel[, value].
      var k = 1
      while k + 1 < args.count {
        expression(discard, args[k])
        expression(discard, args[k + 1])
        if args[k].constant == .int(1), k + 2 < args.count {
          expression(heapHole.noting("sent to a channel"), args[k + 2])
          k += 3
        } else {
          k += 2
        }
      }
    case .syncRWMutexTryRLock where analysis.compiler.inliner == .go127:
      // Go 1.20+'s TryRLock only does atomics on its receiver (`m does not escape`, measured
      // with -m=2; Go 1.19.8's leaks it).
      expression(discard, args[0])
    case .syncWaitGroupAdd, .syncWaitGroupDone, .syncWaitGroupWait, .syncMutexLock, .syncMutexUnlock,
      .syncMutexTryLock, .syncRWMutexLock, .syncRWMutexUnlock, .syncRWMutexRLock, .syncRWMutexRUnlock,
      .syncRWMutexTryLock, .syncRWMutexTryRLock, .syncOnceDo:
      // sync's methods leak their receiver (the runtime semaphore calls are bodiless): recorded
      // `moved to heap: wg` / `moved to heap: mu` in Go 1.27.3 and 1.19.8. Once.Do's function
      // does not escape (`f does not escape`).
      expression(heapHole.noting("its address is passed to \(b.rawValue), which leaks its receiver"), args[0])
      for a in args.dropFirst() { expression(discard, a) }
    // math/rand (-m of one-line wrappers, Go 1.27.3 and 1.19.8): New's Rand is the caller's
    // allocation, holding the source; NewSource's rng always moves to the heap (its address
    // is the interface returned); a method leaks only what its receiver points to (`leaking
    // param content: r`: the source, called through an interface); Shuffle's swap does not
    // escape; Perm's slice is made inside it.
    case .randNew:
      guard let site = e.site else { return }
      expression(spill(k, site), args[0])
    case .randNewSource:
      if let site = e.site { _ = spill(heapHole.noting("returned by rand.NewSource as a rand.Source"), site) }
      expression(discard, args[0])
    case .randInt, .randIntn, .randInt31, .randInt31n, .randInt63, .randInt63n,
      .randUint32, .randUint64, .randFloat32, .randFloat64, .randPerm, .randShuffle, .randSeed, .randMethodInt,
      .randMethodIntn, .randMethodInt31, .randMethodInt31n, .randMethodInt63, .randMethodInt63n, .randMethodUint32,
      .randMethodUint64, .randMethodFloat32, .randMethodFloat64, .randMethodPerm, .randMethodShuffle, .randMethodSeed:
      if b.isRandMethod {
        expression(heapHole.deref().noting("its source is called through an interface"), args[0])
        for a in args.dropFirst() { expression(discard, a) }
      } else {
        for a in args { expression(discard, a) }
      }
    // sync.Pool: pinSlow appends the pool to the package's allPools (`moved to heap: p`), and
    // Put stores its operand in the pool's poolLocal (`leaking param: x`; a value converted
    // for the call escapes: `thousand escapes to heap`; Tests/Recordings/runs/syncpool, both
    // versions). What Get returns comes from the heap.
    case .syncPoolGet, .syncPoolPut:
      expression(heapHole.noting("its address is passed to \(b.rawValue), which keeps the pool in allPools"), args[0])
      // Go 1.19.8 places the conversion of a name at the call's `(` (`thousand escapes to
      // heap`), of anything else at the operand's position (`make([]byte, 10)`: its `(`).
      if b == .syncPoolPut, !analysis.compiler.reportsOperandPositions, case .conversion(let x) = args[1].kind,
        let site = args[1].site
      {
        site.reportAt = isName(x) ? nodePosition(e) : nodePosition(x)
      }
      for a in args.dropFirst() { expression(heapHole.noting("stored in a sync.Pool"), a) }
    case .errorsNew, .fmtErrorf, .recover, .errorsIs, .errorsAs, .errorsUnwrap, .errorsJoin: errorBuiltin(k, b, args, e)
    // strings.Builder's methods: the receiver's address does not escape (copyCheck's
    // abi.NoEscape); what they append is copied; String's result is the heap buffer's.
    case .builderWriteString, .builderWriteByte, .builderWriteRune, .builderGrow, .builderLen,
      .builderCap, .builderString, .builderReset:
      for a in args { expression(discard, a) }
    case .min, .max: for a in args { expression(k, a) }
    // ReadMemStats's parameter does not leak: it writes through it (mstats.go).
    // call.go ODELETE: keys used in map deletes need not escape.
    // The timers are the runtime's (always on the heap); their methods and Duration's keep
    // nothing of their arguments.
    // time.Time's methods take the Time by value and return numbers, Times or new strings;
    // Date, Unix and ParseDuration keep nothing of their arguments either (format.go quotes a
    // bad duration into a new string).
    case .timeNewTimer, .timeNewTicker, .timerStop, .timerReset, .tickerStop, .tickerReset, .durationSeconds,
      .durationMinutes, .durationHours, .durationMilliseconds, .durationMicroseconds, .durationNanoseconds,
      .durationRound, .durationTruncate, .durationString, .durationAbs, .timeUnixMethod, .timeUnixNano,
      .timeUnixMilliMethod, .timeUnixMicro, .timeSub, .timeAdd, .timeBefore, .timeAfterMethod, .timeEqual,
      .timeCompare, .timeIsZero, .timeYear, .timeMonth, .timeDay, .timeHour, .timeMinute, .timeSecond,
      .timeNanosecond, .timeWeekday, .timeYearDay, .timeFormat, .timeString, .timeUTC, .timeLocal, .timeTruncate,
      .timeRound, .timeAddDate, .monthString, .weekdayString, .timeDate, .timeUnix, .timeUnixMilli, .timeUntil,
      .timeParseDuration, .timeUTCLocation, .timeLocalLocation:
      for a in args { expression(discard, a) }
      // Timer.Stop's inlined body panics with a string on an uninitialized Timer: its
      // conversion to `any` escapes, and -m says so at the call (recorded: runs/timers).
      if b == .timerStop, inlinedAt == nil {
        reportInlinedPanicString("time: Stop called on uninitialized Timer", at: nodePosition(e))
      }
    // runtime/metrics: Read hands its samples to the runtime's readMetrics, a function without a
    // body (sample.go runtime_readMetrics, no //go:noescape), so the slice's array leaks to the
    // heap and what its samples hold with it (`make([]metrics.Sample, 2) escapes to heap`,
    // `moved to heap: one` for `one[:]`, `leaking param: name` for a Name stored in one: Go
    // 1.27.3 and 1.19.8, Tests/Recordings/runs/metricsread). All returns the package's table.
    case .metricsRead:
      expression(heapHole.noting("passed to metrics.Read, whose runtime half keeps no escape information"), args[0])
    case .metricsAll, .runtimeVersion: break
    // sync/atomic: in Go 1.19 the pointer leaks (the functions are assembly without
    // //go:noescape: `leaking param: p` for a pointer passed on, `moved to heap: n` for `&n`),
    // and so does a method's receiver, whose field's address they are given; Go 1.27's
    // intrinsics keep it (`p does not escape`).
    case .atomicAdd, .atomicLoad, .atomicStore, .atomicCompareAndSwap, .atomicSwap, .atomicMethodAdd,
      .atomicMethodLoad, .atomicMethodStore, .atomicMethodCompareAndSwap, .atomicMethodSwap:
      expression(analysis.compiler.inliner == .go119 ? heapHole.noting("passed to \(b.rawValue), whose pointer leaks") : discard, args[0])
      for a in args.dropFirst() { expression(discard, a) }
    // atomic.Value (value.go): Load is inlined and keeps its receiver; Store, Swap and
    // CompareAndSwap write through an unsafe.Pointer conversion of theirs, so the receiver
    // leaks (`moved to heap: v`), and so does the value stored (`1000 escapes to heap`);
    // CompareAndSwap's old is only compared (Tests/Recordings/runs/atomicvalue).
    case .atomicValueLoad: expression(discard, args[0])
    // atomic.Pointer[T] (type.go): its methods pass &x.v to LoadPointer, StorePointer, ...,
    // functions without escape information, so the receiver leaks (`moved to heap: p`, both
    // versions); the pointer stored escapes; CompareAndSwap's old is only compared
    // (Tests/Recordings/runs/atomicpointer).
    case .atomicPointerLoad, .atomicPointerStore, .atomicPointerSwap, .atomicPointerCompareAndSwap:
      expression(heapHole.noting("the receiver of \(b.rawValue), whose pointer functions leak it"), args[0])
      if b == .atomicPointerCompareAndSwap { expression(discard, args[1]) }
      if args.count > 1 { expression(heapHole.noting("stored by \(b.rawValue)"), args[args.count - 1]) }
    // reflectlite reads the type word only.
    case .reflectliteTypeOf, .reflectliteTypeString, .reflectliteTypeComparable: for a in args { expression(discard, a) }
    case .atomicValueStore, .atomicValueSwap, .atomicValueCompareAndSwap:
      expression(heapHole.noting("the receiver of \(b.rawValue), which writes through it"), args[0])
      if b == .atomicValueCompareAndSwap { expression(discard, args[1]) }
      expression(heapHole.noting("stored by \(b.rawValue)"), args[args.count - 1])
    // bytes.Buffer's methods: `b does not escape` (buffer.go, both versions); what Write and
    // WriteString copy stays where it was; Bytes returns the buffer, which is the heap's.
    // (NewBuffer and NewBufferString are their literals, which flow to the result.) The -m
    // lines of the inlined Grow and Reset: their self-assignment, and Grow's panic string.
    case .bytesNewBuffer, .bytesNewBufferString: expression(k, args[0])
    case .bufferWrite, .bufferWriteString, .bufferWriteByte, .bufferWriteRune, .bufferGrow, .bufferTruncate,
      .bufferLen, .bufferCap, .bufferBytes, .bufferReset, .bufferString:
      for a in args { expression(discard, a) }
      if inlinedAt == nil && (b == .bufferGrow || b == .bufferReset) {
        let at = nodePosition(e)
        let zero = analysis.compiler.inliner == .go127 ? "0" : "int(0)"
        let slice = b == .bufferGrow ? "bytes.b.buf[:bytes.m]" : "bytes.b.buf[:\(zero)]"
        analysis.report(at, "\(function.name) ignoring self-assignment in bytes.b.buf = \(slice)")
        if b == .bufferGrow {
          reportInlinedPanicString("bytes.Buffer.Grow: negative count", at: at)
        }
      }
    // unicode's functions take and return a rune or a bool: nothing flows. The inlined ones
    // that look a Latin-1 rune up in `properties[uint8(r)]` (a [256]uint8) have walk's -m
    // line for that index at the call (walk/expr.go: a uint8 index into 256 elements is
    // bounded): IsLetter, IsNumber, IsUpper, IsLower, IsPunct, IsSymbol, IsControl.
    case .unicodeIsLetter, .unicodeIsDigit, .unicodeIsNumber, .unicodeIsSpace, .unicodeIsUpper, .unicodeIsLower,
      .unicodeIsTitle, .unicodeIsPunct, .unicodeIsSymbol, .unicodeIsControl, .unicodeIsPrint, .unicodeIsGraphic,
      .unicodeIsMark, .unicodeToUpper, .unicodeToLower, .unicodeToTitle:
      for a in args { expression(discard, a) }
      if inlinedAt == nil, UnicodePackage.latin1TableLookups.contains(b) {
        analysis.report(operatorOffset(after: e.span.start, UInt8(ascii: "(")), "index bounds check elided")
      }
    // IndexFunc calls its function and keeps nothing of it.
    case .stringsIndexFunc:
      for a in args { expression(discard, a) }
      inlinedPredicateLookup(e, b, args)
    // math's functions take and return numbers: nothing flows.
    case .mathSqrt, .mathAbs, .mathFloor, .mathCeil, .mathTrunc, .mathRound, .mathRoundToEven, .mathLog,
      .mathLog2, .mathLog10, .mathExp, .mathCbrt, .mathPow, .mathMax, .mathMin, .mathMod, .mathCopysign,
      .mathInf, .mathNaN, .mathIsNaN, .mathIsInf, .mathSignbit, .mathFloat64bits, .mathFloat64frombits,
      .mathFloat32bits, .mathFloat32frombits, .mathModf, .mathFrexp, .mathLdexp, .mathHypot,
      .mathSin, .mathCos, .mathTan, .mathAsin, .mathAcos, .mathAtan, .mathAtan2:
      for a in args { expression(discard, a) }
    // Value's methods read the value; the panics inlined with Uint64, Float64 and
    // Float64Histogram convert a constant string to `any`, which -m reports at the call.
    case .metricsValueKind, .metricsValueUint64, .metricsValueFloat64, .metricsValueFloat64Histogram:
      for a in args { expression(discard, a) }
      let message: String? = switch b {
      case .metricsValueUint64: "called Uint64 on non-uint64 metric value"
      case .metricsValueFloat64: "called Float64 on non-float64 metric value"
      case .metricsValueFloat64Histogram: "called Float64Histogram on non-Float64Histogram metric value"
      default: nil
      }
      if let message, inlinedAt == nil {
        reportInlinedPanicString(message, at: nodePosition(e))
      }
    case .len, .cap, .print, .println, .delete, .timeSleep, .runtimeGC, .runtimeKeepAlive, .strconvErrSyntax, .strconvErrRange,
      .runtimeReadMemStats, .debugReadGCStats, .debugFreeOSMemory, .debugSetGCPercent, .debugSetMemoryLimit:
      for a in args { expression(discard, a) }
    // The write system call keeps nothing; its bytes go where the compiler cannot see
    // (poll.FD.Write calls syscall.Write through a func value), so they count as written —
    // a []byte(s) handed to File.Write is a copy (runs/writers: no `zero-copy` line).
    // Go 1.19.8's WriteString built the slice header by hand through unsafe.Pointer, which
    // escape analysis cannot follow: its string leaks (`s + "\n" escapes to heap`).
    case .osWrite, .osWriteString:
      expression(discard, args[0])
      if b == .osWriteString, analysis.compiler.inliner != .go127 {
        expression(heapHole.noting("passed to os.(*File).WriteString, whose string leaks in Go 1.19"), args[1])
      } else {
        expression(b == .osWrite ? Hole(dst: mutator, derefs: 0) : discard, args[1])
      }
    case .osGetenv:
      // os.Getenv's key leaks (-m: "leaking param: k" for a caller passing its parameter: the
      // key goes to testlog.Getenv and syscall's lookup); its result points into the
      // environment block, which is not an allocation.
      for a in args { expression(heapHole.noting("passed to os.Getenv, whose key escapes"), a) }
    // Atoi copies the string into its error (Go 1.20+ cloneString): s does not leak.
    case .osExit, .runtimeNumGoroutine, .runtimeNumCPU, .runtimeGOMAXPROCS, .timeNow, .timeSince,
      .strconvItoa, .strconvFormatInt, .strconvFormatUint, .strconvAtoi, .stringsCount:
      // strconv's result is a new string made inside FormatInt (always on the heap), or a piece
      // of its constant table: nothing flows from the argument.
      for a in args { expression(discard, a) }
    case .sortInts, .sortStrings, .sortFloat64s, .sortIntsAreSorted, .sortStringsAreSorted, .sortFloat64sAreSorted:
      // Go 1.19: sort.Sort(IntSlice(x)) (IsSorted for the checks), the slice boxed into a
      // sort.Interface that escapes (`sort.Interface(sort.IntSlice(sort.x)) escapes to heap` at
      // the inlined call: x's array with it); Go 1.22+: slices.Sort(x) or slices.IsSorted(x),
      // which keep nothing (runs/sortedchecks).
      if !analysis.compiler.sortsWithSlices {
        expression(heapHole.noting("boxed into the sort.Interface \(b.rawValue) sorts through"), args[0])
        if inlinedAt == nil, let elem = b.sortedSliceElement {
          let slice = elem === GoType.int ? "IntSlice" : elem === GoType.string ? "StringSlice" : "Float64Slice"
          analysis.report(operatorOffset(after: e.span.start, UInt8(ascii: "(")), "sort.Interface(sort.\(slice)(sort.x)) escapes to heap")
        }
      } else {
        expression(discard, args[0])
      }
    case .sortSlice, .sortSliceStable, .sortSliceIsSorted:
      // sort/slice.go: Slice and SliceStable keep x's box (reflectlite.Swapper's closure holds
      // its slice: `ints escapes to heap`, its array with it); SliceIsSorted only reads it
      // (`pairs does not escape`: the box stays in the frame) since Go 1.21, before which
      // reflectlite.ValueOf sent it to the heap. less never escapes.
      let keeps = b != .sortSliceIsSorted || analysis.compiler.valueOfEscapes
      expression(keeps ? heapHole.noting("converted to the any \(b.rawValue) keeps") : discard, args[0])
      expression(discard, args[1])
      convertArgument(e, 0, all: args, escapes: keeps)
    // sort.Sort, Stable and IsSorted keep their Interface (`leaking param: data`: its methods
    // are called through it), so what was converted to it escapes (`byLen(w) escapes to
    // heap`, Go 1.27.3 and 1.19.8: Tests/Recordings/runs/sortinterface); the searches keep
    // nothing, and Search's function is called, not kept.
    case .sortSort, .sortStable, .sortIsSorted:
      // Go 1.19.8 places the conversion of a name at the call's `(` (`x escapes to heap`), of
      // anything else at the operand's position (`byLen(w)`: its `(`), as for Pool.Put.
      if !analysis.compiler.reportsOperandPositions, inlinedAt == nil, case .conversion(let x) = args[0].kind, let site = args[0].site {
        site.reportAt = isName(x) ? nodePosition(e) : nodePosition(x)
      }
      expression(heapHole.noting("passed to \(b.rawValue), which keeps its sort.Interface"), args[0])
    case .sortSearch, .sortSearchInts, .sortSearchStrings, .sortSearchFloat64s:
      for a in args { expression(discard, a) }
    // strings.Clone: the make Checker wrote for it (SlicesPackage.swift) is the result; s is
    // only copied.
    case .stringsClone:
      expression(discard, args[0])
      expression(k, args[1])
    // bytes.Clone and slices.Clone are `append(S{}, s...)`: growslice's new array, always the
    // heap's (-m: `append escapes to heap`, or `does not escape` with the array still made by
    // growslice: Tests/Recordings/runs/slicesfuncs), the elements copied into it.
    case .bytesClone, .slicesClone:
      let pointers = args[0].type.sliceElement?.hasPointers ?? false
      expression(pointers ? heapHole.deref().noting("its elements are copied into \(b.rawValue)'s new array") : discard, args[0])
      inlinedAppend(k, e)
    case .slicesClip, .slicesGrow, .slicesInsert, .slicesDelete, .slicesDeleteFunc, .slicesReplace, .slicesCompact,
      .slicesCompactFunc, .slicesContains, .slicesContainsFunc, .slicesIndex, .slicesIndexFunc, .slicesEqual,
      .slicesEqualFunc, .slicesCompare, .slicesReverse, .slicesMax, .slicesMin, .slicesMaxFunc, .slicesMinFunc,
      .slicesSort, .slicesSortFunc, .slicesSortStableFunc, .slicesIsSorted, .slicesIsSortedFunc, .slicesBinarySearch:
      slicesFlows(k, b, args)
      if b == .slicesGrow || b == .slicesDelete { inlinedAppend(k, e) }
      if inlinedAt == nil { inlinedSlicesLines(b, args, at: nodePosition(e)) }
    case .cmpCompare, .cmpLess: for a in args { expression(discard, a) }
    // strings.Compare is bytealg.CompareString from Go 1.23, an assembly function without
    // go:noescape: its operands leak (`leaking param: a` for a literal comparing a.k, Go
    // 1.27.3: runs/slicesfuncs); Go 1.19's is Go code that keeps nothing.
    case .stringsCompare:
      let leaks = analysis.compiler.inliner == .go127
      for a in args { expression(leaks ? heapHole.noting("passed to strings.Compare, whose assembly keeps no escape information") : discard, a) }
    case .stringsRepeat:
      // Repeat(s, 1) returns s itself ("leaking param: s to result ~r0 level=0").
      expression(k, args[0])
      expression(discard, args[1])
    // strings (-m on one-line wrappers, Go 1.27.3 and 1.19.8 alike): Split and Fields store
    // pieces of s in the []string they allocate ("leaking param: s"); the trims, the case
    // mappings and Replace may return s itself ("leaking param: s to result ~r0 level=0"); Join
    // returns elems[0] when it is alone ("leaking param: a to result ~r0 level=1"); the searches
    // keep nothing ("s does not escape").
    // FieldsFunc calls its function, keeping nothing of it (`func literal does not escape`).
    case .stringsSplit, .stringsFields, .stringsSplitN, .stringsFieldsFunc:
      expression(heapHole.noting("stored by \(b.rawValue) in the slice it returns"), args[0])
      for a in args.dropFirst() { expression(discard, a) }
    // Trim, TrimLeft, TrimRight and Cut return pieces of s; Title (Map) s itself when nothing
    // changes.
    case .stringsTrimSpace, .stringsTrimPrefix, .stringsTrimSuffix, .stringsToUpper, .stringsToLower,
      .stringsReplace, .stringsReplaceAll, .stringsTrim, .stringsTrimLeft, .stringsTrimRight, .stringsCut, .stringsTitle,
      .stringsTrimFunc, .stringsTrimLeftFunc, .stringsTrimRightFunc:
      expression(k, args[0])
      for a in args.dropFirst() { expression(discard, a) }
      inlinedPredicateLookup(e, b, args)
    // strconv's Appends return dst (appended to in place when it has room): `leaking param: dst
    // to result ~r0 level=0`; Unquote returns s[1:len-1] when there is nothing to unescape.
    // The Appends write into dst's array when it has room (so a `[]byte("n=")` given to them is
    // not zero-copy).
    case .strconvAppendInt, .strconvAppendUint, .strconvAppendBool, .strconvAppendQuote, .strconvAppendFloat:
      expression(tee([k, Hole(dst: mutator, derefs: 0)]), args[0])
      for a in args.dropFirst() { expression(discard, a) }
    case .strconvUnquote:
      expression(k, args[0])
    // Map returns s itself when its function changes no rune; the function it only calls.
    case .stringsMap:
      expression(discard, args[0])
      expression(k, args[1])
    case .stringsJoin:
      expression(k.deref(), args[0])
      expression(discard, args[1])
    case .stringsContains, .stringsContainsRune, .stringsHasPrefix, .stringsHasSuffix, .stringsIndex,
      .stringsIndexByte, .stringsLastIndex, .stringsEqualFold, .stringsIndexAny, .stringsLastIndexAny, .stringsContainsAny,
      .stringsLastIndexByte, .stringsIndexRune, .stringsLastIndexFunc, .strconvFormatFloat, .strconvFormatBool,
      .strconvQuote, .strconvQuoteToASCII, .osArgs:
      for a in args { expression(discard, a) }
    // The parsers keep their input in the NumError of a failure: a copy from Go 1.20
    // (cloneString), the string itself before (`leaking param: s` in Go 1.19.8).
    case .strconvParseInt, .strconvParseUint, .strconvParseFloat, .strconvParseBool:
      let keeps = analysis.compiler.inliner != .go127
      expression(keeps ? heapHole.noting("kept by the \(b.rawValue) error it may return") : discard, args[0])
      for a in args.dropFirst() { expression(discard, a) }
    case .fmtFprint, .fmtFprintln, .fmtFprintf:
      // The stream is os.Stdout or os.Stderr, or a *bytes.Buffer, *strings.Builder or other
      // io.Writer that fmt calls Write on through the interface: a parameter whose method is
      // called through an interface leaks (`moved to heap: buf`, `&bufio.Writer{...} escapes
      // to heap`). The rest are fmt's leaking interface arguments.
      // Go 1.19 places the writer's implicit conversion to io.Writer as an inlined call's
      // (below): a name's at the call's `(` (runs/writers: `u escapes to heap` at `Fprintf(`).
      let w = args[0]
      if !analysis.compiler.reportsOperandPositions, w.isImplicitInterfaceBox, case .conversion(let x) = w.kind,
        let site = w.site, site.reportAt == nil, site.statementStart == nil
      {
        site.reportAt = isName(x) ? operatorOffset(after: e.span.start, UInt8(ascii: "(")) : nodePosition(x)
      }
      if args[0].type.pointee != nil || args[0].type.isInterface {
        expression(heapHole.noting("passed to \(b.rawValue) as an io.Writer, whose Write is called through the interface"), args[0])
      }
      fmtOperands(b, args, from: 1, formatAt: b == .fmtFprintf ? 1 : nil, spread: false)
      // Fprintf's format is a string parameter; what follows it is `...any`.
      if !e.isPrintStatement { convertToInterfaces(e, args.dropFirst(b == .fmtFprintf ? 2 : 1), all: args) }
    // The Appends return dst, appended to in place when it has room (`leaking param: b to
    // result ~r0 level=0`); the rest are fmt's leaking interface arguments.
    case .fmtAppend, .fmtAppendln, .fmtAppendf:
      expression(tee([k, Hole(dst: mutator, derefs: 0)]), args[0])
      fmtOperands(b, args, from: 1, formatAt: b == .fmtAppendf ? 1 : nil, spread: false)
      convertToInterfaces(e, args.dropFirst(b == .fmtAppendf ? 2 : 1), all: args)
    case .logPrint, .logPrintf, .logPrintln, .logFatal, .logFatalf, .logFatalln, .logPanic, .logPanicf, .logPanicln,
      .logSetFlags, .logSetPrefix, .logFlags, .logPrefix, .logSetOutput, .logNew, .logDefault, .loggerPrint,
      .loggerPrintf, .loggerPrintln, .loggerFatal, .loggerFatalf, .loggerFatalln, .loggerPanic, .loggerPanicf,
      .loggerPanicln, .loggerSetFlags, .loggerSetPrefix, .loggerFlags, .loggerPrefix, .loggerSetOutput:
      logFlows(b, args, spread: spread, e)
    case .fmtPrintln, .fmtPrint, .fmtPrintf, .fmtSprint, .fmtSprintln, .fmtSprintf:
      let format = b == .fmtPrintf || b == .fmtSprintf ? 0 : nil
      fmtOperands(b, args, from: 0, formatAt: format, spread: spread)
      // (`fmt.Println(values...)` converts nothing: the slice is fmt's parameter.)
      if !spread && !e.isPrintStatement { convertToInterfaces(e, args.dropFirst(format == nil ? 0 : 1), all: args) }
    }
  }

  /// fmt's operands from the `first`th: interfaces whose content leaks (`x escapes to heap`; a
  /// spread slice's elements likewise), but the format at `formatAt`, which fmt only reads
  /// (`format does not escape`, Go 1.19.8 and 1.27.3).
  private func fmtOperands(_ b: Builtin, _ args: [TypedExpr], from first: Int, formatAt: Int?, spread: Bool) {
    let leak = heapHole.noting("passed to \(b.rawValue), whose arguments (interface values) escape")
    for (i, a) in args.enumerated().dropFirst(first) {
      expression(i == formatAt ? discard : (spread ? leak.deref() : leak), a)
    }
  }

  /// What flows where in a log call (log/log.go): the logger is only used; what a print
  /// formats goes to fmt's leaking `...any` (Go 1.21+ inlines the call, with the func literal
  /// that appends the text: -m says it does not escape); the writer New and SetOutput store in
  /// the Logger, and the prefix New and SetPrefix keep (Go 1.21+'s SetPrefix stores &prefix:
  /// `moved to heap: log.prefix`), flow to the heap. Recorded: Tests/Recordings/runs/logpkg.
  private func logFlows(_ b: Builtin, _ args: [TypedExpr], spread: Bool, _ e: TypedExpr) {
    guard let op = b.logOperation, let logger = args.first else { return }
    let go121 = analysis.compiler.inliner == .go127
    expression(discard, logger)
    let rest = Array(args.dropFirst())
    let at = operatorOffset(after: e.span.start, UInt8(ascii: "("))
    switch op.kind {
    case .print, .printf, .println:
      let holeText = "passed to \(b.rawValue), whose arguments (interface values) escape"
      for a in rest { expression(spread ? heapHole.deref().noting(holeText) : heapHole.noting(holeText), a) }
      if !spread { convertToInterfaces(e, rest.dropFirst(op.kind == .printf ? 1 : 0), all: rest) }
      if go121, inlinedAt == nil, op.ending == .none { analysis.report(at, "func literal does not escape") }
    case .setOutput, .new:
      expression(heapHole.noting("stored in the Logger by \(b.rawValue)"), rest[0])
      for a in rest.dropFirst() { expression(heapHole.noting("kept by the Logger \(b.rawValue) makes"), a) }
      if op.kind == .new, !go121, inlinedAt == nil { analysis.report(at, "&log.Logger{...} escapes to heap") }
    case .setPrefix:
      expression(heapHole.noting("kept by the Logger as its prefix"), rest[0])
      if go121, inlinedAt == nil { analysis.report(at, "moved to heap: log.prefix") }
    case .setFlags, .flags, .prefix, .defaultLogger:
      for a in rest { expression(discard, a) }
    }
  }

  /// The append an inlined Clone, Grow or Delete makes: its site flows to the result, as the
  /// append builtin's does (call.go OAPPEND), so -m says whether it escapes.
  private func inlinedAppend(_ k: Hole, _ e: TypedExpr) {
    guard let site = e.site else { return }
    let backing = spill(k, site)
    backing.dst.loopDepth = 0
  }

  /// -m's lines about what Go's inliner copied into the caller with a slices call (slices.go,
  /// Tests/Recordings/runs/slicesfuncs): Grow's panic string and its make of the extra
  /// elements, which stays in the frame; Max's and Min's panic strings; Reverse's swap, a
  /// self-assignment escape analysis ignores (reported twice, as Go does).
  private func inlinedSlicesLines(_ b: Builtin, _ args: [TypedExpr], at: Int) {
    let elem = args.first?.type.sliceElement ?? .int
    switch b {
    case .slicesGrow:
      reportInlinedPanicString("cannot be negative", at: at)
      analysis.report(at, "make([]\(goShapeName(elem)), slices.n) does not escape")
    case .slicesMax, .slicesMin, .slicesMaxFunc, .slicesMinFunc:
      reportInlinedPanicString("\(b.rawValue): empty list", at: at)
    case .slicesReverse:
      let line = "\(function.name) ignoring self-assignment in slices.s[slices.i], slices.s[slices.j] = slices.s[slices.j], slices.s[slices.i]"
      analysis.report(at, line)
      analysis.report(at, line)
    default: break
    }
  }

  /// What flows where in a slices call (slices/slices.go, sort.go; Go inlines the small ones,
  /// so their flows are the caller's): the functions that return the slice (Clip, Delete,
  /// Compact, ... and Grow, Insert and Replace, whose append may copy it into a new array)
  /// return s itself; Max and Min an element; the rest keep nothing. Appended and inserted
  /// values go into the slice's array, which may be new: the heap. A function value is called,
  /// not kept (-m: `func literal does not escape`); the elements passed to it flow to the heap
  /// when they hold pointers, as they do in Go, where the call goes through pdqsortCmpFunc's
  /// parameter (an unknown function: its arguments escape).
  private func slicesFlows(_ k: Hole, _ b: Builtin, _ args: [TypedExpr]) {
    let elem = args[0].type.sliceElement
    let pointers = elem?.hasPointers ?? false
    let takesFunction = args.contains { $0.type.isFunction }
    var holes: [Hole] = []
    switch b {
    case .slicesClip, .slicesDelete, .slicesDeleteFunc, .slicesCompact, .slicesCompactFunc: holes.append(k)
    case .slicesGrow, .slicesInsert, .slicesReplace:
      holes.append(k)
      if pointers { holes.append(heapHole.deref().noting("its elements may be copied into append's new backing array")) }
    case .slicesMax, .slicesMin, .slicesMaxFunc, .slicesMinFunc: holes.append(k.deref())
    default: break
    }
    if b.slicesMutates { holes.append(Hole(dst: mutator, derefs: 0)) }
    if takesFunction && pointers { holes.append(heapHole.deref().noting("its elements are passed to a function value")) }
    expression(tee(holes), args[0])
    for a in args.dropFirst() {
      if a.type.isSlice, a.type.sliceElement?.hasPointers == true, b == .slicesInsert || b == .slicesReplace {
        expression(heapHole.deref().noting("inserted into a slice"), a)
      } else if a.type.isSlice, a.type.sliceElement?.hasPointers == true, takesFunction {
        expression(heapHole.deref().noting("its elements are passed to a function value"), a)
      } else {
        expression(discard, a)
      }
    }
  }

  // MARK: Self-assignment (utils.go isSelfAssign)

  /// `b.buf = b.buf[n:m]` through the same pointer, or `val.x = val.y`: the assignment does not
  /// store any pointer that was not already there.
  func isSelfAssignment(_ dst: TypedExpr, _ src: TypedExpr) -> Bool {
    // Slice self-assignment through a dereference of a variable.
    if case .field(let db, _) = dst.kind, case .deref(let dp) = db.kind, case .variable(let dv) = dp.kind,
      case .slice(let sb, _, _, _) = src.kind, case .field(let sbb, _) = sb.kind,
      case .deref(let sp) = sbb.kind, case .variable(let sv) = sp.kind, dv === sv
    {
      return true
    }
    switch (dst.kind, src.kind) {
    case (.field(let a, _), .field(let b, _)): return sameSafe(a, b)
    case (.index(let a, let i), .index(let b, let j)):
      return !mayAffectMemory(i) && !mayAffectMemory(j) && sameSafe(a, b)
    default: return false
    }
  }

  func sameSafe(_ a: TypedExpr, _ b: TypedExpr) -> Bool {
    switch (a.kind, b.kind) {
    case (.variable(let x), .variable(let y)): return x === y
    case (.field(let x, let i), .field(let y, let j)): return i == j && sameSafe(x, y)
    case (.deref(let x), .deref(let y)): return sameSafe(x, y)
    default: return false
    }
  }

  func mayAffectMemory(_ e: TypedExpr) -> Bool {
    switch e.kind {
    case .variable, .constant, .nilValue: return false
    case .binary(_, let a, let b), .shift(_, let a, let b): return mayAffectMemory(a) || mayAffectMemory(b)
    case .index(let a, let b): return mayAffectMemory(a) || mayAffectMemory(b)
    case .conversion(let x), .unary(_, let x): return mayAffectMemory(x)
    case .builtin(.len, let args, _), .builtin(.cap, let args, _): return args.contains(where: mayAffectMemory)
    case .field(let x, _), .deref(let x): return mayAffectMemory(x)
    default: return true
    }
  }

  // MARK: Heap allocation reasons (utils.go HeapAllocReason)

  func heapAllocReason(_ loc: EscapeLocation) -> String? {
    if let v = loc.variable {
      // Parameters are always passed on the stack.
      if v.storage != .local { return nil }
      if v.type.size > analysis.compiler.maxStackVarSize { return "too large for stack" }
      return nil
    }
    guard let site = loc.site else { return nil }
    switch site.kind {
    case .new, .compositeAddress, .interfaceBox:
      if site.type.size > analysis.compiler.maxImplicitStackVarSize { return "too large for stack" }
    case .make:
      if site.type.size == 0 { return "zero-sized element" }
      guard let n = site.constantCount else {
        return analysis.compiler.stackBufferBytes == nil ? "non-constant size" : nil
      }
      if n > analysis.compiler.maxImplicitStackVarSize / site.type.size { return "too large for stack" }
    default: break
    }
    return nil
  }

  // MARK: Solving (solve.go)

  func walkAll() {
    var todo: [EscapeLocation] = [heap, mutator] + locations.reversed()
    for l in todo { l.queuedAll = true }
    var walkgen = 0
    while !todo.isEmpty {
      let root = todo.removeFirst()
      root.queuedAll = false
      walkgen += 1
      walkOne(root, walkgen) { l in
        if !l.queuedAll {
          l.queuedAll = true
          if l.escapes { todo.insert(l, at: 0) } else { todo.append(l) }
        }
      }
    }
  }

  /// The fewest dereferences from `root` to every location that flows into it; a location whose
  /// address reaches a root that outlives it escapes.
  func walkOne(_ root: EscapeLocation, _ walkgen: Int, _ enqueue: (EscapeLocation) -> Void) {
    root.walkgen = walkgen
    root.derefs = 0
    root.pathDst = nil
    root.pathNote = nil
    var todo = [root]
    var head = 0
    while head < todo.count {
      let l = todo[head]
      head += 1
      l.queuedOne = 0
      var derefs = l.derefs
      var newEscapes = false
      var newMutates = false
      if derefs < 0 {
        // l's address flows to root.
        derefs = 0
        if outlives(root, l) { newEscapes = true }
      }
      if derefs == 0 && root.mutates && !l.mutates { newMutates = true }
      if l.isParam, outlives(root, l) { leak(l, to: root, derefs) }
      if l.isParam, root.mutates { l.mutatorDerefs = min(l.mutatorDerefs ?? derefs, derefs) }
      if newEscapes && !l.escapes || newMutates {
        if newEscapes {
          l.escapes = true
          l.mutates = true
          if l.explanation == nil { l.explanation = explainPath(from: l, to: root) }
        }
        if newMutates { l.mutates = true }
        enqueue(l)
        if l.escapes { continue }
      }
      for edge in l.edges {
        let src = edge.src
        if src.escapes { continue }
        let d = derefs + edge.derefs
        if src.walkgen != walkgen || src.derefs > d {
          src.walkgen = walkgen
          src.derefs = d
          src.pathDst = l
          src.pathNote = edge.note
          if src.queuedOne != walkgen {
            src.queuedOne = walkgen
            todo.append(src)
          }
        }
      }
    }
  }

  /// Whether values stored in `l` may survive beyond `other`'s lifetime (solve.go outlives).
  func outlives(_ l: EscapeLocation, _ other: EscapeLocation) -> Bool {
    if l.escapes { return true }
    if l === mutator || l === blank || l === callee { return false }
    if l.isResult {
      // A literal's results may hold its enclosing frame's addresses when every call of it is
      // known: `fn := func() *int { return &u }()` keeps u on the stack.
      if let lf = l.function, lf.isLiteral, let of = other.function, of !== lf, of.contains(lf) {
        if analysis.compiler.tracksClosureResults ? !lf.resultsLost : lf.calledDirectly { return false }
      }
      return true
    }
    if l.function === other.function && l.loopDepth < other.loopDepth { return true }
    // Declared outside a literal that stores into it: the literal's frame is gone by then.
    if let lf = l.function, let of = other.function, lf !== of, lf.contains(of) { return true }
    return false
  }

  /// A parameter's value flows to `sink` with `derefs` (graph.go leakTo): one of its function's
  /// results that does not escape itself — only the first numEscResults (7) fit the tag — or
  /// the heap.
  func leak(_ p: EscapeLocation, to sink: EscapeLocation, _ derefs: Int) {
    if !sink.escapes && sink.isResult && sink.function === p.function && sink.resultIndex < EscapeAnalysis.numEscResults {
      p.leakResults[sink.resultIndex] = min(p.leakResults[sink.resultIndex] ?? derefs, derefs)
    } else {
      p.leakHeap = min(p.leakHeap ?? derefs, derefs)
    }
  }

  // MARK: Explanations (solve.go explainPath)

  /// A HeapAllocReason as `explain` says it.
  func reasonInWords(_ reason: String) -> String {
    switch reason {
    case "too large for stack":
      return "too large for the stack (the compiler keeps a new or make in a frame only up to \(analysis.compiler.maxImplicitStackVarSize >> 10) KiB)"
    case "non-constant size":
      return "its size is known only at run time (before Go 1.25 such a make always goes to the heap)"
    default: return reason
    }
  }

  /// Why `l` escapes, in words, from the walk's path from it to `root`: the note nearest the
  /// root ("returned from f", "assigned to the global g"), or what the root is.
  func explainPath(from l: EscapeLocation, to root: EscapeLocation) -> String {
    var nearest: String? = nil
    var at: EscapeLocation? = l
    var steps = 0
    // The path is a chain of shortest-path predecessors, so it ends at the root; the bound
    // only guards against a walk state left from an earlier root.
    while let x = at, x !== root, steps < locations.count + 2 {
      if let n = x.pathNote { nearest = n }
      at = x.pathDst
      steps += 1
    }
    guard let nearest else { return explain(root) }
    if root !== heap, !root.isResult, root.escapes { return nearest + "; " + explain(root) }
    return nearest
  }

  /// What about a root makes the values that reach it outlive their frame.
  func explain(_ root: EscapeLocation) -> String {
    if root === heap { return "reachable from the heap" }
    if root.isResult { return "returned from \(root.function?.name ?? "its function")" }
    let name = root.variable?.name ?? root.site?.text ?? "a temporary"
    if root.escapes { return "\(name) is on the heap" + (root.explanation.map { " (\($0))" } ?? "") }
    return "its address is kept in \(name), which outlives the loop iteration that made it"
  }

  // MARK: Results

  func finish() {
    analysis.reportingParameterTags = true
    defer { analysis.reportingParameterTags = false }
    for f in functions where !f.isScript {
      f.paramLeaks = f.params.map { p in
        guard let loc = variables[ObjectIdentifier(p)], p.type.hasPointers, p.name != "_" else { return ParamLeak() }
        var leak = ParamLeak()
        if let h = loc.leakHeap {
          leak.toHeap = true
          leak.heapDerefs = h
        }
        leak.mutatorDerefs = loc.mutatorDerefs
        // leaks.go Optimize: a result flow no cheaper than the heap flow adds nothing.
        leak.toResults = f.results.indices.map { i in
          guard let r = loc.leakResults[i], !(leak.toHeap && r >= leak.heapDerefs) else { return nil }
          return r
        }
        // (A wrapper's parameters are the compiler's: Go reports them at `<autogenerated>:1`.)
        // Nor does an instance of a generic report its parameters: shaped functions are DUPOK
        // (escape.go: diagnose only `!fn.Wrapper() && !fn.Dupok()`).
        if !loc.escapes && !f.isMethodValueWrapper && f.instance == nil && !f.isCopyOfLibraryLiteral {
          if leak.toHeap {
            analysis.report(p.span.start, leak.heapDerefs == 0 ? "leaking param: \(p.name)" : "leaking param content: \(p.name)")
          }
          // escape.go reportLeaks: each result by its name (~r0, ~r1 for unnamed ones).
          for (i, r) in leak.toResults.enumerated() {
            if let r { analysis.report(p.span.start, "leaking param: \(p.name) to result \(resultName(f, i)) level=\(r)") }
          }
          if !leak.toHeap && !leak.toAnyResult {
            analysis.report(p.span.start, "\(p.name) does not escape")
          }
        }
        return leak
      }
    }
    analysis.reportingParameterTags = false
    for loc in locations {
      analysis.reporter = loc.function
      if let v = loc.variable {
        guard v.storage != .global else { continue }
        v.movedToHeap = loc.escapes
        if loc.escapes {
          analysis.report(v.reportAt ?? v.span.start, "moved to heap: \(v.name)")
          v.escapeReason = v.escapeReason ?? loc.explanation
          v.site?.explanation = v.escapeReason
        }
      } else if let site = loc.site {
        site.onHeap = loc.escapes || site.kind == .variable
        if loc.escapes, site.kind != .variable { site.explanation = site.reason.map(reasonInWords) ?? loc.explanation }
        let at = site.reportAt ?? site.span.start
        if site.kind == .append {
          if analysis.compiler.reportsAppend {
            analysis.report(at, "append \(loc.escapes ? "escapes to heap" : "does not escape")")
          }
          for text in site.alsoReportedAs {
            analysis.report(at, "\(text) \(loc.escapes ? "escapes to heap" : "does not escape")")
          }
        } else if site.reportsAsMovedVariable {
          if loc.escapes { analysis.report(at, "moved to heap: \(site.text)") }
        } else if !site.text.isEmpty && site.kind != .variable && !site.removedByDeadLocals {
          analysis.report(at, "\(qualifyingTypeArguments(site.text)) \(loc.escapes ? "escapes to heap" : "does not escape")")
        }
        if site.zeroCopyCandidate && analysis.compiler.zeroCopyStringToBytes && !loc.mutates && !loc.escapes {
          site.zeroCopy = true
          analysis.report(at, "zero-copy string->[]byte conversion")
        }
      }
    }
    // Sites the walk never reached (in code after a return, say) stay on the heap.
  }

  /// A result as -m names it: by its name, `~r0` for an unnamed one, and a blank one by the
  /// era's name for it (CompilerProfile.blankResultPrefix).
  func resultName(_ f: Function, _ i: Int) -> String {
    let name = f.results[i].name
    return name == "_" ? "\(analysis.compiler.blankResultPrefix)\(i)" : name
  }

  /// The text of a statement, on one line (self-assignment messages).
  /// A statement as the compiler prints it (Diagnostics/IRText.swift), or its first line as
  /// written when it is not one the IR printer knows.
  func statementText(_ s: TypedStmt) -> String {
    if let text = s.libraryText { return irStatementText(text) ?? text }
    return statementText(s.span)
  }

  func statementText(_ span: Span) -> String {
    let bytes = analysis.source.bytes
    let a = min(max(0, span.start), bytes.count)
    let b = min(max(a, span.end), bytes.count)
    let written = String(decoding: bytes[a..<b], as: UTF8.self)
    return irStatementText(written) ?? written.split(separator: "\n").first.map(String.init) ?? ""
  }
}

extension Batch {
  /// A literal's body, walked in its own frame where the literal is.
  func walkLiteralBody(_ fn: Function) {
    let saved = (function, loopDepth, oracle)
    function = fn
    loopDepth = 1
    oracle = nil
    block(fn.body)
    (function, loopDepth, oracle) = saved
  }
}

extension TypedExpr {
  /// Calls `visit` on each direct sub-expression.
  func forEachChild(_ visit: (TypedExpr) -> Void) {
    switch kind {
    // A literal's body is its own function's (Function.closures), not a child expression.
    case .constant, .nilValue, .variable, .new, .functionValue, .closure: break
    case .callValue(let f, let args):
      visit(f)
      args.forEach(visit)
    case .unary(_, let x), .conversion(let x), .deref(let x), .addressOf(let x), .field(let x, _),
      .typeAssert(let x, _, _), .interfaceMethod(let x, _):
      visit(x)
    case .binary(_, let a, let b), .logical(_, let a, let b), .shift(_, let a, let b), .index(let a, let b):
      visit(a)
      visit(b)
    case .call(_, let args), .builtin(_, let args, _): args.forEach(visit)
    case .makeSlice(_, let l, let c, _):
      visit(l)
      if let c { visit(c) }
    case .slice(let b, let lo, let hi, let mx):
      visit(b)
      for x in [lo, hi, mx] { if let x { visit(x) } }
    case .composite(let elems, _): for e in elems { visit(e.value) }
    case .inlinedCall(let ic):
      ic.args.forEach(visit)
      for s in ic.body { s.forEachExpression(visit) }
    case .initialized(let stmts, let x):
      for s in stmts { s.forEachExpression(visit) }
      visit(x)
    case .mapIndex(let m, let k):
      visit(m)
      visit(k)
    case .makeMap(let hint, _): if let hint { visit(hint) }
    case .mapLiteral(let entries, _):
      for (k, v) in entries {
        visit(k)
        visit(v)
      }
    }
  }
}

extension TypedStmt {
  /// Calls `visit` on every expression of the statement and the statements it contains.
  func forEachExpression(_ visit: (TypedExpr) -> Void) {
    switch kind {
    case .expression(let e), .sleep(let e): visit(e)
    case .assign(let ts, let vs):
      for case .place(let t) in ts { visit(t) }
      vs.forEach(visit)
    case .assignCall(let ts, let call):
      for case .place(let t) in ts { visit(t) }
      visit(call)
    case .deferStmt(let d), .goStmt(let d):
      for s in d.setup { s.forEachExpression(visit) }
      visit(d.call)
    case .opAssign(_, let a, let b):
      visit(a)
      visit(b)
    case .mapLookup(let v, let ok, let e):
      for case .place(let t) in [v, ok] { visit(t) }
      visit(e)
    case .block(let b): for s in b { s.forEachExpression(visit) }
    case .ifStmt(let i, let c, let t, let e):
      i?.forEachExpression(visit)
      visit(c)
      for s in t { s.forEachExpression(visit) }
      e?.forEachExpression(visit)
    case .loop(_, let i, let c, let p, let b):
      i?.forEachExpression(visit)
      if let c { visit(c) }
      p?.forEachExpression(visit)
      for s in b { s.forEachExpression(visit) }
    case .range(let r):
      visit(r.operand)
      for s in r.body { s.forEachExpression(visit) }
    case .returnStmt(let es), .inlineReturn(_, let es): es.forEach(visit)
    case .stats(let l, _): l.forEach(visit)
    case .expect(let x): visit(x.value)
    case .setGCPercent(let e), .setMemoryLimit(let e): if let e { visit(e) }
    case .switchStmt(let sw):
      sw.initStmt?.forEachExpression(visit)
      if let tag = sw.tag { visit(tag) }
      for c in sw.clauses {
        c.values.forEach(visit)
        for s in c.body { s.forEachExpression(visit) }
      }
    case .zero, .breakStmt, .continueStmt, .fallthroughStmt, .gc, .free, .why, .roots, .explain, .heapMap: break
    }
  }
}

extension Batch {
  /// A unicode predicate inlined with the strings function that calls it (Builtin
  /// .inlinedPredicate): the line for its table lookup (see the unicode functions above) is at
  /// the call (runs/stringsfuncpreds: IndexFunc(s, unicode.IsUpper)).
  fileprivate func inlinedPredicateLookup(_ e: TypedExpr, _ b: Builtin, _ args: [TypedExpr]) {
    guard inlinedAt == nil, let p = b.inlinedPredicate(args, go127: analysis.compiler.inliner == .go127),
      UnicodePackage.latin1TableLookups.contains(p)
    else { return }
    analysis.report(operatorOffset(after: e.span.start, UInt8(ascii: "(")), "index bounds check elided")
  }
}

extension Batch {
  /// Go 1.19.8 reports the box of a composite literal appended to a []any that is not static
  /// at its first element that is not a constant (`append(s, P{2, i})`: at `i`; a static one,
  /// `P{1, 2}`, at its `{` as elsewhere — Tests/Recordings/runs/literalboxing and go build
  /// -gcflags=-m of `P{Y: i, X: 2}`, `[2]int{5, i+1}`: at `i`).
  func placeAppendedLiteralBox(_ a: TypedExpr) {
    guard !analysis.compiler.reportsOperandPositions, inlinedAt == nil, a.isImplicitInterfaceBox,
      case .conversion(let x) = a.kind, case .composite(let elems, _) = x.kind,
      let site = a.site, site.statementStart == nil
    else { return }
    let dynamic = elems.map(\.value).filter { !InterfaceConversion.isStaticCompositeLiteral($0) }
    if let first = dynamic.min(by: { $0.span.start < $1.span.start }) { site.reportAt = first.span.start }
  }
}
