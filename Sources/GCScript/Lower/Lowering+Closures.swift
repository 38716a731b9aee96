// Lowering function values: funcvals, function literals, their captured variables, and calls
// through a value.
//
// A func value is the address of a funcval (runtime2.go `funcval`): its first word is the
// function's code pointer — here a simulated text address, `AddressSpace.textBase` plus 64
// bytes per function of the session's table — and a closure's captured variables follow, as
// escape analysis laid them out (flowClosures: a value, or the address of a variable captured
// by reference). A declared function's value, or a literal's that captures nothing, is one
// static funcval in read-only data; a literal that captures makes its funcval where it is
// evaluated, on the heap or in the frame (walk/closure.go walkClosure).
//
// A call through a value (`callValue`) reads the code pointer and hands the funcval to the
// callee, as the closure context register (DX on amd64); a literal's code copies its captures
// from it into its own slots before anything else (`closureContext`, then loads): a capture by
// value is a slot of the literal's frame, one by reference a slot holding the variable's
// address, through which every use goes.

import GoHeap

extension LoweringSession {
  /// A function's simulated code pointer (what a funcval's first word holds).
  func codePointer(of f: Function) -> UInt64 {
    AddressSpace.textBase + UInt64(index(of: f)) * AddressSpace.textBytesPerFunction
  }

  /// The static funcval of a declared function or of a literal without captures.
  func staticFuncval(of f: Function) -> UInt64 {
    var word = codePointer(of: f)
    return rodataAddress(of: withUnsafeBytes(of: &word) { Array($0) })
  }
}

extension Lowerer {
  /// The literal's captures: their slots, then the loads from the funcval (the prologue's
  /// first instructions, while the caller's context is current).
  func capturePrologue() {
    guard !function.captures.isEmpty, let fields = function.funcvalType?.structFields else { return }
    let context = allocate(pointers: [true])
    emit(Instruction(op: .closureContext, a: Int32(context)))
    for (c, field) in zip(function.captures, fields.dropFirst()) {
      let slot = allocate(field.type)
      slots[ObjectIdentifier(c)] = slot
      load(field.type, from: .memory(context, field.offset), to: slot)
    }
  }

  /// `.closure`: the literal's funcval into `dst`.
  func closure(_ fn: Function, _ site: AllocationSite, into dst: Int) {
    if site.removedByDeadLocals {
      // Dropped by deadlocals (Inline/DeadLocals.swift): nothing reads the value.
      emit(Instruction(op: .zero, a: Int32(dst), b: operand(1, of: .uintptr)))
      return
    }
    if fn.captures.isEmpty {
      emit(Instruction(op: .constant, a: Int32(dst), b: constant(session.staticFuncval(of: fn))))
      return
    }
    withTemporaries {
      allocation(.object, site.type, site, into: dst)
      let pc = allocate(.uintptr)
      emit(Instruction(op: .constant, a: Int32(pc), b: constant(session.codePointer(of: fn))))
      store(.uintptr, from: pc, to: .memory(dst, 0))
      guard let fields = fn.funcvalType?.structFields else { return }
      for (c, field) in zip(fn.captures, fields.dropFirst()) {
        // The variable as this function sees it: its own, or its capture of it.
        guard let outer = c.capturedFrom else { continue }
        let use = TypedExpr(.variable(outer), outer.type, fn.literalSpan ?? span)
        if c.isCapturedByReference {
          store(field.type, from: value(TypedExpr(.addressOf(use), field.type, use.span)), to: .memory(dst, field.offset))
        } else {
          store(field.type, from: value(use), to: .memory(dst, field.offset))
        }
      }
    }
  }

  /// A call through a function value: the value first, then the arguments into the callee's
  /// window (results, then parameters), as for a declared function.
  func callValue(_ callee: TypedExpr, _ args: [TypedExpr], results use: ([Int]) -> Void) {
    if case .interfaceMethod(let x, let k) = callee.kind { return interfaceCall(x, k, callee.type, args, results: use) }
    guard case .function(let params, let resultTypes, _) = callee.type.kind else { return }
    withTemporaries {
      let target = value(callee)
      let window = top
      let results = resultTypes.map { allocate($0) }
      let resultWords = top - window
      let slots = params.prefix(args.count).map { allocate($0) }
      for k in goOrder(args) { withTemporaries { value(args[k], into: slots[k]) } }
      emit(Instruction(op: .callValue, a: Int32(target), b: Int32(window), c: Int32(top - window), d: Int32(resultWords)))
      use(results)
    }
  }

  func callValue(_ callee: TypedExpr, _ args: [TypedExpr], resultInto dst: Int?) {
    callValue(callee, args) { results in
      if let dst, case .function(_, let rs, _) = callee.type.kind, rs.count == 1 {
        move(rs[0], from: results[0], to: dst)
      }
    }
  }
}
