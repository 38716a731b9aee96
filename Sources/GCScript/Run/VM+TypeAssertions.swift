// Interface values at run time: making them (runtime/iface.go convT*, and the compiler's
// static and stack data words: walk/convert.go dataWord), asserting their dynamic type
// (assertE2I, typeAssert; the TypeAssertionError of runtime/error.go), comparing them
// (efaceeq, ifaceeq) and calling their methods through the itab (an OCALLINTER: the code
// pointer in itab.Fun). The type and itab words are read-only data (Lower/RuntimeTypes.swift).

import GoHeap

extension VM {
  var runtimeTypes: RuntimeTypes { session.runtimeTypes }

  /// The descriptor address of the dynamic type of an interface of static type `t` whose first
  /// word is `w` (not 0): the word itself for an `any`, the itab's Type for one with methods.
  func dynamicTypeWord(_ t: GoType, _ w: UInt64) throws -> UInt64 {
    if t.interfaceMethods?.isEmpty ?? true { return w }
    guard let itab = runtimeTypes.itab(at: w) else { throw VMTrap(kind: .internalFault("no itab at 0x\(String(w, radix: 16))")) }
    return itab.typeWord
  }

  /// The dynamic type an interface's first word names (nil: a nil interface).
  func dynamicType(_ t: GoType, _ w: UInt64) throws -> GoType? {
    try dynamicTypeAndWord(t, w)?.type
  }

  /// The dynamic type an interface's first word names and that type's descriptor word (nil: a
  /// nil interface).
  func dynamicTypeAndWord(_ t: GoType, _ w: UInt64) throws -> (type: GoType, word: UInt64)? {
    guard w != 0 else { return nil }
    let d = try dynamicTypeWord(t, w)
    guard let dyn = runtimeTypes.type(at: d) else { throw VMTrap(kind: .internalFault("no type at 0x\(String(d, radix: 16))")) }
    return (dyn, d)
  }

  /// `makeInterface`: the two words of `op.from`'s value at `src` as the interface `op.to`.
  /// `frame`: the running frame's slots (a temporary the value may be kept in).
  func makeInterface(_ op: InterfaceOp, _ dst: UnsafeMutablePointer<UInt64>, _ src: UnsafeMutablePointer<UInt64>, frame: UnsafeMutablePointer<UInt64>) throws {
    guard let to = op.to, case .make(let conversion, let stackSlot) = op.kind else { return }
    let withMethods = !(to.interfaceMethods?.isEmpty ?? true)
    if op.from.isInterface {
      // An interface to another: the same data word, the type word converted (convI2I).
      guard let dyn = try dynamicType(op.from, src[0]) else {
        (dst[0], dst[1]) = (0, 0)
        return
      }
      let data = src[1]
      dst[0] = withMethods ? try itab(to, dyn) : runtimeTypes.descriptor(of: dyn, session)
      dst[1] = data
      return
    }
    let t = op.from
    let typeWord = withMethods ? try itab(to, t) : op.typeWord ?? 0
    let data: UInt64
    let sole = InterfaceConversion.soleComponent(t)
    if isDirect(t) {
      data = src[0]
    } else if t.size == 0 {
      data = GoRuntime.zeroBaseAddress
    } else if sole.isBool || (t.size == 1 && sole.isInteger) {
      // &staticuint64s[v]: a one-byte value's entry, which holds it in its low byte.
      data = session.staticBytesAddress + 8 * (src[0] & 0xFF)
    } else if case .noAllocation? = conversion {
      // A constant (or a composite literal of constants): read-only data with its bytes.
      data = session.rodataAddress(of: Array(UnsafeRawBufferPointer(start: src, count: t.size)))
    } else if let stackSlot {
      // A conversion that does not escape: the value in a temporary of the frame.
      let address = AddressSpace.stackBase + UInt64((frame - stack + stackSlot) * 8)
      try storeValue(t, from: src, to: address)
      data = address
    } else {
      data = try convT(conversion ?? .always, t, src).word
    }
    dst[0] = typeWord
    dst[1] = data
  }

  /// The itab of `t` as `iface` (the checker proved it exists).
  private func itab(_ iface: GoType, _ t: GoType) throws -> UInt64 {
    guard let it = runtimeTypes.itab(iface, t, session) else {
      throw VMTrap(kind: .internalFault("\(t) does not implement \(iface)"))
    }
    return it
  }

  /// The runtime's convT16/32/64, convTstring, convTslice and convT: the data word of a value
  /// that needs a box — staticuint64s for a small value, zeroVal for "" or a nil slice, else a
  /// new heap object of the value's size holding it (`allocated`).
  func convT(_ conversion: InterfaceConversion, _ t: GoType, _ slots: UnsafeMutablePointer<UInt64>) throws -> (word: UInt64, allocated: Bool) {
    switch conversion {
    case .noAllocation:
      return (session.rodataAddress(of: Array(UnsafeRawBufferPointer(start: slots, count: t.size))), false)
    case .smallInteger(let bytes):
      // `if val < uint64(len(staticuint64s))`: the value as the runtime receives it, its
      // memory bits zero-extended (an int16 -3 is 65533: it gets a box).
      let v = memoryBits(t, slots, bytes)
      if v < 256 { return (session.staticBytesAddress + 8 * v, false) }
    case .string:
      if slots[1] == 0 { return (zeroVal(t), false) }  // `if val == ""`: zeroVal
    case .slice:
      if slots[0] == 0 { return (zeroVal(t), false) }  // `if array == nil`: zeroVal
    case .always: break
    }
    // mallocgc(t.Size_, t, ...): a noscan box of 2, 4 or 8 bytes is a tiny allocation.
    let box = try heap.allocate(t, count: 1)
    try storeValue(t, from: slots, to: box)
    return (box, true)
  }

  /// runtime.zeroVal: zeroed read-only data a zero string or slice's data word points to.
  private func zeroVal(_ t: GoType) -> UInt64 {
    session.rodataAddress(of: [UInt8](repeating: 0, count: max(t.size, 24)))
  }

  /// `typeAssert`: x.(T), v, ok := x.(T), a type switch's test and its clause's variable.
  func typeAssert(_ op: InterfaceOp, _ dst: UnsafeMutablePointer<UInt64>, _ src: UnsafeMutablePointer<UInt64>) throws {
    guard case .assert(let mode) = op.kind else { return }
    let w = src[0]
    let dynWord = w == 0 ? nil : try dynamicTypeWord(op.from, w)
    var ok = false
    var word0: UInt64 = 0
    if let to = op.to {
      if to.isInterface {
        if let dynWord, let dyn = runtimeTypes.type(at: dynWord) {
          if to.interfaceMethods?.isEmpty ?? true {
            (ok, word0) = (true, dynWord)
          } else if let it = runtimeTypes.itab(to, dyn, session) {
            (ok, word0) = (true, it)
          }
        }
      } else {
        ok = dynWord != nil && dynWord == op.typeWord
      }
    } else {
      ok = w == 0
    }
    if mode == .test {
      dst[0] = ok ? 1 : 0
      return
    }
    guard let to = op.to else { return }
    if ok {
      if to.isInterface {
        (dst[0], dst[1]) = (word0, src[1])
      } else if isDirect(to) {
        dst[0] = src[1]
      } else {
        dst.update(repeating: 0, count: to.words)
        try loadValue(to, from: src[1], into: dst)
      }
    } else if mode == .commaOk {
      dst.update(repeating: 0, count: to.words)
    } else {
      throw VMTrap(kind: .goPanic(try assertionFailure(op.from, dynWord, to)))
    }
    if mode == .commaOk { dst[to.words] = ok ? 1 : 0 }
  }

  /// TypeAssertionError.Error (runtime/error.go), with reflect's type names.
  private func assertionFailure(_ from: GoType, _ dynWord: UInt64?, _ to: GoType) throws -> String {
    let inter = goTypeString(from)
    let asserted = goTypeString(to)
    guard let dynWord, let dyn = runtimeTypes.type(at: dynWord) else {
      return "interface conversion: \(inter) is nil, not \(asserted)"
    }
    if to.isInterface, let missing = to.interfaceMethods?.first(where: { runtimeTypes.method(of: dyn, $0.name) == nil }) {
      return "interface conversion: \(goTypeString(dyn)) is not \(asserted): missing method \(missing.name)"
    }
    return "interface conversion: \(inter) is \(goTypeString(dyn)), not \(asserted)"
  }

  /// `ifaceEq`: efaceeq / ifaceeq — the same type word, then the values by the type's ==; a
  /// type without == panics (`comparing uncomparable type []int`).
  func interfacesEqual(_ t: GoType, _ x: UnsafeMutablePointer<UInt64>, _ y: UnsafeMutablePointer<UInt64>) throws -> Bool {
    guard x[0] == y[0] else { return false }
    guard let dyn = try dynamicType(t, x[0]) else { return true }
    guard dyn.isComparable else {
      throw VMTrap(kind: .goRuntimePanic("comparing uncomparable type \(goTypeString(dyn))"))
    }
    if isDirect(dyn) { return x[1] == y[1] }
    if dyn.isInterface { return false }
    return try keysEqual(dyn, .memory(x[1]), false, .memory(y[1]), false)
  }

  /// `callInterface`'s target: the method in the itab of the interface at s[i.a] (a nil one
  /// panics), or nil when the method ran natively (errors.errorString.Error) and its result is
  /// in place.
  func interfaceMethod(_ i: Instruction, _ s: UnsafeMutablePointer<UInt64>) throws -> (code: Int, entry: MethodEntry)? {
    try dispatch(itab: s[Int(i.a)], method: Int(i.d) >> 16, window: s + Int(i.b), receiverSlot: Int(i.d) & 0xFFFF, depth: 0)
  }

  /// The itab's method `k` with its receiver in window[receiverSlot] (the results from
  /// window[0]): the program's function to call, or nil when it ran natively.
  private func dispatch(
    itab itabWord: UInt64, method k: Int, window: UnsafeMutablePointer<UInt64>, receiverSlot: Int, depth: Int
  ) throws -> (code: Int, entry: MethodEntry)? {
    // An embedded interface that holds its own struct (`e.error = e`) calls itself through
    // Go's wrappers until the goroutine's stack overflows.
    if depth > 200 { throw VMTrap(kind: .stackOverflow) }
    guard itabWord != 0 else { throw VMTrap(kind: .nilDereference) }
    guard let itab = runtimeTypes.itab(at: itabWord) else {
      throw VMTrap(kind: .internalFault("no itab at 0x\(String(itabWord, radix: 16))"))
    }
    let entry = itab.methods[k]
    switch entry.code {
    case .errorStringError:
      // `func (e *errorString) Error() string { return e.s }`.
      let p = window[receiverSlot]
      let data = try load(p, 8)
      let length = try load(p + 8, 8)
      (window[0], window[1]) = (data, length)
      return nil
    case .joinErrorError:
      // The errors' Error methods may be the program's, run on this stack, which may move:
      // the window is found afresh after them.
      let offset = window - stack
      let text = try joinErrorText(window[receiverSlot])
      (stack[offset], stack[offset + 1]) = text
      return nil
    case .numErrorError:
      // The message is a new string (a concatenation in Go).
      let text = try numErrorText(window[receiverSlot])
      try newString(text, into: window)
      return nil
    case .randSource(let name):
      // math/rand's own sources: the result (Int63, Uint64) in place; Seed's seed follows the
      // receiver.
      let v = try sourceCall(itabWord, window[receiverSlot], name, seed: Int64(bitPattern: window[receiverSlot + 1]))
      if name != "Seed" { window[0] = v }
      return nil
    case .nativeMethod(let builtin):
      // A *bytes.Buffer's or *strings.Builder's method: its builtin, the results from
      // window[0]. The stack does not move meanwhile (no callback runs).
      let name = itab.interface.interfaceMethods?[k].name ?? "?"
      let arguments = Array(UnsafeBufferPointer(start: window + receiverSlot + 1, count: entry.signature.parameterWords))
      let words = try nativeMethod(
        entry.base, builtin, name, receiver: window[receiverSlot], arguments, resultWords: entry.signature.resultWords)
      for (k, w) in words.enumerated() { window[k] = w }
      return nil
    case .embeddedInterface(let name):
      // The wrapper Go generates calls the embedded interface's method: its itab and data word
      // from the field the path reaches.
      let (inner, data) = try embeddedInterface(window[receiverSlot], entry, outerIsValue: holdsOuterValue(itab.type))
      guard let innerItab = runtimeTypes.itab(at: inner),
        let j = innerItab.interface.interfaceMethods?.firstIndex(where: { $0.name == name })
      else { throw VMTrap(kind: .nilDereference) }
      window[receiverSlot] = data
      return try dispatch(itab: inner, method: j, window: window, receiverSlot: receiverSlot, depth: depth + 1)
    case .function(let code):
      if !entry.path.isEmpty {
        window[receiverSlot] = try promotedReceiver(window[receiverSlot], entry, outerIsValue: holdsOuterValue(itab.type))
      }
      return (code, entry)
    }
  }

  /// The receiver of a method promoted from an embedded field, from the interface's data word:
  /// the outer value's address (or, for a pointer-shaped outer type, the value itself) moved
  /// along the embedding path — each field's offset, following an embedded pointer — to the
  /// embedded value's address, or to the value itself when the method takes a pointer-shaped
  /// value (valueReceiver copies any other from its address).
  /// Whether an interface's data word is the dynamic value itself rather than its address: a
  /// pointer-shaped struct (`struct{ *T }`). For a pointer type the word is the struct's
  /// address, which is what the embedding path starts from.
  func holdsOuterValue(_ t: GoType) -> Bool { !t.isPointer && isDirect(t) }

  /// Whether a value of `t` is its interface's data word, by the profile's compiler
  /// (InterfaceConversion.swift DirectInterfaceRule).
  func isDirect(_ t: GoType) -> Bool { InterfaceConversion.isDirectIface(t, directInterface) }

  /// The interface value (itab, data) in the embedded interface field `entry` promotes a
  /// method from; a nil one faults, as Go's wrapper does.
  func embeddedInterface(_ word: UInt64, _ entry: MethodEntry, outerIsValue: Bool) throws -> (UInt64, UInt64) {
    let field = try promotedReceiver(word, entry, outerIsValue: outerIsValue)
    if field < AddressSpace.nilPage { throw VMTrap(kind: .nilDereference) }
    let (inner, data) = (try load(field, 8), try load(field + 8, 8))
    if inner == 0 { throw VMTrap(kind: .nilDereference) }
    return (inner, data)
  }

  func promotedReceiver(_ word: UInt64, _ entry: MethodEntry, outerIsValue: Bool) throws -> UInt64 {
    var p = word
    var isValue = outerIsValue
    for step in entry.path {
      if isValue {
        // A pointer-shaped struct's one field is the word itself.
        if step.indirect { isValue = false }
        continue
      }
      p &+= UInt64(step.offset)
      if step.indirect {
        if p < AddressSpace.nilPage { throw VMTrap(kind: .nilDereference) }
        p = try load(p, 8)
      }
    }
    if !isValue, !entry.pointerReceiver, isDirect(entry.base) {
      if p < AddressSpace.nilPage { throw VMTrap(kind: .nilDereference) }
      p = try load(p, 8)
    }
    if p == 0 && entry.pointerReceiver == false && !isDirect(entry.base) {
      throw VMTrap(kind: .nilDereference)
    }
    return p
  }

  /// A value-receiver method called through an interface whose data word points to the value
  /// (a box, or a *T's pointee): Go's autogenerated wrapper copies it into the receiver. The
  /// arguments after the receiver's slot move up to make room. Returns the window's size.
  func valueReceiver(_ entry: MethodEntry, _ window: UnsafeMutablePointer<UInt64>, resultWords: Int, size c: Int) throws -> Int {
    guard !entry.pointerReceiver, !isDirect(entry.base) else { return c }
    let receiver = window + resultWords
    let p = receiver[0]
    // The wrapper dereferences the pointer: a nil one faults (Go 1.27.3 prints the nil
    // dereference, not runtime.panicwrap's message).
    if p == 0 { throw VMTrap(kind: .nilDereference) }
    let words = entry.base.words
    let params = c - resultWords - 1
    var k = params
    while k > 0 {
      receiver[words + k - 1] = receiver[k]
      k -= 1
    }
    receiver.update(repeating: 0, count: words)
    try loadValue(entry.base, from: p, into: receiver)
    return c + words - 1
  }

  /// The elements of a slice passed as a variadic parameter (`fmt.Println(values...)`), each
  /// as an operand in host words (the caller frees them; the slice keeps the elements alive).
  func spreadOperands(_ t: GoType, _ slice: UnsafeMutablePointer<UInt64>) throws -> ([(GoType, UnsafeMutablePointer<UInt64>)], UnsafeMutablePointer<UInt64>) {
    let elem = t.sliceElement ?? .any
    let n = Int(slice[1])
    let words = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, n * elem.words))
    var out: [(GoType, UnsafeMutablePointer<UInt64>)] = []
    for k in 0..<n {
      let p = words + k * elem.words
      p.initialize(repeating: 0, count: elem.words)
      try loadValue(elem, from: slice[0] + UInt64(k * elem.size), into: p)
      out.append((elem, p))
    }
    return (out, words)
  }

  /// An operand of a print call as fmt receives it: an interface operand is its dynamic value
  /// (or the nil interface).
  func fmtOperand(_ t: GoType, _ p: UnsafeMutablePointer<UInt64>) throws -> FmtValue {
    guard t.isInterface else { return FmtValue.operand(t, p) }
    let v = FmtValue(type: t, source: .slots(p), offset: 0, inSlot: true, readOnly: false)
    return try dynamicValue(v) ?? FmtValue(type: untypedNilType, source: .slots(p), offset: 0, inSlot: true, readOnly: false)
  }

  /// The dynamic value of an interface value (reflect's Value.Elem), nil for a nil interface.
  func dynamicValue(_ v: FmtValue) throws -> FmtValue? {
    let w = try word(v.source, v.offset)
    guard let dyn = try dynamicType(v.type, w) else { return nil }
    if isDirect(dyn) {
      return FmtValue(type: dyn, source: v.source, offset: v.offset + 8, inSlot: v.inSlot, readOnly: v.readOnly)
    }
    let data = try word(v.source, v.offset + 8)
    return FmtValue(type: dyn, source: .memory(data), offset: 0, inSlot: false, readOnly: v.readOnly)
  }
}
