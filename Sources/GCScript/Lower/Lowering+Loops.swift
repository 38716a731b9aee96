// Lowering loops: `for init; cond; post`, `for range`, and two ways a loop runs in one step.
//
// Loops are rotated (the test at the bottom, one conditional back edge per iteration).
//
// Virtual time per iteration does not depend on the spelling: every iteration charges one
// statement cost for its test (the condition, or the back edge of `for {}`), and then each
// statement it runs — the post statement of a three-clause loop is one of them, as the `i++`
// at the end of a condition-only loop's body is. A range loop's advance is the increment the
// three-clause spelling writes out, so it charges test and advance. `for i := 0; i < n; i++`,
// `for i < n { ...; i++ }` and `for i := range n` therefore cost the same (the machine code
// Go compiles for them is the same); `for { if i >= n { break }; ... }` costs one more (its
// `if` is a second test, as its machine code has a second branch).
//
// 1. Go's compiler turns `for i := range a { a[i] = zero }` into a memclr of a
//    (cmd/compile/internal/walk/range.go arrayRangeClear, arrayClear): the exact shape it
//    recognises becomes a `clear`, charged as the memclr it is — Go 1.19 calls the
//    non-preemptible runtime.memclrNoHeapPointers, Go 1.27 inlines REP STOSQ (the anchors'
//    README) — and the loop variable ends at len(a)-1.
// 2. Any other loop that only stores one loop-invariant value into consecutive elements of a
//    slice, in any spelling — `for i := 0; i < len(s); i++ { s[i] = v }`, `for i := range n`,
//    `i <= n-1`, `i += 1`, `for i < n { s[i] = v; i++ }` — is a store loop. It is run as one `fill`, which charges exactly what
//    running it element by element would (each iteration's statements, each page's first touch)
//    and panics where that would (the first index out of range), but takes no host time per
//    element: it is an execution strategy, not a different program (LLVM's LoopIdiomRecognize
//    does the same for memset). A test runs loops both ways and compares every number.

import GoHeap

extension Lowerer {
  // MARK: for init; cond; post

  func loop(_ target: LoopTarget, _ initStmt: TypedStmt?, _ cond: TypedExpr?, _ post: TypedStmt?, _ body: [TypedStmt], _ span: Span) {
    let mark = top
    defer { release(to: mark) }
    if let initStmt { statement(initStmt) }
    if storeLoop(initStmt, cond, post, body, span) { return }
    loops.append(LoopLabels(target: target))
    let toTest = emit(Instruction(op: .jump))
    let bodyStart = label()
    // The test that let this iteration run (the post statement charges itself).
    pendingCost += session.statementCost
    for s in body { statement(s) }
    let continueAt = label()
    // Go 1.22+: before the post statement the next iteration's variables are declared and
    // initialised from this one's (the spec's "For statements"). Only a variable moved to the
    // heap can be told apart from its copy: it gets a new object holding the current value, so
    // a pointer taken in this iteration keeps this iteration's value.
    if session.compiler.perIterationLoopVariables, let initStmt {
      for v in initStmt.declares where v.storage == .local && v.movedToHeap {
        withTemporaries {
          let slot = slots[ObjectIdentifier(v)]!
          let fresh = allocate(.pointer(to: v.type))
          newObject(v.type, into: fresh, site: v.site)
          if v.type.size > 0 {
            memmove(to: fresh, from: slot, bytes: v.type.size)
          }
          emit(Instruction(op: .move, a: Int32(slot), b: Int32(fresh)))
        }
      }
    }
    if let post { statement(post) }
    let testAt = label()
    patch(toTest, to: testAt)
    // The back edge is the loop statement's (an interrupt is reported at the loop).
    self.span = span
    if let cond {
      branch(if: cond, to: bodyStart)
    } else {
      emit(Instruction(op: .loop, a: Int32(bodyStart)))
    }
    let end = label()
    let labels = loops.removeLast()
    for b in labels.breaks { patch(b, to: end) }
    for c in labels.continues { patch(c, to: continueAt) }
  }

  /// Jumps to `target` when `cond` holds: a comparison of integers is one compare-and-branch.
  func branch(if cond: TypedExpr, to target: Int) {
    _ = conditionalBranch(cond, when: true, to: target)
  }

  /// Jumps when `cond` is `when` (an `if` jumps past its block when its condition is false);
  /// returns the branch instruction, to patch when the target is not known yet. A comparison
  /// of signed integers (or ==, != of any integers) is one compare-and-branch, negated as
  /// needed; anything else is the value and a jumpIf/jumpIfNot.
  @discardableResult
  func conditionalBranch(_ cond: TypedExpr, when: Bool, to target: Int = 0) -> Int {
    withTemporaries {
      if case .binary(var op, let a, let b) = cond.kind, a.type.isInteger, !a.type.isUnsigned || op == "==" || op == "!=" {
        if !when {
          op = ["<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="][op] ?? op
        }
        let x = value(a)
        if let k = smallConstant(b), let imm = [
          "<": Opcode.brLtSImm, ">=": .brGeSImm, "==": .brEqImm, "!=": .brNeImm,
        ][op] {
          return emit(Instruction(op: imm, a: Int32(x), b: k, c: Int32(target)))
        }
        let y = value(b)
        switch op {
        case "<": return emit(Instruction(op: .brLtS, a: Int32(x), b: Int32(y), c: Int32(target)))
        case "<=": return emit(Instruction(op: .brLeS, a: Int32(x), b: Int32(y), c: Int32(target)))
        case ">": return emit(Instruction(op: .brLtS, a: Int32(y), b: Int32(x), c: Int32(target)))
        case ">=": return emit(Instruction(op: .brLeS, a: Int32(y), b: Int32(x), c: Int32(target)))
        case "==": return emit(Instruction(op: .brEq, a: Int32(x), b: Int32(y), c: Int32(target)))
        default: return emit(Instruction(op: .brNe, a: Int32(x), b: Int32(y), c: Int32(target)))
        }
      }
      let c = value(cond)
      return emit(Instruction(op: when ? .jumpIf : .jumpIfNot, a: Int32(c), b: Int32(target)))
    }
  }

  // MARK: for range

  func rangeLoop(_ r: RangeLoop, _ span: Span) {
    let mark = top
    defer { release(to: mark) }
    if case .map = r.over { return mapRangeLoop(r, span) }
    if arrayClear(r) || rangeStoreLoop(r, span) { return }
    loops.append(LoopLabels(target: r.target))
    let over = r.operand
    // The operand is evaluated once, into the loop's own slots: a root for the whole loop, so
    // what it references stays alive even when the variable it came from changes.
    let held = allocate(over.type)
    value(over, into: held)
    let index = allocate(.int)
    emit(Instruction(op: .immediate, a: Int32(index), b: 0))
    let bound = allocate(.int)
    switch r.over {
    case .integer: move(.int, from: held, to: bound)
    case .slice, .string: emit(Instruction(op: .move, a: Int32(bound), b: Int32(held + 1)))
    case .array: integerConstant(Int64(over.type.arrayInfo!.count), into: bound)
    case .arrayPointer: integerConstant(Int64(over.type.pointee!.arrayInfo!.count), into: bound)
    case .map: break
    }
    // Before Go 1.22 the key and value variables are declared once for the whole loop (a
    // variable moved to the heap is one object all iterations share).
    let perIteration = session.compiler.perIterationLoopVariables
    if !perIteration && r.defines {
      for case .place(let p)? in [r.key, r.value] { if case .variable(let v) = p.kind { declare(v) } }
    }
    let toTest = emit(Instruction(op: .jump))
    let bodyStart = label()
    pendingCost += 2 * session.statementCost  // the iteration's test and advance
    if case .string = r.over {
      // key = byte offset of the rune, value = the rune; the offset moves past it.
      let runeSlot = allocate(.int32)
      let offsetBefore = allocate(.int)
      emit(Instruction(op: .move, a: Int32(offsetBefore), b: Int32(index)))
      emit(Instruction(op: .nextRune, a: Int32(runeSlot), b: Int32(held), c: Int32(index)))
      bind(r.key, from: offsetBefore, .int, declaring: r.defines && perIteration)
      bind(r.value, from: runeSlot, .int32, declaring: r.defines && perIteration)
    } else {
      bind(r.key, from: index, r.over == .integer ? over.type : .int, declaring: r.defines && perIteration)
      if let v = r.value, case .place = v {
        let elem = elementType(r)
        let tmp = allocate(elem)
        loadElement(r, held, index, into: tmp)
        bind(v, from: tmp, elem, declaring: r.defines && perIteration)
      }
    }
    for s in r.body { statement(s) }
    let continueAt = label()
    if case .string = r.over {} else {
      emit(Instruction(op: .addImm, a: Int32(index), b: Int32(index), c: 1))
    }
    let testAt = label()
    patch(toTest, to: testAt)
    emit(Instruction(op: .brLtS, a: Int32(index), b: Int32(bound), c: Int32(bodyStart)))
    let end = label()
    let labels = loops.removeLast()
    for b in labels.breaks { patch(b, to: end) }
    for c in labels.continues { patch(c, to: continueAt) }
  }

  func elementType(_ r: RangeLoop) -> GoType {
    switch r.over {
    case .slice: return r.operand.type.sliceElement!
    case .array: return r.operand.type.arrayInfo!.elem
    case .arrayPointer: return r.operand.type.pointee!.arrayInfo!.elem
    case .string: return .int32
    case .integer: return r.operand.type
    case .map: return r.operand.type.mapTypes!.elem
    }
  }

  /// Element `index` of the held range operand into `dst`.
  private func loadElement(_ r: RangeLoop, _ held: Int, _ index: Int, into dst: Int) {
    let elem = elementType(r)
    withTemporaries {
      switch r.over {
      case .slice:
        if let op = Self.loadElementOp(elem) {
          emit(Instruction(op: op, a: Int32(dst), b: Int32(held), c: Int32(index)))
        } else {
          let a = allocate(.uintptr)
          elementAddress(into: a, slice: held, index: index, size: elem.size)
          load(elem, from: .memory(a, 0), to: dst)
        }
      case .array, .arrayPointer:
        let (e, n) = r.over == .array ? r.operand.type.arrayInfo! : r.operand.type.pointee!.arrayInfo!
        let base: Int
        if r.over == .array {
          base = allocate(.uintptr)
          emit(Instruction(op: .frameAddress, a: Int32(base), b: Int32(held), c: operand(r.operand.type.words, of: r.operand.type)))
        } else {
          base = held
        }
        code.arrayIndexes.append(ArrayIndexDesc(count: n, elemSize: e.size))
        let a = allocate(.uintptr)
        emit(Instruction(op: .arrayElementAddress, a: Int32(a), b: Int32(base), c: Int32(index), d: Int32(code.arrayIndexes.count - 1)))
        load(e, from: .memory(a, 0), to: dst)
      default: break
      }
    }
  }

  /// Assigns an iteration variable (declared by the loop or not).
  func bind(_ target: AssignTarget?, from slot: Int, _ t: GoType, declaring: Bool) {
    guard case .place(let e)? = target else { return }
    if declaring, case .variable(let v) = e.kind { declare(v) }
    withTemporaries {
      let p = place(e)
      store(t, from: slot, to: p)
    }
  }

  // MARK: Go's memclr idiom

  /// `for i := range a { a[i] = zero }` exactly as Go's compiler recognises it (walk/range.go
  /// arrayRangeClear): one memclr of a, then i = len(a) - 1.
  private func arrayClear(_ r: RangeLoop) -> Bool {
    guard case .place(let keyExpr)? = r.key, case .variable(let key) = keyExpr.kind,
      r.value == nil || isDiscard(r.value), r.body.count == 1,
      case .assign(let targets, let values) = r.body[0].kind, targets.count == 1,
      case .place(let lhs) = targets[0], case .index(let x, let idx) = lhs.kind,
      case .variable(let iv) = idx.kind, iv === key, isZeroValue(values[0])
    else { return false }
    switch r.over {
    case .slice:
      guard sameSafeExpression(x, r.operand) else { return false }
    case .integer, .array, .arrayPointer:
      // Int/array case: the target must be an array of exactly that many elements.
      guard let (_, n) = x.type.arrayInfo else { return false }
      if case .integer = r.over {
        guard case .int(let count)? = r.operand.constant, count == Int128(n) else { return false }
      } else {
        let m = r.over == .array ? r.operand.type.arrayInfo!.count : r.operand.type.pointee!.arrayInfo!.count
        guard m == n else { return false }
      }
    case .string, .map: return false
    }
    let elem = lhs.type
    guard elem.size > 0 else { return false }
    withTemporaries {
      // if ln := len(a); ln != 0 { memclr(&a[0], ln*size); i = ln - 1 }
      if x.type.isSlice {
        let s = value(x)
        emit(Instruction(op: .clear, a: Int32(s), b: operand(elem.size, of: elem)))
        let ln = allocate(.int)
        emit(Instruction(op: .move, a: Int32(ln), b: Int32(s + 1)))
        let skip = emit(Instruction(op: .brLeS, a: Int32(ln), b: Int32(zeroSlot()), c: 0))
        emit(Instruction(op: .subImm, a: Int32(ln), b: Int32(ln), c: 1))
        bind(r.key, from: ln, .int, declaring: r.defines)
        patch(skip, to: label())
      } else {
        // An array: its place, cleared whole.
        let n = x.type.arrayInfo!.count
        let p = place(x)
        let zero = allocate(x.type)
        emit(Instruction(op: .zero, a: Int32(zero), b: operand(x.type.words, of: x.type)))
        store(x.type, from: zero, to: p)
        if n > 0 {
          let last = allocate(.int)
          integerConstant(Int64(n - 1), into: last)
          bind(r.key, from: last, .int, declaring: r.defines)
        }
      }
    }
    return true
  }

  /// A slot holding 0 (for comparisons against zero).
  func zeroSlot() -> Int {
    let z = allocate(.int)
    emit(Instruction(op: .immediate, a: Int32(z), b: 0))
    return z
  }

  func isDiscard(_ t: AssignTarget?) -> Bool {
    if case .discard? = t { return true }
    return false
  }

  /// Go's ir.IsZero for an assigned value: a zero constant, nil, or an empty literal.
  func isZeroValue(_ e: TypedExpr) -> Bool {
    switch e.kind {
    case .constant(let c): return c == .int(0) || c == .float(0) || c == .bool(false) || c == .string("")
    case .nilValue: return true
    case .composite(let elems, nil): return elems.allSatisfy { isZeroValue($0.value) }
    case .conversion(let x): return isZeroValue(x)
    default: return false
    }
  }

  /// Go's ir.SameSafeExpr: the same variable, or the same chain of fields and dereferences of
  /// one — expressions whose evaluation has no effect and gives the same place.
  func sameSafeExpression(_ a: TypedExpr, _ b: TypedExpr) -> Bool {
    switch (a.kind, b.kind) {
    case (.variable(let x), .variable(let y)): return x === y
    case (.field(let x, let i), .field(let y, let j)): return i == j && sameSafeExpression(x, y)
    case (.deref(let x), .deref(let y)): return sameSafeExpression(x, y)
    case (.conversion(let x), .conversion(let y)): return a.type.identical(b.type) && sameSafeExpression(x, y)
    default: return false
    }
  }

  // MARK: Store loops

  /// A range loop that is a store loop: `for i := range s { s[i] = v }` (v not zero, or s[i]
  /// of another slice), `for i := range n { s[i] = v }`.
  private func rangeStoreLoop(_ r: RangeLoop, _ span: Span) -> Bool {
    guard r.value == nil || isDiscard(r.value), case .place(let keyExpr)? = r.key,
      case .variable(let key) = keyExpr.kind, r.body.count == 1,
      let (slice, stored) = storeLoopBody(r.body[0], counter: key)
    else { return false }
    switch r.over {
    case .slice, .integer: break
    default: return false
    }
    withTemporaries {
      let lo = allocate(.int)
      emit(Instruction(op: .immediate, a: Int32(lo), b: 0))
      let hi = allocate(.int)
      if case .integer = r.over {
        value(r.operand, into: hi)
      } else {
        let held = value(r.operand)
        emit(Instruction(op: .move, a: Int32(hi), b: Int32(held + 1)))
      }
      // Test and advance, then the store; a failing store has charged all three.
      let cost = 3 * session.statementCost
      emitFill(
        slice: slice, value: stored, lo: lo, hi: hi, inclusive: false,
        counter: r.defines ? nil : keyExpr, rangeKey: true, iterationCost: cost, failingCost: cost)
    }
    return true
  }

  /// A loop that is a store loop: `for i := lo; i < n; i++ { s[i] = v }` with the bound
  /// loop-invariant, in its spellings (`i <= n`, `n > i`, `i += 1`, `i = i + 1`), or with the
  /// increment written last in the body of a condition-only loop (`for i < n { s[i] = v; i++ }`).
  private func storeLoop(_ initStmt: TypedStmt?, _ cond: TypedExpr?, _ post: TypedStmt?, _ body: [TypedStmt], _ span: Span) -> Bool {
    let step: TypedStmt
    let stored: [TypedStmt]
    if let post {
      (step, stored) = (post, body)
    } else if body.count == 2 {
      (step, stored) = (body[1], [body[0]])
    } else {
      return false
    }
    guard let cond, stored.count == 1,
      let counter = incrementedVariable(step),
      counter.type.size == 8, counter.type.isInteger, !counter.type.isUnsigned, !counter.addressTaken,
      let (bound, inclusive) = upperBound(cond, counter),
      let (slice, storedValue) = storeLoopBody(stored[0], counter: counter)
    else { return false }
    _ = initStmt
    withTemporaries {
      // The counter already holds its initial value (the init statement ran).
      let lo = allocate(.int)
      load(.int, from: variablePlace(counter), to: lo)
      let hi = allocate(.int)
      value(bound, into: hi)
      // The test, the store and the increment; a failing store has charged the first two.
      emitFill(
        slice: slice, value: storedValue, lo: lo, hi: hi, inclusive: inclusive,
        counter: TypedExpr(.variable(counter), counter.type, span), rangeKey: false,
        iterationCost: 3 * session.statementCost, failingCost: 2 * session.statementCost)
    }
    return true
  }

  /// The variable a post statement adds one to (`i++`, `i += 1`, `i = i + 1`).
  private func incrementedVariable(_ post: TypedStmt) -> Variable? {
    switch post.kind {
    case .opAssign("+", let target, let one):
      if case .variable(let v) = target.kind, one.constant == .int(1) { return v }
    case .assign(let targets, let values):
      if targets.count == 1, case .place(let target) = targets[0], case .variable(let v) = target.kind,
        case .binary("+", let a, let one) = values[0].kind, case .variable(let w) = a.kind, w === v,
        one.constant == .int(1)
      {
        return v
      }
    default: break
    }
    return nil
  }

  /// `i < n` (or `i <= n`, `n > i`, `n >= i`) with n loop-invariant: n, and whether inclusive.
  private func upperBound(_ cond: TypedExpr, _ counter: Variable) -> (TypedExpr, Bool)? {
    guard case .binary(let op, let a, let b) = cond.kind else { return nil }
    func isCounter(_ e: TypedExpr) -> Bool {
      if case .variable(let v) = e.kind { return v === counter }
      return false
    }
    switch op {
    case "<" where isCounter(a) && isInvariant(b, counter): return (b, false)
    case "<=" where isCounter(a) && isInvariant(b, counter): return (b, true)
    case ">" where isCounter(b) && isInvariant(a, counter): return (a, false)
    case ">=" where isCounter(b) && isInvariant(a, counter): return (a, true)
    default: return nil
    }
  }

  /// A value the store loop cannot change: a constant, a variable other than the counter (the
  /// loop writes only one slice element and its counter), len of one, or a sum or difference of
  /// such. `i + 1` is not: it changes with the counter.
  private func isInvariant(_ e: TypedExpr, _ counter: Variable) -> Bool {
    switch e.kind {
    case .constant, .nilValue: return true
    case .variable(let v): return v !== counter && !v.addressTaken && !v.movedToHeap
    case .builtin(.len, let args, _): return args.count == 1 && !args[0].type.isChan && isInvariant(args[0], counter)
    case .binary(let op, let a, let b) where op == "+" || op == "-":
      return isInvariant(a, counter) && isInvariant(b, counter)
    default: return false
    }
  }

  /// `s[i] = v` with s a slice variable, i the counter and v invariant (not the counter): the
  /// slice and the value.
  private func storeLoopBody(_ s: TypedStmt, counter: Variable) -> (TypedExpr, TypedExpr)? {
    guard case .assign(let targets, let values) = s.kind, targets.count == 1,
      case .place(let lhs) = targets[0], case .index(let slice, let idx) = lhs.kind,
      slice.type.isSlice, case .variable(let sv) = slice.kind, !sv.addressTaken, !sv.movedToHeap,
      case .variable(let iv) = idx.kind, iv === counter,
      Self.storeElementOp(lhs.type) != nil, isInvariant(values[0], counter)
    else { return nil }
    return (slice, values[0])
  }

  /// The fill, then the counter's final value stored where the loop would have left it (a
  /// loop's own variable needs none).
  private func emitFill(
    slice: TypedExpr, value v: TypedExpr, lo: Int, hi: Int, inclusive: Bool, counter: TypedExpr?,
    rangeKey: Bool, iterationCost: Int, failingCost: Int
  ) {
    let s = value(slice)
    let x = allocate(v.type)
    value(v, into: x)
    let final = allocate(.int)
    let elem = slice.type.sliceElement!
    code.fills.append(FillDesc(
      slice: s, lo: lo, hi: hi, inclusive: inclusive, value: x, elem: elem, counter: final,
      rangeKey: rangeKey, iterationCost: iterationCost, failingIterationCost: failingCost))
    emit(Instruction(op: .fill, a: Int32(code.fills.count - 1)))
    if let counter { store(counter.type, from: final, to: place(counter)) }
  }
}
