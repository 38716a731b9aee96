// Lowering expressions: each is evaluated into slots. `value(e)` returns the slot holding e's
// value — a variable's own slot when e is a variable that lives in slots, so reading one costs
// no instruction — and `value(e, into:)` evaluates into given slots.

import GoHeap

extension Lowerer {
  /// The slot holding e's value (a variable's own, or a new temporary).
  func value(_ e: TypedExpr) -> Int {
    if case .variable(let v) = e.kind, case .slots(let s) = variablePlace(v) { return s }
    // A conversion to a 64-bit integer type changes no bit of an integer in a slot (slots
    // hold integers sign- or zero-extended to 64 bits): the operand's slot is the value.
    if case .conversion(let x) = e.kind, e.type.isInteger, e.type.size == 8, x.type.isInteger {
      return value(x)
    }
    let dst = allocate(e.type)
    value(e, into: dst)
    return dst
  }

  /// Evaluates e into the slots at `dst` (e.type.words of them).
  func value(_ e: TypedExpr, into dst: Int) {
    let t = e.type
    // An expression that can panic (an index, a slice, a dereference, a division, a shift)
    // locates the panic at itself; anything else at its statement.
    let statementSpan = span
    defer { span = statementSpan }
    switch e.kind {
    case .index, .slice, .deref, .field, .shift: span = e.span
    case .binary(let op, _, _) where op == "/" || op == "%": span = e.span
    default: break
    }
    switch e.kind {
    case .constant(let c): constantValue(c, t, into: dst)
    case .nilValue: emit(Instruction(op: .zero, a: Int32(dst), b: operand(t.words, of: t)))
    case .variable(let v): load(t, from: variablePlace(v), to: dst)
    case .unary(let op, let x): unary(op, x, t, into: dst)
    case .binary(let op, let a, let b): binary(op, a, b, e, into: dst)
    case .logical(let op, let a, let b):
      value(a, into: dst)
      let skip = emit(Instruction(op: op == "&&" ? .jumpIfNot : .jumpIf, a: Int32(dst)))
      value(b, into: dst)
      patch(skip, to: label())
    case .shift(let op, let x, let n):
      withTemporaries {
        let (xs, ns) = inGoOrder(x, n) { value($0) }
        let opcode: Opcode = op == "<<" ? .shl : (t.isUnsigned ? .shrU : .shrS)
        emit(Instruction(op: opcode, a: Int32(dst), b: Int32(xs), c: Int32(ns), d: n.type.isUnsigned ? 0 : 1))
        wrap(t, dst)
      }
    case .conversion(let x) where t.isInterface: convertToInterface(x, to: t, e, into: dst)
    case .conversion(let x): conversion(x, to: t, e, into: dst)
    case .call(let f, let args): call(f, args, resultInto: dst)
    case .callValue(let f, let args): callValue(f, args, resultInto: dst)
    case .functionValue(let f):
      emit(Instruction(op: .constant, a: Int32(dst), b: constant(session.staticFuncval(of: f))))
    case .closure(let fn, let site): closure(fn, site, into: dst)
    case .builtin(let b, let args, let spread): builtin(b, args, spread: spread, e, into: dst)
    case .new(let elem, let site):
      allocation(AllocationDesc.Kind.object, elem, site, into: dst)
    case .makeSlice(_, let len, let cap, let site):
      withTemporaries {
        let l = value(len)
        let c = cap.map { value($0) }
        allocation(.makeSlice(len: l, cap: c), site.type, site, into: dst)
      }
    case .index, .field, .deref:
      indexOrField(e, into: dst)
    case .slice(let base, let lo, let hi, let mx): sliceExpression(base, lo, hi, mx, into: dst)
    case .addressOf(let x): address(of: x, into: dst)
    case .composite(let elems, let site): composite(t, elems, site, into: dst)
    case .inlinedCall(let ic): inlinedCall(ic, into: dst)
    case .initialized(let stmts, let x):
      for st in stmts { statement(st, charged: false) }
      value(x, into: dst)
    case .mapIndex(let m, let k): mapAccess(m, k, into: dst)
    case .makeMap(let hint, let site): makeMap(t, hint: hint, site, into: dst)
    case .mapLiteral(let entries, let site): mapLiteral(t, entries, site, into: dst)
    case .typeAssert(let x, let to, let mode): typeAssertion(x, to, mode, into: dst)
    // A callee (Lowering+Closures' interfaceCall), or alone the nil check a method value of an
    // interface makes where it is written (walk/closure.go walkMethodValue: OCHECKNIL of the
    // itab): a nil interface has no method to bind.
    case .interfaceMethod(let x, _):
      withTemporaries {
        let iface = value(x)
        emit(Instruction(op: .nilCheck, a: Int32(iface)))
      }
    }
  }

  // MARK: Constants

  func constantValue(_ c: Constant, _ t: GoType, into dst: Int) {
    switch c {
    case .int(let v):
      if t.isFloat { return floatConstant(Double(v), t, into: dst) }
      let bits = Int64(truncatingIfNeeded: v)
      integerConstant(bits, into: dst)
    case .float(let f, _):
      if t.isInteger { return integerConstant(Int64(f), into: dst) }
      floatConstant(f, t, into: dst)
    case .bool(let b): emit(Instruction(op: .immediate, a: Int32(dst), b: b ? 1 : 0))
    case .string(let s):
      let bytes = StringConstantBytes.bytes(s)
      if bytes.isEmpty {
        emit(Instruction(op: .zero, a: Int32(dst), b: 2))
        return
      }
      emit(Instruction(op: .constant, a: Int32(dst), b: constant(session.rodataAddress(of: bytes))))
      integerConstant(Int64(bytes.count), into: dst + 1)
    }
  }

  func integerConstant(_ v: Int64, into dst: Int) {
    if v >= Int64(Int32.min) && v <= Int64(Int32.max) {
      emit(Instruction(op: .immediate, a: Int32(dst), b: Int32(v)))
    } else {
      emit(Instruction(op: .constant, a: Int32(dst), b: constant(UInt64(bitPattern: v))))
    }
  }

  func floatConstant(_ f: Double, _ t: GoType, into dst: Int) {
    let v = t.size == 4 ? Double(Float(f)) : f
    emit(Instruction(op: .constant, a: Int32(dst), b: constant(v.bitPattern)))
  }

  // MARK: Operators

  /// A narrow integer result is re-normalised to its type's width (Go's wrap-around).
  func wrap(_ t: GoType, _ slot: Int) {
    if case .int(let bits, let signed) = t.kind, bits < 64 {
      emit(Instruction(op: .extend, a: Int32(slot), b: Int32(slot), c: Int32(bits), d: signed ? 1 : 0))
    }
    if case .float(32) = t.kind { emit(Instruction(op: .roundF32, a: Int32(slot), b: Int32(slot))) }
  }

  private func unary(_ op: String, _ x: TypedExpr, _ t: GoType, into dst: Int) {
    withTemporaries {
      let xs = value(x)
      switch op {
      case "-": emit(Instruction(op: t.isFloat ? .fneg : .neg, a: Int32(dst), b: Int32(xs)))
      case "^": emit(Instruction(op: .complement, a: Int32(dst), b: Int32(xs)))
      case "!": emit(Instruction(op: .not, a: Int32(dst), b: Int32(xs)))
      default: move(t, from: xs, to: dst)
      }
      if op != "!" { wrap(t, dst) }
    }
  }

  /// The small constant an operand is, when it fits an immediate.
  func smallConstant(_ e: TypedExpr) -> Int32? {
    guard case .int(let v)? = e.constant, e.type.isInteger || e.type.isBool,
      v >= Int128(Int32.min), v <= Int128(Int32.max)
    else { return nil }
    return Int32(v)
  }

  /// A string operand of a comparison or a concatenation. `string(b)` there is a view of b's
  /// bytes, not a copy: the operation does not keep the string (walk/order.go marks the
  /// conversion OBYTES2STRTMP), so nothing is allocated. A byte slice's first two slots are
  /// the string's.
  func stringOperand(_ e: TypedExpr) -> Int {
    if case .conversion(let x) = e.kind, e.type.isString, x.type.sliceElement?.size == 1 {
      return value(x)
    }
    return value(e)
  }

  /// The operands of a concatenation, nested ones included (the checker made `a + b + c` one
  /// site: one runtime.concatstrings).
  func concatOperands(_ e: TypedExpr) -> [TypedExpr] {
    guard case .binary("+", let a, let b) = e.kind, e.type.isString else { return [e] }
    func flatten(_ x: TypedExpr) -> [TypedExpr] {
      if case .binary("+", _, _) = x.kind, x.type.isString, x.site == nil { return concatOperands(x) }
      return [x]
    }
    return flatten(a) + flatten(b)
  }

  private func binary(_ op: String, _ a: TypedExpr, _ b: TypedExpr, _ e: TypedExpr, into dst: Int) {
    let t = a.type
    if t.isInterface { return interfaceComparison(op, a, b, into: dst) }
    withTemporaries {
      if t.isString && op == "+" {
        // `s + k()` reads s after k ran (EvaluationOrder.swift).
        let parts = concatOperands(e)
        var operands = [Int](repeating: 0, count: parts.count)
        for k in goOrder(parts) { operands[k] = stringOperand(parts[k]) }
        let buffer = e.site.flatMap { $0.onHeap ? nil : siteSlots[ObjectIdentifier($0)] }
        code.concats.append(ConcatDesc(operands: operands, site: e.site, buffer: buffer))
        emit(Instruction(op: .concat, a: Int32(dst), b: Int32(code.concats.count - 1)))
        return
      }
      if t.isString {
        let (x, y) = inGoOrder(a, b, stringOperand)
        switch op {
        case "==": emit(Instruction(op: .strEq, a: Int32(dst), b: Int32(x), c: Int32(y)))
        case "!=": emit(Instruction(op: .strNe, a: Int32(dst), b: Int32(x), c: Int32(y)))
        case "<": emit(Instruction(op: .strLt, a: Int32(dst), b: Int32(x), c: Int32(y)))
        case "<=": emit(Instruction(op: .strLe, a: Int32(dst), b: Int32(x), c: Int32(y)))
        case ">": emit(Instruction(op: .strLt, a: Int32(dst), b: Int32(y), c: Int32(x)))
        default: emit(Instruction(op: .strLe, a: Int32(dst), b: Int32(y), c: Int32(x)))
        }
        return
      }
      if t.isStruct || t.isArray {
        // == and != of structs and arrays (walk/compare.go): every field and element compared by
        // its own type's rule, in one instruction. Operands of a gigabyte or more, in memory, are
        // compared there (as Go's memequal call on their addresses: no frame slot).
        code.equalities.append(t)
        if t.size >= FrameLimit.maxStackSize, isMemoryOperand(a), isMemoryOperand(b) {
          let (x, y) = (addressSlot(place(a)), addressSlot(place(b)))
          emit(Instruction(op: .aggEqMemory, a: Int32(dst), b: Int32(x), c: Int32(y), d: Int32(code.equalities.count - 1)))
        } else {
          let (x, y) = inGoOrder(a, b) { value($0) }
          emit(Instruction(op: .aggEq, a: Int32(dst), b: Int32(x), c: Int32(y), d: Int32(code.equalities.count - 1)))
        }
        if op == "!=" { emit(Instruction(op: .not, a: Int32(dst), b: Int32(dst))) }
        return
      }
      if t.isFloat {
        let (x, y) = inGoOrder(a, b) { value($0) }
        let ops: [String: (Opcode, Bool)] = [
          "+": (.fadd, false), "-": (.fsub, false), "*": (.fmul, false), "/": (.fdiv, false),
          "==": (.feq, false), "!=": (.fne, false), "<": (.flt, false), "<=": (.fle, false),
          ">": (.flt, true), ">=": (.fle, true),
        ]
        let (opcode, swap) = ops[op] ?? (.fadd, false)
        emit(Instruction(op: opcode, a: Int32(dst), b: Int32(swap ? y : x), c: Int32(swap ? x : y)))
        if !Checker.comparisons.contains(op) { wrap(t, dst) }
        return
      }
      // Integers, bools, pointers, slices (== nil compares the data pointer).
      if let k = smallConstant(b), let opcode = Self.immediateOp(op, k, unsigned: t.isUnsigned) {
        let x = value(a)
        emit(Instruction(op: opcode, a: Int32(dst), b: Int32(x), c: k))
      } else {
        let (x, y) = inGoOrder(a, b) { value($0) }
        let unsigned = t.isUnsigned
        let (opcode, swap): (Opcode, Bool)
        switch op {
        case "+": (opcode, swap) = (.add, false)
        case "-": (opcode, swap) = (.sub, false)
        case "*": (opcode, swap) = (.mul, false)
        case "/": (opcode, swap) = (unsigned ? .divU : .divS, false)
        case "%": (opcode, swap) = (unsigned ? .remU : .remS, false)
        case "&": (opcode, swap) = (.and, false)
        case "|": (opcode, swap) = (.or, false)
        case "^": (opcode, swap) = (.xor, false)
        case "&^": (opcode, swap) = (.andNot, false)
        case "==": (opcode, swap) = (.eq, false)
        case "!=": (opcode, swap) = (.ne, false)
        case "<": (opcode, swap) = (unsigned ? .ltU : .ltS, false)
        case "<=": (opcode, swap) = (unsigned ? .leU : .leS, false)
        case ">": (opcode, swap) = (unsigned ? .ltU : .ltS, true)
        default: (opcode, swap) = (unsigned ? .leU : .leS, true)
        }
        emit(Instruction(op: opcode, a: Int32(dst), b: Int32(swap ? y : x), c: Int32(swap ? x : y)))
      }
      if !Checker.comparisons.contains(op) { wrap(t, dst) }
    }
  }

  /// A binary operator's two operands, the side that calls something first when only the right
  /// one does (`x + f()` reads x after f ran: EvaluationOrder.swift).
  func inGoOrder(_ a: TypedExpr, _ b: TypedExpr, _ evaluate: (TypedExpr) -> Int) -> (Int, Int) {
    if b.callsSomething && !a.callsSomething {
      let y = evaluate(b)
      return (evaluate(a), y)
    }
    let x = evaluate(a)
    return (x, evaluate(b))
  }

  /// The immediate form of `x op k` (k a small signed constant), if it has one: unsigned
  /// comparisons have none, and a division's constant is never zero (the checker rejects
  /// `x / 0`), nor negative for an unsigned one.
  static func immediateOp(_ op: String, _ k: Int32, unsigned: Bool) -> Opcode? {
    switch op {
    case "+": return .addImm
    case "-": return .subImm
    case "*": return .mulImm
    case "&": return .andImm
    case "==": return .eqImm
    case "!=": return .neImm
    case "/" where k != 0: return unsigned ? (k > 0 ? .divUImm : nil) : .divSImm
    case "%" where k != 0: return unsigned ? (k > 0 ? .remUImm : nil) : .remSImm
    default: return nil
    }
  }

  // MARK: Conversions

  private func conversion(_ x: TypedExpr, to t: GoType, _ e: TypedExpr, into dst: Int) {
    let from = x.type
    withTemporaries {
      if t.isString && !from.isString || t.isSlice && from.isString {
        let kind: ConversionDesc.Kind
        if t.isString && from.isInteger {
          kind = .runeToString
        } else if t.isString {
          kind = from.sliceElement!.size == 1 ? .bytesToString : .runesToString
        } else {
          kind = t.sliceElement!.size == 1 ? .stringToBytes : .stringToRunes
        }
        let src = value(x)
        let site = e.site
        let buffer = site.flatMap { $0.onHeap ? nil : siteSlots[ObjectIdentifier($0)] }
        code.conversions.append(ConversionDesc(
          kind: kind, site: site, buffer: buffer, bufferCount: site?.constantCount ?? 0,
          zeroCopy: site?.zeroCopy ?? false))
        emit(Instruction(op: .convertString, a: Int32(dst), b: Int32(code.conversions.count - 1), c: Int32(src)))
        return
      }
      if from.isSlice, let array = t.arrayInfo ?? t.pointee?.arrayInfo {
        sliceToArray(x, array.count, to: t, into: dst)
        return
      }
      let src = value(x)
      if t.isInteger && from.isFloat {
        emit(Instruction(op: t.isUnsigned ? .floatToUint : .floatToInt, a: Int32(dst), b: Int32(src)))
        wrap(t, dst)
      } else if t.isFloat && from.isInteger {
        emit(Instruction(op: from.isUnsigned ? .uintToFloat : .intToFloat, a: Int32(dst), b: Int32(src)))
        wrap(t, dst)
      } else if t.isFloat && from.isFloat {
        move(t, from: src, to: dst)
        if t.size == 4 && from.size == 8 { wrap(t, dst) }
      } else if t.isInteger && from.isInteger {
        move(t, from: src, to: dst)
        if t.size < 8 || from.isUnsigned != t.isUnsigned && t.size < from.size { wrap(t, dst) }
      } else {
        move(t, from: src, to: dst)
      }
    }
  }

  /// `(*[n]T)(s)`: the slice's data address once its length is checked; `[n]T(s)`, the array
  /// loaded through it — but for n == 0, where a nil slice converts to the empty array and
  /// nothing is loaded (walk/convert.go walkSliceToArray marks the dereference bounded).
  private func sliceToArray(_ x: TypedExpr, _ n: Int, to t: GoType, into dst: Int) {
    let s = value(x)
    let pointer = t.isPointer ? dst : allocate(.uintptr)
    emit(Instruction(op: .sliceToArrayPointer, a: Int32(pointer), b: Int32(s), c: Int32(n)))
    guard t.isArray else { return }
    if n == 0 || t.size == 0 {
      emit(Instruction(op: .zero, a: Int32(dst), b: Int32(t.words)))
    } else {
      load(t, from: .memory(pointer, 0), to: dst)
    }
  }

  // MARK: Calls

  /// A call: the window (results, then arguments) at the top of the frame, the callee's frame
  /// starting there.
  func call(_ f: Function, _ args: [TypedExpr], resultInto dst: Int?) {
    call(f, args) { results in
      if let dst, let r = f.result { move(r, from: results[0], to: dst) }
    }
  }

  /// A call, running `use` with the first slot of each result before the window is released.
  func call(_ f: Function, _ args: [TypedExpr], results use: ([Int]) -> Void) {
    withTemporaries {
      let window = top
      let results = f.results.map { allocate($0.type) }
      let resultWords = top - window
      // Each argument's slot, then the arguments in Go's order (EvaluationOrder.swift).
      let slots = f.params.prefix(args.count).map { allocate($0.type) }
      for k in goOrder(args) { withTemporaries { value(args[k], into: slots[k]) } }
      emit(Instruction(op: .call, a: Int32(session.index(of: f)), b: Int32(window), c: Int32(top - window), d: Int32(resultWords)))
      use(results)
    }
  }

  /// An inlined call (Inline/Inliner.swift): the callee's body in this frame — no call
  /// instruction, no frame of its own. The arguments are evaluated first, then assigned to
  /// the parameters (Go's `p1, p2 := a1, a2`); each statement of the body is lowered as one of
  /// this function (its cost, its span: a panic in it reports the callee's line); a return
  /// stores the result variable and jumps to the end. Every slot it used is released after.
  func inlinedCall(_ ic: InlinedCall, into dst: Int?) {
    inlinedCall(ic) { results in
      if let dst, let r = ic.result { move(r.type, from: results[0], to: dst) }
    }
  }

  /// An inlined call, running `use` with the slots of its results (its result variables', or
  /// copies of those that live in memory) before its slots are released. Named results start
  /// as zero values (inl.go zeroes its retvars at the call).
  func inlinedCall(_ ic: InlinedCall, results use: ([Int]) -> Void) {
    let mark = top
    let callSpan = span
    defer {
      release(to: mark)
      span = callSpan
    }
    // The arguments in Go's order (EvaluationOrder.swift), then assigned to the parameters.
    let arguments = ic.args.map { allocate($0.type) }
    for k in goOrder(ic.args) { value(ic.args[k], into: arguments[k]) }
    for (p, slot) in zip(ic.params, arguments) {
      declare(p)
      store(p.type, from: slot, to: variablePlace(p))
    }
    for r in ic.results {
      declare(r)
      if ic.callee.namedResults, case .slots(let slot) = variablePlace(r) {
        emit(Instruction(op: .zero, a: Int32(slot), b: operand(r.type.words, of: r.type)))
      }
    }
    inlineExits.append((ic, []))
    for s in ic.body { statement(s) }
    let exits = inlineExits.removeLast()
    if !exits.jumps.isEmpty {
      let end = label()
      for j in exits.jumps { patch(j, to: end) }
    }
    var slots: [Int] = []
    for r in ic.results {
      let p = variablePlace(r)
      if case .slots(let s) = p {
        slots.append(s)
      } else {
        let s = allocate(r.type)
        load(r.type, from: p, to: s)
        slots.append(s)
      }
    }
    use(slots)
  }

  // MARK: Allocation

  /// An allocation instruction for a site: on the heap, or in the frame when escape analysis
  /// kept it there.
  func allocation(_ kind: AllocationDesc.Kind, _ type: GoType, _ site: AllocationSite, into dst: Int) {
    if site.staticData {
      // The binary's data: a global of its own, whose address is the value.
      var t = type
      if case .literal(let count) = kind { t = .array(of: type, count: count) }
      let slot = session.allocateHiddenGlobal(t)
      emit(Instruction(op: .globalAddress, a: Int32(dst), b: Int32(slot)))
      return
    }
    let stackSlot = site.onHeap ? nil : siteSlots[ObjectIdentifier(site)]
    let capacity = stackSlot == nil ? nil : stackCount(site)
    code.allocations.append(AllocationDesc(kind: kind, type: type, stackSlot: stackSlot, stackCapacity: capacity, site: site))
    emit(Instruction(op: .allocate, a: Int32(dst), b: Int32(code.allocations.count - 1)))
  }

  // MARK: Places

  /// Where a variable lives.
  func variablePlace(_ v: Variable) -> Place {
    if v.storage == .global {
      session.allocateGlobal(v)
      if v.addressTaken {
        let a = allocate(.pointer(to: v.type))
        emit(Instruction(op: .globalAddress, a: Int32(a), b: Int32(v.globalSlot!)))
        return .memory(a, 0)
      }
      return .global(v.globalSlot!)
    }
    guard let slot = slots[ObjectIdentifier(v)] else {
      // Declared later in a block not yet lowered: cannot happen in checked code.
      return .slots(allocate(v.type))
    }
    if v.movedToHeap { return .memory(slot, 0) }
    if v.addressTaken {
      let a = allocate(.pointer(to: v.type))
      emit(Instruction(op: .frameAddress, a: Int32(a), b: Int32(slot), c: operand(v.type.words, of: v.type)))
      return .memory(a, 0)
    }
    return .slots(slot)
  }

  /// A part of a place: `offset` bytes into it, of type `t`.
  func subPlace(_ base: Place, offset: Int, _ t: GoType) -> Place {
    let wordShaped = offset % 8 == 0 && (isScalar(t) ? t.size == 8 : t.size % 8 == 0)
    switch base {
    case .slots(let s):
      if wordShaped { return .slots(s + offset / 8) }
      let a = allocate(.pointer(to: t))
      emit(Instruction(op: .frameAddress, a: Int32(a), b: Int32(s), c: Int32((offset + t.size + 7) / 8)))
      return .memory(a, offset)
    case .global(let g):
      if wordShaped { return .global(g + offset / 8) }
      let a = allocate(.pointer(to: t))
      emit(Instruction(op: .globalAddress, a: Int32(a), b: Int32(g)))
      return .memory(a, offset)
    case .memory(let a, let off): return .memory(a, off + offset)
    }
  }

  /// The address a memory place denotes, in a slot.
  func addressSlot(_ p: Place, nilCheck: Bool = true) -> Int {
    switch fitted(p) {
    case .memory(let a, 0) where !nilCheck: return a
    case .memory(let a, let off):
      let dst = allocate(.uintptr)
      emit(Instruction(op: .offsetAddress, a: Int32(dst), b: Int32(a), c: Int32(off)))
      return dst
    case .slots(let s):
      let dst = allocate(.uintptr)
      emit(Instruction(op: .frameAddress, a: Int32(dst), b: Int32(s), c: 1))
      return dst
    case .global(let g):
      let dst = allocate(.uintptr)
      emit(Instruction(op: .globalAddress, a: Int32(dst), b: Int32(g)))
      return dst
    }
  }

  /// The place an addressable expression (or a field or element of any value) denotes. Values
  /// that are not addressable (a call's result) are evaluated into temporaries first.
  func place(_ e: TypedExpr) -> Place {
    switch e.kind {
    case .variable(let v): return variablePlace(v)
    case .deref(let p): return .memory(value(p), 0)
    case .field(let base, let k):
      let f = base.type.structFields![k]
      return subPlace(place(base), offset: f.offset, f.type)
    case .index(let base, let i):
      if base.type.isSlice {
        let s = value(base)
        let ix = value(i)
        let a = allocate(.uintptr)
        elementAddress(into: a, slice: s, index: ix, size: e.type.size)
        return .memory(a, 0)
      }
      // An array value: a constant index is a fixed offset, a variable one is checked.
      let (elem, count) = base.type.arrayInfo!
      let basePlace = place(base)
      if case .int(let k)? = i.constant { return subPlace(basePlace, offset: Int(k) * elem.size, elem) }
      let baseAddress = addressSlot(basePlace)
      let ix = value(i)
      code.arrayIndexes.append(ArrayIndexDesc(count: count, elemSize: elem.size))
      let a = allocate(.uintptr)
      emit(Instruction(op: .arrayElementAddress, a: Int32(a), b: Int32(baseAddress), c: Int32(ix), d: Int32(code.arrayIndexes.count - 1)))
      return .memory(a, 0)
    default:
      return .slots(value(e))
    }
  }

  /// `s[i]`, `x.f`, `*p`: loaded from their place (a scalar slice element in one instruction).
  private func indexOrField(_ e: TypedExpr, into dst: Int) {
    withTemporaries {
      if case .index(let base, let i) = e.kind {
        if base.type.isString {
          let s = value(base)
          let ix = value(i)
          emit(Instruction(op: .strIndex, a: Int32(dst), b: Int32(s), c: Int32(ix)))
          return
        }
        if base.type.isSlice, let op = Self.loadElementOp(e.type) {
          let s = value(base)
          let ix = value(i)
          emit(Instruction(op: op, a: Int32(dst), b: Int32(s), c: Int32(ix)))
          return
        }
      }
      load(e.type, from: place(e), to: dst)
    }
  }

  static func loadElementOp(_ t: GoType) -> Opcode? {
    switch t.kind {
    case .bool: return .loadElem1U
    case .int(let bits, let signed):
      switch bits {
      case 8: return signed ? .loadElem1S : .loadElem1U
      case 16: return signed ? .loadElem2S : .loadElem2U
      case 32: return signed ? .loadElem4S : .loadElem4U
      default: return .loadElem8
      }
    case .uintptr, .pointer, .map: return .loadElem8
    case .float(let bits): return bits == 32 ? .loadElemF32 : .loadElem8
    default: return nil
    }
  }

  static func storeElementOp(_ t: GoType) -> Opcode? {
    switch t.kind {
    case .bool: return .storeElem1
    case .int(let bits, _):
      switch bits {
      case 8: return .storeElem1
      case 16: return .storeElem2
      case 32: return .storeElem4
      default: return .storeElem8
      }
    case .uintptr, .pointer, .map: return .storeElem8
    case .float(let bits): return bits == 32 ? .storeElemF32 : .storeElem8
    default: return nil
    }
  }

  /// `&x`: a variable's or an element's address, or a new object holding a composite literal.
  private func address(of x: TypedExpr, into dst: Int) {
    withTemporaries {
      if case .composite(let elems, let site?) = x.kind {
        let pre = preevaluated(elems)
        allocation(.object, x.type, site, into: dst)
        if elems.count == 1, elems[0].index == TypedExpr.wholeValue {
          // &[]T{...}: the new header object holds the literal's slice.
          store(x.type, from: value(elems[0].value), to: .memory(dst, 0))
          return
        }
        storeElements(x.type, elems, to: .memory(dst, 0), fresh: true, preevaluated: pre)
        return
      }
      if case .variable(let v) = x.kind, v.storage != .global, let slot = slots[ObjectIdentifier(v)] {
        if v.movedToHeap {
          emit(Instruction(op: .move, a: Int32(dst), b: Int32(slot)))
        } else {
          emit(Instruction(op: .frameAddress, a: Int32(dst), b: Int32(slot), c: operand(v.type.words, of: v.type)))
        }
        return
      }
      let p = fitted(place(x))
      switch p {
      case .memory(let a, let off):
        emit(Instruction(op: .offsetAddress, a: Int32(dst), b: Int32(a), c: Int32(off)))
      case .global(let g):
        emit(Instruction(op: .globalAddress, a: Int32(dst), b: Int32(g)))
      case .slots(let s):
        emit(Instruction(op: .frameAddress, a: Int32(dst), b: Int32(s), c: operand(x.type.words, of: x.type)))
      }
    }
  }

  // MARK: Slices

  private func sliceExpression(_ base: TypedExpr, _ lo: TypedExpr?, _ hi: TypedExpr?, _ mx: TypedExpr?, into dst: Int) {
    withTemporaries {
      let kind: SliceDesc.Base
      let elemSize: Int
      if base.type.isString {
        kind = .string
        elemSize = 1
      } else if let (e, n) = base.type.pointee?.arrayInfo {
        kind = .array(count: n)
        elemSize = e.size
      } else {
        kind = .slice
        elemSize = base.type.sliceElement!.size
      }
      let b = value(base)
      let l = lo.map { value($0) }
      let h = hi.map { value($0) }
      let m = mx.map { value($0) }
      code.slices.append(SliceDesc(base: kind, lo: l, hi: h, max: m, elemSize: elemSize))
      emit(Instruction(op: .slice, a: Int32(dst), b: Int32(b), c: Int32(code.slices.count - 1)))
    }
  }

  // MARK: Composite literals

  private func composite(_ t: GoType, _ elems: [(index: Int, value: TypedExpr)], _ site: AllocationSite?, into dst: Int) {
    withTemporaries {
      // The elements that call come first, before the literal is built (EvaluationOrder.swift).
      let pre = preevaluated(elems)
      if let elem = t.sliceElement, let site {
        let count = site.constantCount ?? 0
        let backing = allocate(.pointer(to: elem))
        allocation(.literal(count: count), elem, site, into: backing)
        emit(Instruction(op: .move, a: Int32(dst), b: Int32(backing)))
        integerConstant(Int64(count), into: dst + 1)
        integerConstant(Int64(count), into: dst + 2)
        for (j, (k, v)) in elems.enumerated() {
          withTemporaries {
            let slot = pre[j] ?? value(v)
            store(elem, from: slot, to: .memory(backing, k * elem.size))
          }
        }
        return
      }
      emit(Instruction(op: .zero, a: Int32(dst), b: operand(t.words, of: t)))
      storeElements(t, elems, to: .slots(dst), fresh: true, preevaluated: pre)
    }
  }

  /// Stores a struct's or an array's literal elements into a place already zeroed (those in
  /// `preevaluated`, by position, from the slots they were evaluated into).
  func storeElements(
    _ t: GoType, _ elems: [(index: Int, value: TypedExpr)], to base: Place, fresh: Bool, preevaluated: [Int: Int] = [:]
  ) {
    for (j, (k, v)) in elems.enumerated() {
      let (offset, et): (Int, GoType)
      if let fs = t.structFields {
        (offset, et) = (fs[k].offset, fs[k].type)
      } else {
        let e = t.arrayInfo!.elem
        (offset, et) = (k * e.size, e)
      }
      // A zero constant in a fresh object is already there.
      if fresh, let c = v.constant, c == .int(0) || c == .float(0) || c == .bool(false) || c == .string("") { continue }
      if fresh, case .nilValue = v.kind { continue }
      withTemporaries {
        let target = subPlace(base, offset: offset, et)
        if let slot = preevaluated[j] {
          store(et, from: slot, to: target)
        } else if case .slots(let s) = target {
          value(v, into: s)
        } else {
          store(et, from: value(v), to: target)
        }
      }
    }
  }
}
