// Callbacks: the runtime calling back into the program while a builtin runs — fmt calling an
// operand's String method (fmt/print.go handleMethods: `case Stringer: p.fmtString(v.String(),
// verb)`), sort.Slice calling its less function (sort/zsortfunc.go, VM+SortSlice.swift).
//
// The call runs on the same goroutine stack, above the frame executing the builtin, as Go's
// fmt frames sit between the caller and the method: the method's frame is pushed at the top
// of the stack and the dispatch loop runs until it returns (VM.stopDepth). The caller's
// operands stay roots meanwhile — they are live at the builtin's instruction — and whatever
// the method allocates is the program's, counted and collected as usual.

import GoHeap

extension VM {
  /// How deeply callbacks may nest (a String method printing a value whose String method
  /// prints ...): each level is a native call of the dispatch loop, and the host's stack is
  /// not Go's 1 GB goroutine stack — a debug build overflows it near 46,000 levels.
  static let maxCallbackDepth = 10_000

  /// Calls a `String() string` method with the receiver's slots (a pointer, or the value's
  /// slots) and returns the string's bytes.
  func callStringMethod(_ m: StringMethod, receiver: [UInt64]) throws -> [UInt8] {
    let result = try callFunction(m.code, arguments: receiver, resultWords: 2, what: "fmt called String methods")
    return try bytes(result[0], Int(result[1]))
  }

  /// Calls the function a func value holds (sort.Slice's less) with one-word arguments and
  /// returns its results' words. A nil func value panics as a call through it does.
  func callFuncValue(_ funcval: UInt64, arguments: [UInt64], resultWords: Int, what: String) throws -> [UInt64] {
    if funcval < AddressSpace.nilPage { throw VMTrap(kind: .nilDereference) }
    let code = try funcvalTarget(funcval)
    return try callFunction(code, arguments: arguments, resultWords: resultWords, what: what)
  }

  /// The call itself: a frame for `code` pushed at the top of the stack, its result slots
  /// first and the arguments after them (the layout a call instruction makes), the dispatch
  /// loop run until it returns. `what` names the caller for the nesting limit's error.
  func callFunction(_ code: Int, arguments: [UInt64], resultWords: Int, what: String) throws -> [UInt64] {
    guard callbackDepth < Self.maxCallbackDepth else {
      throw SimulationLimit(
        "\(what) nested \(Self.maxCallbackDepth) deep, gcsh's limit (a callback that calls back into itself recurses until Go's stack overflows)")
    }
    callbackDepth += 1
    defer { callbackDepth -= 1 }
    let callee = session.functions[code]
    let top = frames.last.map { $0.base + session.functions[$0.function].frameSize } ?? 0
    if top &* 8 &+ frames.count &* 16 &+ callee.stackCheckBytes >= stackGuard.pointee {
      try morestack(callee, base: top)
    }
    (stack + top).update(repeating: 0, count: max(callee.frameSize, resultWords + arguments.count))
    (stack + top + resultWords).update(from: arguments, count: arguments.count)
    let depth = frames.count
    frames.push(CallFrame(function: code, base: top, pc: 0))
    let saved = stopDepth
    stopDepth = depth
    defer {
      stopDepth = saved
      while frames.count > depth { frames.pop() }
    }
    // The callee's deferred calls run before a panic leaves it (fmt's recover, or the caller's).
    try executeRecovering(depth: depth) { $0 }
    return Array(UnsafeBufferPointer(start: stack + top, count: resultWords))
  }
}

extension Printer {
  /// fmt's Stringer case of handleMethods for the program's own types: the String method of
  /// the operand's type, if its method set has one — T's value-receiver method for a T; any
  /// String method of T for a *T. A nil *T whose method panics prints `<nil>` (catchPanic);
  /// any other panic in the method prints `%!v(PANIC=String method: ...)`. Returns nil when
  /// the operand is not a Stringer.
  func programString(_ value: FmtValue, _ verb: Int32) throws -> [UInt8]? {
    let methods = vm.session.stringMethods
    guard !methods.isEmpty else { return nil }
    return try programText(value, verb, "String") { methods[ObjectIdentifier($0)] }
  }

  /// fmt's `case error:` of handleMethods: an operand whose method set has `Error() string` —
  /// errors.errorString's (errors.New, fmt.Errorf), or the program's — prints its Error().
  func programError(_ value: FmtValue, _ verb: Int32) throws -> [UInt8]? {
    if value.type.name == nil, let e = value.type.pointee, e === numErrorType {
      let p = try vm.word(value.source, value.offset)
      return p == 0 ? Array("<nil>".utf8) : try vm.numErrorText(p)
    }
    if value.type.name == nil, let e = value.type.pointee, e === errorStringType || e === wrapErrorType || e === wrapErrorsType {
      let p = try vm.word(value.source, value.offset)
      // A nil *errorString's Error panics; catchPanic prints <nil>.
      if p == 0 { return Array("<nil>".utf8) }
      return try vm.bytes(try vm.load(p, 8), Int(try vm.load(p + 8, 8)))
    }
    return try programText(value, verb, "Error") { vm.runtimeTypes.errorMethod(of: $0) }
  }

  /// A `() string` method of the operand's method set (`method` finds one declared on a named
  /// type) called on it; one promoted from an embedded field is called on that field (the
  /// wrapper Go generates), and an embedded interface's on its dynamic value.
  private func programText(
    _ value: FmtValue, _ verb: Int32, _ name: String, _ method: (GoType) -> StringMethod?
  ) throws -> [UInt8]? {
    if value.type.name != nil, let m = method(value.type), !m.pointerReceiver {
      return try call(m, try slots(of: value), isNilPointer: false, verb)
    }
    guard value.type.name == nil, let e = value.type.pointee, let m = method(e) else {
      if let (inner, throughPointer) = try promotedValue(value, name) {
        // A struct whose embedded interface holds the struct itself calls itself through
        // Go's wrappers until the stack overflows.
        promotionDepth += 1
        defer { promotionDepth -= 1 }
        if promotionDepth > 200 { throw VMTrap(kind: .stackOverflow) }
        // An embedded interface's dynamic value may be any type fmt knows (an errorString).
        if name == "Error", inner.type.isPointer || inner.type.name != nil, value.type !== inner.type {
          return try programError(inner, verb)
        }
        // A pointer-receiver method of an embedded T reached through a pointer (the operand
        // is a *S, or T is embedded as *T) is in the method set: called on &T.
        if throughPointer, inner.type.name != nil, let m = method(inner.type), m.pointerReceiver,
          case .memory(let base) = inner.source
        {
          return try call(m, [base &+ UInt64(inner.offset)], isNilPointer: false, verb)
        }
        return try programText(inner, verb, name, method)
      }
      return nil
    }
    let p = try vm.word(value.source, value.offset)
    if m.pointerReceiver { return try call(m, [p], isNilPointer: p == 0, verb) }
    // Go's autogenerated (*T).String wrapper dereferences the pointer: a nil one panics.
    if p == 0 { return Array("<nil>".utf8) }
    let pointee = FmtValue(type: e, source: .memory(p), offset: 0, inSlot: false, readOnly: false)
    return try call(m, try slots(of: pointee), isNilPointer: false, verb)
  }

  /// The embedded field whose type declares the method `name`, promoted to the operand's type
  /// (RuntimeTypes.promotionPath): its value (a *T field as the pointer), or an embedded
  /// interface's dynamic value; nil when there is none or a nil pointer is in the way.
  private func promotedValue(_ value: FmtValue, _ name: String) throws -> (FmtValue, throughPointer: Bool)? {
    guard !vm.runtimeTypes.shadowsPromotion(value.type, name), let fields = vm.runtimeTypes.promotionPath(of: value.type, name) else { return nil }
    var v = value
    var throughPointer = false
    if value.type.name == nil, let e = value.type.pointee {
      throughPointer = true
      let p = try vm.word(value.source, value.offset)
      if p == 0 { return nil }
      v = FmtValue(type: e, source: .memory(p), offset: 0, inSlot: false, readOnly: value.readOnly)
    }
    for (n, f) in fields.enumerated() {
      v = FmtValue(type: f.type, source: v.source, offset: v.offset + f.offset, inSlot: false, readOnly: v.readOnly)
      if f.type.isInterface { return try vm.dynamicValue(v).map { ($0, false) } }
      if f.type.isPointer { throughPointer = true }
      if n < fields.count - 1, let pointee = f.type.pointee {
        let p = try vm.word(v.source, v.offset)
        if p == 0 { return nil }
        v = FmtValue(type: pointee, source: .memory(p), offset: 0, inSlot: false, readOnly: v.readOnly)
      }
    }
    return (v, throughPointer)
  }

  private func call(_ m: StringMethod, _ receiver: [UInt64], isNilPointer: Bool, _ verb: Int32) throws -> [UInt8] {
    do {
      return try vm.callStringMethod(m, receiver: receiver)
    } catch let t as VMTrap {
      switch t.kind {
      case .goPanic, .goRuntimePanic, .nilDereference, .indexOutOfRange, .sliceOutOfRange,
        .divisionByZero, .negativeShift:
        // catchPanic (print.go): a nil pointer receiver prints <nil>; else the panic's value.
        if isNilPointer { return Array("<nil>".utf8) }
        var message = Substring(t.kind.message.split(separator: "\n").first ?? "")
        if message.hasPrefix("panic: ") { message = message.dropFirst(7) }
        var text: [UInt8] = Array("%!".utf8)
        GoUTF8.appendRune(&text, verb)
        return text + Array("(PANIC=String method: \(message))".utf8)
      default: throw t
      }
    }
  }

  /// A value's slots as a frame holds it: a scalar normalised in one slot, an aggregate's
  /// memory image rounded up to whole slots.
  private func slots(of value: FmtValue) throws -> [UInt64] {
    let t = value.type
    switch t.kind {
    case .structure, .array, .string, .slice:
      let bytes = try vm.rawBytes(value.source, value.offset, t.size)
      var words = [UInt64](repeating: 0, count: t.words)
      words.withUnsafeMutableBytes { dst in
        for (k, b) in bytes.enumerated() { dst[k] = b }
      }
      return words
    default:
      return [try vm.scalar(t, value.source, value.offset, topLevel: value.inSlot)]
    }
  }
}
