// Compiling loops: `for init; cond; post`, the counting loop it usually is, and `for range`.
//
// A loop runs its parts as captured closures. The counting loop `for i := a; i < n; i++` — an
// integer variable tested against a constant and stepped by `++`/`--` — is the commonest loop
// in Go and the one whose overhead every loop body pays, so it gets a form of its own: the
// test and the step run inside the loop's closure (two closure calls fewer per iteration),
// with the same statement step (clock, held allocations) for the `i++` as anywhere else.

import GoHeap

/// The comparison of a counting loop's test.
enum CountingTest {
  case less, lessEqual, greater, greaterEqual, notEqual

  init?(_ op: String) {
    switch op {
    case "<": self = .less
    case "<=": self = .lessEqual
    case ">": self = .greater
    case ">=": self = .greaterEqual
    case "!=": self = .notEqual
    default: return nil
    }
  }

  @inline(__always) func holds(_ x: Int64, _ bound: Int64) -> Bool {
    switch self {
    case .less: return x < bound
    case .lessEqual: return x <= bound
    case .greater: return x > bound
    case .greaterEqual: return x >= bound
    case .notEqual: return x != bound
    }
  }
}

extension Interpreter {
  /// ForStmt = "for" [ [SimpleStmt] ";" [Expression] ";" [SimpleStmt] | Expression ] Block .
  func compileFor(_ initStmt: Stmt?, _ cond: Expr?, _ post: Stmt?, _ body: [Stmt], _ scope: Scope, _ span: Span) throws -> Exec {
    let inner = Scope(parent: scope, function: scope.function)
    // Missing parts become no-ops rather than optionals: the loop calls plain captured
    // closures (an optional closure is thunked and retained on every call).
    let ie = try compileStatement(initStmt, inner)
    var ce: (Interpreter) throws -> Bool = { _ in true }
    if let cond { ce = boolEval(try assign(try compileExpr(cond, inner), to: .bool, "for condition")) }
    let pe = try compileStatement(post, inner)
    let be = try compileBlock(body, inner)
    if let counting = try countingLoop(cond, post, inner, ie, be, span) {
      return statement(span, blockRunner(counting, inner))
    }
    let loop: Exec = { i in
      _ = try ie(i)
      while true {
        if Interrupt.requested { try i.checkInterrupt(span) }
        if !(try ce(i)) { break }
        let f = try be(i)
        if f == .breakLoop { break }
        if f == .returned { return .returned }
        _ = try pe(i)
      }
      return .normal
    }
    return statement(span, blockRunner(loop, inner))
  }

  /// `for init; i OP bound; i++` (or `i--`) where `i` is a signed integer variable and `bound`
  /// a constant: the loop with its test and step inline; nil for any other shape. The parts
  /// were compiled (and type-checked) the general way first.
  private func countingLoop(
    _ cond: Expr?, _ post: Stmt?, _ inner: Scope, _ ie: @escaping Exec, _ be: @escaping Exec, _ span: Span
  ) throws -> Exec? {
    guard let cond, let post, case .binary(let op, let lhs, let rhs) = cond.kind,
      let test = CountingTest(op), case .identifier(let name) = lhs.kind,
      case .incDec(let target, let inc) = post.kind, case .identifier(let stepped) = target.kind,
      stepped == name, case .variable(let slot, let global, let t)? = inner.lookup(name),
      t.isInteger, !t.isUnsigned, let k = try compileExpr(rhs, inner).constant, case .int(let bound) = k
    else { return nil }
    let d: Int64 = inc ? 1 : -1
    let narrow = t.size < 8
    let cost = statementCost
    let postSpan = post.span
    return { i in
      _ = try ie(i)
      while true {
        if Interrupt.requested { try i.checkInterrupt(span) }
        if !test.holds(i.int(slot: slot, global: global), bound) { break }
        let f = try be(i)
        if f == .breakLoop { break }
        if f == .returned { return .returned }
        // The post statement `i++`, a statement of its own (as `.incDec` compiles it).
        _ = try i.step(postSpan, cost) {
          let v = i.int(slot: slot, global: global) &+ d
          i.setInt(slot: slot, global: global, narrow ? wrap(v, t) : v)
          return .normal
        }
      }
      return .normal
    }
  }

  func compileRange(
    _ key: Expr?, _ value: Expr?, _ define: Bool, _ over: Expr, _ body: [Stmt], _ scope: Scope,
    _ span: Span
  ) throws -> Exec {
    let inner = Scope(parent: scope, function: scope.function)
    let o = try compileExpr(over, scope)
    let overEval = o.eval
    func target(_ e: Expr?, _ t: GoType) throws -> LValue? {
      guard let e else { return nil }
      if case .identifier("_") = e.kind { return nil }
      if define {
        guard case .identifier(let n) = e.kind else { throw ScriptError(.expected("identifier", after: nil, found: "expression"), at: e.span) }
        return try declare(n, t, inner, e.span)
      }
      let lv = try compileLValue(e, inner)
      return lv
    }
    guard let ot = o.type else { throw ScriptError(.typeMismatch("cannot range over nil"), at: over.span) }
    /// A key's (or a rune value's) store; a no-op without a variable. (No `??` on closures: an
    /// optional closure is thunked on every call.)
    func intStore(_ lv: LValue?) -> (Interpreter, Int64) throws -> Void {
      guard let lv else { return { _, _ in } }
      return lv.intStorer
    }
    func intTarget(_ e: Expr?, _ t: GoType) throws -> (Interpreter, Int64) throws -> Void {
      intStore(try target(e, t))
    }
    if ot.isInteger {
      let storeKey = try intTarget(key, o.untyped ? .int : ot)
      let be = try compileBlock(body, inner)
      return blockRunner({ i in
        try i.iterate(Int(try overEval(i).asInt), span, be) { try storeKey(i, Int64($0)) }
      }, inner)
    }
    if let elem = ot.sliceElement {
      let k = try target(key, .int)
      let v = try target(value, elem)
      // The clear idiom `for i := range s { s[i] = 0 }` compiles to one memclr of the slice, as
      // Go's compiler does (cmd/compile walk/range.go arrayClear): every page is written at
      // memory speed, not one interpreted step per element. A constant other than zero is the
      // same loop in Go, compiled to a tight store loop: gcsh runs it as one fill too.
      let storeKey = intStore(k)
      if v == nil, let word = try fillIdiomWord(key, over, body, elem, scope) {
        return blockRunner({ i in
          guard case .slice(let s) = try overEval(i), s.len > 0 else { return .normal }
          let bytes = s.offset..<(s.offset + s.len * elem.size)
          if let word {
            try i.heap.fill(s.object!, bytes: bytes, stride: elem.size, word: word)
          } else {
            try i.heap.clear(s.object!, bytes: bytes)
          }
          if !define { try storeKey(i, Int64(s.len - 1)) }
          return .normal
        }, inner)
      }
      let be = try compileBlock(body, inner)
      // The element's store taken out of the optional LValue once (unwrapping it in the loop
      // copied the struct and retained its closures on every iteration).
      guard let storeValue = v?.store else {
        return blockRunner({ i in
          guard case .slice(let s) = try overEval(i) else { return .normal }
          return try i.iterate(s.len, span, be) { j in try storeKey(i, Int64(j)) }
        }, inner)
      }
      return blockRunner({ i in
        guard case .slice(let s) = try overEval(i) else { return .normal }
        return try i.iterate(s.len, span, be) { j in
          try storeKey(i, Int64(j))
          try storeValue(i, i.loadValue(elem, s.object!, s.offset + j * elem.size))
        }
      }, inner)
    }
    if case .array(let elem, let n) = ot.kind {
      let storeKey = try intTarget(key, .int)
      let v = try target(value, elem)
      let be = try compileBlock(body, inner)
      return blockRunner({ i in
        let arr = try overEval(i)
        return try i.iterate(n, span, be) { j in
          try storeKey(i, Int64(j))
          if let v, case .aggregate(let vs) = arr { try v.store(i, vs[j]) }
        }
      }, inner)
    }
    if ot.isString {
      let storeKey = try intTarget(key, .int)
      let storeRune = try intTarget(value, .int32)
      let be = try compileBlock(body, inner)
      return blockRunner({ i in
        guard case .string(let s) = try overEval(i) else { return .normal }
        let runes = Array(s.unicodeScalars)
        var offset = 0
        return try i.iterate(runes.count, span, be) { j in
          try storeKey(i, Int64(offset))
          try storeRune(i, Int64(runes[j].value))
          offset += String(runes[j]).utf8.count
        }
      }, inner)
    }
    throw ScriptError(.typeMismatch("cannot range over \(describe(o)) (value of type \(ot))"), at: over.span)
  }

  /// The body of a range loop, `n` times: `bind` sets the iteration variables for iteration
  /// `j`, then the body runs; Ctrl-C is honoured before each iteration.
  @inline(__always)
  func iterate(_ n: Int, _ span: Span, _ body: Exec, _ bind: (Int) throws -> Void) throws -> Flow {
    var j = 0
    while j < n {
      if Interrupt.requested { try checkInterrupt(span) }
      try bind(j)
      let f = try body(self)
      if f == .breakLoop { break }
      if f == .returned { return .returned }
      j += 1
    }
    return .normal
  }

  /// `for k := range s { s[k] = <constant> }` (also `k, _ :=`): the word every element gets —
  /// nil for the zero value (a memclr); `.none` when the loop is not this idiom.
  private func fillIdiomWord(_ key: Expr?, _ over: Expr, _ body: [Stmt], _ elem: GoType, _ scope: Scope) throws -> Word??
  {
    guard let key, case .identifier(let k) = key.kind, k != "_", body.count == 1,
      case .identifier(let sname) = over.kind,
      case .assign(let lhs, "=", let rhs) = body[0].kind, lhs.count == 1, rhs.count == 1,
      case .index(let base, let idx) = lhs[0].kind,
      case .identifier(let b) = base.kind, b == sname,
      case .identifier(let ik) = idx.kind, ik == k
    else { return .none }
    switch elem.kind {
    case .bool, .int, .uintptr, .float, .string, .pointer, .slice: break
    default: return .none
    }
    guard let c = try? compileExpr(rhs[0], scope), c.constant != nil,
      let typed = try? assign(c, to: elem, "fill"), let v = typed.constant
    else { return .none }
    let word: Word?
    switch v {
    case .int(let x): word = x == 0 ? nil : .scalar(UInt64(bitPattern: wrap(x, elem)))
    case .bool(let x): word = x ? .scalar(1) : nil
    case .float(let f):
      if f == 0 && f.sign == .plus { word = nil } else {
        word = .scalar(elem.size == 4 ? UInt64(Float(f).bitPattern) : f.bitPattern)
      }
    case .string(let str): word = str.isEmpty ? nil : .string(str)
    case .null: word = nil
    default: return .none
    }
    return .some(word)
  }
}
