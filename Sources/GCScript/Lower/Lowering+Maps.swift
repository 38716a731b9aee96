// Lowering map operations to `mapOp` instructions (Run/Maps/VM+Maps.swift), as walk lowers
// them to runtime calls: `m[k]` is mapaccess (the zero value when missing), `m[k] = v`
// evaluates k and v, then mapassign and a store through the element address it returns,
// `m[k] op= v` is `m[k] = m[k] op v` with k evaluated once (walk/order.go), a map literal is a
// make with the number of entries as its hint followed by the assignments (walk/complit.go
// maplit), and `for k, v := range m` walks an iterator kept in the frame (walk/range.go).

import GoHeap

extension Lowerer {
  /// walk/builtin.go walkMakeMap: a map that does not escape has its header in the frame, and
  /// its first group (bucket) too unless the hint is a constant above 8 (the runtime checks a
  /// hint known only at run time). Both are stack objects the collector scans when a live
  /// pointer reaches them.
  func layoutMapSites() {
    for site in function.sites where site.kind == .makeMap && !site.onHeap {
      let L = session.mapLayout(site.type)
      let header = allocate(L.header)
      code.stackObjects.append(StackObject(slot: header, type: L.header, count: 1))
      siteSlots[ObjectIdentifier(site)] = header
      if hasStackGroup(site) {
        let group = allocate(L.group)
        precondition(group == header + L.header.words)
        code.stackObjects.append(StackObject(slot: group, type: L.group, count: 1))
      }
    }
  }

  func hasStackGroup(_ site: AllocationSite) -> Bool { (site.constantCount ?? 0) <= 8 }

  /// Appends a map instruction.
  @discardableResult
  func mapOp(_ kind: MapOpDesc.Kind, _ t: GoType, into dst: Int = 0, site: AllocationSite? = nil) -> Int {
    code.mapOps.append(MapOpDesc(kind: kind, layout: session.mapLayout(t), site: site))
    return emit(Instruction(op: .mapOp, a: Int32(dst), b: Int32(code.mapOps.count - 1)))
  }

  /// `make(map[K]V[, hint])`, or a literal's make (`hint` its entry count).
  func makeMap(_ t: GoType, hint: TypedExpr?, constantHint: Int? = nil, _ site: AllocationSite, into dst: Int) {
    withTemporaries {
      var h: Int? = hint.map { value($0) }
      if let n = constantHint {
        let slot = allocate(.int)
        integerConstant(Int64(n), into: slot)
        h = slot
      }
      var header: Int? = nil
      var group: Int? = nil
      if !site.onHeap, let slot = siteSlots[ObjectIdentifier(site)] {
        header = slot
        if hasStackGroup(site) { group = slot + session.mapLayout(t).header.words }
      }
      mapOp(.make(hint: h, header: header, group: group), t, into: dst, site: site)
    }
  }

  /// `map[K]V{...}`: make, then each entry assigned in order.
  func mapLiteral(_ t: GoType, _ entries: [(key: TypedExpr, value: TypedExpr)], _ site: AllocationSite, into dst: Int) {
    makeMap(t, hint: nil, constantHint: entries.count, site, into: dst)
    for (k, v) in entries {
      withTemporaries {
        let ks = value(k)
        let vs = value(v)
        storeEntry(t, map: dst, key: ks, from: vs)
      }
    }
  }

  /// `m[k]` into `dst` (and whether k was there into `ok`).
  func mapAccess(_ m: TypedExpr, _ k: TypedExpr, into dst: Int, ok: Int? = nil) {
    withTemporaries {
      let ms = value(m)
      let ks = value(k)
      mapOp(.access(map: ms, key: ks, ok: ok), m.type, into: dst)
    }
  }

  /// mapassign, then the element stored through the address it returns (a pointer slot: the
  /// group stays a root until the store).
  func storeEntry(_ t: GoType, map ms: Int, key ks: Int, from vs: Int) {
    let elem = t.mapTypes!.elem
    withTemporaries {
      let address = allocate(.pointer(to: elem))
      mapOp(.assign(map: ms, key: ks), t, into: address)
      store(elem, from: vs, to: .memory(address, 0))
    }
  }

  func isMapIndex(_ t: AssignTarget) -> Bool {
    if case .place(let e) = t, case .mapIndex = e.kind { return true }
    return false
  }

  /// `m[k] op= v`: `m[k] = m[k] op v`, the map and key evaluated once.
  func mapOpAssign(_ op: String, _ m: TypedExpr, _ k: TypedExpr, _ elem: GoType, _ rhs: TypedExpr, _ at: Span) {
    let ms = allocate(m.type)
    value(m, into: ms)
    let ks = allocate(k.type)
    value(k, into: ks)
    let cur = allocate(elem)
    mapOp(.access(map: ms, key: ks, ok: nil), m.type, into: cur)
    opAssign(op, elem, cur, rhs, at)
    storeEntry(m.type, map: ms, key: ks, from: cur)
  }

  /// `v, ok = m[k]`.
  func mapLookup(_ v: AssignTarget, _ ok: AssignTarget, _ e: TypedExpr) {
    guard case .mapIndex(let m, let k) = e.kind else { return }
    let vs = allocate(e.type)
    let oks = allocate(.bool)
    mapAccess(m, k, into: vs, ok: oks)
    for (t, slot, type) in [(v, vs, e.type), (ok, oks, GoType.bool)] {
      guard case .place(let x) = t else { continue }
      if case .mapIndex(let m2, let k2) = x.kind {
        withTemporaries { storeEntry(m2.type, map: value(m2), key: value(k2), from: slot) }
      } else {
        withTemporaries { store(type, from: slot, to: place(x)) }
      }
    }
  }

  /// len, clear and delete of a map (nil when `b` is not about a map).
  func mapBuiltin(_ b: Builtin, _ args: [TypedExpr], into dst: Int?) -> Bool {
    guard let m = args.first, m.type.isMap else { return false }
    switch b {
    case .len:
      let ms = value(m)
      if let dst { mapOp(.len(map: ms), m.type, into: dst) }
    case .clear: mapOp(.clear(map: value(m)), m.type)
    case .delete:
      let ms = value(m)
      let ks = value(args[1])
      mapOp(.delete(map: ms, key: ks), m.type)
    default: return false
    }
    return true
  }

  /// `for k, v := range m`: the iterator in the frame; each iteration's test and advance is one
  /// iterNext, which charges what the other range loops' test and increment do.
  func mapRangeLoop(_ r: RangeLoop, _ span: Span) {
    if mapClearIdiom(r) { return }
    loops.append(LoopLabels(target: r.target))
    let t = r.operand.type
    let L = session.mapLayout(t)
    let held = allocate(t)
    value(r.operand, into: held)
    let iter = allocate(MapIter.type)
    mapOp(.iterInit(map: held, iter: iter), t)
    let head = label()
    pendingCost += 2 * session.statementCost
    let next = mapOp(.iterNext(iter: iter), t)
    if case .place = r.key {
      let k = allocate(L.key)
      load(L.key, from: .memory(iter + MapIter.key, 0), to: k)
      bind(r.key, from: k, L.key, declaring: r.defines)
    }
    if case .place = r.value {
      let v = allocate(L.elem)
      load(L.elem, from: .memory(iter + MapIter.elem, 0), to: v)
      bind(r.value, from: v, L.elem, declaring: r.defines)
    }
    for s in r.body { statement(s) }
    let continueAt = label()
    emit(Instruction(op: .loop, a: Int32(head)))
    let end = label()
    patch(next, to: end)
    let labels = loops.removeLast()
    for b in labels.breaks { patch(b, to: end) }
    for c in labels.continues { patch(c, to: continueAt) }
  }

  /// walk/range.go isMapClear: `for k := range m { delete(m, k) }` is one mapclear (not for
  /// keys that may not equal themselves: floats).
  func mapClearIdiom(_ r: RangeLoop) -> Bool {
    guard case .place(let keyExpr)? = r.key, case .variable(let key) = keyExpr.kind,
      r.value == nil || isDiscard(r.value), r.body.count == 1,
      case .expression(let call) = r.body[0].kind, case .builtin(.delete, let args, _) = call.kind,
      case .variable(let kv) = args[1].kind, kv === key, sameSafeExpression(args[0], r.operand),
      isReflexive(r.operand.type.mapTypes!.key)
    else { return false }
    _ = withTemporaries { mapOp(.clear(map: value(r.operand)), r.operand.type) }
    return true
  }

  /// types.IsReflexive: == is an equivalence on the type (not for floats).
  func isReflexive(_ t: GoType) -> Bool {
    switch t.kind {
    case .float: return false
    case .array(let e, _): return isReflexive(e)
    case .structure(let fs): return fs.allSatisfy { isReflexive($0.type) }
    default: return true
    }
  }
}
