// AppendBackingStores: the frame buffers appends grow into before they go to the heap, Go 1.26+
// (cmd/compile/internal/ssagen/ssa.go: (*state).append, getBackingStoreInfo).
//
// When escape analysis (or the move2heap pass, Escape/SliceMoveToHeap.swift) decides that an
// append's result does not escape, the compiler gives the slice it appends to a backing store
// in the frame: an array of K elements, K = VariableMakeThreshold (32 bytes) / element size, for
// element sizes 1 to 32. One store serves every append to the same variable (ssa.go keys it by
// the operand's ir.Node: one *ir.Name per variable, a new node for any other operand), with a
// bool `used`, false at entry, so that it is handed out at most once per call. Two strategies:
//
//   - the standard one, at the first such append the compiler meets per store (usedStatic):
//     when the append must grow, the slice is empty, the new length fits and the store is not
//     used yet, the slice becomes the whole zeroed store (len n, cap K) and `used` is set;
//     otherwise growslice. Tests/Recordings/runs/smallgrow growLocal: caps 4 4 4 4 then 8 16
//     32 on the heap (3 mallocs, 448 B, where Go 1.19 makes 6);
//   - UseBuf, for the appends the move2heap pass found with their capacity observed: every
//     growth that fits goes through runtime growsliceBuf, which stays in the store and walks
//     up one size class at a time (cap 1, 2, 3, 4 for ints: 8, 16, 24, 32 bytes), so that the
//     move2heap at the slice's exit copies no more than a size class would hold
//     (smallgrow growEscaping: caps 1 2 3 4 8 ...).
//
// Not every append qualifies (ssa.go append, getBackingStoreInfo): `x = append(x, ...)` with x
// not SSA-able (a global, a variable whose address is taken, or a field or element of one)
// updates x in place and always calls growslice; `append(s, t...)` is rewritten by walk
// (appendslice) into a plain growslice; an element of size 0 or over 32 bytes has no store.
//
// In gcsh a store is a pinned region of the frame, laid out in the prologue with the other
// objects whose address is taken, and a stack object: the collector scans it, with its element
// type's pointer words, whenever a live slot points into it (as Go scans stack objects), so a
// `[]*T` whose only reference to an object is in the buffer keeps the object alive. The prologue
// zeroes each store and its `used` flag (ssa.go's entry-block zeroing of a pointerful UseBuf
// store, and `used = false`); the VM's frames are zeroed at every call as well.

import GoHeap

extension Lowerer {
  /// One store (ssa.go backingStoreInfo).
  private final class BackingStore {
    let slot: Int
    let count: Int
    let used: Int
    /// A strategy has claimed the store at compile time (later standard appends do not use it).
    var usedStatic = false

    init(slot: Int, count: Int, used: Int) {
      self.slot = slot
      self.count = count
      self.used = used
    }
  }

  /// Lays out the function's append stores (part of the prologue) and decides each append's
  /// strategy, in the order Go's SSA generation compiles the appends.
  func layoutAppendBackingStores() {
    guard session.compiler.appendStackBuffer, let threshold = session.compiler.stackBufferBytes else { return }
    var stores: [ObjectIdentifier: BackingStore] = [:]
    forEachAppend(in: function.body) { e, inPlace in
      guard case .builtin(.append, let args, let spread) = e.kind, let site = e.site,
        !site.onHeap, !inPlace, !spread, site.type.size > 0, site.type.size <= threshold
      else { return }
      let key: ObjectIdentifier
      if case .variable(let v) = args[0].kind { key = ObjectIdentifier(v) } else { key = ObjectIdentifier(site) }
      let store = stores[key] ?? newBackingStore(site.type, count: threshold / site.type.size)
      stores[key] = store
      if site.useBuffer {
        appendBuffers[ObjectIdentifier(site)] = .sizeClasses(store: store.slot, count: store.count)
        if site.type.hasPointers { store.usedStatic = true }
      } else if !store.usedStatic {
        appendBuffers[ObjectIdentifier(site)] = .whole(store: store.slot, count: store.count, used: store.used)
        store.usedStatic = true
      }
    }
  }

  /// A store of `count` elements and its `used` flag, pinned and zeroed at entry.
  private func newBackingStore(_ elem: GoType, count: Int) -> BackingStore {
    let array = GoType.array(of: elem, count: count)
    let slot = allocate(array)
    let used = allocate(.bool)
    code.stackObjects.append(StackObject(slot: slot, type: elem, count: count))
    // (The listing shows it at the function's declaration.)
    let saved = span
    span = function.decl.map { Span($0.span.start, $0.span.start) } ?? span
    emit(Instruction(op: .zero, a: Int32(slot), b: Int32(used + 1 - slot)))
    span = saved
    return BackingStore(slot: slot, count: count, used: used)
  }

  /// Calls `visit` on each append of `stmts` in the order ssagen compiles them (statements in
  /// order; a loop's condition, body, then post statement; an expression's operands before
  /// it), with whether it updates its slice in place.
  private func forEachAppend(in stmts: [TypedStmt], _ visit: (TypedExpr, Bool) -> Void) {
    func expression(_ e: TypedExpr, inPlace: Bool = false) {
      e.forEachChild { expression($0) }
      if case .builtin(.append, _, _) = e.kind { visit(e, inPlace) }
    }
    func statement(_ s: TypedStmt) {
      switch s.kind {
      case .assign(let targets, let values):
        if targets.count == 1, case .place(let target) = targets[0],
          case .builtin(.append, let args, _) = values[0].kind
        {
          expression(values[0], inPlace: appendsInPlace(target, args[0]))
          expression(target)
        } else {
          s.forEachExpression { expression($0) }
        }
      case .block(let b): b.forEach(statement)
      case .ifStmt(let i, let c, let t, let e):
        i.map(statement)
        expression(c)
        t.forEach(statement)
        e.map(statement)
      case .loop(_, let i, let c, let p, let body):
        i.map(statement)
        c.map { expression($0) }
        body.forEach(statement)
        p.map(statement)
      case .range(let r):
        expression(r.operand)
        r.body.forEach(statement)
      case .switchStmt(let sw):
        // walk/switch.go: the tag and the case tests come first, then the clauses' bodies.
        sw.initStmt.map(statement)
        sw.tag.map { expression($0) }
        for c in sw.clauses { c.values.forEach { expression($0) } }
        for c in sw.clauses { c.body.forEach(statement) }
      default:
        s.forEachExpression { expression($0) }
      }
    }
    stmts.forEach(statement)
  }

  /// `x = append(x, ...)` where x cannot be an SSA value updates x in place (ssa.go stmt OAS:
  /// SameSafeExpr(x, operand) && !canSSA(x)).
  private func appendsInPlace(_ target: TypedExpr, _ operand: TypedExpr) -> Bool {
    sameSafeOperand(target, operand) && !canSSA(target)
  }

  /// ir.SameSafeExpr: `sameSafeExpression`, and elements whose indexes are the same variable or
  /// constant (`a[i] = append(a[i], v)`).
  private func sameSafeOperand(_ a: TypedExpr, _ b: TypedExpr) -> Bool {
    if case .index(let x, let i) = a.kind, case .index(let y, let j) = b.kind {
      return sameSafeOperand(x, y) && (sameSafeExpression(i, j) || i.constant != nil && i.constant == j.constant)
    }
    return sameSafeExpression(a, b)
  }

  /// ssagen canSSA: a local variable (or a field of one, or an element of an array of at most
  /// one) whose address is never taken and whose type SSA can hold.
  private func canSSA(_ e: TypedExpr) -> Bool {
    var e = e
    while true {
      if case .field(let base, _) = e.kind, !base.isDereference {
        e = base
      } else if case .index(let base, _) = e.kind, base.type.isArray {
        e = base
      } else {
        break
      }
    }
    guard case .variable(let v) = e.kind, v.storage != .global, !v.addressTaken, !v.movedToHeap else { return false }
    return canSSAType(v.type)
  }

  /// ssa.CanSSA: at most 4 words; an array of at most one element, or a struct of at most 4
  /// fields (ssa.MaxStruct), whose parts SSA can hold.
  private func canSSAType(_ t: GoType) -> Bool {
    if t.size == 0 { return true }
    if t.size > 4 * 8 { return false }
    switch t.kind {
    case .array(let elem, let count): return count <= 1 && canSSAType(elem)
    case .structure(let fields): return fields.count <= 4 && fields.allSatisfy { canSSAType($0.type) }
    default: return true
    }
  }
}
