// The typed tree: what the checker makes of the AST, and what escape analysis and lowering read.
//
// Every expression has its final type (untyped constants have been converted where they met a
// type, implicit dereferences made explicit: `p.f` is `field(deref(p))`), every name is
// resolved to its Variable, Function or constant, and every place that can allocate carries an
// AllocationSite for escape analysis to decide (heap or stack). Nothing here runs; lowering
// turns it into bytecode.

import GoHeap

/// A declared variable: a package-level global, a function's parameter or result, or a local.
public final class Variable {
  public enum Storage {
    /// A package-level variable (a top-level script variable): a root for the whole run.
    case global
    /// A function's parameter.
    case parameter
    /// A variable declared in a function body or a block of top-level code.
    case local
    /// A function's result (Go's PPARAMOUT): named as declared, or `~r0`, `~r1`... as the
    /// compiler names unnamed ones. It lives in the frame's first slots, where the caller finds
    /// it; a named one is zeroed on entry and may be assigned like any variable.
    case result
    /// A function literal's copy of a variable of an enclosing function it uses (Go's closure
    /// variable, ir.Name.Outer): `capturedFrom` is that variable. Escape analysis decides how it
    /// is captured (`capturedByReference`); the closure's code loads it (or its address) from
    /// the funcval on entry.
    case captured
  }
  /// (A function's unnamed result is renamed `#rvN` when a range-over-func body returns a
  /// value through it: Check/Checker+RangeFunc.swift.)
  public internal(set) var name: String
  /// A result the range-over-func rewrite named (`_` or unnamed, now `#rv1`): not a name the
  /// program wrote, so a bare return does not look it up.
  var isRangeFuncResult = false
  public let type: GoType
  /// Where it is declared (Go's diagnostics point at the name).
  public let span: Span
  public let storage: Storage
  /// The function whose frame holds it (nil for globals).
  weak var function: Function?
  /// Its address is taken (`&x`, or `x[i:j]` of an array variable): escape analysis decides
  /// whether it lives in the frame or moves to the heap.
  var addressTaken = false
  /// Read somewhere (types2's usedVars): evaluated as an operand, or assigned with `op=`,
  /// `++`, through a field, an index or `&` — anything but the whole left side of `=`.
  var used = false
  /// Set by escape analysis: the variable's address outlives its frame ("moved to heap: x"),
  /// so it lives in a heap object and the frame holds a pointer to it.
  var movedToHeap = false
  /// Why it moved to the heap (for `explain` and -m -m).
  var escapeReason: String? = nil
  /// The allocation its address being taken may need (escape analysis decides it).
  var site: AllocationSite? = nil
  /// A global's first slot in the session's globals (lowering assigns it).
  var globalSlot: Int? = nil
  /// A copy of a callee's variable in an inlined body (Inline/): Go reports it at the outermost
  /// inlined call's `(`, not at its declaration in the callee.
  var reportAt: Int? = nil
  /// A library function's variable copied into the program with its body (BodyRewriter): its
  /// name is qualified (`sort.x`), and -m names it so.
  var fromLibrary = false
  /// A package-level variable of a library gcsh compiles from source (os.Stdout, io.EOF): part
  /// of the standard library's data and bss, which the profile's globals already count.
  var isLibraryGlobal = false
  /// A copy's variable: the function whose inlined body declared it (for `explain`).
  var inlinedFrom: String? = nil
  /// For a `.captured` variable: the enclosing function's variable it stands for (itself
  /// `.captured` when the literal is nested in another).
  var capturedFrom: Variable? = nil
  /// Set by escape analysis on a captured variable (escape.go flowClosure): the funcval holds
  /// its address, not a copy of its value — it is reassigned, its address is taken, or it is
  /// larger than 128 bytes. Captured by reference, it is address-taken and may move to the
  /// heap with the closure.
  var byReference = false
  /// The temporary holding a method value's receiver (Checker+MethodValues): captured by value
  /// whatever its size, as the funcval of `T.M-fm` holds the receiver itself.
  var boundReceiver = false

  /// The variable of the outermost function that a chain of captures stands for (Go's
  /// ir.Name.Canonical).
  var canonical: Variable {
    var v = self
    while let outer = v.capturedFrom { v = outer }
    return v
  }
  /// A `.captured` variable the closure reaches through its address.
  var isCapturedByReference: Bool { storage == .captured && canonical.byReference }

  /// Its address is taken (`&x`, a pointer-receiver call, a capture by reference): escape
  /// analysis decides whether it stays in its frame, and this is the allocation it would be.
  func markAddressTaken() {
    guard !addressTaken, storage != .global, let f = function else { return }
    addressTaken = true
    let site = AllocationSite(kind: .variable, span: span, type: type, text: name)
    site.constantCount = 1
    if let callee = inlinedFrom, let at = reportAt { site.inlined = (callee, at) }
    f.sites.append(site)
    self.site = site
  }

  init(name: String, type: GoType, span: Span, storage: Storage, function: Function?) {
    self.name = name
    self.type = type
    self.span = span
    self.storage = storage
    self.function = function
  }
}

/// A function: a declaration, or the script's top-level code (which runs as a function whose
/// top-level variables are globals).
public final class Function {
  public internal(set) var name: String
  let decl: FuncDecl?
  var params: [Variable] = []
  /// The results, in order (empty: none): named results as declared, unnamed ones as `~r0`,
  /// `~r1`... (types2 and the compiler's names for them, which -m prints).
  var results: [Variable] = []
  /// The result's type, for a function with exactly one result.
  var result: GoType? { results.count == 1 ? results[0].type : nil }
  /// The results are named (`func f() (n int, err bool)`): a bare `return` returns them.
  var namedResults: Bool { decl?.results.first?.name != nil }
  /// The last parameter is `...T` (its type is []T).
  var variadic: Bool { decl?.variadic ?? wrapperVariadic }
  /// A method value's wrapper (`T.M-fm`, Checker+MethodValues): a literal gcsh writes, not the
  /// program; it takes no `funcN` name. `wrapperVariadic`: the method's last parameter is `...T`.
  var isMethodValueWrapper = false
  /// An instance of a generic (Checker+Generics.swift): its name is the compiler's shaped one
  /// (`Sum[go.shape.int]`); `concrete` is the wrapper Go makes per type-argument list
  /// (`Sum[main.Celsius]`); `representative`: the first instance of its shape, whose body's -m
  /// lines are printed (Go compiles one body per shape).
  var instance: (concrete: String, representative: Bool)? = nil
  var wrapperVariadic = false
  /// The package function a wrapper stands for, when it is one used as a value
  /// (`unicode.IsSpace` in `FieldsFunc(s, unicode.IsSpace)`; Checker+MethodValues).
  var packageFunction: Builtin? = nil
  /// A method: the named type it belongs to and whether its receiver is a pointer (`*T`). The
  /// receiver is the first parameter, as in the compiler's IR after typecheck.
  var receiver: (base: GoType, pointer: Bool)? = nil
  /// Where the compiler reports the function (`can inline f`): its name, or for a method the
  /// receiver list's `(` — ir.Func's position as the noder sets it, e.g. `9:6` for
  /// `func (s *Stack) Push`.
  var declarationOffset: Int {
    guard let d = decl else { return 0 }
    if receiver != nil, let r = d.receiverOffset { return r }
    return d.nameSpan?.start ?? d.span.start
  }
  /// The parameters a call writes in its parentheses (a method's receiver is written before
  /// the dot).
  var explicitParams: ArraySlice<Variable> { receiver == nil ? params[...] : params.dropFirst() }
  var body: [TypedStmt] = []
  /// Every local the body declares, in declaration order (parameters not included).
  var locals: [Variable] = []
  /// The body's `defer` statements, in source order.
  var defers: [DeferredCall] = []
  /// The body's `go` statements, in source order.
  var goStatements: [DeferredCall] = []
  /// The script's top-level code (not a Go function).
  let isScript: Bool
  /// `//go:noinline`, or a library's package initializer (the runtime calls it: never inlined).
  var noinline: Bool { isPackageInitializer || (decl?.noinline ?? false) }
  /// A library's package initializer (`context.init`: its variables, then its init functions).
  var isPackageInitializer = false
  /// Allocation sites in the body, in source order (escape analysis decides each).
  var sites: [AllocationSite] = []
  /// Set by escape analysis: for each parameter, whether what it points to can outlive the call
  /// (Go's "leaking param"), and whether it flows to the result.
  var paramLeaks: [ParamLeak] = []
  /// The body has been checked (a function is checked once, after the top-level code).
  var checked = false
  /// Its code's index in the session's function table (lowering assigns it).
  var codeIndex: Int? = nil
  /// Set by the inliner (Inline/Inliner.swift, inl.go CanInline): the body's cost when the
  /// function can be inlined (nil: it cannot), why not, and the body as checked, before calls
  /// in it were inlined — what an inlined call copies (Go's fn.Inl.Body / export data).
  var inlineCost: Int? = nil
  var inlineReason: String? = nil
  var inlineBody: [TypedStmt]? = nil
  /// A literal copied into an inlined body (Inline/BodyRewriter.swift copyLiteral): the
  /// literal it is a copy of.
  var copiedFrom: Function? = nil
  /// The literal this one is a copy of, through every copy (itself when it is no copy).
  var original: Function { copiedFrom?.original ?? self }
  /// A copy of a library's literal: Go compiled the literal with its package (and a generic's
  /// shaped copy is DUPOK), so -m reports neither its inlinability nor its parameters.
  var isCopyOfLibraryLiteral: Bool {
    guard let origin = copiedFrom else { return false }
    return origin.library != nil || origin.isCopyOfLibraryLiteral
  }
  /// inl.go CanInline has decided this function's inlinability (-m's `can inline` line is
  /// printed then): a copied literal's is decided when a call of it is first considered.
  var inlinabilityDecided = false
  /// A function literal: the function whose body it is written in (Go's ir.Func.ClosureParent).
  weak var outer: Function? = nil
  /// The library package this function is part of (Check/Libraries.swift), nil for the
  /// program's own: its spans are in the library's source, and -m reports nothing of it but
  /// what is inlined into the program. A literal is its enclosing function's.
  var library: Library? {
    get { ownLibrary ?? outer?.library }
    set { ownLibrary = newValue }
  }
  private var ownLibrary: Library? = nil
  /// The function literals written directly in the body, in source order. They are not in the
  /// program's function list: escape analysis walks each with its enclosing function, as one
  /// graph (escape.go: closures are analysed with the function that contains them).
  var closures: [Function] = []
  /// A function literal's captured variables, in order of first use: each a `.captured`
  /// variable of this function (Go's ClosureVars).
  var captures: [Variable] = []
  /// Where the literal is (its `func` keyword): where -m reports it.
  var literalSpan: Span? = nil
  /// A function literal (a closure, when it captures variables).
  var isLiteral: Bool { literalSpan != nil }
  /// The body of a range-over-func loop (Check/Checker+RangeFunc.swift): a literal the
  /// compiler writes, named `main-range1`.
  var isRangeFuncBody = false
  /// How many range-over-func bodies are written directly in this function (their names), and
  /// how many `#stateN` variables its rewrite made (those of the bodies in it included).
  var rangeBodyCount = 0
  var rangeStateCount = 0
  /// A function literal that Go's escape analysis sees called directly (`func() {...}()`,
  /// Go 1.19's ir.Func.ClosureCalled): its results may hold addresses of the caller's frame.
  var calledDirectly = false
  /// Set by escape analysis (Go 1.27): the literal's value reached the heap or a call through a
  /// function value whose results are used (solve.go ClosureResultsLost), so what it returns
  /// may outlive the enclosing frame.
  var resultsLost = false
  /// Set by escape analysis for a literal that captures: its funcval's layout, a struct of the
  /// code pointer `F` and each capture (its value, or its address when captured by reference).
  var funcvalType: GoType? = nil

  /// Cuts the references that make a checked program a cyclic graph — a recursive function's
  /// body calls it, an inlined body names its callee, a method's receiver type lists it — so
  /// that the program is freed with the interpreter that made it (a fuzzing process runs a
  /// million programs; a REPL session keeps its functions until it ends).
  func releaseGraph() {
    for c in closures { c.releaseGraph() }
    body = []
    inlineBody = nil
    closures = []
    params = []
    results = []
    locals = []
    captures = []
    sites = []
    defers = []
    goStatements = []
    receiver = nil
    copiedFrom = nil
  }

  /// This function, then every literal written in it, nested ones after the literal holding
  /// them (source order): the functions a stage that handles literals with their enclosing
  /// function visits.
  var withLiterals: [Function] { [self] + closures.flatMap(\.withLiterals) }

  /// The same in the order Go 1.27.3's CanInlineFuncs visits them (its -m `can inline`
  /// lines): a function (a range-over-func body too), its literals, then its range-over-func
  /// bodies, each with its own the same way (recorded: Tests/Recordings/runs/rangefuncescape).
  /// (A literal that captures nothing is a component of its own to Go's bottom-up visit, and
  /// comes before its function: the Inliner orders those itself.)
  var withLiteralsInCompileOrder: [Function] {
    let literals = closures.filter { !$0.isRangeFuncBody }.flatMap(\.withLiteralsInCompileOrder)
    let bodies = closures.filter(\.isRangeFuncBody).flatMap(\.withLiteralsInCompileOrder)
    return [self] + literals + bodies
  }

  /// Whether this function is `c` or encloses it (ir.ContainsClosure).
  func contains(_ c: Function) -> Bool {
    var f: Function? = c
    while let x = f {
      if x === self { return true }
      f = x.outer
    }
    return false
  }

  init(name: String, decl: FuncDecl?, isScript: Bool) {
    self.name = name
    self.decl = decl
    self.isScript = isScript
  }
}

/// A `defer` statement's call, as Go 1.17+ compiles one outside a loop (an open-coded defer,
/// ssagen/ssa.go openDeferRecord): the frame keeps a bit per defer statement of the function
/// and the evaluated arguments in slots of its own; the statement stores the arguments and sets
/// its bit; every exit of the function — a return, or a panic unwinding through it — runs the
/// calls whose bits are set, last deferred first, clearing each bit before its call. Nothing is
/// allocated: the wrapper closure Go makes (`f.deferwrap1`, typecheck's
/// normalizeGoDeferCall) lives in the frame. Constant arguments stay in the call, as in the
/// wrapper.
final class DeferredCall {
  /// Its bit in the frame's defer bits: the function's defer statements in source order.
  let index: Int
  /// The variables holding the evaluated arguments (the wrapper's captured variables).
  let temps: [Variable]
  /// What the statement runs: each argument into its variable (and, for `defer f(g())`, g's
  /// results first).
  var setup: [TypedStmt]
  /// The call the exit runs, over the variables (the inliner may replace it by a copy of the
  /// callee's body in Go 1.20+, where the wrapper is made before inlining).
  var call: TypedExpr
  let span: Span
  /// The statement is inside a loop: it runs any number of times, each with a heap record and
  /// wrapper (runtime.deferproc), and the function's defers are a chain rather than open-coded.
  var inLoop = false

  /// The call is already in normal form — of a function or func value without parameters or
  /// results — so Go makes no wrapper for it (typecheck/stmt.go normalizeGoDeferCall), and
  /// nothing is inlined into one.
  var isNormalForm: Bool {
    switch call.kind {
    case .call(let g, let args): return args.isEmpty && g.params.isEmpty && g.results.isEmpty
    case .callValue(let f, let args):
      guard args.isEmpty, case .function(let ps, let rs, _) = f.type.kind else { return false }
      return ps.isEmpty && rs.isEmpty
    default: return false
    }
  }

  init(index: Int, temps: [Variable], setup: [TypedStmt], call: TypedExpr, span: Span) {
    self.index = index
    self.temps = temps
    self.setup = setup
    self.call = call
    self.span = span
  }
}

/// What escape analysis learned about one parameter (cmd/compile/internal/escape's leaks).
struct ParamLeak: Equatable {
  /// The pointer the parameter holds (or its content at `heapDerefs` > 0) can reach the heap.
  var toHeap: Bool = false
  /// Dereferences between the parameter and the heap (0: the pointer itself leaks; 1: what it
  /// points to leaks — Go's "leaking param content").
  var heapDerefs: Int = 0
  /// For each result, in order: the parameter flows to it with this many dereferences (nil: it
  /// does not). Only the first `numEscResults` (7) results are tracked; a flow to a later one
  /// is a leak to the heap (leaks.go).
  var toResults: [Int?] = []
  /// What the parameter points to, this many dereferences down, may be written by the callee
  /// (escape.go's mutator tag, Go 1.22+; nil: nothing is): a caller's []byte(s) passed to it
  /// is a copy, never the string's own bytes.
  var mutatorDerefs: Int? = nil
  /// Whether it flows to any result.
  var toAnyResult: Bool { toResults.contains { $0 != nil } }
}

/// A place in the program that allocates memory: `new(T)`, `make([]T, n)`, `&T{...}`, a slice
/// literal's backing array, a growing `append`, a string conversion or concatenation, or a
/// variable whose address escapes. Escape analysis decides whether it goes on the heap.
final class AllocationSite {
  enum Kind {
    case new, make, compositeAddress, sliceLiteral, append, stringConversion, concatenation,
      variable
    /// `make(map[K]V[, hint])` or a map literal: the map's header (and, kept in the frame with a
    /// hint of at most 8, its first group or bucket: walk/builtin.go walkMakeMap).
    case makeMap
    /// A function literal's funcval (walk/closure.go walkClosure): the code pointer and the
    /// captured variables (values, or addresses of those captured by reference). A literal that
    /// captures nothing is a static funcval in read-only data and allocates nothing; -m still
    /// reports where its value flows ("func literal escapes to heap").
    case closure
    /// The storage of a non-pointer value converted to an interface (OCONVIFACE, escape.go
    /// spill): a box on the heap (runtime/iface.go convT*) or a temporary in the frame, unless
    /// the value needs none (Escape/InterfaceConversion.swift).
    case interfaceBox
  }
  let kind: Kind
  let span: Span
  /// The allocated type (for `make` and literals, the element type; count decides the size).
  var type: GoType
  /// The expression as the Go compiler prints it in -m output (`make([]byte, 1024)`, `&T{...}`).
  var text: String
  /// Further -m texts reported with the same verdict at the same place: the literal an inlined
  /// slices.Clone appends to (`go.shape.[]int{}`), beside its `append`.
  var alsoReportedAs: [String] = []
  /// What `explain` calls it, when -m's text is the inside of an inlined package function
  /// (`strings.Clone(token)'s copy` for `make([]byte, len(stringslite.s))`).
  var narrationText: String? = nil
  /// Where -m reports it, a byte offset: a call's `(` (make, new, append), a literal's `{` (or
  /// the `&` of `&T{...}`), a conversion's operand (Go 1.22+) or `(`.
  var reportAt: Int? = nil
  /// Decided by escape analysis: heap (the default until it runs) or the function's frame.
  var onHeap = true
  /// Why it is on the heap whatever its flow (HeapAllocReason: "too large for stack").
  var reason: String? = nil
  /// Why it is on the heap, in words, for `explain`: its reason, or the escape analysis's
  /// path ("returned from f", "assigned to the global g").
  var explanation: String? = nil
  /// A constant size in elements (make with constant length/capacity, literals), when known.
  var constantCount: Int? = nil
  /// A `[]byte(s)` conversion (it may share the string's bytes, Go 1.22+).
  var zeroCopyCandidate = false
  /// Decided by escape analysis: the conversion shares the string's bytes, allocating nothing.
  var zeroCopy = false
  /// Set by the move2heap pass (Go 1.26+, Escape/SliceMoveToHeap.swift) on an append whose
  /// slice's capacity is observed: it grows inside its frame buffer one size class at a time
  /// (ssa.go's UseBuf, runtime growsliceBuf) instead of taking the whole buffer at once.
  var useBuffer = false
  /// An `.interfaceBox` site: where Go 1.19.8 reports its conversion when not at the operand —
  /// an assignment statement's start, a declaration's composite literal's last element
  /// (Escape/EscapeInterfaces.swift).
  var statementStart: Int? = nil
  /// An `.interfaceBox` site of a call's argument: the call's `(` and the arguments before this
  /// one, as written (they place Go 1.19.8's line for a name, as for fmt's operands).
  var argument: (lparen: Int, before: [TypedExpr])? = nil
  /// A package-level initializer's slice array or `&T{...}` object that Go lays out as data
  /// (staticinit): lowered to a hidden global, never allocated.
  var staticData = false
  /// A variable of an inlined package function that escapes (math/rand's NewSource `rng`):
  /// -m says `moved to heap: rand.rng` rather than `... escapes to heap`.
  var reportsAsMovedVariable = false
  /// A `.closure` site: the literal whose funcval it makes.
  weak var closureFunction: Function? = nil
  /// A site of an inlined body's copy: the function inlined and the outermost call's offset
  /// (`explain` says where the allocation really happens).
  var inlined: (callee: String, at: Int)? = nil
  /// A literal whose assignment Go 1.24+'s deadlocals pass drops (Inline/DeadLocals.swift):
  /// escape analysis never sees it, so -m says nothing of it.
  var removedByDeadLocals = false

  init(kind: Kind, span: Span, type: GoType, text: String) {
    self.kind = kind
    self.span = span
    self.type = type
    self.text = text
  }
}

/// A break/continue target: a loop, or a switch (which `break` ends and `continue` passes by).
final class LoopTarget {
  /// A switch statement: only `break` targets it.
  let isSwitch: Bool
  /// The statement's label (`L: for ...`), for `break L` and `continue L` while checking.
  let label: String?

  init(isSwitch: Bool = false, label: String? = nil) {
    self.isSwitch = isSwitch
    self.label = label
  }
}

/// A checked expression switch, `switch init; tag { case a, b: ... default: ... }` (Go's
/// OSWITCH): the tag is evaluated once, then the cases are compared with it in order, top to
/// bottom and left to right, until one is equal; its clause runs (or the default clause, when
/// none is). A tagless switch is `switch true`: its cases are conditions.
///
/// The clauses are the ones Go's frontend keeps. A switch on a constant whose cases are all
/// constants is folded before inlining and escape analysis see it (Go 1.27.3's noder,
/// writer.go switchStmt; Go 1.19.8's deadcode.go, which runs before inlining): only the clause
/// that always runs is left — the first case equal to the tag, else the default clause — or
/// none. Neither folds when that clause ends in fallthrough, or when a case is not constant.
final class ExpressionSwitch {
  /// Ended by `break` inside the clauses (and `break L` for the switch's label).
  let target: LoopTarget
  let initStmt: TypedStmt?
  /// The tag, typed (an untyped constant takes its default type); nil for `switch {`.
  let tag: TypedExpr?
  var clauses: [SwitchClause]
  /// Set when the switch was folded: Go 1.27 then drops the tag and keeps the clause as a
  /// default clause; Go 1.19 keeps the tag and, of the clause that matched, that one case.
  var folded: FoldedSwitch? = nil
  /// A type switch this switch stands for (Checker+Interfaces.swift typeSwitch), for the
  /// inliner's cost of Go's OSWITCH with an OTYPESW guard.
  var typeSwitch: TypeSwitchGuard? = nil

  init(target: LoopTarget, initStmt: TypedStmt?, tag: TypedExpr?, clauses: [SwitchClause]) {
    self.target = target
    self.initStmt = initStmt
    self.tag = tag
    self.clauses = clauses
  }

  /// The clause that runs when no case is equal to the tag.
  var defaultIndex: Int? { clauses.firstIndex { $0.isDefault } }
}

/// One `case`/`default` clause of an expression switch; each is its own block.
struct SwitchClause {
  /// The case values, each converted to the tag's type (a tagless switch's are conditions);
  /// empty for the default clause (and for the clause a folded switch keeps).
  var values: [TypedExpr]
  let isDefault: Bool
  var body: [TypedStmt]
  let span: Span

  /// The clause ends in `fallthrough`: control goes on into the next clause's body.
  var fallsThrough: Bool {
    if case .fallthroughStmt? = body.last?.kind { return true }
    return false
  }
}

/// A switch Go's frontend folded (see ExpressionSwitch).
struct FoldedSwitch {
  /// The case that equals the tag, when a case did (not the default clause): Go 1.19 keeps it.
  let matched: TypedExpr?
}

/// A call replaced by the callee's body (inl.go mkinlcall; ir.InlinedCallExpr). It evaluates as
///
///     p1, p2 := arg1, arg2      // the callee's parameters, fresh locals of the caller (inlvar)
///     var ~R0 T                 // the result (retvar)
///     body                      // the callee's statements, copied; `return x` is `~R0 = x`
///                               // plus a jump to the end, like a loop's break
///     ~R0                       // the value of the expression
///
/// Every variable and allocation site of the copy is the caller's: escape analysis judges them
/// in the caller's context, and lowering gives them the caller's frame (no call, no frame).
/// Several results are several variables (`~R0`, `~R1`, or the callee's named results), zeroed
/// at the call as inl.go's retvars are; `return a, b` assigns them all (`~R0, ~R1 = a, b`), a
/// bare `return` only jumps to the end.
final class InlinedCall {
  let callee: Function
  /// The callee's parameters as locals of the caller, in order.
  let params: [Variable]
  let args: [TypedExpr]
  /// The result variables, in order (empty for a function without results).
  let results: [Variable]
  /// The single result variable, when there is exactly one.
  var result: Variable? { results.count == 1 ? results[0] : nil }
  var body: [TypedStmt] = []
  /// The outermost inlined call's `(`: where -m reports what the copy does (base.FmtPos prints
  /// an inlined position as its outermost call site).
  let reportAt: Int

  init(callee: Function, params: [Variable], args: [TypedExpr], results: [Variable], reportAt: Int) {
    self.callee = callee
    self.params = params
    self.args = args
    self.results = results
    self.reportAt = reportAt
  }
}

/// An inlined call as the returns of its body name it: unowned, since the call owns its body
/// (a strong reference back would be a cycle, and every inlined call would be leaked with its
/// copied body and the callee's declaration: ~5 KB a run in a fuzzing process).
struct InlinedCallReference {
  unowned let call: InlinedCall
}

/// A checked expression.
final class TypedExpr {
  /// The index of a composite's element that is the whole value (see `composite`).
  static let wholeValue = -1

  enum Kind {
    case constant(Constant)
    /// A typed nil (a nil pointer or slice).
    case nilValue
    case variable(Variable)
    /// `-x`, `^x`, `!x`, `+x`.
    case unary(String, TypedExpr)
    /// An arithmetic, bitwise or comparison operator on two operands of one type (the operand
    /// type is the left one's; a comparison's own type is bool).
    case binary(String, TypedExpr, TypedExpr)
    /// `&&`, `||` (short-circuit).
    case logical(String, TypedExpr, TypedExpr)
    /// `x << n`, `x >> n` (n of any integer type).
    case shift(String, TypedExpr, TypedExpr)
    /// A conversion to this node's type.
    case conversion(TypedExpr)
    case call(Function, [TypedExpr])
    /// A call through a function value (Go's OCALLFUNC of a non-static callee): the callee
    /// expression, then the arguments.
    case callValue(TypedExpr, [TypedExpr])
    /// A declared function used as a value: its static funcval (`main.f·f` in read-only data).
    case functionValue(Function)
    /// A function literal (OCLOSURE): its funcval, made at the site.
    case closure(Function, AllocationSite)
    /// A builtin (len, cap, append, copy, min, max, panic, clear) or a package function gcsh
    /// knows (fmt.Println, time.Sleep, runtime.GC, ...).
    case builtin(Builtin, [TypedExpr], spread: Bool)
    /// `new(T)` (the site decides heap or frame).
    case new(GoType, AllocationSite)
    /// `make([]T, len, cap)`.
    case makeSlice(GoType, TypedExpr, TypedExpr?, AllocationSite)
    /// `s[i]` of a slice, an array value, or a string.
    case index(TypedExpr, TypedExpr)
    /// `s[lo:hi:max]` of a slice, a string, or an array (its address: `addressOf(array)`).
    case slice(TypedExpr, TypedExpr?, TypedExpr?, TypedExpr?)
    /// A field of a struct value (`field(deref(p), k)` for `p.f`).
    case field(TypedExpr, Int)
    case deref(TypedExpr)
    /// `&x`, `&s[i]`, `&p.f`, `&T{...}`.
    case addressOf(TypedExpr)
    /// A struct, array or slice literal: each element's index (field number or element index)
    /// and value; a slice literal's backing array is allocated at its site. Under `&` a slice
    /// literal is the one element, at index `wholeValue`, of its header object (`&[]T{...}`).
    case composite([(index: Int, value: TypedExpr)], AllocationSite?)
    /// A call the inliner replaced by a copy of the callee's body (Go's OINLCALL).
    case inlinedCall(InlinedCall)
    /// Statements that run before the expression (Go's ir.InitExpr): `f(g())` with g returning
    /// f's parameters is `tmp0, tmp1 := g()` then `f(tmp0, tmp1)`, as types2's noder and
    /// typecheck.RewriteMultiValueCall rewrite it.
    case initialized([TypedStmt], TypedExpr)
    /// `m[k]` of a map (Go's OINDEXMAP): the element, or its zero value when k is missing; as
    /// the place of an assignment, the element slot mapassign returns (Lower/Lowering+Maps).
    case mapIndex(TypedExpr, TypedExpr)
    /// `make(map[K]V[, hint])` (OMAKEMAP).
    case makeMap(TypedExpr?, AllocationSite)
    /// `map[K]V{k: v, ...}` (OMAPLIT): walk/complit.go maplit makes it a make with the number of
    /// entries as its hint, then assigns the entries in order.
    case mapLiteral([(key: TypedExpr, value: TypedExpr)], AllocationSite)
    /// `x.(T)` and the tests a type switch makes of x's dynamic type (Check/Checker+Interfaces,
    /// Lower/Lowering+Interfaces): T is the asserted type (nil: `case nil`).
    case typeAssert(TypedExpr, GoType?, TypeAssertMode)
    /// `x.M` of an interface value x, as the callee of a `callValue`: the method's code comes
    /// from x's itab (dynamic dispatch), its receiver is x's data word. Its type is the
    /// method's signature.
    case interfaceMethod(TypedExpr, Int)
  }
  let kind: Kind
  /// The final type (a comparison's is bool).
  var type: GoType
  let span: Span
  /// For an expression that allocates besides the kinds that carry their site (a string
  /// concatenation or conversion, an append that grows): where, for escape analysis.
  var site: AllocationSite? = nil
  /// The slice a call of a variadic function passes for its `...T` parameter, made by the
  /// compiler (typecheck.FixVariadicCall): `f(1, 2)` passes an implicit `[]T{1, 2}` ("...
  /// argument" in -m), `f()` a nil slice. Go 1.20+ makes it before inlining, so its nodes count
  /// in inlining costs; Go 1.19 after (InlineCost.swift).
  var isVariadicPack = false
  /// A call of fmt made by GCScript's `print` statement or the REPL's echo: its operands are not
  /// converted to interfaces (DESIGN.md: `print` allocates nothing in the simulated heap). A Go
  /// call of fmt.Println and the rest converts each operand (`interfaceConversion`).
  var isPrintStatement = false
  /// An operand of a Go fmt call: how it becomes the `any` fmt takes (walk/convert.go dataWord,
  /// decided by escape analysis; Escape/InterfaceConversion.swift). Nil for everything else.
  var interfaceConversion: InterfaceConversion? = nil
  /// An untyped rune constant given its default type (rune): Go 1.20+'s -m prints it as a rune
  /// literal.
  var isRuneConstant = false
  /// A field access the source does not spell: a promoted selector's step through an embedded
  /// field (`n.Name` reads `n.Base.Name`; Check/Checker+Embedding.swift).
  var isPromotionStep = false
  /// The call of the iterator a range-over-func loop is rewritten into (Check/Checker+RangeFunc):
  /// Go positions it at the `for`, which has no `(`.
  /// callsSomething, once computed (EvaluationOrder.swift): the tree under a node never
  /// changes, and asking at every level of a long chain walked it again each time.
  var callsSomethingMemo: Bool?
  var isRangeFuncCall = false

  init(_ kind: Kind, _ type: GoType, _ span: Span) {
    self.kind = kind
    self.type = type
    self.span = span
  }

  /// The results of a call of a function with several (Go's tuple type): only an assignment
  /// (OAS2FUNC), an expression statement or an initialisation may hold one.
  var isMultiValue: Bool { type.isTuple }

  /// The constant value, when the expression is a constant.
  var constant: Constant? {
    if case .constant(let c) = kind { return c }
    return nil
  }

  /// `*p` (so `field(deref(p), k)` is Go's ODOTPTR, whose address is in another object).
  var isDereference: Bool {
    if case .deref = kind { return true }
    return false
  }
}

/// What a type assertion yields (runtime/iface.go assertE2I, typeAssert; walk/expr.go
/// walkDotType).
enum TypeAssertMode {
  /// `x.(T)`: the value, or a panic (`interface conversion: ...`).
  case value
  /// `v, ok := x.(T)`: the value or T's zero value, and whether x holds a T (a tuple).
  case commaOk
  /// A type switch's case: whether x holds a T (a bool; T nil: whether x is nil).
  case test
  /// A type switch clause's variable: x holds a T, as the case tested.
  case unchecked
}

/// The builtins and package functions the checker resolved a call to.
enum Builtin: String {
  case len, cap, append, copy, min, max, panic, clear, print, println, delete
  case unsafeAdd = "unsafe.Add", unsafeSlice = "unsafe.Slice", unsafeString = "unsafe.String"
  case unsafeStringData = "unsafe.StringData", unsafeSliceData = "unsafe.SliceData"
  /// runtime.panicrangestate(state): a range-over-func iterator misbehaved (Checker+RangeFunc).
  case panicRangeState = "runtime.panicrangestate"
  case fmtPrintln = "fmt.Println", fmtPrint = "fmt.Print", fmtPrintf = "fmt.Printf"
  case fmtSprint = "fmt.Sprint", fmtSprintln = "fmt.Sprintln", fmtSprintf = "fmt.Sprintf"
  /// Their first operand is the writer: an int for os.Stdout (1) or os.Stderr (2) named as
  /// such, a *bytes.Buffer or *strings.Builder, or an io.Writer (Checker.writerOperand).
  case fmtFprint = "fmt.Fprint", fmtFprintln = "fmt.Fprintln", fmtFprintf = "fmt.Fprintf"
  case fmtAppend = "fmt.Append", fmtAppendln = "fmt.Appendln", fmtAppendf = "fmt.Appendf"
  case osExit = "os.Exit", osGetenv = "os.Getenv"
  /// os's write system call on a descriptor (1 stdout, 2 stderr), of a []byte or a string:
  /// what os.File's Write and WriteString do (Libraries+IO.swift).
  case osWrite = "os.write", osWriteString = "os.writeString"
  case runtimeNumGoroutine = "runtime.NumGoroutine", runtimeNumCPU = "runtime.NumCPU"
  case runtimeGOMAXPROCS = "runtime.GOMAXPROCS", runtimeVersion = "runtime.Version"
  case timeNow = "time.Now", timeSince = "time.Since"
  case timeSleep = "time.Sleep", runtimeGC = "runtime.GC", runtimeKeepAlive = "runtime.KeepAlive"
  case runtimeReadMemStats = "runtime.ReadMemStats"
  case runtimeSetFinalizer = "runtime.SetFinalizer", runtimeAddCleanup = "runtime.AddCleanup"
  case cleanupStop = "runtime.Cleanup.Stop"
  case weakMake = "weak.Make", weakValue = "weak.Pointer.Value"
  case debugFreeOSMemory = "debug.FreeOSMemory", debugSetGCPercent = "debug.SetGCPercent"
  case debugSetMemoryLimit = "debug.SetMemoryLimit"
  case debugReadGCStats = "debug.ReadGCStats"
  case sortInts = "sort.Ints", sortStrings = "sort.Strings", sortFloat64s = "sort.Float64s"
  case sortIntsAreSorted = "sort.IntsAreSorted", sortStringsAreSorted = "sort.StringsAreSorted"
  case sortFloat64sAreSorted = "sort.Float64sAreSorted"
  case sortSlice = "sort.Slice", sortSliceStable = "sort.SliceStable", sortSliceIsSorted = "sort.SliceIsSorted"
  // sort.Interface's functions, calling the program's Len, Less and Swap (Run/VM+SortInterface.swift),
  // and the binary searches.
  case sortSort = "sort.Sort", sortStable = "sort.Stable", sortIsSorted = "sort.IsSorted"
  case sortSearch = "sort.Search", sortSearchInts = "sort.SearchInts", sortSearchStrings = "sort.SearchStrings"
  case sortSearchFloat64s = "sort.SearchFloat64s"
  case strconvItoa = "strconv.Itoa", strconvFormatInt = "strconv.FormatInt",
    strconvFormatUint = "strconv.FormatUint"
  // strconv's parsing and formatting (Run/VM+StrconvParse.swift) and strings.EqualFold.
  case strconvParseInt = "strconv.ParseInt", strconvParseUint = "strconv.ParseUint"
  case strconvParseFloat = "strconv.ParseFloat", strconvParseBool = "strconv.ParseBool"
  case strconvFormatFloat = "strconv.FormatFloat", strconvFormatBool = "strconv.FormatBool"
  case strconvQuote = "strconv.Quote", strconvQuoteToASCII = "strconv.QuoteToASCII", stringsEqualFold = "strings.EqualFold"
  case strconvAppendInt = "strconv.AppendInt", strconvAppendUint = "strconv.AppendUint"
  case strconvAppendBool = "strconv.AppendBool", strconvAppendQuote = "strconv.AppendQuote"
  case strconvAppendFloat = "strconv.AppendFloat", strconvUnquote = "strconv.Unquote"
  /// os.Args: the program's command line, one string (its name).
  case osArgs = "os.Args"
  case stringsRepeat = "strings.Repeat"
  // Channels (chan.go): make, send, receive (and its comma-ok form, whose type is the tuple
  // (T, bool)), close.
  case makeChan = "make(chan)", chanSend = "send", chanRecv = "receive", chanRecv2 = "receive,ok"
  case close
  /// selectgo: its operands are whether there is a default, then per case its kind (0 receive,
  /// 1 send), channel and a send's value; its results the chosen case (-1: default) and each
  /// receive's value and ok.
  case select
  /// time.After(d): a channel a timer sends the time on.
  case timeAfter = "time.After"
  /// time.Tick(d): a channel a ticker sends the time on every d (nil for d <= 0).
  case timeTick = "time.Tick"
  // The scheduler and sync (the receiver's address first).
  case runtimeGosched = "runtime.Gosched"
  case syncWaitGroupAdd = "sync.(*WaitGroup).Add", syncWaitGroupDone = "sync.(*WaitGroup).Done"
  case syncWaitGroupWait = "sync.(*WaitGroup).Wait"
  case syncMutexLock = "sync.(*Mutex).Lock", syncMutexUnlock = "sync.(*Mutex).Unlock"
  case syncMutexTryLock = "sync.(*Mutex).TryLock"
  case syncRWMutexLock = "sync.(*RWMutex).Lock", syncRWMutexUnlock = "sync.(*RWMutex).Unlock"
  case syncRWMutexRLock = "sync.(*RWMutex).RLock", syncRWMutexRUnlock = "sync.(*RWMutex).RUnlock"
  case syncRWMutexTryLock = "sync.(*RWMutex).TryLock", syncRWMutexTryRLock = "sync.(*RWMutex).TryRLock"
  case syncOnceDo = "sync.(*Once).Do"
  case syncPoolGet = "sync.(*Pool).Get", syncPoolPut = "sync.(*Pool).Put"
  // math/rand (Check/RandPackage.swift, Run/VM+Rand.swift): the package's functions, which use
  // its global Rand, and the same as methods of *Rand (the receiver first).
  case randNew = "rand.New", randNewSource = "rand.NewSource"
  case randInt = "rand.Int", randIntn = "rand.Intn", randInt31 = "rand.Int31", randInt31n = "rand.Int31n"
  case randInt63 = "rand.Int63", randInt63n = "rand.Int63n", randUint32 = "rand.Uint32", randUint64 = "rand.Uint64"
  case randFloat32 = "rand.Float32", randFloat64 = "rand.Float64", randPerm = "rand.Perm"
  case randShuffle = "rand.Shuffle", randSeed = "rand.Seed"
  case randMethodInt = "rand.(*Rand).Int", randMethodIntn = "rand.(*Rand).Intn"
  case randMethodInt31 = "rand.(*Rand).Int31", randMethodInt31n = "rand.(*Rand).Int31n"
  case randMethodInt63 = "rand.(*Rand).Int63", randMethodInt63n = "rand.(*Rand).Int63n"
  case randMethodUint32 = "rand.(*Rand).Uint32", randMethodUint64 = "rand.(*Rand).Uint64"
  case randMethodFloat32 = "rand.(*Rand).Float32", randMethodFloat64 = "rand.(*Rand).Float64"
  case randMethodPerm = "rand.(*Rand).Perm", randMethodShuffle = "rand.(*Rand).Shuffle"
  case randMethodSeed = "rand.(*Rand).Seed"
  case errorsNew = "errors.New", fmtErrorf = "fmt.Errorf", recover
  case errorsIs = "errors.Is", errorsAs = "errors.As", errorsUnwrap = "errors.Unwrap", errorsJoin = "errors.Join"
  case timeNewTimer = "time.NewTimer", timeNewTicker = "time.NewTicker", timeAfterFunc = "time.AfterFunc"
  case timerStop = "time.(*Timer).Stop", timerReset = "time.(*Timer).Reset"
  case tickerStop = "time.(*Ticker).Stop", tickerReset = "time.(*Ticker).Reset"
  case durationSeconds = "time.Duration.Seconds", durationMinutes = "time.Duration.Minutes"
  case durationHours = "time.Duration.Hours", durationMilliseconds = "time.Duration.Milliseconds"
  case durationMicroseconds = "time.Duration.Microseconds", durationNanoseconds = "time.Duration.Nanoseconds"
  case durationRound = "time.Duration.Round", durationTruncate = "time.Duration.Truncate"
  case durationString = "time.Duration.String", durationAbs = "time.Duration.Abs"
  // time.Time's methods (the receiver first), Month's and Weekday's String, the package's
  // constructors and its UTC and Local (Run/GoTime.swift, Run/VM+Time.swift).
  case timeUnixMethod = "time.Time.Unix", timeUnixNano = "time.Time.UnixNano"
  case timeUnixMilliMethod = "time.Time.UnixMilli", timeUnixMicro = "time.Time.UnixMicro"
  case timeSub = "time.Time.Sub", timeAdd = "time.Time.Add", timeBefore = "time.Time.Before"
  case timeAfterMethod = "time.Time.After", timeEqual = "time.Time.Equal", timeCompare = "time.Time.Compare"
  case timeIsZero = "time.Time.IsZero", timeYear = "time.Time.Year", timeMonth = "time.Time.Month"
  case timeDay = "time.Time.Day", timeHour = "time.Time.Hour", timeMinute = "time.Time.Minute"
  case timeSecond = "time.Time.Second", timeNanosecond = "time.Time.Nanosecond"
  case timeWeekday = "time.Time.Weekday", timeYearDay = "time.Time.YearDay"
  case timeFormat = "time.Time.Format", timeString = "time.Time.String"
  case timeUTC = "time.Time.UTC", timeLocal = "time.Time.Local", timeTruncate = "time.Time.Truncate"
  case timeRound = "time.Time.Round", timeAddDate = "time.Time.AddDate"
  case timeDate = "time.Date", timeUnix = "time.Unix", timeUnixMilli = "time.UnixMilli"
  case timeUntil = "time.Until", timeParseDuration = "time.ParseDuration"
  case monthString = "time.Month.String", weekdayString = "time.Weekday.String"
  case timeUTCLocation = "time.UTC", timeLocalLocation = "time.Local"
  // The log package (Check/LogPackage.swift, Run/VM+Log.swift): its functions use the standard
  // logger, *Logger's methods the receiver; each has the logger first (0: the standard one).
  case logPrint = "log.Print", logPrintf = "log.Printf", logPrintln = "log.Println"
  case logFatal = "log.Fatal", logFatalf = "log.Fatalf", logFatalln = "log.Fatalln"
  case logPanic = "log.Panic", logPanicf = "log.Panicf", logPanicln = "log.Panicln"
  case logSetFlags = "log.SetFlags", logSetPrefix = "log.SetPrefix", logFlags = "log.Flags"
  case logPrefix = "log.Prefix", logSetOutput = "log.SetOutput", logNew = "log.New", logDefault = "log.Default"
  case loggerPrint = "log.(*Logger).Print", loggerPrintf = "log.(*Logger).Printf"
  case loggerPrintln = "log.(*Logger).Println", loggerFatal = "log.(*Logger).Fatal"
  case loggerFatalf = "log.(*Logger).Fatalf", loggerFatalln = "log.(*Logger).Fatalln"
  case loggerPanic = "log.(*Logger).Panic", loggerPanicf = "log.(*Logger).Panicf"
  case loggerPanicln = "log.(*Logger).Panicln", loggerSetFlags = "log.(*Logger).SetFlags"
  case loggerSetPrefix = "log.(*Logger).SetPrefix", loggerFlags = "log.(*Logger).Flags"
  case loggerPrefix = "log.(*Logger).Prefix", loggerSetOutput = "log.(*Logger).SetOutput"
  // The unicode package's classes and case mappings (Check/UnicodePackage.swift).
  case unicodeIsLetter = "unicode.IsLetter", unicodeIsDigit = "unicode.IsDigit", unicodeIsNumber = "unicode.IsNumber"
  case unicodeIsSpace = "unicode.IsSpace", unicodeIsUpper = "unicode.IsUpper", unicodeIsLower = "unicode.IsLower"
  case unicodeIsTitle = "unicode.IsTitle", unicodeIsPunct = "unicode.IsPunct", unicodeIsSymbol = "unicode.IsSymbol"
  case unicodeIsControl = "unicode.IsControl", unicodeIsPrint = "unicode.IsPrint"
  case unicodeIsGraphic = "unicode.IsGraphic", unicodeIsMark = "unicode.IsMark"
  case unicodeToUpper = "unicode.ToUpper", unicodeToLower = "unicode.ToLower", unicodeToTitle = "unicode.ToTitle"
  /// The package variables strconv.ErrSyntax and ErrRange (their value).
  case strconvErrSyntax = "strconv.ErrSyntax", strconvErrRange = "strconv.ErrRange"
  case strconvAtoi = "strconv.Atoi", stringsCount = "strings.Count"
  // strings' searching, trimming, splitting, joining and mapping functions (VM+StringsFuncs.swift).
  case stringsContains = "strings.Contains", stringsContainsRune = "strings.ContainsRune"
  case stringsHasPrefix = "strings.HasPrefix", stringsHasSuffix = "strings.HasSuffix"
  case stringsIndex = "strings.Index", stringsIndexByte = "strings.IndexByte"
  case stringsLastIndex = "strings.LastIndex", stringsCompare = "strings.Compare"
  case stringsTrimSpace = "strings.TrimSpace", stringsTrimPrefix = "strings.TrimPrefix"
  case stringsTrimSuffix = "strings.TrimSuffix"
  case stringsSplit = "strings.Split", stringsFields = "strings.Fields", stringsJoin = "strings.Join"
  case stringsTrim = "strings.Trim", stringsTrimLeft = "strings.TrimLeft", stringsTrimRight = "strings.TrimRight"
  case stringsSplitN = "strings.SplitN", stringsCut = "strings.Cut", stringsIndexAny = "strings.IndexAny"
  case stringsLastIndexAny = "strings.LastIndexAny"
  case stringsContainsAny = "strings.ContainsAny", stringsLastIndexByte = "strings.LastIndexByte"
  case stringsIndexRune = "strings.IndexRune", stringsTitle = "strings.Title", stringsFieldsFunc = "strings.FieldsFunc"
  case stringsMap = "strings.Map", stringsIndexFunc = "strings.IndexFunc", stringsLastIndexFunc = "strings.LastIndexFunc"
  case stringsTrimFunc = "strings.TrimFunc", stringsTrimLeftFunc = "strings.TrimLeftFunc"
  case stringsTrimRightFunc = "strings.TrimRightFunc"
  case stringsToUpper = "strings.ToUpper", stringsToLower = "strings.ToLower"
  case stringsReplace = "strings.Replace", stringsReplaceAll = "strings.ReplaceAll"
  case builderWriteString = "strings.Builder.WriteString", builderWriteByte = "strings.Builder.WriteByte"
  case builderWriteRune = "strings.Builder.WriteRune", builderGrow = "strings.Builder.Grow"
  case builderLen = "strings.Builder.Len", builderCap = "strings.Builder.Cap"
  case builderString = "strings.Builder.String", builderReset = "strings.Builder.Reset"
  // runtime/metrics (Run/VM+Metrics.swift); Value's methods take the receiver's value first.
  case metricsRead = "metrics.Read", metricsAll = "metrics.All"
  case metricsValueKind = "metrics.Value.Kind", metricsValueUint64 = "metrics.Value.Uint64"
  case metricsValueFloat64 = "metrics.Value.Float64"
  case metricsValueFloat64Histogram = "metrics.Value.Float64Histogram"
  // math (Check/MathPackage.swift, Run/GoMath.swift).
  case mathSqrt = "math.Sqrt", mathAbs = "math.Abs", mathFloor = "math.Floor", mathCeil = "math.Ceil"
  case mathTrunc = "math.Trunc", mathRound = "math.Round", mathRoundToEven = "math.RoundToEven"
  case mathLog = "math.Log", mathLog2 = "math.Log2", mathLog10 = "math.Log10", mathExp = "math.Exp"
  case mathCbrt = "math.Cbrt", mathPow = "math.Pow", mathMax = "math.Max", mathMin = "math.Min"
  case mathMod = "math.Mod", mathCopysign = "math.Copysign", mathInf = "math.Inf", mathNaN = "math.NaN"
  case mathHypot = "math.Hypot"
  case mathSin = "math.Sin", mathCos = "math.Cos", mathTan = "math.Tan", mathAsin = "math.Asin"
  case mathAcos = "math.Acos", mathAtan = "math.Atan", mathAtan2 = "math.Atan2"
  case mathIsNaN = "math.IsNaN", mathIsInf = "math.IsInf", mathSignbit = "math.Signbit"
  case mathFloat64bits = "math.Float64bits", mathFloat64frombits = "math.Float64frombits"
  case mathFloat32bits = "math.Float32bits", mathFloat32frombits = "math.Float32frombits"
  case mathModf = "math.Modf", mathFrexp = "math.Frexp", mathLdexp = "math.Ldexp"
  // bytes.Buffer's methods (the *Buffer first: Run/VM+BytesBuffer.swift) and constructors
  // (Checker+BytesBuffer.swift writes these as the literals Go inlines them to).
  case bufferWrite = "bytes.(*Buffer).Write", bufferWriteString = "bytes.(*Buffer).WriteString"
  case bufferWriteByte = "bytes.(*Buffer).WriteByte", bufferWriteRune = "bytes.(*Buffer).WriteRune"
  case bufferGrow = "bytes.(*Buffer).Grow", bufferTruncate = "bytes.(*Buffer).Truncate"
  case bufferLen = "bytes.(*Buffer).Len", bufferCap = "bytes.(*Buffer).Cap"
  case bufferBytes = "bytes.(*Buffer).Bytes", bufferReset = "bytes.(*Buffer).Reset"
  /// String's `b.buf[b.off:]`, which its conversion copies (Checker+BytesBuffer.swift).
  case bufferString = "bytes.(*Buffer).String"
  case bytesNewBuffer = "bytes.NewBuffer", bytesNewBufferString = "bytes.NewBufferString"
  // strings.Clone (Go 1.18+: one copy, in the frame when it does not escape) and bytes.Clone
  // (Go 1.20+: one copy on the heap).
  case stringsClone = "strings.Clone", bytesClone = "bytes.Clone"
  // The slices package (Go 1.21+; Check/SlicesPackage.swift, Run/VM+Slices.swift): generic in
  // Go, typed here per call from the slice argument (S ~[]E), as append is.
  case slicesClone = "slices.Clone", slicesClip = "slices.Clip", slicesGrow = "slices.Grow"
  case slicesInsert = "slices.Insert", slicesDelete = "slices.Delete", slicesDeleteFunc = "slices.DeleteFunc"
  case slicesReplace = "slices.Replace", slicesCompact = "slices.Compact", slicesCompactFunc = "slices.CompactFunc"
  case slicesContains = "slices.Contains", slicesContainsFunc = "slices.ContainsFunc"
  case slicesIndex = "slices.Index", slicesIndexFunc = "slices.IndexFunc"
  case slicesEqual = "slices.Equal", slicesEqualFunc = "slices.EqualFunc", slicesCompare = "slices.Compare"
  case slicesReverse = "slices.Reverse", slicesMax = "slices.Max", slicesMin = "slices.Min"
  case slicesMaxFunc = "slices.MaxFunc", slicesMinFunc = "slices.MinFunc"
  case slicesSort = "slices.Sort", slicesSortFunc = "slices.SortFunc", slicesSortStableFunc = "slices.SortStableFunc"
  case slicesIsSorted = "slices.IsSorted", slicesIsSortedFunc = "slices.IsSortedFunc"
  case slicesBinarySearch = "slices.BinarySearch"
  // cmp (Go 1.21+): Compare and Less of two ordered values (NaN below every other float).
  case cmpCompare = "cmp.Compare", cmpLess = "cmp.Less"
  // sync/atomic (Check/AtomicPackage.swift, Run/VM+Atomic.swift): the functions on a *int32,
  // *int64, *uint32 or *uint64, then the Int32, Int64, Uint32 and Uint64 types' methods (T: the
  // receiver's type; the receiver first), the value's type read from the pointer's.
  case atomicAdd = "atomic.Add", atomicLoad = "atomic.Load", atomicStore = "atomic.Store"
  case atomicCompareAndSwap = "atomic.CompareAndSwap", atomicSwap = "atomic.Swap"
  case atomicMethodAdd = "atomic.(*T).Add", atomicMethodLoad = "atomic.(*T).Load"
  case atomicMethodStore = "atomic.(*T).Store", atomicMethodCompareAndSwap = "atomic.(*T).CompareAndSwap"
  case atomicMethodSwap = "atomic.(*T).Swap"
  // atomic.Value (value.go): Load, Store, Swap and CompareAndSwap of an `any`, the receiver first.
  case atomicValueLoad = "atomic.(*Value).Load", atomicValueStore = "atomic.(*Value).Store"
  case atomicValueSwap = "atomic.(*Value).Swap", atomicValueCompareAndSwap = "atomic.(*Value).CompareAndSwap"
  // atomic.Pointer[T] (type.go): Load, Store, Swap and CompareAndSwap of a *T, the receiver first.
  case atomicPointerLoad = "atomic.(*Pointer[T]).Load", atomicPointerStore = "atomic.(*Pointer[T]).Store"
  case atomicPointerSwap = "atomic.(*Pointer[T]).Swap", atomicPointerCompareAndSwap = "atomic.(*Pointer[T]).CompareAndSwap"
  // internal/reflectlite, as the libraries compiled from Go's source use it (context's names of
  // its contexts and its check of a WithValue key): TypeOf, and a Type's String and Comparable.
  case reflectliteTypeOf = "reflectlite.TypeOf", reflectliteTypeString = "reflectlite.Type.String"
  case reflectliteTypeComparable = "reflectlite.Type.Comparable"
}

/// The left side of an assignment: a place, or `_`.
enum AssignTarget {
  case discard
  case place(TypedExpr)
}

/// A checked statement.
final class TypedStmt {
  enum Kind {
    case expression(TypedExpr)
    /// `a, b = x, y` (all right sides are evaluated before any store, as in Go); `:=` and
    /// `var` become assignments to their new variables.
    case assign([AssignTarget], [TypedExpr])
    /// `a, b = f()`: each of a call's results to its target (Go's OAS2FUNC; the call may be an
    /// inlined one). The targets' places are evaluated first, then the call, then the stores.
    case assignCall([AssignTarget], TypedExpr)
    /// `var x T`: the variables get their zero value.
    case zero([Variable])
    /// `x op= y`: the place is evaluated once.
    case opAssign(String, TypedExpr, TypedExpr)
    /// `v, ok = m[k]` (OAS2MAPR; `:=` declares them): the element or its zero value, and
    /// whether the key is present. The expression is a `.mapIndex`.
    case mapLookup(AssignTarget, AssignTarget, TypedExpr)
    case block([TypedStmt])
    case ifStmt(TypedStmt?, TypedExpr, [TypedStmt], TypedStmt?)
    /// `for init; cond; post { body }` (each part optional).
    case loop(LoopTarget, TypedStmt?, TypedExpr?, TypedStmt?, [TypedStmt])
    /// `for key, value := range over { body }`.
    case range(RangeLoop)
    /// `return a, b`: one value per result (none: the function has no results, or a bare
    /// `return` of named results).
    case returnStmt([TypedExpr])
    /// A `return` in an inlined body: the values go to the inlined call's result variables and
    /// control to the end of the body (inl.go rewrites it as `~R0, ~R1 = x, y; goto .i0`).
    case inlineReturn(InlinedCallReference, [TypedExpr])
    case breakStmt(LoopTarget)
    case continueStmt(LoopTarget)
    case switchStmt(ExpressionSwitch)
    /// `fallthrough`, the last statement of a switch clause.
    case fallthroughStmt
    /// `defer f(args)`: the arguments are evaluated now, the call runs when the function
    /// returns or panics (Go's ODEFER; see DeferredCall).
    case deferStmt(DeferredCall)
    /// `go f(args)`: the arguments are evaluated now, into the call's variables; a new
    /// goroutine makes the call (Go's OGO; DeferredCall's `index` is unused).
    case goStmt(DeferredCall)
    // The runtime statements.
    case sleep(TypedExpr)
    case gc
    case free
    case stats(label: [TypedExpr], view: String?)
    case expect(Expectation)
    case why(String?)
    /// `roots`: the variables in scope at this statement (innermost first), then the globals.
    case roots([Variable])
    case explain(Bool)
    case heapMap
    /// `set GOGC=...` (nil: off).
    case setGCPercent(TypedExpr?)
    /// `set GOMEMLIMIT=...` (nil: off).
    case setMemoryLimit(TypedExpr?)
  }
  let kind: Kind
  let span: Span
  /// A top-level statement (or one of main's): narrated after it runs.
  var narrated = false
  /// The variables this statement declares (`:=`, `var`): each execution makes them anew.
  var declares: [Variable] = []
  /// A Go package's package-level `var`: the linker lays its variables out before anything
  /// runs, so one that starts at its zero value is bss and no code runs for it (Lowerer.zero).
  /// (A script's `var` runs where it stands: a function that ran before it may have written
  /// the variable.)
  var declaresPackageLevel = false
  /// A statement of a library's body inlined into the program: its text as -m prints it
  /// (BodyRewriter; its span is the program's call).
  var libraryText: String? = nil
  /// The declarations are a compiler temporary's made with its assignment (typecheck.Temp and
  /// `as.Def = true`): the IR has no ODCL statement for them, which the inliner would count.
  var declaresWithoutODCL = false
  /// The labels written before it (`L: for ...`), outermost first: each is an OLABEL node of
  /// Go's IR, which the inliner counts. What they name is resolved into the break and continue
  /// targets.
  var labels: [String] = []
  /// A `.block` that is a group of statements of the enclosing block, not a block of its own
  /// (`var ( a = ...; b = ... )` in a function): the variables they declare live as long as
  /// the enclosing block's.
  var isGroup = false
  /// Set by the move2heap pass (Go 1.26+): slices whose backing store is moved to the heap,
  /// if it is in the frame, before the statement runs (it is where they stop being exclusive).
  var movesToHeap: [MoveToHeap] = []

  init(_ kind: Kind, _ span: Span) {
    self.kind = kind
    self.span = span
  }
}

/// A checked `for range` loop.
final class RangeLoop {
  enum Over {
    /// `range n`: 0..<n.
    case integer
    /// Elements of a slice, an array value, or an array through a pointer.
    case slice, array, arrayPointer
    /// Runes of a string (key: byte offset, value: rune).
    case string
    /// A map's entries (key and element), in the runtime's iteration order without its
    /// random start (Lower/Lowering+Maps).
    case map
  }
  let target: LoopTarget
  let over: Over
  let operand: TypedExpr
  let key: AssignTarget?
  let value: AssignTarget?
  var body: [TypedStmt] = []
  /// The loop declares its variables (`:=`): they are fresh each iteration (Go 1.22+).
  let defines: Bool

  init(over: Over, operand: TypedExpr, key: AssignTarget?, value: AssignTarget?, defines: Bool,
    target: LoopTarget = LoopTarget()) {
    self.target = target
    self.over = over
    self.operand = operand
    self.key = key
    self.value = value
    self.defines = defines
  }
}

/// A checked `expect`: a runtime quantity compared with a value.
struct Expectation {
  /// The quantity: a MemStats field, `RSS`, `Footprint` or `Time`.
  let quantity: String
  /// The comparison, with the quantity on the left.
  let op: String
  let value: TypedExpr
  /// The check as written, for the report.
  let text: String
}

extension TypedExpr {
  /// A conversion to an interface the checker made where the program wrote none (an argument
  /// to an interface parameter, a value for an interface field): it spans its operand, and its
  /// site boxes the value. Go 1.19 places such a conversion by the place it was made.
  var isImplicitInterfaceBox: Bool {
    guard case .conversion(let x) = kind, x.span == span, site?.kind == .interfaceBox else { return false }
    return true
  }

  /// A conversion of a constant (`any(1)`, `any("one")`).
  var constantOperand: Bool {
    guard case .conversion(let x) = kind else { return false }
    return x.constant != nil
  }
}
