// BodyRewriter: rebuilds a function body with its calls replaced — the caller's own body
// (identity otherwise), or a copy of a callee's body for an inlined call (inl.go's inlsubst,
// and in Go 1.27 the unified IR reader that reads an inlined body afresh).
//
// A copy gets everything of its own, belonging to the caller: each variable of the callee
// (parameters included) is a new local of the caller (inlvar), each allocation site a new site
// of the caller reported at the outermost call, each loop a new break/continue target, and a
// `return` becomes an inlineReturn of the InlinedCall. Typed nodes are immutable, so the tree
// is rebuilt bottom-up; calls are offered to `onCall` after their arguments (post-order, the
// order in which Go's inliner visits them).

import GoHeap

final class BodyRewriter {
  /// What a copy maps.
  struct Copy {
    /// The outermost inlined call's `(`: where the copy's sites and variables are reported
    /// (nil in a copied literal's body, which is a function of its own: Go reports what it
    /// does at the literal's own positions).
    var reportAt: Int?
    /// The function whose body this is (its name, for `explain`).
    var callee: String? = nil
    /// A library function's body copied into the program (Check/Libraries.swift): its package,
    /// and the span of the program's call that every node of the copy takes — the body's own
    /// spans are in the library's source, which the program's -m and errors do not show. Its
    /// variables and allocations are named as Go's IR names another package's
    /// (`sort.x`, `&sort.reverse{...}`).
    var library: (package: String, source: Source, call: Span)? = nil
    /// Go 1.19 reads another package's inlined body from export data, which keeps no mark of
    /// an implicit conversion: -m prints one as written out (`sort.Interface(sort.x)`).
    var explicitConversions = false
  }

  let caller: Function
  let copying: Copy?
  /// The call being inlined (its returns become inlineReturns), for a copy.
  var inlinedCall: InlinedCall? = nil
  /// Replaces a call (after its arguments were rewritten), or keeps it (nil). The callee is a
  /// declared function or a literal; `calleeEnd` is where a call through a value's callee
  /// expression ends (its `(` follows).
  var onCall: ((TypedExpr, Function, [TypedExpr], _ calleeEnd: Int?) -> TypedExpr?)? = nil
  /// The function or literal a callee expression of the rewritten body statically is
  /// (ir.StaticValue, then inl.go inlCallee's PFUNC or OCLOSURE): the Inliner follows the
  /// definitions the rewriters report (`onDefinition`) through inlined calls' results.
  var resolveCallee: ((TypedExpr) -> Function?)? = nil
  /// Each assignment of one value to a variable, as rewritten: the body's variable, the
  /// caller's (its copy, or itself), and the rewritten value.
  var onDefinition: ((Variable, Variable, TypedExpr) -> Void)? = nil
  /// Each literal of the body copied into the caller: the literal and its copy.
  var onLiteralCopy: ((Function, Function) -> Void)? = nil
  /// The copies made of the body's literals, by the literal.
  private(set) var literalCopies: [ObjectIdentifier: Function] = [:]
  /// A call of a package function Go's inliner inlines (`inlinesPackageCall`; its body is the
  /// package's: gcsh runs it in the runtime, and only reports the inlining), after its
  /// arguments, in call order.
  var onPackageCall: ((TypedExpr, Builtin) -> Void)? = nil
  var inlinesPackageCall: (Builtin) -> Bool = { _ in false }
  /// Deferred calls are offered to `onCall` too (Go 1.20+: see `statement`).
  var inlinesDeferredCalls = false
  /// The declared function a call through a value calls, when its callee expression has one
  /// static value (inl.go inlCallee: ir.StaticValue, then a PFUNC name): such a call is
  /// offered to `onCall` as a direct call (`g := double; g(2)` inlines double).
  var staticCallee: ((TypedExpr) -> Function?)? = nil
  /// devirtualize.StaticCall: for a call through an interface whose value is statically a
  /// conversion of a concrete type, the method it calls and that type (the hook reports it).
  var devirtualize: ((TypedExpr) -> (Function, GoType)?)? = nil
  /// Go 1.20+ devirtualizes before inlining (interleaved.go): the direct call is offered to
  /// `onCall`; Go 1.19 devirtualizes after inlining, so it is not.
  var inlinesDevirtualized = false
  private var variables: [ObjectIdentifier: Variable] = [:]
  private var sites: [ObjectIdentifier: AllocationSite] = [:]
  private var targets: [ObjectIdentifier: LoopTarget] = [:]

  init(caller: Function, copying: Copy?) {
    self.caller = caller
    self.copying = copying
  }

  // MARK: What a copy maps

  /// The caller's variable for one of the body's (a new local for a callee's parameter or
  /// local; globals are shared).
  func variable(_ v: Variable) -> Variable {
    guard let copying, v.storage != .global else { return v }
    if let mapped = variables[ObjectIdentifier(v)] { return mapped }
    let name = copying.library.map { "\($0.package).\(v.name)" } ?? v.name
    let copy = Variable(name: name, type: v.type, span: span(v.span), storage: .local, function: caller)
    copy.addressTaken = v.addressTaken
    copy.fromLibrary = copying.library != nil
    copy.reportAt = copying.reportAt ?? v.reportAt
    copy.inlinedFrom = copying.reportAt == nil ? v.inlinedFrom : copying.callee
    variables[ObjectIdentifier(v)] = copy
    if let s = v.site { copy.site = site(s) }
    return newLocal(copy)
  }

  /// A literal of the body, copied into the caller as a closure of its own (Go 1.20+'s unified
  /// IR reader makes each inlined body's literals anew; Go 1.19's inlsubst.closure does the
  /// same): its parameters, results and locals are the copy's, each variable it captured is
  /// captured from the caller's copy of that variable, and its allocation sites are the
  /// copy's. Its calls are inlined later, when the copy's own turn comes (Inliner.run).
  func copyLiteral(_ fn: Function) -> Function {
    guard let copying else { return fn }
    if let done = literalCopies[ObjectIdentifier(fn)] { return done }
    let c = Function(name: fn.name, decl: fn.decl, isScript: false)
    c.outer = caller
    c.literalSpan = fn.literalSpan.map(span)
    c.isMethodValueWrapper = fn.isMethodValueWrapper
    c.wrapperVariadic = fn.wrapperVariadic
    c.packageFunction = fn.packageFunction
    c.calledDirectly = fn.calledDirectly
    c.isRangeFuncBody = fn.isRangeFuncBody
    c.copiedFrom = fn
    c.checked = true
    var own = copying
    own.reportAt = nil
    let inner = BodyRewriter(caller: c, copying: own)
    func fresh(_ v: Variable, _ storage: Variable.Storage) -> Variable {
      let w = Variable(name: v.name, type: v.type, span: span(v.span), storage: storage, function: c)
      w.addressTaken = v.addressTaken
      w.fromLibrary = v.fromLibrary || copying.library != nil
      w.reportAt = nil
      w.boundReceiver = v.boundReceiver
      w.isRangeFuncResult = v.isRangeFuncResult
      if let s = v.site { w.site = inner.site(s) }
      inner.alias(v, to: w)
      return w
    }
    c.params = fn.params.map { fresh($0, .parameter) }
    c.results = fn.results.map { fresh($0, .result) }
    c.captures = fn.captures.map { cv in
      let w = fresh(cv, .captured)
      w.capturedFrom = cv.capturedFrom.map(variable)
      return w
    }
    literalCopies[ObjectIdentifier(fn)] = c
    // (Named before the literals nested in it, which are copied with its body.)
    onLiteralCopy?(fn, c)
    inner.onLiteralCopy = onLiteralCopy
    c.body = (fn.inlineBody ?? fn.body).map(inner.statement)
    c.inlineBody = c.body
    caller.closures.append(c)
    return c
  }

  /// Makes `w` the copy's variable for the body's `v` (a literal's parameter, result or
  /// capture, made by `copyLiteral`).
  func alias(_ v: Variable, to w: Variable) {
    variables[ObjectIdentifier(v)] = w
  }

  /// Adds a variable made for the copy to the caller's locals.
  func newLocal(_ v: Variable) -> Variable {
    if let at = copying?.reportAt { v.reportAt = at }
    caller.locals.append(v)
    return v
  }

  /// The caller's allocation site for one of the body's.
  func site(_ s: AllocationSite) -> AllocationSite {
    guard let copying else { return s }
    if let mapped = sites[ObjectIdentifier(s)] { return mapped }
    // (A literal's funcval is `func literal` in any package.)
    var text = s.kind == .closure ? s.text : copying.library.map { qualifyingIdentifiers(s.text, in: $0.package) } ?? s.text
    // Go 1.19's export data types a make's constant sizes: `make([]io.Writer, int(0), ...)`
    // (runs/writers; strconv's Quote: `make([]byte, int(0), int(3) * len(strconv.s) / int(2))`).
    if copying.library != nil, copying.explicitConversions, s.kind == .make, text.hasPrefix("make(") {
      text = typingMakeSizes(text)
    }
    let copy = AllocationSite(kind: s.kind, span: span(s.span), type: s.type, text: text)
    copy.reportAt = copying.reportAt ?? s.reportAt
    copy.inlined = s.inlined ?? copying.reportAt.flatMap { at in copying.callee.map { ($0, at) } }
    copy.constantCount = s.constantCount
    copy.zeroCopyCandidate = s.zeroCopyCandidate
    sites[ObjectIdentifier(s)] = copy
    caller.sites.append(copy)
    return copy
  }

  func site(_ s: AllocationSite?) -> AllocationSite? { s.map(site) }

  /// A node's span in the copy: its own, or the program's call for a library's body.
  func span(_ s: Span) -> Span { copying?.library?.call ?? s }

  func target(_ t: LoopTarget) -> LoopTarget {
    guard copying != nil else { return t }
    if let mapped = targets[ObjectIdentifier(t)] { return mapped }
    let copy = LoopTarget(isSwitch: t.isSwitch, label: t.label)
    targets[ObjectIdentifier(t)] = copy
    return copy
  }

  // MARK: Statements

  func statement(_ s: TypedStmt) -> TypedStmt {
    let kind: TypedStmt.Kind
    switch s.kind {
    case .expression(let e): kind = .expression(expression(e))
    case .assign(let ts, let vs):
      let (targets, values) = (ts.map(target), vs.map(expression))
      kind = .assign(targets, values)
      if let onDefinition {
        for (t, (mapped, value)) in zip(ts, zip(targets, values)) {
          if case .place(let e) = t, case .variable(let v) = e.kind, case .place(let m) = mapped, case .variable(let w) = m.kind {
            onDefinition(v, w, value)
          }
        }
      }
    case .assignCall(let ts, let call): kind = .assignCall(ts.map(target), expression(call))
    case .zero(let vars): kind = .zero(vars.map(variable))
    case .opAssign(let op, let t, let v): kind = .opAssign(op, expression(t), expression(v))
    case .mapLookup(let v, let ok, let e): kind = .mapLookup(target(v), target(ok), expression(e))
    case .block(let b): kind = .block(b.map(statement))
    case .ifStmt(let i, let c, let t, let e):
      kind = .ifStmt(i.map(statement), expression(c), t.map(statement), e.map(statement))
    case .loop(let t, let i, let c, let p, let b):
      kind = .loop(target(t), i.map(statement), c.map(expression), p.map(statement), b.map(statement))
    case .range(let r): kind = .range(range(r))
    case .returnStmt(let es):
      if let ic = inlinedCall {
        kind = .inlineReturn(InlinedCallReference(call: ic), es.map(expression))
      } else {
        kind = .returnStmt(es.map(expression))
      }
    case .inlineReturn(let ic, let es): kind = .inlineReturn(ic, es.map(expression))
    case .breakStmt(let t): kind = .breakStmt(target(t))
    case .continueStmt(let t): kind = .continueStmt(target(t))
    case .fallthroughStmt: kind = .fallthroughStmt
    case .switchStmt(let sw): kind = .switchStmt(switchStatement(sw))
    case .sleep(let e): kind = .sleep(expression(e))
    case .stats(let l, let v): kind = .stats(label: l.map(expression), view: v)
    case .expect(let x):
      kind = .expect(Expectation(quantity: x.quantity, op: x.op, value: expression(x.value), text: x.text))
    case .roots(let vars): kind = .roots(vars.map(variable))
    case .setGCPercent(let e): kind = .setGCPercent(e.map(expression))
    case .setMemoryLimit(let e): kind = .setMemoryLimit(e.map(expression))
    case .gc, .free, .why, .explain, .heapMap: kind = s.kind
    case .deferStmt(let d):
      // A function with a defer is never inlined (hairyVisitor: "unhandled op DEFER"), so a
      // defer is met in the function's own body, whose DeferredCall (shared with
      // Function.defers) is rewritten in place — the arguments' calls are inlined at the
      // statement; the deferred call itself inside the wrapper, where the wrapper exists
      // before inlining (Go 1.20+; Go 1.19 marks it NoInline) — or in a literal copied with an
      // inlined body (copyLiteral), whose copy gets a DeferredCall of its own.
      if copying != nil {
        kind = .deferStmt(deferredCall(d, into: \.defers))
      } else {
        d.setup = d.setup.map(statement)
        if inlinesDeferredCalls && !d.isNormalForm { d.call = expression(d.call) }
        kind = .deferStmt(d)
      }
    case .goStmt(let d):
      // Likewise a go statement ("unhandled op GO"). The call stays a call: the new goroutine
      // makes it (Go 1.20+ inlines it into the wrapper, which changes the goroutine's frames,
      // not what it allocates).
      if copying != nil {
        kind = .goStmt(deferredCall(d, into: \.goStatements))
      } else {
        d.setup = d.setup.map(statement)
        kind = .goStmt(d)
      }
    }
    let copy = TypedStmt(kind, span(s.span))
    if let library = copying?.library {
      copy.libraryText = qualifyingIdentifiers(library.source.text(of: s.span), in: library.package)
    }
    copy.declares = s.declares.map(variable)
    copy.labels = s.labels
    copy.isGroup = s.isGroup
    // A copy's statements are not the caller's to narrate.
    copy.narrated = copying == nil && s.narrated
    return copy
  }

  /// A defer or go statement of a literal's body copied into the literal's copy (the caller
  /// here), added to its defers or go statements in body order, as the checker adds them.
  private func deferredCall(_ d: DeferredCall, into list: ReferenceWritableKeyPath<Function, [DeferredCall]>) -> DeferredCall {
    let temps = d.temps.map(variable)
    let copy = DeferredCall(index: d.index, temps: temps, setup: d.setup.map(statement), call: expression(d.call), span: span(d.span))
    copy.inLoop = d.inLoop
    caller[keyPath: list].append(copy)
    return copy
  }

  func target(_ t: AssignTarget) -> AssignTarget {
    if case .place(let e) = t { return .place(expression(e)) }
    return t
  }

  func switchStatement(_ sw: ExpressionSwitch) -> ExpressionSwitch {
    // Operands in evaluation order: init, tag, then each clause's cases and body.
    let initStmt = sw.initStmt.map(statement)
    let tag = sw.tag.map(expression)
    let clauses = sw.clauses.map { c in
      SwitchClause(values: c.values.map(expression), isDefault: c.isDefault, body: c.body.map(statement), span: span(c.span))
    }
    let copy = ExpressionSwitch(target: target(sw.target), initStmt: initStmt, tag: tag, clauses: clauses)
    copy.folded = sw.folded.map { FoldedSwitch(matched: $0.matched.map(expression)) }
    return copy
  }

  func range(_ r: RangeLoop) -> RangeLoop {
    let copy = RangeLoop(over: r.over, operand: expression(r.operand), key: r.key.map(target),
      value: r.value.map(target), defines: r.defines, target: target(r.target))
    copy.body = r.body.map(statement)
    return copy
  }

  // MARK: Expressions

  func expression(_ e: TypedExpr) -> TypedExpr {
    let kind: TypedExpr.Kind
    switch e.kind {
    // A declared function's value is the same in any copy; a literal in a copy is a new
    // closure of the caller (copyLiteral), its funcval a new site of the caller's.
    case .constant, .nilValue, .functionValue: kind = e.kind
    case .closure(let fn, let s):
      if copying != nil {
        let c = copyLiteral(fn)
        let copiedSite = site(s)
        copiedSite.closureFunction = c
        kind = .closure(c, copiedSite)
      } else {
        kind = e.kind
      }
    case .variable(let v): kind = .variable(variable(v))
    case .callValue(let f, let args):
      // A call through a local that statically holds a package function Go inlines
      // (`f := math.Abs; f(-2)`) is a call of that function, inlined as one (ir.StaticValue;
      // runs/pkgfuncvalues). One Go does not inline stays a call through the value, and -m
      // names it as written (`g(' ')`).
      // The callee first (`g(3)()` inlines g(3), whose result is then the callee), then the
      // arguments: the order of Go's post-order marking of the call's children.
      let callee = expression(f)
      if let g = resolveCallee?(callee) ?? staticCallee?(f), let b = g.packageFunction, inlinesPackageCall(b) {
        return keepingEffects(of: callee, expression(TypedExpr(.builtin(b, args, spread: false), e.type, span(e.span))))
      }
      let rewritten = args.map(expression)
      if let g = resolveCallee?(callee) ?? staticCallee?(f) {
        // A declared function is called directly (`.call`); a literal stays a call through
        // its value, which the inliner replaces or keeps.
        let direct = g.isLiteral ? rebuilt(.callValue(callee, rewritten), like: e) : rebuilt(.call(g, rewritten), like: e)
        if let replaced = onCall?(direct, g, rewritten, f.span.end) { return keepingEffects(of: callee, replaced) }
      }
      if case .interfaceMethod(let x, _) = callee.kind, let (g, t) = devirtualize?(e) {
        // `s.M(args)` as `s.(T).M(args)`: the asserted value is the receiver (a value method
        // of *T's gets the pointee, as the wrapper would).
        let asserted = TypedExpr(.typeAssert(x, t, .value), t, x.span)
        var receiver = asserted
        if let (base, pointer) = g.receiver, !pointer, t.isPointer { receiver = TypedExpr(.deref(asserted), base, span(x.span)) }
        let direct = TypedExpr(.call(g, [receiver] + rewritten), e.type, span(e.span))
        if inlinesDevirtualized, let replaced = onCall?(direct, g, [receiver] + rewritten, nil) { return replaced }
        kind = direct.kind
      } else {
        kind = .callValue(callee, rewritten)
      }
    case .unary(let op, let x): kind = .unary(op, expression(x))
    case .binary(let op, let a, let b): kind = .binary(op, expression(a), expression(b))
    case .logical(let op, let a, let b): kind = .logical(op, expression(a), expression(b))
    case .shift(let op, let a, let b): kind = .shift(op, expression(a), expression(b))
    case .conversion(let x): kind = .conversion(expression(x))
    case .call(let f, let args):
      let rewritten = args.map(expression)
      if let replaced = onCall?(rebuilt(e.kind, like: e), f, rewritten, nil) { return replaced }
      kind = .call(f, rewritten)
    case .builtin(let b, let args, let spread):
      kind = .builtin(b, args.map(expression), spread: spread)
      // (A script's `print` statement is gcsh's own, not a call of Go's fmt.Println.)
      if inlinesPackageCall(b), !e.isPrintStatement { onPackageCall?(TypedExpr(e.kind, e.type, span(e.span)), b) }
    case .new(let t, let s): kind = .new(t, site(s))
    case .makeSlice(let t, let n, let c, let s): kind = .makeSlice(t, expression(n), c.map(expression), site(s))
    case .index(let a, let i): kind = .index(expression(a), expression(i))
    case .slice(let b, let lo, let hi, let mx):
      kind = .slice(expression(b), lo.map(expression), hi.map(expression), mx.map(expression))
    case .field(let x, let k): kind = .field(expression(x), k)
    case .deref(let x): kind = .deref(expression(x))
    case .addressOf(let x): kind = .addressOf(expression(x))
    case .composite(let elems, let s): kind = .composite(elems.map { ($0.index, expression($0.value)) }, site(s))
    case .initialized(let stmts, let x): kind = .initialized(stmts.map(statement), expression(x))
    case .mapIndex(let m, let k): kind = .mapIndex(expression(m), expression(k))
    case .typeAssert(let x, let t, let mode): kind = .typeAssert(expression(x), t, mode)
    case .interfaceMethod(let x, let k): kind = .interfaceMethod(expression(x), k)
    case .makeMap(let hint, let s): kind = .makeMap(hint.map(expression), site(s))
    case .mapLiteral(let entries, let s): kind = .mapLiteral(entries.map { (expression($0.key), expression($0.value)) }, site(s))
    case .inlinedCall:
      // The caller's own body has none yet, and a callee's kept body never has any.
      preconditionFailure("an inlined call in a body being inlined")
    }
    let copy = rebuilt(kind, like: e)
    copy.site = site(e.site)
    if let copying, copying.library != nil, copying.explicitConversions, e.isImplicitInterfaceBox, let s = copy.site,
      !s.text.hasPrefix(e.type.goName + "(")
    {
      s.text = "\(e.type.goName)(\(s.text))"
    }
    return copy
  }

  /// inline.CalleeEffects: a call whose callee expression was resolved and replaced still
  /// evaluates that expression first when it does something — `pick()(21)` runs pick's
  /// inlined body, whatever function it returns — and only a name, a literal or a method
  /// expression does nothing.
  private func keepingEffects(of callee: TypedExpr, _ call: TypedExpr) -> TypedExpr {
    func hasEffects(_ e: TypedExpr) -> Bool {
      switch e.kind {
      case .variable, .closure, .functionValue: return false
      case .conversion(let x): return hasEffects(x)
      default: return true
      }
    }
    guard hasEffects(callee) else { return call }
    return TypedExpr(.initialized([TypedStmt(.expression(callee), callee.span)], call), call.type, call.span)
  }

  /// A node of `kind` standing for `e` in the rewritten body: e's type, span and marks.
  private func rebuilt(_ kind: TypedExpr.Kind, like e: TypedExpr) -> TypedExpr {
    let copy = TypedExpr(kind, e.type, span(e.span))
    copy.isVariadicPack = e.isVariadicPack
    copy.isPrintStatement = e.isPrintStatement
    copy.isPromotionStep = e.isPromotionStep
    copy.isRuneConstant = e.isRuneConstant
    copy.isRangeFuncCall = e.isRangeFuncCall
    return copy
  }
}

/// A library's source text as the compiler's IR prints it in the program's -m lines: each of
/// the package's own names qualified with the package (`x[i], x[j] = x[j], x[i]` is
/// `sort.x[sort.i], sort.x[sort.j] = ...`; `&reverse{...}` is `&sort.reverse{...}`). Names
/// already qualified, field and method names after a `.`, and Go's predeclared names stay.
func qualifyingIdentifiers(_ text: String, in package: String) -> String {
  renamingIdentifiers(text) { word in
    Universe.isPredeclared(word) || goKeywords.contains(word) ? nil : package + "." + word
  }
}

/// A make's text with each integer literal among its sizes written as Go 1.19's export data
/// keeps it, converted to int: `make([]T, 0, n)` is `make([]T, int(0), n)`. The type, before
/// the first top-level comma, is left alone (an array length in it is part of the type).
func typingMakeSizes(_ text: String) -> String {
  var out = ""
  var depth = 0
  var inSizes = false
  var number = ""
  var previous: Character = " "
  func flush() {
    guard !number.isEmpty else { return }
    out += "int(\(number))"
    number = ""
  }
  for c in text {
    if inSizes, c.isNumber, number.isEmpty ? !(previous.isLetter || previous.isNumber || previous == "_" || previous == ".") : true {
      number.append(c)
      previous = c
      continue
    }
    if !number.isEmpty {
      // A literal that goes on as a name or a float is not an int constant.
      if c.isLetter || c == "." || c == "_" { out += number; number = "" } else { flush() }
    }
    switch c {
    case "(", "[", "{": depth += 1
    case ")", "]", "}": depth -= 1
    case "," where depth == 1: inSizes = true
    default: break
    }
    out.append(c)
    previous = c
  }
  flush()
  return out
}

/// IR text with some of its names replaced: `rename` gives a name's replacement (nil: kept).
/// Names in string literals, after a `.` (fields, methods) and before one (a package) are
/// not offered.
func renamingIdentifiers(_ text: String, _ rename: (String) -> String?) -> String {
  var out = ""
  var word = ""
  var previous: Character = " "
  func flush(next: Character?) {
    defer { word = "" }
    guard !word.isEmpty else { return }
    let isName = word.first.map { $0 == "_" || $0.isLetter } ?? false
    if isName, previous != ".", next != ".", let renamed = rename(word) {
      out += renamed
    } else {
      out += word
    }
  }
  var inString = false
  for c in text {
    if inString {
      out.append(c)
      if c == "\"" { inString = false }
      continue
    }
    if c == "_" || c.isLetter || (c.isNumber && !word.isEmpty) {
      if word.isEmpty { previous = out.last ?? " " }
      word.append(c)
      continue
    }
    flush(next: c)
    if c == "\"" { inString = true }
    out.append(c)
  }
  flush(next: nil)
  return out
}

private let goKeywords: Set<String> = [
  "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto",
  "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
]
