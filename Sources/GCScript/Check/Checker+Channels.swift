// Checking goroutines, channels and the sync package's types (types2 stmt.go's
// OGO, OSEND and range cases, expr.go's ORECV, builtins.go's _Close and _Make).
//
//   - `go f(args)`: the call is checked as a call statement; the arguments (and a function
//     value's callee) are evaluated at the statement into variables, as for `defer`
//     (typecheck's normalizeGoDeferCall wraps the call in a closure that captures them); the
//     new goroutine runs the call.
//   - `make(chan T[, n])`, `ch <- v`, `<-ch`, `v, ok := <-ch`, `close(ch)`, `len`/`cap` of a
//     channel and `for v := range ch` are builtins over the channel: walk/range.go makes the
//     range loop `for { v, ok := <-ch; if !ok { break }; body }`, and so does gcsh.
//   - sync.WaitGroup, sync.Mutex, sync.RWMutex and sync.Once are struct types laid out as Go's sync
//     package lays them out; their methods are calls of the runtime with the receiver's
//     address. Every one of them leaks its receiver (the semaphore functions sync calls are
//     bodiless, so escape analysis assumes their pointer escapes): `var wg sync.WaitGroup;
//     wg.Wait()` moves wg to the heap (`-m`: `moved to heap: wg`, recorded with Go 1.27.3 and
//     1.19.8 for each method).

import GoHeap

/// sync's types as Go lays them out on amd64 (sync/waitgroup.go, sync/mutex.go, sync/rwmutex.go
/// of Go 1.19 and 1.27; the fields are unexported: a program cannot name them).
enum SyncTypes {
  /// `sync.WaitGroup`: a 64-bit state (counter in the high half, waiters in the low half) and
  /// a semaphore word — 16 bytes in both versions (Go 1.19's state1 uint64 + state2 uint32).
  static let waitGroup = GoType.structure([("state", .uint64), ("sema", .uint32)], name: "sync.WaitGroup")
  /// `sync.Mutex`: state int32 (bit 0: locked) and sema uint32.
  static let mutex = GoType.structure([("state", .int32), ("sema", .uint32)], name: "sync.Mutex")
  /// `sync.RWMutex` (rwmutex.go): the writers' Mutex, the writer's and the readers' semaphores,
  /// the count of pending readers (less rwmutexMaxReaders while a writer waits or holds it)
  /// and of departing readers a writer waits for — 24 bytes in both versions.
  static let rwMutex = GoType.structure(
    [("w", mutex), ("writerSem", .uint32), ("readerSem", .uint32), ("readerCount", .int32), ("readerWait", .int32)],
    name: "sync.RWMutex")
  /// `sync.Once` (once.go): done uint32 and the Mutex Do's slow path holds — 12 bytes.
  static let once = GoType.structure([("done", .uint32), ("m", mutex)], name: "sync.Once")
  /// `sync.Pool` (pool.go, the same in Go 1.13 to 1.27): the per-P `[P]poolLocal` array and its
  /// length, the victim cache (the array the last GC took away) and its length, and the
  /// exported `New` — 40 bytes (noCopy has none). Run/VM+SyncPool.swift runs its methods.
  static let pool = GoType.structure(
    [
      ("local", .pointer(to: .uint8)), ("localSize", .uintptr), ("victim", .pointer(to: .uint8)),
      ("victimSize", .uintptr), ("New", .function(params: [], results: [.any], variadic: false)),
    ], name: "sync.Pool")

  /// The runtime call a method of a sync type is.
  static func method(of t: GoType, _ name: String) -> Builtin? {
    let base = t.pointee ?? t
    if base === waitGroup {
      switch name {
      case "Add": return .syncWaitGroupAdd
      case "Done": return .syncWaitGroupDone
      case "Wait": return .syncWaitGroupWait
      default: return nil
      }
    }
    if base === mutex {
      switch name {
      case "Lock": return .syncMutexLock
      case "Unlock": return .syncMutexUnlock
      case "TryLock": return .syncMutexTryLock
      default: return nil
      }
    }
    if base === rwMutex {
      switch name {
      case "Lock": return .syncRWMutexLock
      case "Unlock": return .syncRWMutexUnlock
      case "RLock": return .syncRWMutexRLock
      case "RUnlock": return .syncRWMutexRUnlock
      case "TryLock": return .syncRWMutexTryLock
      case "TryRLock": return .syncRWMutexTryRLock
      default: return nil
      }
    }
    if base === once, name == "Do" { return .syncOnceDo }
    if base === pool, name == "Get" { return .syncPoolGet }
    if base === pool, name == "Put" { return .syncPoolPut }
    return nil
  }
}

extension Checker {
  // MARK: Types and make

  /// `make(chan T[, n])` (builtins.go _Make): the buffer size is a non-negative integer.
  func makeChan(_ t: GoType, _ args: [Expr], _ first: Expr, _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    guard args.count <= 2 else {
      throw fail(.typeError("invalid operation: \(syntaxText(span)) expects 1 or 2 arguments; found \(args.count)"), at: span)
    }
    var size = TypedExpr(.constant(.int(0)), .int, span)
    if args.count == 2 { size = try integerOperand(try expression(args[1], scope), "buffer size") }
    return TypedExpr(.builtin(.makeChan, [size], spread: false), t, span)
  }

  // MARK: Communication

  /// `<-ch` (expr.go unary ORECV).
  func receive(_ x: Expr, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    let ch = try expression(x, scope)
    guard let (elem, dir) = ch.type.chanInfo, ch.untyped == nil else {
      throw fail(.typeError("invalid operation: cannot receive from non-channel \(ch.goText) (\(describe(ch)))"), at: x.span)
    }
    if dir == .send {
      throw fail(.typeError("invalid operation: cannot receive from send-only channel \(ch.goText) (\(describe(ch)))"), at: x.span)
    }
    var op = value(TypedExpr(.builtin(.chanRecv, [ch.expr], spread: false), elem, span))
    op.isCallResult = true
    return op
  }

  /// `ch <- v` (stmt.go OSEND).
  func send(_ c: Expr, _ v: Expr, _ scope: LexicalScope, _ span: Span) throws -> TypedStmt {
    let ch = try expression(c, scope)
    guard let (elem, dir) = ch.type.chanInfo, ch.untyped == nil else {
      throw fail(.typeError("invalid operation: cannot send to non-channel \(ch.goText) (\(describe(ch)))"), at: c.span)
    }
    if dir == .receive {
      throw fail(.typeError("invalid operation: cannot send to receive-only channel \(ch.goText) (\(describe(ch)))"), at: c.span)
    }
    let value = try assign(try expression(v, scope), to: elem, "send")
    return TypedStmt(.expression(TypedExpr(.builtin(.chanSend, [ch.expr, value], spread: false), noValueType, span)), span)
  }

  /// `v, ok = <-ch` / `v, ok := <-ch` / `var v, ok = <-ch` (OAS2RECV): the element or the zero
  /// value, and whether it was sent (false once the channel is closed and drained). Nil when
  /// the right side is not a receive.
  func commaOkReceive(_ lhs: [Expr], _ rhs: Expr, define: Bool, _ scope: LexicalScope, _ span: Span) throws -> TypedStmt? {
    var inner = rhs
    while case .paren(let x) = inner.kind { inner = x }
    guard lhs.count == 2, case .unary("<-", let x) = inner.kind else { return nil }
    let op = try receive(x, scope, inner.span)
    guard case .builtin(.chanRecv, let args, _) = op.expr.kind else { return nil }
    let (targets, declared) = try commaOkTargets(lhs, rhs, op.type, define: define, scope)
    let call = TypedExpr(.builtin(.chanRecv2, args, spread: false), tupleType([op.type, .bool]), inner.span)
    let stmt = TypedStmt(.assignCall(targets, call), span)
    stmt.declares = declared
    return stmt
  }

  /// `close(ch)` (builtins.go _Close).
  func closeCall(_ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    try arity("close", args, 1, span)
    let ch = try expression(args[0], scope)
    guard let (_, dir) = ch.type.chanInfo, ch.untyped == nil else {
      throw fail(.typeError("invalid operation: cannot close non-channel \(ch.goText) (\(describe(ch)))"), at: args[0].span)
    }
    if dir == .receive {
      throw fail(.typeError("invalid operation: cannot close receive-only channel \(ch.goText) (\(describe(ch)))"), at: args[0].span)
    }
    return TypedExpr(.builtin(.close, [ch.expr], spread: false), noValueType, span)
  }

  /// `for v := range ch { body }` as walk/range.go's walkRange makes it for a channel:
  /// `hv := ch; for { v, ok := <-hv; if !ok { break }; body }`. Since Go 1.22 v is declared in
  /// each iteration; before, once, outside the loop (a closure made in the body shares it).
  func rangeOverChannel(
    _ key: Expr?, _ value: Expr?, _ define: Bool, _ operand: Operand, _ elem: GoType, _ body: [Stmt],
    _ scope: LexicalScope, _ span: Span, label: String?
  ) throws -> TypedStmt {
    if let value {
      throw fail(.typeError("range over \(operand.goText) permits only one iteration variable"), at: value.span)
    }
    let outer = LexicalScope(parent: scope, function: function)
    let perIteration = profile.version >= GoVersion(1, 22)
    let iteration = LexicalScope(parent: outer, function: function)
    var prologue: [TypedStmt] = []
    // The channel, evaluated once.
    let hv = temporary(operand.type, operand.expr.span)
    let hvAssign = TypedStmt(.assign([.place(TypedExpr(.variable(hv), hv.type, span))], [operand.expr]), span)
    hvAssign.declares = [hv]
    hvAssign.declaresWithoutODCL = true
    prologue.append(hvAssign)
    // Where each element goes.
    var target: AssignTarget = .discard
    var declared: [Variable] = []
    if let key, !isBlank(key) {
      if define {
        guard case .identifier(let n) = key.kind else {
          throw fail(.typeError("non-name \(syntaxText(key.span)) on left side of :="), at: key.span)
        }
        let v = try declare(n, elem, key.span, perIteration ? iteration : outer)
        target = .place(TypedExpr(.variable(v), elem, key.span))
        if perIteration { declared.append(v) } else {
          let z = TypedStmt(.zero([v]), key.span)
          z.declares = [v]
          prologue.append(z)
        }
      } else {
        let place = try assignablePlace(key, scope, plain: true)
        guard elem.assignable(to: place.type) else {
          throw fail(.typeError("cannot use \(syntaxText(key.span)) (value of type \(elem)) as \(place.type) value in range"), at: key.span)
        }
        target = .place(place)
      }
    }
    let ok = temporary(.bool, span)
    let loopTarget = LoopTarget(label: label)
    let recv = TypedExpr(
      .builtin(.chanRecv2, [TypedExpr(.variable(hv), hv.type, operand.expr.span)], spread: false),
      tupleType([elem, .bool]), operand.expr.span)
    let receiveStmt = TypedStmt(.assignCall([target, .place(TypedExpr(.variable(ok), .bool, span))], recv), span)
    receiveStmt.declares = declared + [ok]
    let notOk = TypedExpr(.unary("!", TypedExpr(.variable(ok), .bool, span)), .bool, span)
    let exit = TypedStmt(.ifStmt(nil, notOk, [TypedStmt(.breakStmt(loopTarget), span)], nil), span)
    loops.append(loopTarget)
    defer { loops.removeLast() }
    let b = block(body, LexicalScope(parent: iteration, function: function))
    let loop = TypedStmt(.loop(loopTarget, nil, nil, nil, [receiveStmt, exit] + b), span)
    return TypedStmt(.block(prologue + [loop]), span)
  }

  private func isBlank(_ e: Expr) -> Bool {
    if case .identifier("_") = e.kind { return true }
    return false
  }

  /// A compiler temporary of the running function (`.autotmp_N`).
  func temporary(_ t: GoType, _ span: Span) -> Variable {
    let v = Variable(name: ".autotmp_\(function.locals.count)", type: t, span: span, storage: .local, function: function)
    function.locals.append(v)
    return v
  }

  // MARK: sync

  /// The receiver of a pointer method of a library type (`b` names it): x itself when it is a
  /// pointer, else &x (which must be addressable).
  func libraryMethodReceiver(_ b: Builtin, _ x: Operand, callee: Span) throws -> TypedExpr {
    if x.type.isPointer { return x.expr }
    let name = String(b.rawValue.split(separator: ".").last ?? "")
    let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
    return try pointerReceiver(x, method: name, on: "\(x.type)", pointee: x.type, at: at)
  }

  /// `wg.Add(n)`, `mu.Lock()`, ...: the receiver's address and the arguments to the runtime.
  func syncMethodCall(
    _ b: Builtin, _ x: Operand, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand {
    var typed = [try libraryMethodReceiver(b, x, callee: callee)]
    switch b {
    case .syncWaitGroupAdd:
      try arity(b.rawValue, args, 1, span)
      typed.append(try assign(try expression(args[0], scope), to: .int, "argument to \(b.rawValue)"))
    case .syncOnceDo:
      try arity(b.rawValue, args, 1, span)
      let f = GoType.function(params: [], results: [], variadic: false)
      typed.append(try assign(try expression(args[0], scope), to: f, "argument to \(b.rawValue)"))
    case .syncPoolPut:
      // Put(x any): x is converted to an interface at the call (boxed unless pointer-shaped).
      try arity(b.rawValue, args, 1, span)
      typed.append(try assign(try expression(args[0], scope), to: .any, "argument to \(b.rawValue)"))
    default:
      try arity(b.rawValue, args, 0, span)
    }
    let returnsBool: Set<Builtin> = [.syncMutexTryLock, .syncRWMutexTryLock, .syncRWMutexTryRLock]
    let result: GoType = returnsBool.contains(b) ? .bool : b == .syncPoolGet ? .any : noValueType
    var op = value(TypedExpr(.builtin(b, typed, spread: false), result, span))
    op.isCallResult = true
    return op
  }

  // MARK: go

  /// `go f(args)` (stmt.go OGO): like `defer`, the callee and the arguments are evaluated at the
  /// statement; the new goroutine makes the call.
  func goStatement(_ e: Expr, _ scope: LexicalScope, _ span: Span) throws -> TypedStmt {
    if case .paren = e.kind {
      throw fail(.typeError("expression in go must not be parenthesized"), at: e.span)
    }
    guard case .call = e.kind else {
      throw fail(.typeError("expression in go must be function call"), at: e.span)
    }
    let (setup, temps, call) = try wrappedCall(e, scope, statement: "go")
    let d = DeferredCall(index: function.goStatements.count, temps: temps, setup: setup, call: call, span: span)
    function.goStatements.append(d)
    return TypedStmt(.goStmt(d), span)
  }
}

// MARK: select

extension Checker {
  /// `select { case ...: ... default: ... }` (types2 stmt.go OSELECT; walk/select.go walkSelect).
  /// Every case's channel — and a send's value — is evaluated once, in source order, on entry;
  /// then one runtime call (selectgo) picks a case that can proceed, or the default, or parks the
  /// goroutine on every channel until one can. The call's results are the chosen case's index
  /// (-1 for default) and each receive's value and ok; a switch on the index runs the clause,
  /// the receive's variables declared in it. `break` ends the select.
  func selectStatement(_ clauses: [CaseClause], _ scope: LexicalScope, _ span: Span, label: String?) throws -> TypedStmt {
    var firstDefault: CaseClause? = nil
    for c in clauses where c.isDefault {
      if let first = firstDefault {
        throw fail(.typeError("multiple defaults in select (first at \(position(first.span.start)))"), at: c.span)
      }
      firstDefault = c
    }
    let inner = LexicalScope(parent: scope, function: function)
    var setup: [TypedStmt] = []
    // The runtime call's operands: whether there is a default, then per case its kind (0
    // receive, 1 send), its channel, a send's value.
    var args: [TypedExpr] = [TypedExpr(.constant(.int(firstDefault == nil ? 0 : 1)), .int, span)]
    var resultTypes: [GoType] = [.int]
    let index = temporary(.int, span)
    var resultTargets: [AssignTarget] = [.place(TypedExpr(.variable(index), .int, span))]
    /// Per clause (not default): how its received value reaches its variables.
    var receives: [(lhs: [Expr], define: Bool, value: Variable, ok: Variable, elem: GoType)?] = []
    func evaluated(_ e: TypedExpr) -> TypedExpr {
      if e.constant != nil || e.type.isUntypedNil { return e }
      let v = temporary(e.type, e.span)
      let a = TypedStmt(.assign([.place(TypedExpr(.variable(v), v.type, e.span))], [e]), e.span)
      a.declares = [v]
      a.declaresWithoutODCL = true
      setup.append(a)
      return TypedExpr(.variable(v), v.type, e.span)
    }
    for c in clauses where !c.isDefault {
      guard let comm = c.communication else { throw fail(.typeError("select case must be receive, send or assign recv"), at: c.span) }
      var receive: (x: Expr, lhs: [Expr], define: Bool)? = nil
      switch comm.kind {
      case .send(let ch, let v):
        guard case .expression(let call) = try send(ch, v, inner, comm.span).kind,
          case .builtin(.chanSend, let operands, _) = call.kind
        else { throw CheckFailure() }
        args += [TypedExpr(.constant(.int(1)), .int, comm.span), evaluated(operands[0]), evaluated(operands[1])]
        receives.append(nil)
        continue
      case .expression(let e):
        var x = e
        while case .paren(let p) = x.kind { x = p }
        if case .unary("<-", let ch) = x.kind { receive = (ch, [], false) }
      case .assign(let lhs, let op, let rhs) where (op == "=" || op == ":=") && rhs.count == 1 && lhs.count <= 2:
        var x = rhs[0]
        while case .paren(let p) = x.kind { x = p }
        if case .unary("<-", let ch) = x.kind { receive = (ch, lhs, op == ":=") }
      default: break
      }
      guard let receive else { throw fail(.typeError("select case must be receive, send or assign recv"), at: comm.span) }
      let op = try self.receive(receive.x, inner, comm.span)
      guard case .builtin(.chanRecv, let operands, _) = op.expr.kind else { throw CheckFailure() }
      args += [TypedExpr(.constant(.int(0)), .int, comm.span), evaluated(operands[0])]
      let value = temporary(op.type, comm.span)
      let ok = temporary(.bool, comm.span)
      resultTypes += [op.type, .bool]
      resultTargets += [.place(TypedExpr(.variable(value), value.type, comm.span)), .place(TypedExpr(.variable(ok), .bool, comm.span))]
      receives.append((receive.lhs, receive.define, value, ok, op.type))
    }
    let call = TypedExpr(.builtin(.select, args, spread: false), tupleType(resultTypes), span)
    let selectCall = TypedStmt(.assignCall(resultTargets, call), span)
    selectCall.declares = resultTargets.compactMap {
      if case .place(let e) = $0, case .variable(let v) = e.kind { return v }
      return nil
    }
    selectCall.declaresWithoutODCL = true
    setup.append(selectCall)

    let target = LoopTarget(isSwitch: true, label: label)
    var typedClauses: [SwitchClause] = []
    var k = 0
    for c in clauses {
      let clauseScope = LexicalScope(parent: inner, function: function)
      var body: [TypedStmt] = []
      var values: [TypedExpr] = []
      if !c.isDefault {
        values = [TypedExpr(.constant(.int(Int128(k))), .int, c.span)]
        if let r = receives[k], !r.lhs.isEmpty {
          let sources = [r.value, r.ok]
          let (targets, declared) = try assignTargets(
            r.lhs, define: r.define, clauseScope, newType: { [r.elem, GoType.bool][$0] },
            existing: { j, place in
              let t = [r.elem, GoType.bool][j]
              guard t.assignable(to: place.type) || (j == 1 && place.type.isBool) else {
                throw fail(.typeError("cannot use received value (value of type \(t)) as \(place.type) value in assignment"), at: place.span)
              }
            })
          let a = TypedStmt(
            .assign(targets, zip(targets, sources).map { TypedExpr(.variable($1), $1.type, c.span) }), c.span)
          a.declares = declared
          body.append(a)
        }
        k += 1
      }
      loops.append(target)
      body += block(c.body, clauseScope)
      loops.removeLast()
      typedClauses.append(SwitchClause(values: values, isDefault: c.isDefault, body: body, span: c.span))
    }
    // The setup and the switch in one block: the call's result variables live through every
    // clause, which reads them (a block of the setup alone, as the switch's init, gave their
    // slots back before the clauses, where a case's own variables reused them).
    let sw = ExpressionSwitch(
      target: target, initStmt: nil, tag: TypedExpr(.variable(index), .int, span), clauses: typedClauses)
    return TypedStmt(.block(setup + [TypedStmt(.switchStmt(sw), span)]), span)
  }
}
