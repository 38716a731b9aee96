// Lowering an expression switch: the tag once, a chain of compare-and-branch tests, then the
// clauses' bodies in source order.
//
// Go's walk/switch.go compiles `switch tag { ... }` as the tag copied into a temporary, the
// tests, then the bodies, each ending in a jump past the switch (or, for one ending in
// fallthrough, running on into the next body). It sorts runs of constant integer and string
// cases into a binary search or a jump table; gcsh tests the cases in source order, top to
// bottom and left to right, stopping at the first that is equal — the order the spec gives,
// which is also what Go's reordering cannot change (constant cases have no effects, and it
// never moves a case that is not constant past another). A test is one compare-and-branch
// where the comparison has one (`x == 3` is brEqImm), as an `if`'s condition is.
//
// Virtual time: one mechanism, any spelling. A switch costs what the if/else chain it stands for
// costs: `switch x { case a, b: A; case c: C; default: D }` is
// `if x == a || x == b { A } else if x == c { C } else { D }`. Each clause whose cases are tested
// is one `if` statement — the first is the switch statement's own charge, with the tag's
// evaluation, and each further one charges one statement on its test — and reaching the default
// clause after a test runs the `else` block, one statement more. A tagless switch is the same
// chain with its cases as the conditions; a switch with only a default clause (or the clause a
// folded switch keeps) is a block, one statement. `break` and `fallthrough` are statements, as
// `break` is in a loop.

import GoHeap

extension Lowerer {
  func switchStatement(_ sw: ExpressionSwitch, _ span: Span) {
    let mark = top
    defer { release(to: mark) }
    if let initStmt = sw.initStmt { statement(initStmt) }
    self.span = span
    loops.append(LoopLabels(target: sw.target))

    // The tag, evaluated once. A local that nothing can change while the cases are evaluated
    // (its address is never taken: no call can reach it) is compared where it is; anything
    // else is copied into a temporary (walk/switch.go copyExpr). `switch string(b)` whose cases
    // are all constants compares a view of b's bytes, not a copy (walk/switch.go: "use a
    // zero-cost alias of the byte slice", OBYTES2STRTMP): no case can change b meanwhile.
    var tag: TypedExpr? = nil
    if let t = sw.tag {
      let slot: Int
      if case .variable(let v) = t.kind, v.storage == .local || v.storage == .parameter,
        !v.addressTaken, !v.movedToHeap
      {
        slot = value(t)
      } else if case .conversion(let x) = t.kind, t.type.isString, x.type.sliceElement?.size == 1,
        sw.clauses.allSatisfy({ $0.values.allSatisfy { $0.constant != nil } })
      {
        slot = stringOperand(t)
      } else {
        slot = allocate(t.type)
        value(t, into: slot)
      }
      tag = TypedExpr(.variable(temporaryVariable(t.type, slot: slot)), t.type, t.span)
    }

    // The tests: each case of each clause, in order, jumps to its clause's body when equal.
    var toBody = [[Int]](repeating: [], count: sw.clauses.count)
    var tested = 0
    for (k, clause) in sw.clauses.enumerated() where !clause.values.isEmpty {
      // The `else if` of a clause after the first: one more statement.
      if tested > 0 { pendingCost += session.statementCost }
      tested += 1
      for v in clause.values {
        let cond = tag.map { TypedExpr(.binary("==", $0, v), .bool, v.span) } ?? v
        toBody[k].append(conditionalBranch(cond, when: true))
      }
    }
    // No case was equal: the default clause — the chain's `else` block, one statement when a
    // test came before it — or the end.
    let defaultIndex = sw.defaultIndex
    if defaultIndex != nil && tested > 0 { pendingCost += session.statementCost }
    let noMatch = emit(Instruction(op: .jump))

    // The bodies, in source order (fallthrough goes on into the next one).
    var fallingThrough: [Int] = []
    var toEnd: [Int] = []
    for (k, clause) in sw.clauses.enumerated() {
      // Each clause starts a basic block: no aggregation group reaches into it from the last.
      endAggregation()
      let start = label()
      for j in toBody[k] + fallingThrough { patch(j, to: start) }
      if k == defaultIndex { patch(noMatch, to: start) }
      // Each clause is a block: its variables' slots are free again after it.
      let clauseMark = top
      let saved = fallthroughJumps
      fallthroughJumps = []
      for s in clause.body { statement(s) }
      fallingThrough = fallthroughJumps
      fallthroughJumps = saved
      release(to: clauseMark)
      if !clause.fallsThrough && k + 1 < sw.clauses.count { toEnd.append(emit(Instruction(op: .jump))) }
    }
    let end = label()
    if defaultIndex == nil { patch(noMatch, to: end) }
    for j in toEnd + fallingThrough { patch(j, to: end) }
    let labels = loops.removeLast()
    for b in labels.breaks { patch(b, to: end) }
  }
}
