// Lowering statements, builtins and the runtime statements.

import GoHeap

extension Lowerer {
  /// Lowers a statement. `charged`: it costs a statement's virtual time (not so the statements
  /// the compiler puts before an expression, such as `f(g())`'s `tmp0, tmp1 := g()`).
  func statement(_ s: TypedStmt, charged: Bool = true) {
    if charged { beginStatement(s.span) } else { span = s.span }
    // Only straight-line declarations share a basic block, and with it an aggregated allocation.
    // A `{ }` block is no basic block of its own: a group open before it takes the block's
    // first declarations (a range-over-func loop's `#state1` joins the variable declared just
    // before the loop: runs/rangefuncescape), and ends with it at the latest (its slots go).
    // Where a block is a branch (an else, a clause), its statement ends the group first.
    let straightLine = continuesAggregation(s)
    if case .block = s.kind {} else if !straightLine { endAggregation() }
    defer { if !straightLine { endAggregation() } }
    // The variables it declares belong to the enclosing block: their slots outlive it.
    for v in s.declares { declare(v) }
    let mark = top
    // (A group's declarations are the enclosing block's: their slots stay.)
    defer { if !s.isGroup { release(to: mark) } }
    // Where a slice stops being exclusive (Go 1.26+), its backing store leaves the frame first.
    for m in s.movesToHeap { moveToHeap(m) }
    switch s.kind {
    case .expression(let e):
      if e.type === noValueType || e.type.words == 0 || e.isMultiValue {
        evaluateForEffect(e)
      } else {
        _ = value(e)
      }
    case .assign(let targets, let values):
      // `var x = [N]*int{}`, `x := T{}`: the zero value written as a literal means `var x T`
      // and is lowered as it is (zero). Building the literal would put the whole array in the
      // frame first.
      if let vars = Self.zeroLiteralDeclaration(targets, values, s) {
        zero(vars, s)
      } else {
        assign(targets, values)
      }
    case .assignCall(let targets, let call): assign(targets, resultsOf: call)
    case .deferStmt(let d): deferStatement(d)
    case .goStmt(let d): goStatement(d)
    case .zero(let vars): zero(vars, s)
    case .opAssign(let op, let target, let written):
      if case .mapIndex(let m, let k) = target.kind {
        mapOpAssign(op, m, k, target.type, written, s.span)
        break
      }
      // `x op= f()`, `a[i] op= f()`: the target (its index, its pointer, its value) is read
      // after f ran (order.go: the right side's calls are copied first; EvaluationOrder.swift).
      var rhs = written
      if written.callsSomething, !target.callsSomething {
        let r = allocate(written.type)
        value(written, into: r)
        rhs = TypedExpr(.variable(temporaryVariable(written.type, slot: r)), written.type, written.span)
      }
      let p = place(target)
      let t = target.type
      if case .slots(let slot) = p, case .variable = target.kind {
        // A variable in slots is updated in place (`i++` is one addImm).
        let node = TypedExpr(op == "<<" || op == ">>" ? .shift(op, target, rhs) : .binary(op, target, rhs), t, s.span)
        if t.isString && op == "+" {
          node.site = AllocationSite(kind: .concatenation, span: s.span, type: .uint8, text: "")
        }
        value(node, into: slot)
        break
      }
      let cur = allocate(t)
      load(t, from: p, to: cur)
      opAssign(op, t, cur, rhs, s.span)
      store(t, from: cur, to: p)
    case .mapLookup(let v, let ok, let e): mapLookup(v, ok, e)
    case .block(let stmts):
      for st in stmts { statement(st) }
    case .ifStmt(let initStmt, let cond, let then, let els):
      if let initStmt { statement(initStmt) }
      span = s.span
      let toElse = conditionalBranch(cond, when: false)
      for st in then { statement(st) }
      // Each branch is a basic block of its own: a group the then branch opened ends with it.
      endAggregation()
      if let els {
        let toEnd = emit(Instruction(op: .jump))
        patch(toElse, to: label())
        statement(els)
        patch(toEnd, to: label())
      } else {
        patch(toElse, to: label())
      }
    case .loop(let target, let initStmt, let cond, let post, let body):
      loop(target, initStmt, cond, post, body, s.span)
    case .range(let r): rangeLoop(r, s.span)
    case .returnStmt(let values): returnStatement(values)
    case .inlineReturn(let reference, let values):
      let ic = reference.call
      // `~R0 = x`, then to the end of the inlined body.
      if values.count == 1, let r = ic.result {
        let p = variablePlace(r)
        if case .slots(let slot) = p {
          value(values[0], into: slot, readingItself: TypedExpr(.variable(r), r.type, s.span))
        } else {
          store(r.type, from: value(values[0]), to: p)
        }
      } else if !values.isEmpty {
        // `~R0, ~R1 = x, y`: every value before any store.
        assign(ic.results.map { .place(TypedExpr(.variable($0), $0.type, s.span)) }, values)
      }
      if let k = inlineExits.lastIndex(where: { $0.call === ic }) {
        inlineExits[k].jumps.append(emit(Instruction(op: .jump)))
      }
    case .breakStmt(let target):
      if let k = loops.lastIndex(where: { $0.target === target }) {
        loops[k].breaks.append(emit(Instruction(op: .jump)))
      }
    case .continueStmt(let target):
      if let k = loops.lastIndex(where: { $0.target === target }) {
        loops[k].continues.append(emit(Instruction(op: .jump)))
      }
    case .switchStmt(let sw): switchStatement(sw, s.span)
    case .fallthroughStmt: fallthroughJumps.append(emit(Instruction(op: .jump)))
    case .sleep(let d): runtime(.sleep, [d])
    case .gc: runtime(.gc, [])
    case .free: runtime(.free, [])
    case .stats(let label, let view): runtime(.stats(view: view), label)
    case .expect(let x): runtime(.expect(x), [x.value])
    case .why(let w): runtime(.why(w), [])
    case .roots(let vars): runtime(.roots(vars.map(rootVariable)), [])
    case .explain(let on): runtime(.explain(on), [])
    case .heapMap: runtime(.heapMap, [])
    case .setGCPercent(let v): runtime(.setGCPercent(off: v == nil), v.map { [$0] } ?? [])
    case .setMemoryLimit(let v): runtime(.setMemoryLimit(off: v == nil), v.map { [$0] } ?? [])
    }
    if s.narrated {
      code.narrations.append(narrationText(s.span))
      code.narrationSpans.append(s.span)
      emit(Instruction(op: .narrate, a: Int32(code.narrations.count - 1)))
    }
  }

  /// The first line of a statement, for `explain`.
  func narrationText(_ span: Span) -> String {
    let bytes = code.source.bytes
    let s = min(max(0, span.start), bytes.count)
    let e = min(max(s, span.end), bytes.count)
    let text = String(decoding: bytes[s..<e], as: UTF8.self)
    return text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
  }

  /// Gives a block variable its slots when its declaration is lowered (address-taken ones were
  /// pinned in the prologue).
  func declare(_ v: Variable) {
    if v.storage == .global {
      session.allocateGlobal(v)
      return
    }
    guard slots[ObjectIdentifier(v)] == nil else {
      if v.movedToHeap && v.storage == .local {
        // A variable moved to the heap gets a new object at each declaration (or a part of
        // one it shares with its neighbours: HeapAggregation.swift).
        if !aggregate(v, into: slots[ObjectIdentifier(v)]!) {
          newObject(v.type, into: slots[ObjectIdentifier(v)]!, site: v.site)
        }
      } else if v.addressTaken && v.storage == .local {
        emit(Instruction(op: .zero, a: Int32(slots[ObjectIdentifier(v)]!), b: operand(v.type.words, of: v.type)))
      }
      return
    }
    slots[ObjectIdentifier(v)] = allocate(v.type)
  }

  /// `s = move2heap(s)` (slice.go, ssa.go move2heap): the variable the pass tracked is never
  /// address-taken, so it is in slots.
  func moveToHeap(_ m: MoveToHeap) {
    guard case .slots(let slot) = variablePlace(m.variable), let elem = m.variable.type.sliceElement else {
      preconditionFailure("move2heap of \(m.variable.name), which is not in the frame's slots")
    }
    code.movesToHeap.append(MoveToHeapDesc(elem: elem, preserveCapacity: m.preserveCapacity))
    emit(Instruction(op: .moveToHeap, a: Int32(slot), b: Int32(code.movesToHeap.count - 1)))
  }

  /// An expression statement without a value (or whose values are dropped): its effects only.
  func evaluateForEffect(_ e: TypedExpr) {
    switch e.kind {
    case .call(let f, let args): call(f, args, resultInto: nil)
    case .callValue(let f, let args): callValue(f, args, resultInto: nil)
    case .builtin(let b, let args, let spread): builtin(b, args, spread: spread, e, into: nil)
    case .inlinedCall(let ic): inlinedCall(ic, into: nil)
    case .initialized(let stmts, let x):
      for st in stmts { statement(st, charged: false) }
      evaluateForEffect(x)
    default: _ = value(e)
    }
  }

  /// `return a, b`: the values, all evaluated first, in consecutive slots that `ret` copies to
  /// the frame's first slots (one value already in a slot is copied from there). A bare return
  /// returns the named results where they are: those moved to the heap are copied back into
  /// their slots first (as the compiler copies a heap result out at exit).
  func returnStatement(_ values: [TypedExpr]) {
    if values.isEmpty {
      for (r, slot) in zip(function.results, resultSlots) where r.movedToHeap {
        load(r.type, from: variablePlace(r), to: slot)
      }
      returnResults(at: 0)
      return
    }
    withTemporaries {
      if values.count == 1 {
        returnResults(at: value(values[0]))
        return
      }
      let first = top
      let slots = values.map { allocate($0.type) }
      for k in goOrder(values) { withTemporaries { value(values[k], into: slots[k]) } }
      returnResults(at: first)
    }
  }

  /// Returns the results held from `slot` on (0: already in the frame's first slots). With
  /// deferred calls they go to the first slots now and the exit runs the calls (Go sets the
  /// results before deferred calls run: a deferred call sees them).
  private func returnResults(at slot: Int) {
    guard deferBits != nil else {
      emit(Instruction(op: .ret, a: Int32(slot), b: Int32(code.resultWords)))
      return
    }
    if slot != 0 && code.resultWords > 0 {
      emit(Instruction(op: .moveWords, a: 0, b: Int32(slot), c: Int32(code.resultWords)))
    }
    deferExitJumps.append(emit(Instruction(op: .jump)))
  }

  /// `a, b = f()`: the targets' places first, then the call, then each result stored to its
  /// target (an OAS2FUNC).
  func assign(_ targets: [AssignTarget], resultsOf call: TypedExpr) {
    var places: [(Place, GoType)?] = []
    for t in targets {
      if case .place(let e) = t { places.append((place(e), e.type)) } else { places.append(nil) }
    }
    withResults(of: call) { slots in
      for (p, slot) in zip(places, slots) {
        guard let (place, t) = p else { continue }
        store(t, from: slot, to: place)
      }
    }
  }

  /// Evaluates a call with several results and runs `use` with the slot of each result, while
  /// they are still held: a call's window, an inlined call's result variables.
  func withResults(of e: TypedExpr, _ use: ([Int]) -> Void) {
    switch e.kind {
    case .call(let f, let args): call(f, args, results: use)
    case .callValue(let f, let args): callValue(f, args, results: use)
    case .inlinedCall(let ic): inlinedCall(ic, results: use)
    case .typeAssert(_, _, .commaOk): commaOkAssertion(e, use)
    // A receive's operand and a select's cases are evaluated before their slots are laid out.
    case .builtin(.chanRecv2, let args, _): receiveWithOk(args[0], use)
    case .builtin(.select, let args, _): selectCall(args, use)
    case .builtin(let b, let args, let spread) where e.isMultiValue:
      // A package function with several results (strconv.Atoi): consecutive slots.
      withTemporaries {
        let types = e.resultTypes
        let dst = allocate(pointers: types.flatMap(pointerWords))
        builtin(b, args, spread: spread, e, into: dst)
        var at = dst
        use(types.map { t in defer { at += t.words }; return at })
      }
    case .initialized(let stmts, let x):
      for st in stmts { statement(st, charged: false) }
      withResults(of: x, use)
    default: withTemporaries { use([value(e)]) }
    }
  }

  /// `a, b = x, y`: every right side is evaluated (into its own slots) before any store, as Go
  /// specifies; a single assignment evaluates straight into its place when that is slots.
  func assign(_ targets: [AssignTarget], _ values: [TypedExpr]) {
    if targets.count == 1, case .place(let target) = targets[0], !isMapIndex(targets[0]) {
      let v = values[0]
      // `a[i] = f()`, `p.x = f()`: the target's index and pointer are read after the value's
      // calls ran (EvaluationOrder.swift).
      if v.callsSomething, !target.callsSomething, !isMemoryOperand(v), case .index = target.kind {
        withTemporaries { store(target.type, from: value(v), to: place(target)) }
        return
      }
      if v.callsSomething, !target.callsSomething, !isMemoryOperand(v), case .field(let x, _) = target.kind, x.isDereference {
        withTemporaries { store(target.type, from: value(v), to: place(target)) }
        return
      }
      // `s[i] = x` with a scalar element: one instruction.
      if case .index(let base, let i) = target.kind, base.type.isSlice, let op = Self.storeElementOp(target.type) {
        let s = value(base)
        let ix = value(i)
        let x = value(v)
        emit(Instruction(op: op, a: Int32(x), b: Int32(s), c: Int32(ix)))
        return
      }
      let p = place(target)
      if case .slots(let slot) = p {
        value(v, into: slot, readingItself: target)
      } else if !isScalar(target.type), target.type.size > 0, isMemoryOperand(v) {
        // An aggregate from memory to memory: one memmove, never through the frame.
        let dst = addressSlot(p)
        let src = addressSlot(place(v))
        memmove(to: dst, from: src, bytes: target.type.size)
      } else {
        store(target.type, from: value(v), to: p)
      }
      return
    }
    assignInTwoPhases(targets, values)
  }

  /// Several targets, or a map element: the spec's two phases — the places first (their index
  /// expressions, and a map element's map and key, evaluated left to right), then the values
  /// into fresh slots, then the stores in order (a map element's through mapassign).
  func assignInTwoPhases(_ targets: [AssignTarget], _ values: [TypedExpr]) {
    // `m[k] = f()`: a key of a fast map (a 4- or 8-byte integer, a pointer, a string: passed by
    // value to mapassign_fast*) is read after f ran; any other is copied first (order.go
    // mapKeyTemp, EvaluationOrder.swift).
    if targets.count == 1, values.count == 1, values[0].callsSomething, case .place(let e) = targets[0],
      case .mapIndex(let m, let k) = e.kind, !m.callsSomething, !k.callsSomething,
      let elem = m.type.mapTypes?.elem, Self.isFastMapKey(k.type, element: elem)
    {
      let v = allocate(values[0].type)
      value(values[0], into: v)
      let ms = allocate(m.type)
      value(m, into: ms)
      let ks = allocate(k.type)
      value(k, into: ks)
      storeEntry(m.type, map: ms, key: ks, from: v)
      return
    }
    enum Target { case none, place(Place, GoType), entry(GoType, Int, Int) }
    var places: [Target] = []
    for t in targets {
      guard case .place(let e) = t else {
        places.append(.none)
        continue
      }
      if case .mapIndex(let m, let k) = e.kind {
        let ms = allocate(m.type)
        value(m, into: ms)
        let ks = allocate(k.type)
        value(k, into: ks)
        places.append(.entry(m.type, ms, ks))
      } else {
        places.append(.place(place(e), e.type))
      }
    }
    // The values in Go's order (EvaluationOrder.swift), each into its own slot.
    let temps = values.map { allocate($0.type) }
    for k in goOrder(values) { value(values[k], into: temps[k]) }
    for (p, slot) in zip(places, temps) {
      switch p {
      case .none: break
      case .place(let place, let t): store(t, from: slot, to: place)
      case .entry(let t, let ms, let ks): storeEntry(t, map: ms, key: ks, from: slot)
      }
    }
  }

  /// Evaluates `e` into the slots of the variable `target` stores to (or a part of it). A value
  /// that reads that variable is evaluated into a temporary first: a composite literal or an
  /// allocation writes its destination before its elements are evaluated, and the elements
  /// must see the old value (`head = &node{i, head}`, `p = Point{p.y, p.x}`).
  func value(_ e: TypedExpr, into slot: Int, readingItself target: TypedExpr) {
    guard let v = rootVariable(of: target), mentions(e, v) else {
      value(e, into: slot)
      return
    }
    withTemporaries {
      let tmp = allocate(e.type)
      value(e, into: tmp)
      move(e.type, from: tmp, to: slot)
    }
  }

  /// The variable a place expression is part of (a field or array element of it), if any.
  func rootVariable(of e: TypedExpr) -> Variable? {
    switch e.kind {
    case .variable(let v): return v
    case .field(let base, _) where !base.isDereference: return rootVariable(of: base)
    case .index(let base, _) where base.type.isArray: return rootVariable(of: base)
    default: return nil
    }
  }

  /// Whether evaluating `e` reads variable `v`.
  func mentions(_ e: TypedExpr, _ v: Variable) -> Bool {
    if case .variable(let x) = e.kind { return x === v }
    var found = false
    e.forEachChild { if !found && mentions($0, v) { found = true } }
    return found
  }

  /// Whether an expression's value is in memory (a dereference, or a field or element of one),
  /// so an aggregate can be copied from it directly.
  func isMemoryOperand(_ e: TypedExpr) -> Bool {
    switch e.kind {
    case .deref: return true
    case .field(let base, _): return isMemoryOperand(base)
    case .index(let base, _): return base.type.isSlice || isMemoryOperand(base)
    case .variable(let v): return v.movedToHeap || (v.storage == .global && v.addressTaken)
    default: return false
    }
  }

  /// `x op= y` on the current value in `cur`: the operator lowered with the slot as its left
  /// operand.
  func opAssign(_ op: String, _ t: GoType, _ cur: Int, _ rhs: TypedExpr, _ at: Span) {
    let curExpr = TypedExpr(.variable(temporaryVariable(t, slot: cur)), t, at)
    let node: TypedExpr
    if op == "<<" || op == ">>" {
      node = TypedExpr(.shift(op, curExpr, rhs), t, at)
    } else {
      node = TypedExpr(.binary(op, curExpr, rhs), t, at)
      if t.isString && op == "+" {
        node.site = AllocationSite(kind: .concatenation, span: at, type: .uint8, text: "")
      }
    }
    value(node, into: cur)
  }

  /// A variable standing for a temporary slot (for `x op= y`).
  func temporaryVariable(_ t: GoType, slot: Int) -> Variable {
    let v = Variable(name: "~tmp", type: t, span: span, storage: .local, function: function)
    slots[ObjectIdentifier(v)] = slot
    temporaries.append(v)
    return v
  }

  func rootVariable(_ v: Variable) -> RootVariable {
    if v.storage == .global {
      session.allocateGlobal(v)
      return RootVariable(name: v.name, type: v.type, location: .global(v.globalSlot!))
    }
    let slot = slots[ObjectIdentifier(v)] ?? 0
    return RootVariable(name: v.name, type: v.type, location: v.movedToHeap ? .heap(slot) : .slots(slot))
  }

  // MARK: Builtins

  /// A builtin or package function: its operands evaluated into slots, then one instruction.
  func builtin(_ b: Builtin, _ args: [TypedExpr], spread: Bool, _ e: TypedExpr, into dst: Int?) {
    withTemporaries {
      if mapBuiltin(b, args, into: dst) { return }
      switch b {
      case .len, .cap:
        let x = args[0]
        // A channel's length and capacity are in its hchan: the runtime reads them.
        if x.type.isChan { break }
        let s = value(x)
        let word = x.type.isString ? 1 : (b == .len ? 1 : 2)
        if let dst { emit(Instruction(op: .move, a: Int32(dst), b: Int32(s + word))) }
        return
      case .append:
        let out = dst ?? allocate(e.type)
        // The slice and the values in Go's order (EvaluationOrder.swift): `append(s, n, k())`
        // reads s and n after k ran.
        var base = 0
        var values: [Int] = []
        var spreadSlot: Int? = nil
        if spread {
          let (b, s) = inGoOrder(args[0], args[1]) { value($0) }
          (base, spreadSlot) = (b, s)
        } else {
          values = args.dropFirst().map { allocate($0.type) }
          for k in goOrder(args) {
            if k == 0 { base = value(args[0]) } else { value(args[k], into: values[k - 1]) }
          }
        }
        let site = e.site ?? AllocationSite(kind: .append, span: e.span, type: e.type.sliceElement!, text: "append")
        code.appends.append(AppendDesc(
          elem: e.type.sliceElement!, values: values, spread: spreadSlot,
          spreadIsString: spread && args[1].type.isString, site: site,
          buffer: appendBuffers[ObjectIdentifier(site)] ?? .none))
        emit(Instruction(op: .append, a: Int32(out), b: Int32(base), c: Int32(code.appends.count - 1)))
        return
      case .copy:
        let d = value(args[0])
        let s = value(args[1])
        let out = dst ?? allocate(.int)
        let size = args[0].type.sliceElement!.size
        let elem = args[0].type.sliceElement!
        emit(Instruction(op: .copy, a: Int32(out), b: Int32(d), c: Int32(s), d: operand(args[1].type.isString ? -size : size, of: elem)))
        return
      case .clear:
        let s = value(args[0])
        let elem = args[0].type.sliceElement!
        emit(Instruction(op: .clear, a: Int32(s), b: operand(elem.size, of: elem)))
        return
      case .errorsNew:
        if let site = e.site { newError(args[0], site, into: dst ?? allocate(e.type)) }
        return
      case .randNew, .randNewSource:
        // Inlined in Go: the operand, then the Rand (or the rngSource) where escape analysis
        // placed it, which the runtime call fills (Run/VM+Rand.swift).
        guard let site = e.site else { break }
        let out = dst ?? allocate(e.type)
        withTemporaries {
          let operand = allocate(args[0].type)
          value(args[0], into: operand)
          let object = b == .randNew ? RandPackage.rand : RandPackage.rngSource
          let p = allocate(.pointer(to: object))
          allocation(.object, object, site, into: p)
          var desc = BuiltinDesc(kind: .call(b), args: [(p, .pointer(to: object)), (operand, args[0].type)], result: out)
          desc.resultWords = e.type.words
          code.builtins.append(desc)
          emit(Instruction(op: .builtin, a: Int32(code.builtins.count - 1)))
        }
        return
      case .fmtErrorf where args.count == 1 && e.site != nil && !e.isSpread:
        // Go 1.26+ inlines Errorf: a constant format with no `%` is errors.New(format), whose
        // errorString escape analysis placed (Check/Checker+Calls.swift).
        if case .string(let format)? = args[0].constant, !format.contains("%"), let site = e.site {
          newError(args[0], site, into: dst ?? allocate(e.type))
          return
        }
      default: break
      }
      // The operands' slots, then the operands in Go's order (EvaluationOrder.swift).
      let operands = args.map { (slot: allocate($0.type), type: $0.type) }
      for k in goOrder(args) { value(args[k], into: operands[k].slot) }
      var desc = BuiltinDesc(kind: .call(b), args: operands, result: dst)
      desc.spread = spread
      if dst != nil { desc.resultWords = e.resultTypes.reduce(0) { $0 + $1.words } }
      if b == .makeChan { desc.resultType = e.type }
      if args.contains(where: { $0.interfaceConversion != nil }) { desc.conversions = args.map(\.interfaceConversion) }
      // (log's calls take fmt's printer themselves, between their own steps: VM+Log.swift.)
      desc.pooledPrinter = !e.isPrintStatement && desc.formatsOperands && b != .panic && b.logOperation == nil
      code.builtins.append(desc)
      emit(Instruction(op: .builtin, a: Int32(code.builtins.count - 1)))
    }
  }

  /// A runtime statement: its operands evaluated, then one instruction.
  func runtime(_ kind: BuiltinDesc.Kind, _ args: [TypedExpr]) {
    var operands: [(slot: Int, type: GoType)] = []
    for a in args {
      let slot = allocate(a.type)
      value(a, into: slot)
      operands.append((slot, a.type))
    }
    code.builtins.append(BuiltinDesc(kind: kind, args: operands, result: nil))
    emit(Instruction(op: .builtin, a: Int32(code.builtins.count - 1)))
  }
}

extension Lowerer {
  /// `var a, b T` (statement `s`) where it stands. A Go package's package-level variables are
  /// bss: the OS's zero pages, and no code runs for them (their slots are new, zeroed by
  /// VM.ensureGlobals; `declare` gave them; staticinit/sched.go StaticAssign treats an
  /// `ir.IsZero` initializer so). Any other is cleared in place.
  func zero(_ vars: [Variable], _ s: TypedStmt) {
    if s.declaresPackageLevel && vars.allSatisfy({ $0.storage == .global }) { return }
    for v in vars { clear(v) }
  }

  /// v's storage set to its type's zero value in place — a frame's slots zeroed, an aggregate
  /// in memory (a stack object, a moved variable, a global) cleared as the compiler's
  /// DUFFZERO/memclr does. No zero value is built in the frame first: for a
  /// `var a [1 << 20]*int` that would grow the stack by 8 MiB.
  func clear(_ v: Variable) {
    var p = variablePlace(v)
    let inMemory = storeOp(v.type) == nil && v.type.size > 0
    if case .global(let slot) = p, inMemory {
      let a = allocate(.pointer(to: v.type))
      emit(Instruction(op: .globalAddress, a: Int32(a), b: Int32(slot)))
      p = .memory(a, 0)
    }
    if case .slots(let slot) = p {
      emit(Instruction(op: .zero, a: Int32(slot), b: operand(v.type.words, of: v.type)))
    } else if case .memory(let addr, let offset) = p, inMemory {
      if let size = Int32(exactly: v.type.size) {
        emit(Instruction(op: .clearBlock, a: Int32(addr), b: Int32(offset), c: size))
      } else {
        // Past an instruction's 32-bit operand (a moved `var a [1 << 40]int`): memclr of
        // the size as a 64-bit count, the `clear` of a []byte made of address and size.
        withTemporaries {
          let bytes = allocate(.slice(of: .uint8))
          emit(Instruction(op: .offsetAddress, a: Int32(bytes), b: Int32(addr), c: Int32(offset)))
          integerConstant(Int64(v.type.size), into: bytes + 1)
          emit(Instruction(op: .clear, a: Int32(bytes), b: 1))
        }
      }
    } else {
      withTemporaries {
        let z = allocate(v.type)
        emit(Instruction(op: .zero, a: Int32(z), b: operand(v.type.words, of: v.type)))
        store(v.type, from: z, to: p)
      }
    }
  }

  /// The variables of a declaration (`var`, `:=`) whose every value is an empty array or
  /// struct literal (the checker made each assignable to its variable: the same layout), each
  /// target a variable `s` declares (not one a `:=` assigns, nor `_`); nil otherwise.
  static func zeroLiteralDeclaration(
    _ targets: [AssignTarget], _ values: [TypedExpr], _ s: TypedStmt
  ) -> [Variable]? {
    guard !s.declares.isEmpty, targets.count == values.count else { return nil }
    var vars: [Variable] = []
    for (target, value) in zip(targets, values) {
      guard case .place(let t) = target, case .variable(let v) = t.kind,
        s.declares.contains(where: { $0 === v }),
        case .composite(let elems, _) = value.kind, elems.isEmpty, value.type.isArray || value.type.isStruct
      else { return nil }
      vars.append(v)
    }
    return vars
  }
}
