// The dispatch loop: one switch over the running function's instructions. Each case does what
// Bytecode.swift says its opcode means; the operations too large to write inline are in
// VM+Operations.swift and VM+Builtins.swift.

import GoHeap

extension VM {
  /// Runs the frames on the call stack until the bottom one returns.
  func execute() throws {
    // The running frame: its record, code, constants and slots.
    var fp = frames.pointer + (frames.count - 1)
    var code = Unmanaged.passUnretained(session.functions[fp.pointee.function])
    var ins = code._withUnsafeGuaranteedRef { $0.compiled }
    var k = code._withUnsafeGuaranteedRef { $0.constantsPointer }
    var objectTypes = code._withUnsafeGuaranteedRef { $0.objectTypes }
    var s = stack + fp.pointee.base
    var pc = fp.pointee.pc

    while true {
      let i = ins[pc]
      pendingNs &+= Int(i.cost)
      let a = Int(i.a)
      let b = Int(i.b)
      let c = Int(i.c)
      switch i.op {
      // Moves and constants.
      case .move: s[a] = s[b]
      case .moveWords: if c == 1 { s[a] = s[b] } else { (s + a).update(from: s + b, count: c) }
      case .constant: s[a] = k[b]
      case .immediate: s[a] = UInt64(bitPattern: Int64(i.b))
      case .zero: (s + a).update(repeating: 0, count: b)
      case .loadGlobal: if c == 1 { s[a] = globals[b] } else { (s + a).update(from: globals + b, count: c) }
      case .storeGlobal:
        if c == 1 { globals[a] = s[b] } else { (globals + a).update(from: s + b, count: c) }
        assert(!globalPointsIntoStack(a, c), "a global holds a pointer into the stack")

      // Integers.
      case .add: s[a] = s[b] &+ s[c]
      case .sub: s[a] = s[b] &- s[c]
      case .mul: s[a] = s[b] &* s[c]
      case .and: s[a] = s[b] & s[c]
      case .or: s[a] = s[b] | s[c]
      case .xor: s[a] = s[b] ^ s[c]
      case .andNot: s[a] = s[b] & ~s[c]
      case .addImm: s[a] = s[b] &+ UInt64(bitPattern: Int64(i.c))
      case .subImm: s[a] = s[b] &- UInt64(bitPattern: Int64(i.c))
      case .mulImm: s[a] = s[b] &* UInt64(bitPattern: Int64(i.c))
      case .andImm: s[a] = s[b] & UInt64(bitPattern: Int64(i.c))
      case .divSImm: s[a] = UInt64(bitPattern: Int64(bitPattern: s[b]).dividedReportingOverflow(by: Int64(i.c)).partialValue)
      case .remSImm: s[a] = UInt64(bitPattern: Int64(bitPattern: s[b]).remainderReportingOverflow(dividingBy: Int64(i.c)).partialValue)
      case .divUImm: s[a] = s[b] / UInt64(i.c)
      case .remUImm: s[a] = s[b] % UInt64(i.c)
      case .divS, .remS:
        let y = Int64(bitPattern: s[c])
        if y == 0 { fp.pointee.pc = pc; throw VMTrap(kind: .divisionByZero) }
        let x = Int64(bitPattern: s[b])
        let r = i.op == .divS ? x.dividedReportingOverflow(by: y).partialValue : x.remainderReportingOverflow(dividingBy: y).partialValue
        s[a] = UInt64(bitPattern: r)
      case .divU, .remU:
        let y = s[c]
        if y == 0 { fp.pointee.pc = pc; throw VMTrap(kind: .divisionByZero) }
        s[a] = i.op == .divU ? s[b] / y : s[b] % y
      case .shl, .shrS, .shrU:
        let n = s[c]
        if i.d == 1 && Int64(bitPattern: n) < 0 { fp.pointee.pc = pc; throw VMTrap(kind: .negativeShift) }
        let x = s[b]
        switch i.op {
        case .shl: s[a] = n >= 64 ? 0 : x << n
        case .shrU: s[a] = n >= 64 ? 0 : x >> n
        default:
          let v = Int64(bitPattern: x)
          s[a] = UInt64(bitPattern: n >= 64 ? (v < 0 ? -1 : 0) : v >> Int64(n))
        }
      case .neg: s[a] = 0 &- s[b]
      case .complement: s[a] = ~s[b]
      case .not: s[a] = s[b] ^ 1
      case .extend:
        let shift = UInt64(64 - c)
        s[a] = i.d == 1 ? UInt64(bitPattern: Int64(bitPattern: s[b] << shift) >> Int64(shift)) : (s[b] << shift) >> shift

      // Comparisons.
      case .eq: s[a] = s[b] == s[c] ? 1 : 0
      case .ne: s[a] = s[b] != s[c] ? 1 : 0
      case .ltS: s[a] = Int64(bitPattern: s[b]) < Int64(bitPattern: s[c]) ? 1 : 0
      case .leS: s[a] = Int64(bitPattern: s[b]) <= Int64(bitPattern: s[c]) ? 1 : 0
      case .ltU: s[a] = s[b] < s[c] ? 1 : 0
      case .leU: s[a] = s[b] <= s[c] ? 1 : 0
      case .eqImm: s[a] = Int64(bitPattern: s[b]) == Int64(i.c) ? 1 : 0
      case .neImm: s[a] = Int64(bitPattern: s[b]) != Int64(i.c) ? 1 : 0
      case .ltSImm: s[a] = Int64(bitPattern: s[b]) < Int64(i.c) ? 1 : 0
      case .leSImm: s[a] = Int64(bitPattern: s[b]) <= Int64(i.c) ? 1 : 0
      case .gtSImm: s[a] = Int64(bitPattern: s[b]) > Int64(i.c) ? 1 : 0
      case .geSImm: s[a] = Int64(bitPattern: s[b]) >= Int64(i.c) ? 1 : 0

      // Floats.
      case .fadd: s[a] = (Double(bitPattern: s[b]) + Double(bitPattern: s[c])).bitPattern
      case .fsub: s[a] = (Double(bitPattern: s[b]) - Double(bitPattern: s[c])).bitPattern
      case .fmul: s[a] = (Double(bitPattern: s[b]) * Double(bitPattern: s[c])).bitPattern
      case .fdiv: s[a] = (Double(bitPattern: s[b]) / Double(bitPattern: s[c])).bitPattern
      case .fneg: s[a] = (-Double(bitPattern: s[b])).bitPattern
      case .feq: s[a] = Double(bitPattern: s[b]) == Double(bitPattern: s[c]) ? 1 : 0
      case .fne: s[a] = Double(bitPattern: s[b]) != Double(bitPattern: s[c]) ? 1 : 0
      case .flt: s[a] = Double(bitPattern: s[b]) < Double(bitPattern: s[c]) ? 1 : 0
      case .fle: s[a] = Double(bitPattern: s[b]) <= Double(bitPattern: s[c]) ? 1 : 0
      case .roundF32: s[a] = Double(Float(Double(bitPattern: s[b]))).bitPattern
      case .intToFloat: s[a] = Double(Int64(bitPattern: s[b])).bitPattern
      case .uintToFloat: s[a] = Double(s[b]).bitPattern
      case .floatToInt: s[a] = UInt64(bitPattern: Self.truncate(Double(bitPattern: s[b])))
      case .floatToUint: s[a] = Self.truncateUnsigned(Double(bitPattern: s[b]))

      // Strings.
      case .strEq, .strNe, .strLt, .strLe:
        fp.pointee.pc = pc
        s[a] = try compareStrings(i.op, s + b, s + c) ? 1 : 0
      case .aggEq:
        fp.pointee.pc = pc
        let t = code._withUnsafeGuaranteedRef { $0.equalities[Int(i.d)] }
        s[a] = try aggregateEqual(t, UnsafeRawPointer(s + b), UnsafeRawPointer(s + c)) ? 1 : 0
      case .aggEqMemory:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        let t = code._withUnsafeGuaranteedRef { $0.equalities[Int(i.d)] }
        s[a] = try memoryEqual(t, s[b], s[c]) ? 1 : 0
      case .concat:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        try concat(code._withUnsafeGuaranteedRef { $0.concats[b] }, into: s + a, s)
        s = stack + fp.pointee.base
      case .strIndex:
        let len = s[b + 1]
        let idx = s[c]
        if idx >= len { fp.pointee.pc = pc; throw VMTrap(kind: .indexOutOfRange(index: Int(Int64(bitPattern: idx)), length: Int(len))) }
        fp.pointee.pc = pc
        s[a] = try load(s[b] &+ idx, 1)

      // Control flow.
      case .jump: pc = a; continue
      case .loop: if a <= pc { fp.pointee.pc = pc; try loopIteration() }; pc = a; continue
      case .jumpIf: if s[a] != 0 { if b <= pc { fp.pointee.pc = pc; try loopIteration() }; pc = b; continue }
      case .jumpIfNot: if s[a] == 0 { if b <= pc { fp.pointee.pc = pc; try loopIteration() }; pc = b; continue }
      case .brLtS: if Int64(bitPattern: s[a]) < Int64(bitPattern: s[b]) { if c <= pc { fp.pointee.pc = pc; try loopIteration() }; pc = c; continue }
      case .brLeS: if Int64(bitPattern: s[a]) <= Int64(bitPattern: s[b]) { if c <= pc { fp.pointee.pc = pc; try loopIteration() }; pc = c; continue }
      case .brEq: if s[a] == s[b] { if c <= pc { fp.pointee.pc = pc; try loopIteration() }; pc = c; continue }
      case .brNe: if s[a] != s[b] { if c <= pc { fp.pointee.pc = pc; try loopIteration() }; pc = c; continue }
      case .brLtSImm: if Int64(bitPattern: s[a]) < Int64(i.b) { if c <= pc { fp.pointee.pc = pc; try loopIteration() }; pc = c; continue }
      case .brGeSImm: if Int64(bitPattern: s[a]) >= Int64(i.b) { if c <= pc { fp.pointee.pc = pc; try loopIteration() }; pc = c; continue }
      case .brEqImm: if Int64(bitPattern: s[a]) == Int64(i.b) { if c <= pc { fp.pointee.pc = pc; try loopIteration() }; pc = c; continue }
      case .brNeImm: if Int64(bitPattern: s[a]) != Int64(i.b) { if c <= pc { fp.pointee.pc = pc; try loopIteration() }; pc = c; continue }

      // Memory.
      case .load1S, .load1U, .load2S, .load2U, .load4S, .load4U, .load8, .loadF32:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        s[a] = Self.normalise(i.op, try load(s[b] &+ UInt64(bitPattern: Int64(c)), Self.width(i.op)))
      case .store1, .store2, .store4, .store8, .storeF32:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        try store(s[b] &+ UInt64(bitPattern: Int64(c)), Self.raw(i.op, s[a]), Self.width(i.op))
      case .loadBlock:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        let n = Int(i.d)
        let data = try bytes(s[b] &+ UInt64(bitPattern: Int64(c)), n)
        (s + a).update(repeating: 0, count: (n + 7) / 8)
        UnsafeMutableRawPointer(s + a).copyMemory(from: data, byteCount: n)
      case .storeBlock:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        let n = Int(i.d)
        let data = Array(UnsafeRawBufferPointer(start: UnsafeRawPointer(s + a), count: n))
        try write(data, at: s[b] &+ UInt64(bitPattern: Int64(c)))
      case .copyBlock:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        if s[a] < AddressSpace.nilPage || s[b] < AddressSpace.nilPage { throw VMTrap(kind: .nilDereference) }
        try copyMemory(to: s[a], from: s[b], c)
      case .clearBlock:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        if s[a] < AddressSpace.nilPage { throw VMTrap(kind: .nilDereference) }
        try clearMemory(s[a] &+ UInt64(b), c)
      case .frameAddress:
        s[a] = AddressSpace.stackBase + UInt64((fp.pointee.base + b) * 8)
      case .globalAddress:
        s[a] = AddressSpace.globalsBase + UInt64(b * 8)
      case .offsetAddress:
        if s[b] < AddressSpace.nilPage { fp.pointee.pc = pc; throw VMTrap(kind: .nilDereference) }
        s[a] = s[b] &+ UInt64(bitPattern: Int64(c))
      case .nilCheck:
        if s[a] < AddressSpace.nilPage { fp.pointee.pc = pc; throw VMTrap(kind: .nilDereference) }

      // Slices and arrays.
      case .sliceToArrayPointer:
        if s[b + 1] < UInt64(c) { fp.pointee.pc = pc; throw sliceToArrayError(length: s[b + 1], arrayLength: c) }
        s[a] = s[b]
      case .elementAddress:
        let idx = s[c]
        if idx >= s[b + 1] { fp.pointee.pc = pc; throw indexError(idx, s[b + 1]) }
        s[a] = s[b] &+ idx &* UInt64(i.d)
      case .loadElem1S, .loadElem1U, .loadElem2S, .loadElem2U, .loadElem4S, .loadElem4U, .loadElem8, .loadElemF32:
        let idx = s[c]
        if idx >= s[b + 1] { fp.pointee.pc = pc; throw indexError(idx, s[b + 1]) }
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        let w = Self.width(i.op)
        s[a] = Self.normalise(i.op, try load(s[b] &+ idx &* UInt64(w), w))
      case .storeElem1, .storeElem2, .storeElem4, .storeElem8, .storeElemF32:
        let idx = s[c]
        if idx >= s[b + 1] { fp.pointee.pc = pc; throw indexError(idx, s[b + 1]) }
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        let w = Self.width(i.op)
        try store(s[b] &+ idx &* UInt64(w), Self.raw(i.op, s[a]), w)
      case .arrayElementAddress:
        let desc = code._withUnsafeGuaranteedRef { $0.arrayIndexes[Int(i.d)] }
        let idx = s[c]
        if idx >= UInt64(desc.count) { fp.pointee.pc = pc; throw indexError(idx, UInt64(desc.count)) }
        if s[b] < AddressSpace.nilPage { fp.pointee.pc = pc; throw VMTrap(kind: .nilDereference) }
        s[a] = s[b] &+ idx &* UInt64(desc.elemSize)
      case .slice:
        fp.pointee.pc = pc
        try slice(code._withUnsafeGuaranteedRef { $0.slices[c] }, s + a, s + b, s)
      case .allocate:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        if let t = objectTypes[b] {
          // `new(T)` on the heap, the commonest allocation: no descriptor to read.
          s[a] = try t._withUnsafeGuaranteedRef { try heap.allocate($0, count: 1) }
          if explaining { noteHeapAllocation(code._withUnsafeGuaranteedRef { $0.allocations[b].site }) }
        } else {
          try allocate(code._withUnsafeGuaranteedRef { $0.allocations[b] }, into: a, s)
        }
      case .append:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        try append(code._withUnsafeGuaranteedRef { $0.appends[c] }, into: a, base: b, s)
        s = stack + fp.pointee.base
      case .moveToHeap:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        try moveToHeap(code._withUnsafeGuaranteedRef { $0.movesToHeap[b] }, slot: a)
        s = stack + fp.pointee.base
      case .copy:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        s[a] = UInt64(try copySlices(s + b, s + c, elemSize: Int(i.d)))
      case .clear:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        try clearMemory(s[a], Int(s[a + 1]) * b)
      case .fill:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        try fill(code._withUnsafeGuaranteedRef { $0.fills[a] }, s)
      case .convertString:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        try convert(code._withUnsafeGuaranteedRef { $0.conversions[b] }, into: s + a, from: s + c)
        s = stack + fp.pointee.base

      // Calls.
      case .call, .callValue, .callInterface:
        fp.pointee.pc = pc
        // Through a value: the funcval's code pointer names the function; the funcval is the
        // callee's closure context. Through an interface: the itab's method (VM+TypeAssertions).
        var method: MethodEntry? = nil
        let a: Int
        switch i.op {
        case .call: a = Int(i.a)
        case .callValue: a = try funcvalTarget(s[Int(i.a)])
        default:
          guard let (target, entry) = try interfaceMethod(i, s) else {
            pc += 1  // ran natively
            continue
          }
          (a, method) = (target, entry)
        }
        let callee = session.functions[a]
        let base = fp.pointee.base + b
        // The prologue's stack check: the new frame's simulated top against the guard.
        if base &* 8 &+ frames.count &* 16 &+ callee.stackCheckBytes >= stackGuard.pointee {
          try morestack(callee, base: base)
        }
        var c = c
        if let method { c = try valueReceiver(method, stack + base, resultWords: Int(i.d) & 0xFFFF, size: c) }
        if callee.frameSize > c { (stack + base + c).update(repeating: 0, count: callee.frameSize - c) }
        if Interrupt.requested {
          Interrupt.requested = false
          throw VMTrap(kind: .interrupted)
        }
        try step()
        frames.push(CallFrame(function: a, base: base, pc: 0))
        fp = frames.pointer + (frames.count - 1)
        code = Unmanaged.passUnretained(callee)
        ins = callee.compiled
        k = callee.constantsPointer
        objectTypes = callee.objectTypes
        s = stack + base
        pc = 0
        continue
      case .closureContext: s[a] = closureContext
      case .ret:
        if b > 0 && a != 0 { s.update(from: s + a, count: b) }
        assert(!resultPointsIntoFrame(), "\(session.functions[fp.pointee.function].name) returns a pointer into its own frame")
        frames.pop()
        if frames.count == stopDepth { return }
        fp = frames.pointer + (frames.count - 1)
        let caller = session.functions[fp.pointee.function]
        code = Unmanaged.passUnretained(caller)
        ins = caller.compiled
        k = caller.constantsPointer
        objectTypes = caller.objectTypes
        s = stack + fp.pointee.base
        pc = fp.pointee.pc + 1
        continue
      case .builtin:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        try builtin(code._withUnsafeGuaranteedRef { $0.builtins[a] }, s)
        // A builtin may call back into the program (fmt calling a String method), which may
        // have moved the frame records and the stack.
        fp = frames.pointer + (frames.count - 1)
        s = stack + fp.pointee.base
      case .narrate:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        statementFinished(narration: Int(a))
      case .mapOp:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        let more = try mapOperation(code._withUnsafeGuaranteedRef { $0.mapOps[b] }, into: a, s)
        s = stack + fp.pointee.base
        if !more { pc = c; continue }
      case .makeInterface:
        fp.pointee.pc = pc; if pendingNs > 0 { try flushTime() }
        try makeInterface(code._withUnsafeGuaranteedRef { $0.interfaceOps[c] }, s + a, s + b, frame: s)
      case .typeAssert:
        fp.pointee.pc = pc
        try typeAssert(code._withUnsafeGuaranteedRef { $0.interfaceOps[c] }, s + a, s + b)
      case .ifaceEq:
        fp.pointee.pc = pc
        let t = code._withUnsafeGuaranteedRef { $0.interfaceOps[Int(i.d) >> 1].from }
        s[a] = try interfacesEqual(t, s + b, s + c) != (i.d & 1 == 1) ? 1 : 0
      case .nextRune:
        fp.pointee.pc = pc
        let (rune, width) = try decodeRune(s + b, at: Int(s[c]))
        s[a] = UInt64(bitPattern: Int64(rune))
        s[c] &+= UInt64(width)
      }
      pc += 1
    }
  }

  /// A taken branch backwards, a loop iteration: Ctrl-C is honoured, time reaches the clock.
  @inline(__always)
  func loopIteration() throws {
    if Interrupt.requested {
      Interrupt.requested = false
      throw VMTrap(kind: .interrupted)
    }
    try step()
    if pendingNs > 0 { try flushTime() }
    if multipleGoroutines { try preemptIfDue() }
  }

  /// Counts `n` steps (a loop iteration, a call) against `--max-steps`.
  @inline(__always)
  func step(_ n: Int = 1) throws {
    stepsLeft &-= n
    if stepsLeft < 0, let limit = maxSteps {
      stepsLeft = 0
      throw VMTrap(kind: .invalidSetting(
        "stopped by --max-steps \(limit): the run took more than \(limit) steps (loop iterations and calls)"))
    }
  }

  /// A slice shorter than the array it converts to (runtime/error.go boundsConvert; Go 1.20
  /// added the array conversion and the words for it).
  func sliceToArrayError(length: UInt64, arrayLength: Int) -> VMTrap {
    let what = heap.profile.version >= GoVersion(1, 20) ? "array or pointer to array" : "pointer to array"
    return VMTrap(kind: .goRuntimePanic("cannot convert slice with length \(length) to \(what) with length \(arrayLength)"))
  }

  func indexError(_ idx: UInt64, _ len: UInt64) -> VMTrap {
    VMTrap(kind: .indexOutOfRange(index: Int(Int64(bitPattern: idx)), length: Int(len)))
  }

  /// Bytes a sized memory opcode moves.
  @inline(__always)
  static func width(_ op: Opcode) -> Int {
    switch op {
    case .load1S, .load1U, .store1, .loadElem1S, .loadElem1U, .storeElem1: return 1
    case .load2S, .load2U, .store2, .loadElem2S, .loadElem2U, .storeElem2: return 2
    case .load4S, .load4U, .store4, .loadElem4S, .loadElem4U, .storeElem4, .loadF32, .storeF32,
      .loadElemF32, .storeElemF32:
      return 4
    default: return 8
    }
  }

  /// A loaded value in a slot's form: sign-extended, or a float32 as the double it is.
  @inline(__always)
  static func normalise(_ op: Opcode, _ v: UInt64) -> UInt64 {
    switch op {
    case .load1S, .loadElem1S: return UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: v)))
    case .load2S, .loadElem2S: return UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: v)))
    case .load4S, .loadElem4S: return UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: v)))
    case .loadF32, .loadElemF32: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: v))).bitPattern
    default: return v
    }
  }

  /// A slot's value in memory's form (a float32's 4 bytes).
  @inline(__always)
  static func raw(_ op: Opcode, _ v: UInt64) -> UInt64 {
    switch op {
    case .storeF32, .storeElemF32: return UInt64(Float(Double(bitPattern: v)).bitPattern)
    default: return v
    }
  }

  /// Go's float-to-integer conversion on amd64 (CVTTSD2SQ): out of range gives the minimum.
  static func truncate(_ d: Double) -> Int64 {
    guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else { return Int64.min }
    return Int64(d)
  }

  static func truncateUnsigned(_ d: Double) -> UInt64 {
    guard d.isFinite, d > -1, d < 1.8446744073709552e19 else { return UInt64(bitPattern: Int64.min) }
    if d < 9.223372036854775808e18 { return UInt64(bitPattern: Int64(d)) }
    return UInt64(d)
  }
}
