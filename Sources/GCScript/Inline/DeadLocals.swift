// DeadLocals: Go 1.24+'s deadlocals pass (cmd/compile/internal/deadlocals), which runs after
// inlining and before escape analysis and removes assignments to local variables that
// nothing reads.
//
// Inlining is what makes such locals: `sq := func(x int) int { return x * x }; t := sq(7)`
// inlines the call, after which nothing reads `sq`; `apply(xs, func(x int) int {...})` inlined
// assigns the literal to apply's parameter `f`, whose only use, `f(xs[i])`, was inlined too.
// The pass drops those assignments, and with them the literal: escape analysis never sees it,
// so -m has no `func literal does not escape` line for it (Tests/Recordings/runs/
// inlinedliterals, Go 1.27.3). A literal still read — captured by another literal, returned by
// an inlined call whose result is used, called where it is not inlined — stays.
//
// The rules are deadlocals.go's: an assignment `x = v` (an inlined call's parameter binding
// too) to a parameter or local (not a result, not a global) whose right side has no effects —
// a name, a constant, nil or a literal — is deferred: it is dropped if x is never read, and
// what it reads counts only once x is read. Anything else is a read of every name in it. A
// closure's captured variables are reads of what they capture. Go 1.19 has no such pass.
//
// gcsh keeps the dropped assignments (a funcval made in the frame and never used costs the
// simulated program nothing) and marks the dropped literals' sites, which escape analysis then
// does not report.

final class DeadLocals {
  /// The locals read so far, by their canonical variable.
  private var read: Set<ObjectIdentifier> = []
  /// The right sides of the deferred assignments to each local not read (yet).
  private var deferred: [ObjectIdentifier: [TypedExpr]] = [:]

  /// Marks the literals whose assignments the pass drops from f's body (and its literals').
  static func run(_ f: Function) {
    let pass = DeadLocals()
    for s in f.body { pass.statement(s) }
    for values in pass.deferred.values {
      for v in values { Self.drop(v) }
    }
  }

  /// A dropped right side: its literal, and every literal written in that literal's body.
  private static func drop(_ e: TypedExpr) {
    guard case .closure(let fn, let site) = e.kind else { return }
    site.removedByDeadLocals = true
    for c in fn.withLiterals.dropFirst() {
      for s in c.outer?.sites ?? [] where s.closureFunction === c { s.removedByDeadLocals = true }
    }
  }

  /// deadlocals.go isLocal: a parameter or a local (through a capture, the variable captured).
  private static func isLocal(_ v: Variable) -> Bool {
    let c = v.canonical
    return c.storage == .local || c.storage == .parameter
  }

  /// deadlocals.go hasEffects: all but a name, a constant, nil and a literal.
  private static func hasEffects(_ e: TypedExpr) -> Bool {
    switch e.kind {
    case .variable, .constant, .nilValue, .closure, .functionValue: return false
    default: return true
    }
  }

  private func markRead(_ v: Variable) {
    let id = ObjectIdentifier(v.canonical)
    guard read.insert(id).inserted else { return }
    // What its deferred assignments read is read now.
    for e in deferred.removeValue(forKey: id) ?? [] { expression(e) }
  }

  private func assign(_ v: Variable, _ value: TypedExpr) {
    let id = ObjectIdentifier(v.canonical)
    if Self.isLocal(v), !Self.hasEffects(value), !read.contains(id) {
      deferred[id, default: []].append(value)
    } else {
      expression(value)
    }
  }

  private func statement(_ s: TypedStmt) {
    switch s.kind {
    case .assign(let ts, let vs):
      for (t, v) in zip(ts, vs) {
        if case .place(let target) = t, case .variable(let x) = target.kind {
          assign(x, v)
        } else {
          if case .place(let target) = t { expression(target) }
          expression(v)
        }
      }
    case .block(let b): b.forEach(statement)
    case .ifStmt(let i, let c, let t, let e):
      if let i { statement(i) }
      expression(c)
      t.forEach(statement)
      if let e { statement(e) }
    case .loop(_, let i, let c, let p, let b):
      if let i { statement(i) }
      if let c { expression(c) }
      if let p { statement(p) }
      b.forEach(statement)
    case .range(let r):
      expression(r.operand)
      r.body.forEach(statement)
    case .switchStmt(let sw):
      if let i = sw.initStmt { statement(i) }
      if let tag = sw.tag { expression(tag) }
      for c in sw.clauses {
        c.values.forEach(expression)
        c.body.forEach(statement)
      }
    case .deferStmt(let d), .goStmt(let d):
      // The statement's wrapper closure captures the variables holding its arguments: read.
      d.setup.forEach(statement)
      for t in d.temps { markRead(t) }
      expression(d.call)
    default: s.forEachExpression { expression($0) }
    }
  }

  private func expression(_ e: TypedExpr) {
    switch e.kind {
    case .variable(let v): if v.storage != .global { markRead(v) }
    case .closure(let fn, _):
      for c in fn.captures { if let from = c.capturedFrom { markRead(from) } }
      for s in fn.body { statement(s) }
    case .inlinedCall(let ic):
      for (p, a) in zip(ic.params, ic.args) { assign(p, a) }
      for s in ic.body { statement(s) }
      // Its value is its result variables (OINLCALL's ReturnVars): read, as a bare return
      // returns named results assigned in the body.
      for r in ic.results { markRead(r) }
    default: e.forEachChild { expression($0) }
    }
  }
}
