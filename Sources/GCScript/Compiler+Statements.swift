// Compiling statements. Each compiled statement opens with the runtime's statement boundary
// (objects allocated by the previous statement stop being held by it) and its CPU cost on the
// virtual clock; a death of the simulated process inside it becomes a located error.

import GoHeap

typealias Exec = (Interpreter) throws -> Flow

extension Interpreter {
  func compileTopLevel(_ s: Stmt) throws -> Exec {
    if case .funcDecl = s.kind { return { _ in .normal } }
    if case .typeDecl(let name, let te) = s.kind, case .type(let named)? = globalScope.names[name] {
      // Hoisted: give the named type its structure now.
      let under = try resolveType(te, globalScope)
      if under === named { throw ScriptError(.typeMismatch("invalid recursive type \(name)"), at: s.span) }
      named.define(under.kind)
      return { _ in .normal }
    }
    return try compileStatement(s, globalScope)
  }

  /// Wraps a statement body with the statement boundary and its cost.
  func statement(_ span: Span, _ body: @escaping Exec) -> Exec {
    let cost = statementCost
    return { i in try i.step(span, cost) { try body(i) } }
  }

  /// The CPU cost of one statement, whole nanoseconds in every profile (CostModel); a
  /// fractional cost would need `work`.
  var statementCost: Int {
    let cost = Int(heap.profile.cost.statementNs)
    precondition(Double(cost) == heap.profile.cost.statementNs, "statement cost must be whole ns")
    return cost
  }

  /// Runs `body` as one statement: the statement boundary and its cost, and a death of the
  /// simulated process inside it located at the statement. The hot statements (assignments,
  /// `i++`) call this inside their own closure instead of being wrapped by `statement`, which
  /// saves a closure call per statement.
  @inline(__always)
  func step(_ span: Span, _ cost: Int, _ body: () throws -> Flow) throws -> Flow {
    do {
      try heap.beginStatement(costNs: cost)
      return try body()
    } catch let d as ProcessDeath {
      throw ScriptError(.death(d, fatalPrefix: heap.profile.fatalErrorPrefix), at: span)
    }
  }

  /// Declares a variable in `scope`: a globals slot at top level, a frame slot in a function.
  func declare(_ name: String, _ t: GoType, _ scope: Scope, _ span: Span) throws -> LValue {
    try checkValueSize(t, span)
    if let existing = scope.names[name], case .variable = existing, scope.function == nil,
      scope === globalScope
    {
      // Re-declaring a global at the top level (a REPL re-running `x := ...`): replace it.
      _ = existing
    } else if scope.names[name] != nil {
      throw ScriptError(.alreadyDeclared(name), at: span)
    }
    if let ctx = scope.function {
      let slot = ctx.slotCount
      ctx.slotCount += 1
      scope.names[name] = .variable(slot: slot, global: false, type: t)
      scope.declaredSlots.append(slot)
      return .variable(slot: slot, global: false, type: t)
    }
    let slot: Int
    if case .variable(let s, true, _)? = scope.names[name] { slot = s } else {
      slot = globals.append(zeroValue(t))
    }
    scope.names[name] = .variable(slot: slot, global: true, type: t)
    if scope !== globalScope { scope.declaredSlots.append(-1 - slot) }
    return .variable(slot: slot, global: true, type: t)
  }

  /// The type a value gets when it declares a variable (untyped constants take their default).
  func declaredType(_ c: CExpr) throws -> GoType {
    guard let t = c.type else { throw ScriptError(.typeMismatch("use of untyped nil in assignment"), at: c.span) }
    return t
  }

  func compileBlock(_ stmts: [Stmt], _ scope: Scope) throws -> Exec {
    let inner = Scope(parent: scope, function: scope.function)
    // Empty statements (a `;` or the line break after `{`) do nothing: leaving them out keeps a
    // one-statement loop body a single closure call.
    let body = try stmts.filter { if case .empty = $0.kind { return false }; return true }
      .map { Compiled(exec: try compileStatement($0, inner)) }
    return blockRunner(sequence(body), inner)
  }

  /// Runs a block's body; when the block ends its variables are cleared so they stop being roots.
  func blockRunner(_ run: @escaping Exec, _ scope: Scope) -> Exec {
    let slots = scope.declaredSlots
    if slots.isEmpty { return run }
    return { i in
      defer {
        for s in slots {
          if s >= 0 { i.locals[s] = .null } else { i.globals[-1 - s] = .null }
        }
      }
      return try run(i)
    }
  }

  /// Statements run in order until one breaks, continues or returns. Short blocks — loop bodies,
  /// mostly — capture their statements directly: a closure called out of an array goes through a
  /// reabstraction thunk and a retain/release of its context on every call.
  func sequence(_ body: [Compiled]) -> Exec {
    switch body.count {
    case 0: return { _ in .normal }
    case 1: return body[0].exec
    case 2:
      let (a, b) = (body[0].exec, body[1].exec)
      return { i in
        let f = try a(i)
        return f != .normal ? f : try b(i)
      }
    case 3:
      let (a, b, c) = (body[0].exec, body[1].exec, body[2].exec)
      return { i in
        var f = try a(i)
        if f != .normal { return f }
        f = try b(i)
        return f != .normal ? f : try c(i)
      }
    default:
      // Split in halves: a balanced tree of the cases above.
      let half = body.count / 2
      return sequence([Compiled(exec: sequence(Array(body[..<half]))), Compiled(exec: sequence(Array(body[half...])))])
    }
  }

  /// An optional statement (a for loop's init or post, an else branch); absent, a no-op.
  func compileStatement(_ s: Stmt?, _ scope: Scope) throws -> Exec {
    guard let s else { return { _ in .normal } }
    return try compileStatement(s, scope)
  }

  func compileStatement(_ s: Stmt, _ scope: Scope) throws -> Exec {
    let span = s.span
    switch s.kind {
    case .empty, .package, .imports: return { _ in .normal }
    case .expression(let e):
      if case .call = e.kind {} else if case .paren = e.kind {} else {
        let c = try compileExpr(e, scope)
        if echoExpressions && scope === globalScope {
          let ev = c.eval
          let t = c.type
          return statement(span) { i in
            i.host?.output(i.format(try ev(i), t) + "\n")
            return .normal
          }
        }
        throw ScriptError(.typeMismatch("\(describe(c)) (value) is not used"), at: span)
      }
      let ev = try compileExpr(e, scope).eval
      return statement(span) { i in
        _ = try ev(i)
        return .normal
      }
    case .assign(let lhs, let op, let rhs):
      return try compileAssign(lhs, op, rhs, scope, span)
    case .incDec(let target, let inc):
      // `i++` on an integer variable: one closure that updates the slot in place. (The general
      // `i = i + 1` below costs three more closure calls per loop iteration: +48 instructions,
      // a third of an empty loop.)
      if case .identifier(let n) = target.kind, case .variable(let slot, let global, let t)? = scope.lookup(n),
        t.isInteger
      {
        let d: Int64 = inc ? 1 : -1
        let narrow = t.size < 8
        let cost = statementCost
        if global {
          return { i in
            try i.step(span, cost) {
              let v = i.globals.int(slot) &+ d
              i.globals[slot] = .int(narrow ? wrap(v, t) : v)
              return .normal
            }
          }
        }
        return { i in
          try i.step(span, cost) {
            let v = i.locals.int(slot) &+ d
            i.locals[slot] = .int(narrow ? wrap(v, t) : v)
            return .normal
          }
        }
      }
      let one = Expr(.int(1), span)
      return try compileAssign([target], "=", [Expr(.binary(inc ? "+" : "-", target, one), span)], scope, span)
    case .varDecl(let names, let te, let values):
      let declared = try te.map { try resolveType($0, scope) }
      if !values.isEmpty && values.count != names.count {
        throw ScriptError(.typeMismatch("assignment mismatch: \(names.count) variables but \(values.count) values"), at: span)
      }
      var steps: [(target: LValue, value: Evaluator)] = []
      for (k, (name, nspan)) in names.enumerated() {
        var c: CExpr? = nil
        var t: GoType
        if k < values.count {
          c = try compileExpr(values[k], scope)
          if let d = declared { c = try assign(c!, to: d, "variable declaration") }
          t = try declared ?? declaredType(c!)
        } else {
          t = declared!
        }
        if name == "_" { continue }
        let lv = try declare(name, t, scope, nspan)
        let zero = zeroValue(t)
        steps.append((lv, Evaluator(run: c?.eval ?? { _ in zero })))
      }
      if steps.count == 1 {
        let (store, ev) = (steps[0].target.store, steps[0].value.run)
        return statement(span) { i in
          try store(i, try ev(i))
          return .normal
        }
      }
      return statement(span) { i in
        for (lv, ev) in steps { try lv.store(i, try ev.run(i)) }
        return .normal
      }
    case .constDecl(let names, let te, let values):
      guard names.count == values.count else {
        throw ScriptError(.typeMismatch("missing init expr for const declaration"), at: span)
      }
      let declared = try te.map { try resolveType($0, scope) }
      for ((name, nspan), v) in zip(names, values) {
        var c = try compileExpr(v, scope)
        // A typed constant (`const limit uint64 = 1 << 63`) is the value converted to its type.
        if let declared, c.constant != nil { c = try assign(c, to: declared, "constant declaration") }
        guard let k = c.constant, let t = c.type else { throw ScriptError(.notConstant(describe(c)), at: v.span) }
        if scope.names[name] != nil && scope !== globalScope { throw ScriptError(.alreadyDeclared(name), at: nspan) }
        scope.names[name] = .constant(k, t, untyped: c.untyped, exact: c.exact)
      }
      return { _ in .normal }
    case .typeDecl(let name, let te):
      let named = GoType.named(name)
      scope.names[name] = .type(named)
      named.define(try resolveType(te, scope).kind)
      return { _ in .normal }
    case .funcDecl(let f):
      throw ScriptError(.unsupported("declaring func \(f.name) inside a function"), at: span)
    case .block(let stmts):
      return try compileBlock(stmts, scope)
    case .declGroup(let specs):
      let parts = try specs.map { Compiled(exec: try compileStatement($0, scope)) }
      return sequence(parts)
    case .ifStmt(let initStmt, let cond, let then, let els):
      let inner = Scope(parent: scope, function: scope.function)
      let ie = try compileStatement(initStmt, inner)
      let ce = boolEval(try assign(try compileExpr(cond, inner), to: .bool, "if condition"))
      let te = try compileBlock(then, inner)
      let ee = try compileStatement(els, inner)
      let body: Exec = { i in
        _ = try ie(i)
        return try ce(i) ? try te(i) : try ee(i)
      }
      return statement(span, blockRunner(body, inner))
    case .forStmt(let initStmt, let cond, let post, let body):
      return try compileFor(initStmt, cond, post, body, scope, span)
    case .rangeStmt(let key, let value, let define, let over, let body):
      return statement(span, try compileRange(key, value, define, over, body, scope, span))
    case .returnStmt(let e):
      guard let ctx = scope.function else {
        return statement(span) { _ in .returned }
      }
      if let e {
        guard let rt = ctx.result else { throw ScriptError(.typeMismatch("too many return values"), at: span) }
        let ev = try assign(try compileExpr(e, scope), to: rt, "return statement").eval
        return statement(span) { i in
          i.returnValue = try ev(i)
          return .returned
        }
      }
      if ctx.result != nil { throw ScriptError(.typeMismatch("not enough return values"), at: span) }
      return statement(span) { _ in .returned }
    case .breakStmt: return { _ in .breakLoop }
    case .continueStmt: return { _ in .continueLoop }
    case .sleep(let e):
      let d = try assign(try compileExpr(e, scope), to: durationType, "sleep").eval
      return statement(span) { i in
        try i.heap.sleep(max(0, Int(try d(i).asInt)))
        return .normal
      }
    case .gc:
      return statement(span) { i in
        try i.heap.collect()
        return .normal
      }
    case .free:
      try requireFeature(.freeOSMemory, span)
      return statement(span) { i in
        try i.heap.freeOSMemory()
        return .normal
      }
    case .stats(let label, let view):
      let le = try label.map { try assign(try compileExpr($0, scope), to: .string, "stats label").eval }
      return statement(span) { i in
        var text: String? = nil
        if let le, case .string(let s) = try le(i) { text = s }
        i.host?.stats(label: text, view: view)
        return .normal
      }
    case .expect(let e):
      return try compileExpect(e, scope, span)
    case .why(let what):
      if let w = what, !["rss", "heapsys"].contains(w.lowercased()) {
        throw ScriptError(.invalidSetting("why explains rss or HeapSys, not \(w)"), at: span)
      }
      return statement(span) { i in
        i.host?.why(what)
        return .normal
      }
    case .heapMap:
      return statement(span) { i in
        i.host?.heapMap()
        return .normal
      }
    case .explain(let on):
      return statement(span) { i in
        i.host?.setExplain(on)
        return .normal
      }
    case .roots:
      // The locals in scope here (innermost first), then the globals.
      var locals: [(String, Int, GoType)] = []
      var seen = Set<String>()
      var sc: Scope? = scope
      while let cur = sc, cur !== globalScope {
        for (n, e) in cur.names.sorted(by: { $0.key < $1.key }) where !seen.contains(n) {
          if case .variable(let slot, false, let t) = e {
            locals.append((n, slot, t))
            seen.insert(n)
          }
        }
        sc = cur.parent
      }
      return statement(span) { i in
        var list: [(name: String, type: String, objects: Int, bytes: Int)] = []
        var vars = locals.map { (name: $0.0, type: $0.2, value: i.locals[$0.1]) }
        vars += i.globalVariables.filter { !seen.contains($0.name) }
        for v in vars {
          var words: [Word] = []
          v.value.forEachWord { words.append($0) }
          if words.isEmpty { continue }
          let (objects, bytes) = i.heap.reachable(from: words)
          list.append((v.name, "\(v.type)", objects, bytes))
        }
        i.host?.roots(list)
        return .normal
      }
    case .set(let name, let value):
      return statement(span, try compileSet(name, value, scope, span))
    case .print(let args, _):
      let call = try compilePackageCall("fmt", "Println", args, scope, span).eval
      return statement(span) { i in
        _ = try call(i)
        return .normal
      }
    case .printf(let f, let args):
      let call = try compilePackageCall("fmt", "Printf", [f] + args, scope, span).eval
      return statement(span) { i in
        _ = try call(i)
        return .normal
      }
    case .returnValues, .labeledBranch, .labeled, .gotoStmt, .fallthroughStmt, .switchStmt,
      .selectStmt, .goStmt, .deferStmt, .send:
      throw ScriptError(.unsupported("this statement"), at: span)
    }
  }

  /// An assignment statement, its statement step included.
  func compileAssign(_ lhs: [Expr], _ op: String, _ rhs: [Expr], _ scope: Scope, _ span: Span) throws -> Exec {
    if op != "=" && op != ":=" {
      let binop = String(op.dropLast())
      guard lhs.count == 1, rhs.count == 1 else { throw ScriptError(.typeMismatch("assignment operation \(op) requires single-valued expressions"), at: span) }
      return try compileAssign(lhs, "=", [Expr(.binary(binop, lhs[0], rhs[0]), span)], scope, span)
    }
    guard lhs.count == rhs.count else {
      throw ScriptError(.typeMismatch("assignment mismatch: \(lhs.count) variables but \(rhs.count) values"), at: span)
    }
    var values = try rhs.map { try compileExpr($0, scope) }
    var targets: [LValue?] = []
    var anyNew = false
    for (k, target) in lhs.enumerated() {
      if case .identifier(let name) = target.kind {
        if name == "_" {
          targets.append(nil)
          continue
        }
        let declareHere = op == ":=" ? scope.names[name] == nil : scope.lookup(name) == nil
        if declareHere {
          // `:=`, or gcsh's convenience: `x = e` to an undeclared name declares it here.
          let t = try declaredType(values[k])
          values[k] = try assign(values[k], to: t, "assignment")
          targets.append(try declare(name, t, scope, target.span))
          anyNew = true
          continue
        }
      } else if op == ":=" {
        throw ScriptError(.expected("identifier", after: nil, found: "expression"), at: target.span)
      }
      let lv = try compileLValue(target, scope)
      values[k] = try assign(values[k], to: lv.type, "assignment")
      targets.append(lv)
    }
    if op == ":=" && !anyNew { throw ScriptError(.noNewVariables, at: span) }
    let cost = statementCost
    if targets.count == 1 {
      let ev = values[0].eval
      guard let lv = targets[0] else {
        // `_ = x` with a variable or a constant: reading has no effect, only the step remains.
        if values[0].variableSlot != nil || values[0].constant != nil {
          return { i in try i.step(span, cost) { .normal } }
        }
        return { i in try i.step(span, cost) { _ = try ev(i); return .normal } }
      }
      // A variable is written in place (one closure call fewer per assignment): an integer
      // unboxed, `p = new(T)` allocated straight into it (two fewer).
      if let (slot, global) = lv.variableSlot {
        if lv.type.isInteger, values[0].evalInt != nil || values[0].constant != nil {
          let f = intEval(values[0])
          return { i in
            try i.step(span, cost) {
              i.setInt(slot: slot, global: global, try f(i))
              return .normal
            }
          }
        }
        if let t = values[0].allocates {
          return { i in
            try i.step(span, cost) {
              i.setValue(slot: slot, global: global, .pointer(try i.heap.allocate(t)))
              return .normal
            }
          }
        }
        return { i in
          try i.step(span, cost) {
            i.setValue(slot: slot, global: global, try ev(i))
            return .normal
          }
        }
      }
      let store = lv.store
      return { i in
        try i.step(span, cost) {
          try store(i, try ev(i))
          return .normal
        }
      }
    }
    let evals = values.map { Evaluator(run: $0.eval) }
    return { i in
      try i.step(span, cost) {
        let vs = try evals.map { try $0.run(i) }
        for (lv, v) in zip(targets, vs) { try lv?.store(i, v) }
        return .normal
      }
    }
  }

  func compileSet(_ name: String, _ value: Expr, _ scope: Scope, _ span: Span) throws -> Exec {
    let c = try compileExpr(value, scope)
    switch name.uppercased() {
    case "GOGC":
      if case .string(let s)? = c.constant, s == "off" {
        return { i in _ = try i.heap.setGCPercent(-1); return .normal }
      }
      let v = try assign(c, to: .int, "set GOGC").eval
      return { i in _ = try i.heap.setGCPercent(Int(try v(i).asInt)); return .normal }
    case "GOMEMLIMIT":
      try requireFeature(.memoryLimit, span)
      if case .string(let s)? = c.constant {
        guard s == "off" || parseSize(s) != nil else {
          throw ScriptError(.invalidSetting("invalid GOMEMLIMIT value \"\(s)\" (use a size such as 200MiB, or off)"), at: value.span)
        }
        let n = s == "off" ? Int.max : parseSize(s)!
        return { i in _ = try i.heap.setMemoryLimit(n); return .normal }
      }
      let v = try assign(c, to: .int, "set GOMEMLIMIT").eval
      return { i in _ = try i.heap.setMemoryLimit(Int(try v(i).asInt)); return .normal }
    default:
      throw ScriptError(.invalidSetting("unknown setting \(name) (set GOGC=N|off or GOMEMLIMIT=SIZE|off)"), at: span)
    }
  }
}
