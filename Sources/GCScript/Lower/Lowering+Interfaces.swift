// Lowering interfaces: conversions to interfaces (walk/convert.go walkConvInterface), type
// assertions (walk/expr.go walkDotType), == on interfaces (walk/compare.go: efaceeq and
// ifaceeq) and method calls through an itab (OCALLINTER). An interface value is two slots: the
// type or itab word (read-only data: Lower/RuntimeTypes.swift) and the data word.

import GoHeap

/// What `makeInterface` and `typeAssert` do (an instruction's descriptor).
final class InterfaceOp {
  enum Kind {
    /// A conversion of a value of type `from` to the interface `to`: dataWord's decision
    /// (nil when `from` is an interface: the type word is converted, the data word kept), and
    /// the frame temporary escape analysis left the value in when it does not escape.
    case make(conversion: InterfaceConversion?, stackSlot: Int?)
    /// `x.(T)` of an interface of type `from` (`to` nil: a type switch's `case nil`).
    case assert(TypeAssertMode)
  }
  let kind: Kind
  let from: GoType
  let to: GoType?
  /// The descriptor of a concrete `from` (make) or `to` (assert); nil for interfaces.
  let typeWord: Address?
  /// The slots the result takes.
  let resultWords: Int

  init(kind: Kind, from: GoType, to: GoType?, typeWord: Address?, resultWords: Int) {
    self.kind = kind
    self.from = from
    self.to = to
    self.typeWord = typeWord
    self.resultWords = resultWords
  }
}

extension Lowerer {
  /// `x` converted to the interface type `t` (OCONVIFACE) into dst's two slots.
  func convertToInterface(_ x: TypedExpr, to t: GoType, _ e: TypedExpr, into dst: Int) {
    withTemporaries {
      let src = value(x)
      let from = x.type
      let kind: InterfaceOp.Kind
      if from.isInterface {
        kind = .make(conversion: nil, stackSlot: nil)
      } else {
        let stackSlot = e.site.flatMap { $0.onHeap ? nil : siteSlots[ObjectIdentifier($0)] }
        kind = .make(conversion: e.interfaceConversion ?? InterfaceConversion.of(x, staticConstant: false, session.compiler), stackSlot: stackSlot)
      }
      let typeWord = from.isInterface ? nil : session.runtimeTypes.descriptor(of: from, session)
      code.interfaceOps.append(InterfaceOp(kind: kind, from: from, to: t, typeWord: typeWord, resultWords: 2))
      emit(Instruction(op: .makeInterface, a: Int32(dst), b: Int32(src), c: Int32(code.interfaceOps.count - 1)))
    }
  }

  /// errors.New(s) inlined (errors.go `return &errorString{text}`): the errorString where escape
  /// analysis put it, the string stored in it, the pointer converted to `error`.
  func newError(_ text: TypedExpr, _ site: AllocationSite, into dst: Int) {
    withTemporaries {
      let pointerType = GoType.pointer(to: errorStringType)
      let p = allocate(pointerType)
      allocation(.object, errorStringType, site, into: p)
      let s = value(text)
      store(.string, from: s, to: .memory(p, 0))
      let typeWord = session.runtimeTypes.descriptor(of: pointerType, session)
      code.interfaceOps.append(InterfaceOp(
        kind: .make(conversion: .noAllocation, stackSlot: nil), from: pointerType, to: .error, typeWord: typeWord, resultWords: 2))
      emit(Instruction(op: .makeInterface, a: Int32(dst), b: Int32(p), c: Int32(code.interfaceOps.count - 1)))
    }
  }

  /// `x.(T)` and a type switch's tests and variables into dst (T's slots, then ok's for
  /// comma-ok; one bool for a test).
  func typeAssertion(_ x: TypedExpr, _ t: GoType?, _ mode: TypeAssertMode, into dst: Int) {
    withTemporaries {
      let src = value(x)
      let typeWord = t.flatMap { $0.isInterface ? nil : session.runtimeTypes.descriptor(of: $0, session) }
      let words: Int
      switch mode {
      case .test: words = 1
      case .commaOk: words = (t?.words ?? 0) + 1
      case .value, .unchecked: words = t?.words ?? 0
      }
      code.interfaceOps.append(InterfaceOp(kind: .assert(mode), from: x.type, to: t, typeWord: typeWord, resultWords: words))
      emit(Instruction(op: .typeAssert, a: Int32(dst), b: Int32(src), c: Int32(code.interfaceOps.count - 1)))
    }
  }

  /// `v, ok := x.(T)`: the two results in slots of their own while `use` stores them.
  func commaOkAssertion(_ e: TypedExpr, _ use: ([Int]) -> Void) {
    guard case .typeAssert(let x, let t?, .commaOk) = e.kind else { return }
    withTemporaries {
      let dst = allocate(pointers: pointerWords(t) + [false])
      typeAssertion(x, t, .commaOk, into: dst)
      use([dst, dst + t.words])
    }
  }

  /// == and != of two interfaces (the checker converted a concrete operand).
  func interfaceComparison(_ op: String, _ a: TypedExpr, _ b: TypedExpr, into dst: Int) {
    withTemporaries {
      let (x, y) = inGoOrder(a, b) { value($0) }
      code.interfaceOps.append(InterfaceOp(kind: .assert(.test), from: a.type, to: nil, typeWord: nil, resultWords: 1))
      let d = (code.interfaceOps.count - 1) << 1 | (op == "!=" ? 1 : 0)
      emit(Instruction(op: .ifaceEq, a: Int32(dst), b: Int32(x), c: Int32(y), d: Int32(d)))
    }
  }

  /// `x.M(args)` of an interface x: the interface, then the window — the results, the
  /// receiver slot (the data word; the VM makes a value receiver of it), the arguments.
  func interfaceCall(_ x: TypedExpr, _ method: Int, _ signature: GoType, _ args: [TypedExpr], results use: ([Int]) -> Void) {
    guard case .function(let params, let resultTypes, _) = signature.kind else { return }
    withTemporaries {
      let iface = value(x)
      let window = top
      let results = resultTypes.map { allocate($0) }
      let resultWords = top - window
      // The receiver's slot: the data word, a pointer (or a pointer-shaped value).
      let receiver = allocate(pointers: [true])
      emit(Instruction(op: .move, a: Int32(receiver), b: Int32(iface + 1)))
      let slots = params.prefix(args.count).map { allocate($0) }
      for k in goOrder(args) { withTemporaries { value(args[k], into: slots[k]) } }
      emit(Instruction(
        op: .callInterface, a: Int32(iface), b: Int32(window), c: Int32(top - window),
        d: Int32(resultWords | method << 16)))
      use(results)
    }
  }
}
